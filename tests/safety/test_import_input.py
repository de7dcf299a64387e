"""What an import file may hold: impossible values, unmatched quotes, terminal controls, and
sizes that must be refused early (issue 11 items 3, 8, 14)."""

from __future__ import annotations

import os
import resource
import time
from datetime import date
from pathlib import Path

import pytest

from pixtui.domain.pupils import birthdate_bounds, plausible_birthdate
from pixtui.imports import ImportKind, parse_file, parse_pupil_list
from pixtui.imports.results import read_results_file
from pixtui.imports.source import MAX_FILE_BYTES, ImportFileError, read_import_file
from pixtui.services.imports import prepare_import

TODAY = date(2027, 3, 18)
HEADER = "Nom;Prénom;Date de naissance;Classe\r\n"


def _pupils(*lines: str) -> bytes:
    return (HEADER + "".join(line + "\r\n" for line in lines)).encode()


# --- 3. impossible values ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("born", "plausible"),
    [
        (date(2031, 5, 2), False),  # not born yet
        (date(2027, 3, 18), False),  # born today
        (date(2018, 3, 19), False),  # 8 years old
        (date(2018, 3, 18), True),  # 9 today
        (date(2012, 6, 1), True),
        (date(1996, 3, 19), True),  # 30 today… almost 31
        (date(1996, 3, 18), False),  # 31 today
        (date(1931, 5, 2), False),
    ],
)
def test_a_pupils_birthdate_is_plausible_between_9_and_30(born: date, plausible: bool) -> None:
    assert plausible_birthdate(born, TODAY) is plausible


def test_the_bounds_survive_the_29th_of_february() -> None:
    oldest, youngest = birthdate_bounds(date(2028, 2, 29))
    assert (oldest, youngest) == (date(1997, 3, 1), date(2019, 2, 28))


def test_a_pupil_born_in_2031_is_a_refused_line_with_its_reason() -> None:
    report = parse_pupil_list(
        _pupils("MARTIN;Léa;03/05/2012;4B", "DURAND;Tom;02/05/2031;4B", "PETIT;Zoé;01/01/1931;4B"),
        today=TODAY,
    )
    assert [row.last_name for row in report.rows] == ["MARTIN"]
    assert [refused.line for refused in report.refused] == [3, 4]
    assert "02/05/2031" in report.refused[0].reason
    assert "entre le 19/03/1996 et le 18/03/2018" in report.refused[0].reason


def test_the_service_refuses_an_impossible_birthdate_with_its_clock(tmp_path: Path) -> None:
    path = tmp_path / "eleves.csv"
    path.write_bytes(_pupils("MARTIN;Léa;03/05/2012;4B", "DURAND;Tom;02/05/2031;4B"))
    preview = prepare_import(path, [], today=TODAY)
    assert preview.refused_count == 1 and preview.writes == 1


@pytest.mark.parametrize(
    "bad",
    [
        'DU"PONT;Jean;01/02/2012;4B',  # a stray quote inside a name
        '"DU"PONT";Jean;01/02/2012;4B',  # a quoted name with an unescaped quote
    ],
)
def test_a_name_with_an_unmatched_quote_is_refused(bad: str) -> None:
    report = parse_pupil_list(_pupils("MARTIN;Léa;03/05/2012;4B", bad), today=TODAY)
    assert [row.last_name for row in report.rows] == ["MARTIN"]
    assert len(report.refused) == 1 and "Guillemet non fermé" in report.refused[0].reason


def test_an_opened_quote_that_swallows_lines_names_them() -> None:
    """Without the rule, lines 3 to 5 vanished inside one cell of line 3, without a word."""
    report = parse_pupil_list(
        _pupils(
            "MARTIN;Léa;03/05/2012;4B",
            '"DUPONT;Jean;01/02/2012;4B',
            "DURAND;Tom;02/05/2012;4B",
            "PETIT;Zoé;01/01/2012;4B",
        ),
        today=TODAY,
    )
    assert [row.last_name for row in report.rows] == ["MARTIN"]
    assert len(report.refused) == 1
    assert "lignes 3 à 5" in report.refused[0].reason


