"""How dates, times, durations and extra time are written on documents and in CSV files."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pixtui.domain.clock import SCHOOL_ZONE
from pixtui.domain.models import Candidate, SchoolSettings, Session
from pixtui.domain.names import name_key

# The one formatter of dates and times (pixtui.domain.timing), re-exported for the documents.
from pixtui.domain.timing import (  # noqa: F401
    format_clock,
    format_date,
    format_instant,
    format_time,
    personal_minutes,
)
from pixtui.i18n import t


def school_zone(settings: SchoolSettings) -> ZoneInfo:
    """The school's zone; a damaged setting falls back to Europe/Paris rather than failing a print."""
    try:
        return ZoneInfo(settings.timezone or "Europe/Paris")
    except (ZoneInfoNotFoundError, ValueError):
        return SCHOOL_ZONE


def format_long_date(day: date | None) -> str:
    """« lundi 18/03/2024 »: the weekday avoids printing the wrong day's documents."""
    if day is None:
        return t("documents.value.unknown")
    return t(
        "documents.date.long",
        weekday=t(f"documents.weekday.{day.weekday()}"),
        date=format_date(day),
    )


def extra_time_percent(ratio: float) -> str:
    """0.33 -> « 33 », 0.335 -> « 33,5 » (a French decimal comma)."""
    value = round(ratio * 100, 1)
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def extra_time_label(ratio: float) -> str:
    """« +33 % », or an empty string without extra time."""
    if ratio <= 0:
        return ""
    return t("documents.value.extra_time", percent=extra_time_percent(ratio))


def personal_test_minutes(test_minutes: int, ratio: float) -> int:
    """A candidate's test duration in minutes: the room's own rule (one home:
    :func:`pixtui.domain.timing.personal_minutes`, rounded up to the minute)."""
    return personal_minutes(ratio, test_minutes)


def format_duration(minutes: int) -> str:
    """« 2 h 20 », « 1 h 45 », « 2 h », « 45 min »."""
    hours, rest = divmod(minutes, 60)
    if hours == 0:
        return t("documents.value.minutes", minutes=rest)
    if rest == 0:
        return t("documents.value.hours", hours=hours)
    return t("documents.value.hours_minutes", hours=hours, minutes=f"{rest:02d}")


def slot_end(session: Session, settings: SchoolSettings) -> time | None:
    """Wall-clock end of the session's slot (start + slot minutes)."""
    if session.start_time is None:
        return None
    start = datetime.combine(session.date or date(2000, 1, 1), session.start_time)
    return (start + timedelta(minutes=settings.slot_minutes)).time()


def enrolled(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Candidates still enrolled (soft-deleted ones are kept in the store, never printed),
    sorted by last name then first name, accent- and case-insensitively."""
    kept = [candidate for candidate in candidates if not candidate.removed]
    return sorted(
        kept,
        key=lambda c: (
            name_key(c.last_name),
            name_key(c.first_name),
            c.birthdate or date.min,
            c.id,
        ),
    )


def classes_of(candidates: Iterable[Candidate]) -> list[str]:
    return sorted({c.division.strip() for c in candidates if c.division.strip()}, key=name_key)


def session_number(session: Session) -> str:
    return (
        session.pix_number.strip()
        if session.pix_number and session.pix_number.strip()
        else t("documents.value.no_number")
    )


def full_name(candidate: Candidate) -> str:
    """« NOM Prénom », the order of Pix's lists."""
    return f"{candidate.last_name.strip().upper()} {candidate.first_name.strip()}".strip()


def examiners_text(session: Session) -> str:
    names = [name.strip() for name in session.examiners if name.strip()]
    return ", ".join(names) if names else t("documents.value.unknown")


def accommodations(candidate: Candidate) -> str:
    """Aid, accessibility and language notes in one short line for the attendance sheet."""
    parts: list[str] = []
    if candidate.aid_note.strip():
        parts.append(t("documents.value.aid", note=candidate.aid_note.strip()))
    if candidate.accessibility_adjustment:
        parts.append(t("documents.value.accessibility"))
    if candidate.language_note.strip():
        parts.append(t("documents.value.language", note=candidate.language_note.strip()))
    return " ; ".join(parts)
