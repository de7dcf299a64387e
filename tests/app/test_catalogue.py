"""The one catalogue: both languages everywhere, same placeholders, every key used exists."""

from __future__ import annotations

import pathlib
import re
import string
from types import ModuleType

import pytest

from pixtui.i18n import _MODULES, CATALOGUE, set_language, t

ROOT = pathlib.Path(__file__).parents[2] / "pixtui"


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("module", _MODULES, ids=lambda m: m.__name__.rsplit(".", 1)[1])
def test_both_languages_with_the_same_placeholders(module: ModuleType) -> None:
    """One check per catalogue file, every key in it: both languages, same placeholders."""
    wrong = []
    for key, (french, english) in module.MESSAGES.items():
        blank_allowed = key.startswith("cli.argparse")
        if not (french.strip() and english.strip()) and not blank_allowed:
            wrong.append(f"{key}: a language is empty")
        if _placeholders(french) != _placeholders(english):
            wrong.append(f"{key}: {_placeholders(french)} != {_placeholders(english)}")
    assert wrong == []
    assert module.MESSAGES  # a file of the catalogue with keys in it


def _source() -> str:
    return "\n".join(
        path.read_text(encoding="utf-8")
        for path in ROOT.rglob("*.py")
        if "i18n" not in path.relative_to(ROOT).parts
    )


def test_every_key_is_used() -> None:
    """A key is named in pixtui/ (outside the catalogue), literally or by a built name: a
    prefix in an f-string or a concatenation (``f"room.grid.col.{key}"``, ``"checklist." +
    key``), or a suffix added to a used key (``label_key + ".short"``)."""
    source = _source()
    prefixes = set(re.findall(r"""["']([a-z][a-z0-9_.]*\.)(?:\{|["']\s*\+)""", source))
    suffixes = set(re.findall(r"""["'](\.[a-z][a-z0-9_]*)["']""", source))

    def used(key: str) -> bool:
        if f'"{key}"' in source or f"'{key}'" in source:
            return True
        if any(key.startswith(prefix) for prefix in prefixes):
            return True
        return any(key.endswith(s) and used(key.removesuffix(s)) for s in suffixes)

    assert [key for key in CATALOGUE if not used(key)] == []


def test_literal_keys_used_in_the_code_exist() -> None:
    """Every t("…") with a literal key in pixtui/ names a catalogue entry."""
    pattern = re.compile(r"""\bt\(\s*["']([a-z][a-z0-9_.]*[a-z0-9_])["']\s*[,)]""")
    missing = []
    for path in ROOT.rglob("*.py"):
        for key in pattern.findall(path.read_text(encoding="utf-8")):
            if key not in CATALOGUE:
                missing.append(f"{path.relative_to(ROOT)}: {key}")
    assert missing == []


def test_language_switch_and_missing_key() -> None:
    assert t("binding.quit") == "Quitter"
    set_language("en")
    assert t("binding.quit") == "Quit"
    set_language("xx")  # unknown: back to French
    assert t("binding.quit") == "Quitter"
    assert t("no.such.key") == "no.such.key"


def test_french_interface_words_are_pix_words() -> None:
    assert "mot de passe de session" in t("room.entry.intro")  # Pix Certif's name for it
    assert t("room.key.code.tip").startswith("Afficher le code d'accès")
