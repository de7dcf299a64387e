"""One parser of the dates users type, one formatter of the dates users read (issue 15)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pixtui.cli import UserError
from pixtui.commands.after import _parse_when
from pixtui.domain.clock import FixedClock
from pixtui.domain.sessions import parse_date
from pixtui.domain.timing import (
    format_clock,
    format_date,
    format_day_month,
    format_instant,
    format_time,
)
from pixtui.imports import sniff

PIXTUI = Path(__file__).resolve().parents[2] / "pixtui"

# Machine formats, not shown to a user as a date: file names, the store's own format.
MACHINE_FORMATS = {
    "crash.py",  # crash-YYYYMMDD-HHMMSS-pid.log
    "backups.py",  # backup file names
    "demo_store.py",  # the name an old demo store is set aside under
    "exports.py",  # export file names (…-0930.csv)
    "serialize.py",  # stored "HH:MM"
    "builder.py",  # the demo's summary values
    "timing.py",  # the formatter itself
}


def test_the_formatter() -> None:
    winter = datetime(2027, 1, 18, 8, 40, 7, tzinfo=UTC)  # 09:40 in Paris
    summer = datetime(2027, 6, 1, 7, 5, tzinfo=UTC)  # 09:05 in Paris (summer time)
    assert format_date(date(2027, 3, 4)) == "04/03/2027"
    assert format_day_month(date(2027, 3, 4)) == "04/03"
    assert format_time(time(9, 5)) == "09:05"
    assert format_clock(winter) == "09:40"
    assert format_clock(summer) == "09:05"
    assert format_instant(winter) == "18/01/2027 09:40"
    assert format_instant(winter, year=False) == "18/01 09:40"
    assert format_instant(winter, seconds=True) == "18/01/2027 09:40:07"
    for nothing in (format_date, format_day_month, format_time, format_clock, format_instant):
        assert nothing(None) == ""


def test_no_date_is_formatted_outside_the_formatter() -> None:
    """strftime and f"{…:%H:%M}" live in pixtui.domain.timing (and machine formats only)."""
    inline = re.compile(r"strftime\(|:%[dHmY]")
    found = [
        f"{path.relative_to(PIXTUI)}:{number}"
        for path in PIXTUI.rglob("*.py")
        if path.name not in MACHINE_FORMATS
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if inline.search(line) and "isoformat" not in line
    ]
    assert found == []


def test_the_parser() -> None:
    assert parse_date("12/03/2024") == date(2024, 3, 12)
    assert parse_date("2024-03-12") == date(2024, 3, 12)
    assert parse_date("29/02/2023") is None
    # The import cells and the command line read days with the same parser.
    assert sniff.parse_date("2024-03-12T10:00:00") == date(2024, 3, 12)
    with pytest.raises(sniff.CellError):
        sniff.parse_date("29/02/2023")


@given(st.text(alphabet="0123456789/-. T:", max_size=19))
def test_import_cells_read_days_as_the_forms_do(text: str) -> None:
    """Oracle: a file's date cell and a form's date field agree on every day (the cell also
    takes an ISO date-time's day)."""
    value = text.strip()
    if len(value) > 10 and value[10] in "T " and re.match(r"\d{4}-", value):
        value = value[:10]
    try:
        from_file = sniff.parse_date(text)
    except sniff.CellError:
        from_file = None
    assert from_file == parse_date(value)


def _store_at(now: datetime) -> SimpleNamespace:
    return SimpleNamespace(clock=FixedClock(now))


def test_the_command_line_reads_when_with_the_same_parser() -> None:
    store = _store_at(datetime(2027, 3, 18, 12, 0, tzinfo=UTC))
    assert _parse_when(None, store) is None
    assert _parse_when("18/03/2027", store) == datetime(2027, 3, 18, 11, 0, tzinfo=UTC)  # noon
    assert _parse_when("17/03/2027 09:30", store) == datetime(2027, 3, 17, 8, 30, tzinfo=UTC)
    assert _parse_when("2027-03-17 9h30", store) == datetime(2027, 3, 17, 8, 30, tzinfo=UTC)
    for bad in ("demain", "31/02/2027", "17/03/2027 25:00"):
        with pytest.raises(UserError):
            _parse_when(bad, store)
    with pytest.raises(UserError):
        _parse_when("19/03/2027", store)  # not yet happened


# --- humanize, in the interface's language ----------------------------------------------------


def test_sizes_and_ages_in_french_then_english() -> None:
    from datetime import timedelta

    from pixtui.formatting import format_ago, format_size
    from pixtui.i18n import set_language

    now = datetime(2027, 3, 18, 8, 40, tzinfo=UTC)
    assert format_size(1_536_000) == "1,5 Mio"
    assert format_size(512) == "512 octets"
    assert format_ago(now - timedelta(minutes=3), now) == "il y a 3 minutes"
    assert format_ago(now - timedelta(days=2), now) == "il y a 2 jours"
    set_language("en")
    assert format_size(1_536_000) == "1.5 MiB"
    assert format_ago(now - timedelta(minutes=3), now) == "3 minutes ago"


def test_humanize_language_is_left_as_found() -> None:
    import humanize

    from pixtui.formatting import format_size

    format_size(1)
    assert humanize.naturaldelta(60) == "a minute"


def test_shift_years_by_relativedelta() -> None:
    from pixtui.domain.timing import shift_years

    assert shift_years(date(2024, 4, 4), 5) == date(2029, 4, 4)
    assert shift_years(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert shift_years(date(2024, 2, 29), -9) == date(2015, 2, 28)
    assert shift_years(date(2024, 2, 29), 4) == date(2028, 2, 29)