def test_a_properly_quoted_cell_is_still_accepted() -> None:
    report = parse_pupil_list(_pupils('"DUPONT ""dit"" MARTIN";Jean;01/02/2012;4B'), today=TODAY)
    assert [row.last_name for row in report.rows] == ['DUPONT "dit" MARTIN'] and not report.refused


# --- 8. terminal controls ---------------------------------------------------------------

HOSTILE = [
    "\x1b]0;pwned\x07",  # OSC: sets the terminal's title
    "\x1b[2J",  # CSI: clears the screen
    "\x05",  # ENQ: PuTTY types its answerback
    "\x9b31m",  # C1 CSI
    "\u202eLEA",  # right-to-left override
    "\u2066x\u2069",  # isolate
]


@pytest.mark.parametrize("control", HOSTILE)
def test_controls_in_a_name_refuse_the_line_and_never_travel(control: str) -> None:
    report = parse_pupil_list(
        _pupils("MARTIN;Léa;03/05/2012;4B", f"DU{control}PONT;Jean;01/02/2012;4B"), today=TODAY
    )
    assert [row.last_name for row in report.rows] == ["MARTIN"]
    assert len(report.refused) == 1 and "contrôle" in report.refused[0].reason
    shown = report.refused[0].content
    assert "\x1b" not in shown and "\x05" not in shown and "\x9b" not in shown
    assert "\u202e" not in shown and "\u2066" not in shown


def test_controls_in_every_kind_of_file_are_refused() -> None:
    orga = "nom;prenom;classe;certificabilite\r\nMARTIN;Léa\x1b[5m;4B;Certifiable\r\n".encode()
    report = parse_file(orga)
    assert report.kind is ImportKind.ORGA_PUPILS
    assert not report.rows and "contrôle" in report.refused[0].reason


def test_a_tab_or_a_line_break_in_a_cell_is_only_a_space() -> None:
    report = parse_pupil_list(_pupils('MARTIN;"Léa\tMarie";03/05/2012;4B'), today=TODAY)
    assert [row.first_name for row in report.rows] == ["Léa Marie"]


# --- 14. bounded input ------------------------------------------------------------------


def _peak_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def test_dev_zero_is_refused_at_once() -> None:
    started = time.monotonic()
    with pytest.raises(ImportFileError) as error:
        read_import_file(Path("/dev/zero"))
    assert time.monotonic() - started < 1
    assert "pas un fichier ordinaire" in str(error.value)


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "tube.csv"
    os.mkfifo(fifo)
    with pytest.raises(ImportFileError):
        read_import_file(fifo)


def test_a_results_import_of_dev_zero_is_one_problem() -> None:
    results = read_results_file(Path("/dev/zero"))
    assert results.problems and not results.readable


def test_a_file_over_the_limit_is_refused_by_its_size(tmp_path: Path) -> None:
    path = tmp_path / "gros.csv"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk
    before = _peak_kb()
    with pytest.raises(ImportFileError) as error:
        read_import_file(path)
    assert "Mo" in str(error.value)
    assert _peak_kb() - before < 20_000


def test_a_20_mb_one_line_file_is_refused_early(tmp_path: Path) -> None:
    path = tmp_path / "une_ligne.csv"
    path.write_bytes(b"Nom;Pr\xc3\xa9nom;" + b"x" * (20 * 2**20))
    started = time.monotonic()
    with pytest.raises(ImportFileError):
        prepare_import(path, [], today=TODAY)
    assert time.monotonic() - started < 2


def test_a_long_line_under_the_size_limit_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "longue.csv"
    path.write_bytes(_pupils("MARTIN;Léa;03/05/2012;4B") + b"x" * (6 * 2**20) + b"\r\n")
    started = time.monotonic()
    preview = prepare_import(path, [], today=TODAY)
    assert time.monotonic() - started < 3
    assert preview.plan is None and "ligne 3" in (preview.report.error or "")
