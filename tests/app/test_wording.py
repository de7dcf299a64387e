"""One word for one thing, in Pix's words (issue 13, « Words »)."""

from __future__ import annotations

import pytest

from pixtui.demo import names
from pixtui.documents.incident import code_label
from pixtui.domain.codes import INVIGILATOR_PASSWORD_ALPHABET, validate_invigilator_password
from pixtui.domain.enums import ISSUE_REPORT_CODES
from pixtui.domain.labels import issue_code_label
from pixtui.i18n import CATALOGUE, t

FRENCH = {key: french for key, (french, _english) in CATALOGUE.items()}
CONSONANTS = "bcdfghjklmnpqrstvwxz"


def _french_containing(word: str) -> list[str]:
    return [key for key, text in FRENCH.items() if word in text.lower()]


def test_a_rehearsal_is_a_repetition_in_the_app_and_in_the_pdfs() -> None:
    assert _french_containing("entraînement") == []
    assert "entraînement" not in names.REHEARSAL_DESCRIPTION.lower()
    assert t("documents.header.rehearsal").startswith("RÉPÉTITION")


def test_the_session_password_has_one_name_pixs() -> None:
    """Pix Certif calls it « Mot de passe de session » (certif session details, kit surveillant)."""
    assert _french_containing("mot de passe surveillant") == []
    assert _french_containing("mot de passe du surveillant") == []


def test_the_password_rule_names_the_consonants_pix_leaves_out() -> None:
    """z, l and n are consonants that Pix's alphabet leaves out: the sentence says so."""
    left_out = [c for c in CONSONANTS if c not in INVIGILATOR_PASSWORD_ALPHABET.lower()]
    assert left_out == ["l", "n", "z"]
    (problem,) = validate_invigilator_password("bcdfgz")
    sentence = problem.message
    assert "sauf l, n et z" in sentence
    assert sentence.endswith("(z n'en fait pas partie).")


@pytest.mark.parametrize("code", sorted(ISSUE_REPORT_CODES))
def test_an_issue_code_reads_the_same_in_the_app_and_in_the_pdfs(code: str) -> None:
    assert code_label(code) == issue_code_label(code)


def test_e8_in_pixs_words() -> None:
    """Pix's label for EXTRA_TIME_EXCEEDED (certif/app/models/certification-issue-report.js)."""
    assert issue_code_label("E8") == (
        "Le candidat bénéficie d'un temps majoré et n'a pas pu répondre à la question "
        "dans le temps imparti"
    )
    assert code_label("Z9") == ""
