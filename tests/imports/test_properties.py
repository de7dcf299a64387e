"""Hypothesis: the parsers never crash, always explain refusals, and read columns by name."""

from __future__ import annotations

import os
import random
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pixtui.imports import (
    ImportKind,
    detect_kind,
    parse_file,
    parse_orga_pupils,
    parse_profile_collection,
    parse_pupil_list,
)
from pixtui.imports.report import ImportReport
from pixtui.imports.sniff import CellError, parse_date, parse_datetime, parse_decimal, read_table

# PIXTUI_FUZZ_EXAMPLES=3000 for a longer hunt; the default keeps the file at a few seconds
FAST = settings(
    max_examples=int(os.environ.get("PIXTUI_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
PARSERS = (parse_pupil_list, parse_profile_collection, parse_orga_pupils, parse_file)

HEADERS = {
    ImportKind.PUPIL_LIST: "Nom;Prénom;Date de naissance;Classe;Sexe;INE",
    ImportKind.PROFILE_COLLECTION: "Nom du Participant;Prénom du Participant;Classe;Envoi (O/N);"
    "Date et heure de l'envoi (Europe/Paris);Certifiable (O/N);Nombre de compétences certifiables",
    ImportKind.ORGA_PUPILS: "nom;prenom;classe;mediacentre;identifiant;email;certificabilite",
}


def check_report(report: ImportReport) -> None:
    for refused in report.refused:
        assert isinstance(refused.line, int) and 1 <= refused.line <= max(report.total_lines, 1)
        assert refused.reason.strip() and refused.reason.endswith(".")
    for row in report.rows:
        assert 1 <= row.line <= report.total_lines
    for warning in report.warnings:
        assert warning.message.strip()
    if report.error is not None:
        assert report.error.strip()
    assert report.summary()


@FAST
@given(st.binary(max_size=600))
def test_arbitrary_bytes_never_crash(data: bytes) -> None:
    detect_kind(data)
    for parser in PARSERS:
        check_report(parser(data))


cell_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
cell_like = st.one_of(
    cell_text,
    st.sampled_from(
        [
            "",
            "NA",
            "Oui",
            "Non",
            "true",
            "false",
            "'=x",
            '"',
            '""',
            "01/02/2010",
            "31/02/2010",
            "02/03/2019 00:04",
            "3A",
            "Certifiable",
            "Non communiqué",
            "6",
            "-1",
        ]
    ),
)


@FAST
@given(
    st.sampled_from(list(HEADERS)),
    st.lists(st.lists(cell_like, max_size=9), max_size=12),
    st.sampled_from([";", "\t", ","]),
    st.sampled_from(["\n", "\r\n", "\r"]),
)
def test_structured_garbage_under_real_headers(
    kind: ImportKind, rows: list[list[str]], sep: str, eol: str
) -> None:
    header = HEADERS[kind].replace(";", sep)
    text = header + eol + eol.join(sep.join(cells) for cells in rows) + eol
    for encoding in ("utf-8", "utf-16"):
        report = parse_file(text.encode(encoding))
        check_report(report)
        assert report.kind is kind
        # every non-blank data record is either accepted, refused, or folded as a duplicate
        assert (
            len(report.rows) + len(report.refused)
            <= len(read_table(text.encode(encoding)).rows) + 1
        )


name = st.text(alphabet="abcdeéèëïôçœABCDEÉÀ' -", min_size=1, max_size=14).filter(
    lambda s: s.strip(" -'")
)
pupils = st.lists(
    st.tuples(
        name,
        name,
        st.dates(date(1990, 1, 1), date(2015, 12, 31)),
        st.sampled_from(["3A", "3B", "4C"]),
        st.sampled_from(["M", "F", ""]),
    ),
    min_size=1,
    max_size=15,
)


def write(header: list[str], rows: list[list[str]], order: list[int], sep: str) -> str:
    def cell(value: str) -> str:
        return '"' + value.replace('"', '""') + '"'

    return "\n".join(sep.join(cell(line[i]) for i in order) for line in [header, *rows]) + "\n"


@FAST
@given(
    pupils,
    st.randoms(use_true_random=False),
    st.sampled_from([";", "\t", ","]),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
)
def test_header_permutations_and_encodings_give_the_same_pupils(
    people, rnd: random.Random, sep: str, encoding: str
) -> None:
    header = ["Nom", "Prénom", "Date de naissance", "Classe", "Sexe"]
    rows = [
        [last, first, born.strftime("%d/%m/%Y"), division, sex]
        for last, first, born, division, sex in people
    ]
    reference = parse_pupil_list(write(header, rows, list(range(5)), ";").encode())
    order = list(range(5))
    rnd.shuffle(order)
    shuffled = parse_pupil_list(write(header, rows, order, sep).encode(encoding))
    assert shuffled.rows == reference.rows
    assert [(r.line, r.reason) for r in shuffled.refused] == [
        (r.line, r.reason) for r in reference.refused
    ]
    accepted_or_refused = {r.line for r in reference.rows} | {r.line for r in reference.refused}
    assert accepted_or_refused == set(range(2, len(people) + 2))


@FAST
@given(
    st.lists(
        st.tuples(
            name,
            name,
            st.sampled_from(["3A", "3B"]),
            st.sampled_from(["Oui", "Non", "NA"]),
            st.integers(0, 16),
            st.datetimes(),
        ),
        min_size=1,
        max_size=10,
    ),
    st.randoms(use_true_random=False),
)
def test_profile_collection_permutations(rows_in, rnd: random.Random) -> None:
    header = [
        "Nom du Participant",
        "Prénom du Participant",
        "Classe",
        "Certifiable (O/N)",
        "Nombre de compétences certifiables",
        "Date et heure de l'envoi (Europe/Paris)",
    ]
    rows = [
        [
            last,
            first,
            division,
            cert,
            "NA" if cert == "NA" else str(n),
            "NA" if cert == "NA" else when.strftime("%d/%m/%Y %H:%M"),
        ]
        for last, first, division, cert, n, when in rows_in
    ]
    reference = parse_profile_collection(write(header, rows, list(range(6)), ";").encode())
    order = list(range(6))
    rnd.shuffle(order)
    shuffled = parse_profile_collection(write(header, rows, order, ";").encode("utf-16"))
    assert shuffled.rows == reference.rows
    assert shuffled.warnings == reference.warnings
    assert len({row.key for row in reference.rows}) == len(reference.rows)  # one row per pupil


@FAST
@given(st.dates(date(1900, 1, 1), date(2100, 12, 31)))
def test_dates_round_trip(day: date) -> None:
    assert parse_date(day.strftime("%d/%m/%Y")) == day
    assert parse_date(day.isoformat()) == day
    assert parse_datetime(day.strftime("%d/%m/%Y") + " 12:30").date() == day


@FAST
@given(st.text(max_size=30))
def test_cell_parsers_raise_only_cell_errors(text: str) -> None:
    for parser in (parse_date, parse_datetime, parse_decimal):
        try:
            parser(text)
        except CellError as error:
            assert str(error).strip()
