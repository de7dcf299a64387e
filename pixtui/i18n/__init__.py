"""The one catalogue of user-visible strings (French by default, English available).

Every string shown to a user is looked up here with :func:`t`. The catalogue is split in
several modules by area only so that parallel work does not collide; they are merged into
one dictionary at import, and a test checks that every key exists in both languages with the
same placeholders. This module imports neither textual nor rich: the domain uses it too.

Plurals are written in the catalogue, never hand-made with "(s)": a field whose format is
``plural:ONE|OTHER`` prints ONE or OTHER by the number it names, with each language's rule
(French takes the singular for 0 and 1, English for 1 only), for example
``"{count} {count:plural:élève inscrit|élèves inscrits}"``. :func:`plural_text` is the one home
of that rule; :func:`tn` is the gettext ``ngettext`` of this catalogue: ``tn(key, n)`` is
``t(key, count=n)``.
"""

from __future__ import annotations

import string
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


PLURAL_SPEC = "plural:"


def is_singular(count: float, language: str | None = None) -> bool:
    """Whether ``count`` takes the singular in ``language`` (CLDR: French "one" is 0 ≤ n < 2)."""
    if (language or _language) == "fr":
        return 0 <= abs(count) < 2
    return count == 1


def plural_text(count: object, forms: str, language: str | None = None) -> str:
    """``"ONE|OTHER"`` chosen by ``count`` (a value that is not a number takes OTHER)."""
    one, _, other = forms.partition("|")
    try:
        number = float(count)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return other or one
    return one if is_singular(number, language) else (other or one)


class _CatalogueFormatter(string.Formatter):
    def format_field(self, value: object, format_spec: str) -> str:
        if format_spec.startswith(PLURAL_SPEC):
            return plural_text(value, format_spec[len(PLURAL_SPEC) :])
        return super().format_field(value, format_spec)


_FORMATTER = _CatalogueFormatter()


def t(key: str, /, **params: object) -> str:
    """The message ``key`` in the current language, formatted with ``params``.

    A missing key is a programming error, but the user must never see a traceback for it:
    the key itself is shown instead (and the catalogue test catches it before release).
    """
    pair = CATALOGUE.get(key)
    if pair is None:
        return key
    text = pair[0] if _language == "fr" else pair[1]
    return _FORMATTER.format(text, **params) if params else text


def tn(key: str, count: int, /, **params: object) -> str:
    """``t(key, count=count, ...)``: the message of ``key`` agreed with ``count``."""
    return t(key, count=count, **params)
