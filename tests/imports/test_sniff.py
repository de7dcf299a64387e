"""The shared reading helpers: encodings, separators, header names, cells, dates."""

from __future__ import annotations

import codecs
import csv
from datetime import UTC, date, datetime

import pytest

from pixtui.imports.sniff import (
    PARIS,
    CellError,
    clean_cell,
    decode,
    detect_separator,
    find_column,
    header_key,
    parse_bool,
    parse_date,
    parse_datetime,
    parse_decimal,
    parse_int,
    read_table,
)

TEXT = "Nom;Prénom\nLÉGER;Zoé\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("cp1252"), "cp1252"),
        (TEXT.encode("utf-32"), "utf-32"),
    ],
)
def test_decode_says_which_encoding(data: bytes, encoding: str) -> None:
    decoded = decode(data)
    assert decoded.encoding == encoding
    assert decoded.text.lstrip("\ufeff") == TEXT


def test_decode_cp1252_specials_and_latin1_fallback() -> None:
    assert decode("Œuvre – l’été €".encode("cp1252")).text == "Œuvre – l’été €"
    # 0x81 is undefined in Windows-1252: Latin-1 still reads it
    assert decode(b"Nom\x81").encoding == "latin-1"


@pytest.mark.parametrize(
    ("line", "separator"),
    [
        ("Nom;Prénom;Classe\n", ";"),
        ("Nom\tPrénom\tClasse\n", "\t"),
        ("Nom,Prénom,Classe\n", ","),
        ('"Nom, usage";Prénom;Classe\n', ";"),  # a comma inside quotes does not count
        ('"a;b",c,d\n', ","),
        ("Nom\n", ";"),
        ("a;b,c\n", ";"),  # tie: ; preferred
    ],
)
def test_detect_separator(line: str, separator: str) -> None:
    assert detect_separator(line) == separator


def test_header_key_folds_accents_case_spaces_quotes_apostrophes() -> None:
    assert header_key("  Commentaire jury pour l’organisation ") == header_key(
        "commentaire JURY pour l'organisation"
    )
    assert header_key('"Prénom"') == "prenom"
    assert header_key("\ufeffNom de famille*") == "nom de famille"
    assert header_key("Date_de_naissance") == "date de naissance"
    assert header_key("Élève") == header_key("ELEVE")


def test_find_column_by_name_and_alias_priority() -> None:
    keys = [
        header_key(h)
        for h in ["Classe", "Date de naissance (jj/mm/aaaa)*", "Nom de famille", "Nom d'usage"]
    ]
    assert find_column(keys, ["Date de naissance"]) == 1
    assert find_column(keys, ["Nom", "Nom de famille", "Nom d'usage"]) == 2
    assert find_column(keys, ["Sexe"]) is None
    # an exact alias wins over a shortened one
    keys = [header_key("Certifiable"), header_key("Certifiable (O/N)")]
    assert find_column(keys, ["Certifiable (O/N)"]) == 1


@pytest.mark.parametrize(
    ("cell", "clean"),
    [
        ("'=Bono", "=Bono"),
        ("'@Jean", "@Jean"),
        ("'+33", "+33"),
        ("'-1", "-1"),
        ("O'Connor", "O'Connor"),
        ("'", "'"),
        ("  Zoé  ", "Zoé"),
        ("'Jean", "'Jean"),
    ],
)
def test_clean_cell_removes_only_the_anti_formula_quote(cell: str, clean: str) -> None:
    assert clean_cell(cell) == clean


def test_read_table_line_numbers_quotes_blank_lines() -> None:
    data = (
        "Nom;Prénom;Note\r\n"
        '"DUPONT; dit ""Le Grand""";Jean;"sur\r\ndeux lignes"\r\n'
        "\r\n"
        "MARTIN;Zoé;x;\r\n"
    ).encode()
    table = read_table(data)
    assert table.header == ["Nom", "Prénom", "Note"]
    assert [row.line for row in table.rows] == [2, 5]
    assert table.rows[0].cells == (
        'DUPONT; dit "Le Grand"',
        "Jean",
        "sur\ndeux lignes",
    )  # line breaks normalised
    assert table.blank_lines == 1
    assert table.total_lines == 5
    assert table.width_problem(table.rows[1]) is None  # one trailing empty cell is tolerated


