"""Pix Orga profile-collection export: NA rows, several sends, anti-formula prefix."""

from __future__ import annotations

from datetime import date, datetime

from pixtui.domain.enums import Certifiability
from pixtui.imports import ImportKind, parse_profile_collection
from pixtui.imports.sniff import PARIS
from tests.imports.conftest import example

HEAD = (
    '"Nom du Participant";"Prénom du Participant";"Classe";"Envoi (O/N)";'
    '"Date et heure de l\'envoi (Europe/Paris)";"Certifiable (O/N)";"Nombre de compétences certifiables"\n'
)


def test_example_keeps_the_latest_send_per_pupil() -> None:
    report = parse_profile_collection(example("collecte_profils_3e.csv"))
    assert report.ok and report.kind is ImportKind.PROFILE_COLLECTION and not report.refused
    rows = {(r.last_name, r.division): r for r in report.rows}
    assert len(report.rows) == 14
    dupont = rows[("DUPONT", "3A")]
    assert (dupont.line, dupont.competences, dupont.pix_total) == (3, 8, 131)
    assert dupont.sent_at == datetime(2024, 3, 4, 9, 15, tzinfo=PARIS)
    assert dupont.sent_on == date(2024, 3, 4)
    lebreton = rows[("LEBRETON", "3A")]  # sent, then an NA participation: the send counts
    assert lebreton.sent and lebreton.certifiability is Certifiability.NOT_CERTIFIABLE
    assert [w.line for w in report.warnings] == [2, 8]
    assert "ligne 3" in report.warnings[0].message


def test_example_na_rows_and_anti_formula_prefix() -> None:
    report = parse_profile_collection(example("collecte_profils_3e.csv"))
    names = {r.last_name for r in report.rows}
    assert {"=GARÇON", "@ÉTIENNE"} <= names
    benali = next(r for r in report.rows if r.last_name == "BENALI")
    assert (
        not benali.sent
        and benali.certifiability is Certifiability.UNKNOWN
        and benali.sent_at is None
    )


def test_bad_values_are_refused_with_reasons() -> None:
    data = (
        HEAD
        + '"A";"B";"3A";"Oui";"01/03/2024 10:00";"Peut-être";"6"\n'
        + '"C";"D";"3A";"Oui";"31/02/2024 10:00";"Oui";"6"\n'
        + '"E";"F";"3A";"Oui";"01/03/2024 10:00";"Oui";"17"\n'
        + '"G";"H";"3A";"Oui";"01/03/2024 10:00";"Oui";"six"\n'
        + '"";"I";"3A";"Oui";"01/03/2024 10:00";"Oui";"6"\n'
        + '"J";"K";"3A";"Peut-être";"01/03/2024 10:00";"Oui";"6"\n'
    ).encode("utf-8")
    report = parse_profile_collection(data)
    assert not report.rows
    reasons = [(r.line, r.reason) for r in report.refused]
    assert reasons[0] == (
        2,
        "Valeur de « Certifiable (O/N) » inconnue : « Peut-être » (attendu Oui, Non ou NA).",
    )
    assert reasons[1] == (
        3,
        "Date et heure illisibles « 31/02/2024 10:00 » (attendu JJ/MM/AAAA HH:MM).",
    )
    assert reasons[2] == (4, "Nombre de compétences certifiables impossible : 17 (entre 0 et 16).")
    assert reasons[3] == (5, "Nombre illisible « six ».")
    assert reasons[4] == (6, "Nom manquant.")
    assert reasons[5][0] == 7 and "Envoi (O/N)" in reasons[5][1]


def test_inconsistent_certifiable_flag_is_a_warning() -> None:
    data = (
        HEAD
        + '"A";"B";"3A";"Oui";"01/03/2024 10:00";"Oui";"3"\n'
        + '"C";"D";"3A";"Oui";"01/03/2024 10:00";"Non";"5"\n'
    ).encode("utf-8")
    report = parse_profile_collection(data)
    assert len(report.rows) == 2
    assert [w.line for w in report.warnings] == [2, 3]
    assert "au moins 5" in report.warnings[0].message


def test_older_header_name_and_no_class_column() -> None:
    data = (
        "Nom du Participant;Prénom du Participant;Date de l’envoi;Certifiable (O/N);Nombre de compétences certifiables\n"
        "LÉGER;Zoé;2024-03-01;Oui;5\n"
    ).encode("cp1252")
    report = parse_profile_collection(data)
    (row,) = report.rows
    assert row.division == "" and row.sent_on == date(2024, 3, 1)
    assert report.warnings[0].line is None and "Classe" in report.warnings[0].message


def test_envoi_non_means_not_sent() -> None:
    data = (HEAD + '"A";"B";"3A";"Non";"";"";""\n').encode("utf-8")
    (row,) = parse_profile_collection(data).rows
    assert not row.sent


def test_missing_certifiable_column_is_a_file_error() -> None:
    report = parse_profile_collection("Nom du Participant;Prénom du Participant\nA;B\n".encode())
    assert report.error == "Colonne obligatoire absente de l'en-tête : Certifiable (O/N)."
