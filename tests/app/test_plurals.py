"""Plurals come from the catalogue (one rule per language), never from a hand-made "(s)"."""

from __future__ import annotations

import re
import string

import pytest

from pixtui.i18n import CATALOGUE, PLURAL_SPEC, is_singular, set_language, t, tn

# Nouns and participles that the French texts put right after a number.
_PLURAL_WORDS = (
    "élèves|candidats|sessions|salles|alertes|lignes|fichiers|résultats|classes|étapes|"
    "surveillants|tests|inscrits|choisis|refusés|erreurs|certifications|compétences|copies"
)
# A fixed rule's number (the 5-competence threshold) is never 1.
_NUMBER_THEN_PLURAL = re.compile(r"\{(?!threshold\})[a-z_]+\} (" + _PLURAL_WORDS + r")\b")
_PLURAL_FIELD = re.compile(r"\{[a-z_]+:plural:[^{}]*(\{[a-z_]+\}[^{}]*)*\}")


def _fields(text: str) -> list[tuple[str, str]]:
    return [(name, spec or "") for _, name, spec, _ in string.Formatter().parse(text) if name]


def test_french_plural_rule_is_cldr() -> None:
    assert is_singular(0, "fr") and is_singular(1, "fr") and is_singular(1.5, "fr")
    assert not is_singular(2, "fr")
    assert is_singular(1, "en") and not is_singular(0, "en") and not is_singular(2, "en")


def test_messages_agree_with_their_number() -> None:
    assert tn("prep.enrol.done", 1) == "1 élève inscrit."
    assert tn("prep.enrol.done", 3) == "3 élèves inscrits."
    assert t("coordination.summary", rooms=1, alerts=1) == "1 salle aujourd'hui · 1 alerte en cours"
    assert (
        t("coordination.summary", rooms=2, alerts=0) == "2 salles aujourd'hui · 0 alerte en cours"
    )
    assert tn("journal.summary", 1) == "La dernière action."
    assert tn("journal.summary", 4) == "Les 4 dernières actions, la plus récente en haut."
    set_language("en")
    assert tn("prep.enrol.done", 1) == "1 pupil enrolled."
    assert tn("prep.enrol.done", 0) == "0 pupils enrolled."


def test_no_hand_made_plural_in_french() -> None:
    """No "(s)", "(x)" or "(es)", and no number printed before a plural word without agreement."""
    bad = [
        key
        for key, (french, _) in CATALOGUE.items()
        if re.search(r"\((s|x|es)\)", french)
        or _NUMBER_THEN_PLURAL.search(_PLURAL_FIELD.sub("", french))
    ]
    assert bad == []


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_plural_field_is_well_formed(language: str) -> None:
    """Each ``plural:`` field has two forms and renders for 1 and 2 with no braces left."""
    set_language(language)
    index = 0 if language == "fr" else 1
    checked = 0
    for key, pair in CATALOGUE.items():
        fields = _fields(pair[index])
        plural = [(name, spec) for name, spec in fields if spec.startswith(PLURAL_SPEC)]
        if not plural:
            continue
        assert all(spec.count("|") == 1 for _, spec in plural), key
        for number in (1, 2):
            params = {name: number for name, _ in fields}
            text = t(key, **params)
            assert "{" not in text and "|" not in text and PLURAL_SPEC not in text, key
        checked += 1
    assert checked > 40
