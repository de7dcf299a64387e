"""The one catalogue of user-visible strings (French by default, English available).

Every string shown to a user is looked up here with :func:`t`. The catalogue is split in
several modules by area only so that parallel work does not collide; they are merged into
one dictionary at import, and a test checks that every key exists in both languages with the
same placeholders. This module imports neither textual nor rich: the domain uses it too.
"""

from __future__ import annotations

from collections.abc import Mapping

from pixtui.i18n import (
    messages_after,
    messages_cli,
    messages_deploy,
    messages_documents,
    messages_domain,
    messages_exports,
    messages_imports,
    messages_planning,
    messages_prep,
    messages_results,
    messages_room,
    messages_store,
    messages_ui,
)

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"

_MODULES = (
    messages_domain,
    messages_store,
    messages_ui,
    messages_room,
    messages_cli,
    messages_documents,
    messages_imports,
    messages_results,
    messages_prep,
    messages_exports,
    messages_after,
    messages_deploy,
    messages_planning,
)


def _merge() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for module in _MODULES:
        for key, pair in module.MESSAGES.items():
            if key in merged:
                raise RuntimeError(f"duplicate catalogue key {key!r} in {module.__name__}")
            merged[key] = pair
    return merged


CATALOGUE: Mapping[str, tuple[str, str]] = _merge()

_language = DEFAULT_LANGUAGE


def set_language(language: str | None) -> str:
    """Select the interface language; unknown values fall back to French."""
    global _language
    _language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    return _language


def get_language() -> str:
    return _language


def t(key: str, /, **params: object) -> str:
    """The message ``key`` in the current language, formatted with ``params``.

    A missing key is a programming error, but the user must never see a traceback for it:
    the key itself is shown instead (and the catalogue test catches it before release).
    """
    pair = CATALOGUE.get(key)
    if pair is None:
        return key
    text = pair[0] if _language == "fr" else pair[1]
    return text.format(**params) if params else text
