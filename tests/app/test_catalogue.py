"""The one catalogue: both languages everywhere, same placeholders, every key used exists."""

from __future__ import annotations

import pathlib
import re
import string

import pytest

from pixtui.i18n import CATALOGUE, set_language, t

ROOT = pathlib.Path(__file__).parents[2] / "pixtui"


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_both_languages_with_the_same_placeholders(key: str) -> None:
    french, english = CATALOGUE[key]
    assert french.strip() or key.startswith("cli.argparse"), key
    assert english.strip() or key.startswith("cli.argparse"), key
    assert _placeholders(french) == _placeholders(english), key


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
    assert "surveillant" in t("room.entry.intro")
    assert t("room.key.code.tip").startswith("Afficher le code d'accès")
