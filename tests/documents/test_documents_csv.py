"""CSV exports read back with the csv module as Excel FR would: BOM, « ; », defused formulas."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from document_samples import candidates, finalized, room_log, school, session
from hypothesis import given
from hypothesis import strategies as st

from pixtui.documents import (
    DocumentError,
    candidates_csv,
    certifiability_by_class_csv,
    defuse,
    finalization_csv,
    pupils_csv,
)
from pixtui.documents.csv_exports import to_csv
from pixtui.domain.enums import AbortReason, Certifiability, LoginMethod
from pixtui.domain.models import Pupil
from pixtui.i18n import set_language, t


@pytest.fixture(autouse=True)
def french() -> None:
    set_language("fr")


def read(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM expected for Excel"
    text = data.decode("utf-8-sig")
    assert "\r\n" in text
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def test_candidates_csv_round_trip() -> None:
    people = candidates(8)
    people[0].last_name = '=HYPERLINK("http://x")'
    people[1].first_name = "Jean; dit « Jeannot »"
    people[2].aid_note = "@SUM(A1)"
    people[3].enrolment_note = "-2+3"
    people[5].removed = True
    rows = read(candidates_csv(school(), session(), people))
    assert rows[0] == [
        "N° de session",
        "Nom",
        "Prénom",
        "Date de naissance",
        "Classe",
        "Temps majoré (%)",
        "Durée du test (min)",
        "Aménagement d'accessibilité",
        "Aide humaine (AVS/AESH)",
        "Non francophone",
        "Note d'inscription",
    ]
    body = rows[1:]
    assert len(body) == 7  # the removed candidate is left out
    by_first = {row[2]: row for row in body}
    jean = by_first["Jean; dit « Jeannot »"]  # the separator inside a cell survives quoting
    assert jean[1] == "Lefèvre" and jean[3] == "02/02/2009" and jean[4] == "3B"
    assert all(row[0] == "123456" for row in body)
    formula = next(row for row in body if row[1].startswith("'="))
    assert formula[1] == '\'=HYPERLINK("http://x")'
    assert any(row[8] == "'@SUM(A1)" for row in body)
    assert any(row[10] == "'-2+3" for row in body)
    nunez = next(row for row in body if row[1] == "Ñúñez")
    assert nunez[5] == "33" and nunez[6] == "140"
    assert (
        next(row for row in body if row[1] == "Martin")[9] == "arabophone, consignes lues lentement"
    )


def test_pupils_csv_per_class_with_certifiability() -> None:
    pupils = [
        Pupil(
            last_name="Zidane",
            first_name="Léo",
            division="3B",
            birthdate=date(2009, 5, 4),
            certifiability=Certifiability.CERTIFIABLE,
            certifiability_date=date(2024, 1, 12),
            certifiable_competences=7,
            login_methods=[LoginMethod.MEDIACENTRE, LoginMethod.EMAIL],
        ),
        Pupil(
            last_name="Abel",
            first_name="Inès",
            division="3B",
            certifiability=Certifiability.NOT_CERTIFIABLE,
            follow_up="+ relancer une campagne de positionnement",
        ),
        Pupil(last_name="Bâ", first_name="Awa", division="3A"),
        Pupil(last_name="Gone", first_name="Partie", division="3A", left_school=True),
    ]
    rows = read(pupils_csv(pupils))
    assert rows[0][:5] == ["Classe", "Nom", "Prénom", "Date de naissance", "Certificabilité"]
    assert [(row[0], row[1]) for row in rows[1:]] == [
        ("3A", "Bâ"),
        ("3B", "Abel"),
        ("3B", "Zidane"),
    ]
    zidane = rows[3]
    assert zidane[3:8] == [
        "04/05/2009",
        "Certifiable",
        "12/01/2024",
        "7",
        "Médiacentre (ENT), Adresse e-mail",
    ]
    assert (
        rows[2][4] == "Non certifiable"
        and rows[2][9] == "'+ relancer une campagne de positionnement"
    )
    assert rows[1][4] == "Non communiqué"
    assert len(read(pupils_csv(pupils, include_left=True))) == 5

    summary = read(certifiability_by_class_csv(pupils))
    assert summary == [
        ["Classe", "Élèves", "Certifiable", "Non certifiable", "Non communiqué"],
        ["3A", "1", "0", "0", "1"],
        ["3B", "2", "1", "1", "0"],
        ["Total", "3", "1", "1", "1"],
    ]


def test_finalisation_summary() -> None:
    sess = finalized(session())
    people = room_log(candidates(5))
    people[4].abort_reason = AbortReason.CANDIDATE
    rows = read(finalization_csv(school(), sess, people))
    assert rows[0] == [
        "Nom",
        "Prénom",
        "Date de naissance",
        "Classe",
        "Test",
        "Signalements (codes)",
        "Détail des signalements",
        "Raison de l'abandon",
    ]
    by_name = {row[0]: row for row in rows[1:6]}
    assert by_name["Lefèvre"][4] == "Arrêté par le surveillant"
    assert by_name["Lefèvre"][5] == "E4"
    assert by_name["Lefèvre"][6] == "E4 — Question n° 12"
    assert by_name["Lefèvre"][7] == "Problème technique"
    assert by_name["Ñúñez"][5] == "E8"  # alert + its live report: once
    assert by_name["Dupont"][4] == "Terminé" and by_name["Dupont"][5] == "C7"
    assert by_name["Martin"][4] == "Non démarré" and by_name["Martin"][7].startswith(
        "Abandon : Manque de temps"
    )
    trailer = {row[0]: row[1] for row in rows[7:] if row}
    assert rows[6] == []
    assert trailer["N° de session"] == "123456"
    assert trailer["Finalisée le"] == "18/03/2024 17:40"  # 16:40 UTC shown in Paris
    # Pix Certif's own sentences for the two boxes, as on the screen's summary
    assert trailer[t("results.summary.has_incident")] == "Oui"
    assert t("results.summary.has_incident").startswith("Malgré un incident survenu")
    assert trailer[t("results.summary.has_joining_issue")] == "Non"
    assert trailer["Commentaire global"] == "'=Coupure réseau de 5 minutes ; session sinon calme."


def test_finalisation_summary_needs_a_finalised_session() -> None:
    with pytest.raises(DocumentError, match="n'est pas finalisée"):
        finalization_csv(school(), session(), candidates(2))


@pytest.mark.parametrize("text", ["=1+1", "+33", "-5", "@cmd", "\tx", "\rx"])
def test_dangerous_starts_are_defused(text: str) -> None:
    assert defuse(text) == "'" + text


@given(st.lists(st.lists(st.text(max_size=30), min_size=1, max_size=5), min_size=1, max_size=8))
def test_any_cells_round_trip(rows: list[list[str]]) -> None:
    back = read(to_csv(rows))
    # csv turns a lone empty cell into an empty row and normalises line ends; compare what Excel sees.
    assert len(back) >= 1
    expected = [[defuse(cell) for cell in row] for row in rows]
    normalised = [
        [cell.replace("\r\n", "\n").replace("\r", "\n") for cell in row] for row in expected
    ]
    got = [[cell.replace("\r\n", "\n").replace("\r", "\n") for cell in row] for row in back]
    assert got == normalised
    for row in back:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
