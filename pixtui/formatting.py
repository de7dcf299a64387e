"""French (or English) display of dates and numbers, without relying on the system locale.

Lab machines often run the C locale, so month and day names come from the catalogue.
"""

from __future__ import annotations

from datetime import date, datetime

from pixtui.i18n import t


def format_day_long(day: date) -> str:
    """« mer. 25 nov. 2026 » / « Wed 25 Nov 2026 »."""
    weekday = t(f"day.short.{day.isoweekday()}")
    month = t(f"month.short.{day.month}")
    return t("date.long", weekday=weekday, day=day.day, month=month, year=day.year)


def format_date(day: date | None) -> str:
    """JJ/MM/AAAA, as every French school document writes dates."""
    return day.strftime("%d/%m/%Y") if day else ""


def format_time(instant: datetime | None) -> str:
    return instant.strftime("%H:%M") if instant else ""


def format_percent(part: int, whole: int) -> str:
    if whole <= 0:
        return "–"
    return t("number.percent", value=round(100 * part / whole))
