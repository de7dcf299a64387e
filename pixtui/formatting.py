"""French (or English) display of dates and numbers, without relying on the system locale.

Lab machines often run the C locale, so month and day names come from the catalogue.
"""

from __future__ import annotations

from datetime import date

from pixtui.domain.timing import format_date
from pixtui.i18n import t

__all__ = ["format_date", "format_day_long", "format_percent"]


def format_day_long(day: date) -> str:
    """« mer. 25 nov. 2026 » / « Wed 25 Nov 2026 »."""
    weekday = t(f"day.short.{day.isoweekday()}")
    month = t(f"month.short.{day.month}")
    return t("date.long", weekday=weekday, day=day.day, month=month, year=day.year)


def format_percent(part: int, whole: int) -> str:
    if whole <= 0:
        return "–"
    return t("number.percent", value=round(100 * part / whole))
