"""French (or English) display of dates and numbers, without relying on the system locale.

Lab machines often run the C locale, so month and day names come from the catalogue.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime

from pixtui.domain.clock import as_utc
from pixtui.domain.timing import format_date
from pixtui.i18n import get_language, t

__all__ = ["format_ago", "format_date", "format_day_long", "format_percent", "format_size"]

# humanize's own catalogue (shipped in the package: no network) for the interface's language.
_HUMANIZE_LOCALES = {"fr": "fr_FR"}


def format_day_long(day: date) -> str:
    """« mer. 25 nov. 2026 » / « Wed 25 Nov 2026 »."""
    weekday = t(f"day.short.{day.isoweekday()}")
    month = t(f"month.short.{day.month}")
    return t("date.long", weekday=weekday, day=day.day, month=month, year=day.year)


def format_percent(part: int, whole: int) -> str:
    if whole <= 0:
        return "–"
    return t("number.percent", value=round(100 * part / whole))


@contextmanager
def _humanize_in_our_language() -> Iterator[None]:
    from humanize import i18n

    locale = _HUMANIZE_LOCALES.get(get_language())
    if locale is None:
        i18n.deactivate()
    else:
        i18n.activate(locale)
    try:
        yield
    finally:
        i18n.deactivate()  # humanize's language is global: leave it as found


def format_size(size: int) -> str:
    """« 1,5 Mio » / « 1.5 MiB »: a file's size (binary units, as ``ls -h`` counts)."""
    import humanize

    with _humanize_in_our_language():
        from humanize import i18n

        return humanize.naturalsize(size, binary=True).replace(".", i18n.decimal_separator())


def format_ago(instant: datetime, now: datetime) -> str:
    """« il y a 3 minutes » / « 3 minutes ago » (« dans 2 heures » for a future instant)."""
    import humanize

    with _humanize_in_our_language():
        return humanize.naturaltime(as_utc(instant), when=as_utc(now))
