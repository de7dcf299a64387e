"""Pupil lists: example files, every encoding and separator, refused lines."""

from __future__ import annotations

from datetime import date

import pytest

from pixtui.imports import ImportKind, parse_pupil_list
from pixtui.imports.pupils import split_full_name
from tests.imports.conftest import example

HEADER = ["Nom", "Prénom", "Date de naissance", "Classe", "Sexe", "INE"]
ROWS = [
    ["N'DIAYE", "Aïssatou", "27/06/2010", "3A", "F", "0912345680C"],
    ["MARTIN-LEFÈVRE", "Jean-Noël", "03/11/2009", "3B", "M", ""],
    ["ŒUVRARD", "Anaïs", "05/05/2010", "3B", "", ""],
]


def render(header: list[str], rows: list[list[str]], sep: str = ";", quote: bool = False) -> str:
    def cell(value: str) -> str:
        return '"' + value.replace('"', '""') + '"' if quote else value

    return "".join(sep.join(cell(v) for v in line) + "\r\n" for line in [header, *rows])


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
@pytest.mark.parametrize("sep", [";", "\t", ","])
@pytest.mark.parametrize("quote", [False, True])
def test_every_encoding_and_separator_gives_the_same_rows(
    encoding: str, sep: str, quote: bool
) -> None:
    report = parse_pupil_list(render(HEADER, ROWS, sep, quote).encode(encoding))
    assert report.ok and not report.refused and report.separator == sep
    assert report.encoding == encoding
    assert [
        (r.last_name, r.first_name, r.birthdate, r.division, r.sex, r.ine) for r in report.rows
    ] == [
        ("N'DIAYE", "Aïssatou", date(2010, 6, 27), "3A", "F", "0912345680C"),
        ("MARTIN-LEFÈVRE", "Jean-Noël", date(2009, 11, 3), "3B", "M", None),
        ("ŒUVRARD", "Anaïs", date(2010, 5, 5), "3B", None, None),
    ]
    assert [r.line for r in report.rows] == [2, 3, 4]


def test_siecle_example() -> None:
    report = parse_pupil_list(example("siecle_3e_utf8_bom.csv"))
    assert report.kind is ImportKind.PUPIL_LIST
    assert (report.encoding, report.separator) == ("utf-8-sig", ";")
    assert len(report.rows) == 15 and not report.refused and not report.warnings
    long_name = next(r for r in report.rows if r.last_name.startswith("DE LA"))
    assert (long_name.first_name, long_name.ine, long_name.mef_code, long_name.division) == (
        "Marie-Clémentine",
        "0912345681D",
        "10310019110",
        "3A",
    )


def test_pronote_example_splits_the_eleve_column() -> None:
    report = parse_pupil_list(example("pronote_3e_cp1252_tab.txt"))
    siecle = parse_pupil_list(example("siecle_3e_utf8_bom.csv"))
    assert (report.encoding, report.separator) == ("cp1252", "\t")
    assert len(report.rows) == 15 and not report.refused
    pronote_people = [(r.key, r.birthdate, r.division, r.sex, r.ine) for r in report.rows]
    siecle_people = [(r.key, r.birthdate, r.division, r.sex, r.ine) for r in siecle.rows]
    assert pronote_people == siecle_people  # ŒUVRARD/OEUVRARD fold to the same key