def test_read_table_width_problems() -> None:
    table = read_table(b"a;b;c\n1;2\n1;2;3;4\n1;2;;\n")
    reasons = [table.width_problem(row) for row in table.rows]
    assert reasons[0] == "Nombre de colonnes incorrect : 2 au lieu de 3."
    assert reasons[1] == "Nombre de colonnes incorrect : 4 au lieu de 3."
    assert reasons[2] is None


def test_read_table_sep_hint_and_leading_blank_lines() -> None:
    table = read_table(b"sep=,\n\nNom,Pr\xc3\xa9nom\nA,B\n")
    assert table.separator == ","
    assert table.header_line == 3
    assert table.rows[0].line == 4


def test_read_table_file_level_errors() -> None:
    assert read_table(b"").error == "Le fichier est vide : aucune ligne d'en-tête n'a été trouvée."
    assert read_table(b"\n  \n").error is not None
    assert "CSV" in (read_table(b"PK\x03\x04\x00\x00binary").error or "")
    huge = b"Nom;Pr\n" + b'"' + b"x" * (csv.field_size_limit() + 10) + b'";y\nA;B\n'
    table = read_table(huge)
    assert table.error is not None and table.error_line == 2


def test_read_table_progress_reaches_the_total() -> None:
    data = ("Nom;Prénom\n" + "".join(f"N{i};P{i}\n" for i in range(1000))).encode()
    calls: list[tuple[int, int]] = []
    read_table(data, progress=lambda line, total: calls.append((line, total)))
    assert calls[-1] == (1001, 1001)
    assert len(calls) >= 4
    assert [line for line, _ in calls] == sorted(line for line, _ in calls)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14/02/2010", date(2010, 2, 14)),
        ("4/2/2010", date(2010, 2, 4)),
        ("14-02-2010", date(2010, 2, 14)),
        ("14.02.2010", date(2010, 2, 14)),
        ("2010-02-14", date(2010, 2, 14)),
        ("2010-02-14T00:00:00", date(2010, 2, 14)),
        (" 14/02/2010 ", date(2010, 2, 14)),
    ],
)
def test_parse_date(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text", ["31/02/2010", "14/02/10", "2010/02/14", "", "demain", "14/13/2010", "2010-02-14x"]
)
def test_parse_date_refuses_with_a_french_sentence(text: str) -> None:
    with pytest.raises(CellError) as caught:
        parse_date(text)
    assert str(caught.value).startswith("Date illisible")


def test_parse_datetime() -> None:
    assert parse_datetime("02/03/2019 00:04") == datetime(2019, 3, 2, 0, 4, tzinfo=PARIS)
    assert parse_datetime("02/03/2019 00:04").astimezone(UTC) == datetime(
        2019, 3, 1, 23, 4, tzinfo=UTC
    )
    assert parse_datetime("02/03/2019 10h04:30") == datetime(2019, 3, 2, 10, 4, 30, tzinfo=PARIS)
    assert parse_datetime("2024-03-01T10:00:00+00:00") == datetime(2024, 3, 1, 10, tzinfo=UTC)
    assert parse_datetime("2024-03-01 10:00") == datetime(2024, 3, 1, 10, tzinfo=PARIS)
    assert parse_datetime("2024-03-01T10:00Z") == datetime(2024, 3, 1, 10, tzinfo=UTC)
    assert parse_datetime("02/03/2019") == datetime(2019, 3, 2, tzinfo=PARIS)
    for bad in ("02/03/2019 25:00", "02/03/2019 midi", "NA", ""):
        with pytest.raises(CellError):
            parse_datetime(bad)


def test_parse_numbers_and_booleans() -> None:
    assert parse_decimal("0,75") == 0.75
    assert parse_decimal("1\u202f234,5") == 1234.5
    assert parse_decimal("12.5") == 12.5
    assert parse_decimal("75 %") == 75.0
    assert parse_int("12") == 12
    assert parse_int("12,0") == 12
    for bad in ("1,2,3", "abc", "nan", "inf", ""):
        with pytest.raises(CellError):
            parse_decimal(bad)
    with pytest.raises(CellError, match="entier"):
        parse_int("1,5")
    assert parse_bool("Oui") and parse_bool("true") and parse_bool("O") and parse_bool("VRAI")
    assert not (parse_bool("Non") or parse_bool("false") or parse_bool("") or parse_bool("0"))
    with pytest.raises(CellError):
        parse_bool("peut-être")
