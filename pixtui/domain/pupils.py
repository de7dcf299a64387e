"""What a pupil's record may plausibly hold (the imports refuse the rest, line by line)."""

from __future__ import annotations

from datetime import date, timedelta

from pixtui.domain.timing import shift_years

YOUNGEST_AGE = 9
"""A 6e pupil is 10 or 11; 9 leaves room for a pupil two years ahead."""
OLDEST_AGE = 30
"""A lycée pupil (pro and post-bac classes included) is under 25; 30 leaves room to spare."""


def birthdate_bounds(today: date) -> tuple[date, date]:
    """The oldest and the youngest plausible birthdates of a pupil on ``today`` (inclusive)."""
    oldest = shift_years(today, -(OLDEST_AGE + 1)) + timedelta(days=1)
    return oldest, shift_years(today, -YOUNGEST_AGE)


def plausible_birthdate(birthdate: date, today: date) -> bool:
    """True when someone born on ``birthdate`` can be a collège or lycée pupil on ``today``.

    A pupil born in 2031, or in 1931 (a year typed wrong), is a typing or format error: the
    line is refused rather than a wrong identity sent to Pix.
    """
    oldest, youngest = birthdate_bounds(today)
    return oldest <= birthdate <= youngest