def test_broken_example_refuses_each_bad_line_with_its_number() -> None:
    report = parse_pupil_list(example("liste_cassee.csv"))
    assert report.ok
    reasons = {line.line: line.reason for line in report.refused}
    assert reasons == {
        3: "Date illisible « 31/02/2010 » (attendu JJ/MM/AAAA).",
        4: "Nom manquant.",
        5: "Prénom manquant.",
        8: "Nombre de colonnes incorrect : 3 au lieu de 5.",
        9: "Nombre de colonnes incorrect : 6 au lieu de 5.",
        11: "Date de naissance manquante.",
        12: "Classe manquante.",
        14: "Ligne répétée : même élève qu'à la ligne 2, ignorée.",
        15: "Élève en double dans le fichier avec des informations différentes (voir ligne 16) : à corriger avant import.",
        16: "Élève en double dans le fichier avec des informations différentes (voir ligne 15) : à corriger avant import.",
    }
    assert [r.line for r in report.rows] == [2, 7, 10, 13]
    quoted = next(r for r in report.rows if r.line == 7)
    assert quoted.last_name == 'O\'CONNOR; dit "Le Grand"'
    assert next(r for r in report.rows if r.line == 10).birthdate == date(2010, 7, 23)
    assert [(w.line, w.message) for w in report.warnings] == [
        (13, "Sexe « X » non reconnu (attendu M ou F) : laissé vide.")
    ]
    assert report.blank_lines == 1
    assert report.refused[0].content.startswith("MARTIN-LEFÈVRE | Jean-Noël")


def test_missing_required_columns_is_a_file_error() -> None:
    report = parse_pupil_list("Nom;Prénom;Sexe\nA;B;F\n".encode())
    assert (
        report.error == "Colonnes obligatoires absentes de l'en-tête : Date de naissance, Classe."
    )
    assert not report.rows


def test_header_only_and_empty_files() -> None:
    assert parse_pupil_list(b"Nom;Prenom;Date de naissance;Classe\n").error == (
        "Le fichier ne contient aucune ligne de données après l'en-tête."
    )
    assert parse_pupil_list(b"").error is not None


def test_agricultural_template_headers_with_stars_and_format_hint() -> None:
    data = (
        "Identifiant unique*;Premier prénom*;Deuxième prénom;Nom de famille*;Nom d'usage;"
        "Date de naissance (jj/mm/aaaa)*;Code MEF*;Division*\n"
        "123456789AB;Léo;;LEGRAND;;01/09/2009;276;2nde 3\n"
    ).encode()
    (row,) = parse_pupil_list(data).rows
    assert (row.last_name, row.first_name, row.ine, row.division, row.mef_code) == (
        "LEGRAND",
        "Léo",
        "123456789AB",
        "2nde 3",
        "276",
    )


def test_unlikely_birthdate_and_odd_ine() -> None:
    data = b"Nom;Prenom;Date de naissance;Classe;INE\nA;B;01/01/1850;3A;\nC;D;01/01/2010;3A;12 34\n"
    report = parse_pupil_list(data)
    assert report.refused[0].line == 2 and "invraisemblable" in report.refused[0].reason
    assert report.rows[0].ine == "1234"
    assert report.warnings[0].line == 3 and "INE" in report.warnings[0].message


def test_same_ine_with_different_names_is_refused() -> None:
    data = b"Nom;Prenom;Date de naissance;Classe;INE\nA;B;01/01/2010;3A;0912345678A\nC;D;02/01/2010;3B;0912345678A\n"
    report = parse_pupil_list(data)
    assert not report.rows
    assert [r.line for r in report.refused] == [2, 3]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("DUPONT Élodie", ("DUPONT", "Élodie")),
        (
            "DE LA FONTAINE-SAINT-HILAIRE Marie-Clémentine",
            ("DE LA FONTAINE-SAINT-HILAIRE", "Marie-Clémentine"),
        ),
        ("N'DIAYE Aïssatou", ("N'DIAYE", "Aïssatou")),
        ("Dupont Élodie", ("", "")),
        ("DUPONT", ("", "")),
        ("", ("", "")),
    ],
)
def test_split_full_name(text: str, parts: tuple[str, str]) -> None:
    assert split_full_name(text) == parts


def test_unsplittable_full_name_is_refused() -> None:
    report = parse_pupil_list("Élève;Né(e) le;Classe\nDupont Élodie;01/01/2010;3A\n".encode())
    assert report.refused[0].line == 2 and "majuscules" in report.refused[0].reason
