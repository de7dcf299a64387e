"""The Pix Orga "Élèves" page list: login methods and certificabilité labels."""

from __future__ import annotations

from datetime import date

import pytest

from pixtui.domain.enums import Certifiability, LoginMethod
from pixtui.imports import ImportKind, parse_orga_pupils
from pixtui.imports.orga_pupils import parse_certifiability_label
from pixtui.imports.sniff import CellError
from tests.imports.conftest import example

HEAD = "nom;prenom;classe;mediacentre;identifiant;email;certificabilite\n"


def test_example() -> None:
    report = parse_orga_pupils(example("pix_orga_eleves.csv"))
    assert report.ok and report.kind is ImportKind.ORGA_PUPILS and not report.refused
    assert len(report.rows) == 9
    first = report.rows[0]
    assert (first.last_name, first.division, first.login_methods, first.certifiability) == (
        "DUPONT",
        "3A",
        (LoginMethod.MEDIACENTRE,),
        Certifiability.CERTIFIABLE,
    )
    lebreton = next(r for r in report.rows if r.last_name == "LEBRETON")
    assert lebreton.login_methods == () and lebreton.certifiability is Certifiability.UNKNOWN
    dated = next(r for r in report.rows if r.last_name.startswith("DE LA"))
    assert dated.certifiability_date == date(2024, 3, 1)


@pytest.mark.parametrize(
    ("label", "state", "day"),
    [
        ("Certifiable", Certifiability.CERTIFIABLE, None),
        ("Non certifiable", Certifiability.NOT_CERTIFIABLE, None),
        ("Non communiqué", Certifiability.UNKNOWN, None),
        ("NON COMMUNIQUE", Certifiability.UNKNOWN, None),
        ("Certifiable le 12/03/2026", Certifiability.CERTIFIABLE, date(2026, 3, 12)),
        ("Non certifiable\n12/03/2026", Certifiability.NOT_CERTIFIABLE, date(2026, 3, 12)),
        ("", Certifiability.UNKNOWN, None),
    ],
)
def test_certifiability_labels(label: str, state: Certifiability, day: date | None) -> None:
    assert parse_certifiability_label(label) == (state, day)


def test_unknown_label_and_bad_login_value_are_refused() -> None:
    data = (
        HEAD
        + "A;B;3A;true;false;false;Presque certifiable\n"
        + "C;D;3A;peut-être;false;false;Certifiable\n"
        + "E;F;3A;false;jean.dupont0312;e@x.fr;Certifiable\n"
        + "E;F;3A;false;false;false;Certifiable\n"
        + "G;H;;false;false;false;Certifiable\n"
    ).encode("utf-8")
    report = parse_orga_pupils(data)
    assert [(r.line, r.reason) for r in report.refused] == [
        (
            2,
            "Certificabilité inconnue « Presque certifiable » (attendu Certifiable, Non certifiable ou Non communiqué).",
        ),
        (3, "Valeur « peut-être » illisible dans la colonne mediacentre (attendu true ou false)."),
        (5, "Même élève, même classe qu'à la ligne 4 : ligne ignorée."),
        (6, "Classe manquante."),
    ]
    (row,) = report.rows
    assert row.login_methods == (LoginMethod.IDENTIFIANT, LoginMethod.EMAIL)


def test_without_login_columns_methods_are_unknown() -> None:
    (row,) = parse_orga_pupils(b"nom;prenom;classe;certificabilite\nA;B;3A;Certifiable\n").rows
    assert row.login_methods is None


def test_label_rejects_garbage() -> None:
    with pytest.raises(CellError):
        parse_certifiability_label("oui")
