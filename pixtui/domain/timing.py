"""Deadlines, countdowns and their display (SPEC §3 "Time", reference §3.6).

Everything is computed from stored instants (start times, authorisation times) and the injected
"now": nothing here counts down, so a process that reopens after an SSH hang-up shows the same
values. Pix shows only start + 105 min; the extra time (temps majoré) is added here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from enum import StrEnum
from functools import lru_cache
from zoneinfo import ZoneInfo

from pixtui.domain.clock import SCHOOL_ZONE, as_utc, at_local
from pixtui.domain.enums import AssessmentState
from pixtui.domain.models import Candidate, Session
from pixtui.i18n import t

DEFAULT_TEST_MINUTES = 105
DEFAULT_SLOT_MINUTES = 120
PRESENCE_CONFIRMATION_MINUTES = 15  # Pix expires an unused presence confirmation (2026)
MAXIMAL_TEST_DURATION = timedelta(hours=24)
MICRO_MINUTE = Decimal(
    "0.000001"
)  # below this, a ratio's float noise is not a minute  # no resume, no answer after that (Pix)


def _round_to_second(instant: datetime) -> datetime:
    if instant.microsecond >= 500_000:
        instant += timedelta(seconds=1)
    return instant.replace(microsecond=0)


@lru_cache(maxsize=256)  # a handful of (ratio, minutes) pairs, asked for every second
def personal_minutes(extra_time_ratio: float, test_minutes: int = DEFAULT_TEST_MINUTES) -> int:
    """THE personal test duration, in whole minutes: test_minutes × (1 + ratio), rounded UP.

    One rule for the kit, the attendance documents, the room and the finalisation. Computed in
    Decimal from the stored ratio (0.33 must not become 0.3299…, 105 × 1.2 must not become
    126.00000000000001), then rounded up to the minute: a pupil never loses a second of the
    time the law gives (105 min at +33 % is 139.65 min: 140 min, 2 h 20).
    """
    ratio = Decimal(repr(float(extra_time_ratio))) if extra_time_ratio > 0 else Decimal(0)
    exact = (Decimal(test_minutes) * (1 + ratio)).quantize(MICRO_MINUTE, ROUND_HALF_UP)
    return int(exact.to_integral_value(ROUND_CEILING))


def allotted_time(extra_time_ratio: float, test_minutes: int = DEFAULT_TEST_MINUTES) -> timedelta:
    """The personal test duration as a timedelta (see :func:`personal_minutes`)."""
    return timedelta(minutes=personal_minutes(extra_time_ratio, test_minutes))


def candidate_deadline(
    candidate: Candidate, test_minutes: int = DEFAULT_TEST_MINUTES
) -> datetime | None:
    """The personal end time: started_at + test_minutes × (1 + extra time); None before a start."""
    if candidate.started_at is None:
        return None
    start = _round_to_second(as_utc(candidate.started_at))
    return start + allotted_time(candidate.extra_time_ratio, test_minutes)


def is_running(candidate: Candidate) -> bool:
    """Started and not yet finished (Pix's ``started`` assessment state)."""
    return candidate.assessment_state is AssessmentState.STARTED


def remaining(
    candidate: Candidate, now: datetime, test_minutes: int = DEFAULT_TEST_MINUTES
) -> timedelta | None:
    """Time left before the personal end time, never negative; None when not running."""
    deadline = candidate_deadline(candidate, test_minutes)
    if deadline is None or not is_running(candidate):
        return None
    return max(deadline - as_utc(now), timedelta(0))


def overtime(
    candidate: Candidate, now: datetime, test_minutes: int = DEFAULT_TEST_MINUTES
) -> timedelta | None:
    """How long past the personal end time a still-running candidate is; None otherwise."""
    deadline = candidate_deadline(candidate, test_minutes)
    if deadline is None or not is_running(candidate):
        return None
    late = as_utc(now) - deadline
    return late if late > timedelta(0) else None


def latest_deadline(
    candidates: Iterable[Candidate], test_minutes: int = DEFAULT_TEST_MINUTES
) -> datetime | None:
    """The last personal end time among running candidates (Coordination: "last end")."""
    deadlines = [
        d
        for c in candidates
        if not c.removed and is_running(c) and (d := candidate_deadline(c, test_minutes))
    ]
    return max(deadlines, default=None)


def presence_confirmation_stale(
    candidate: Candidate, now: datetime, minutes: int = PRESENCE_CONFIRMATION_MINUTES
) -> bool:
    """A presence confirmed more than ``minutes`` ago without a start (Pix now expires it)."""
    if not candidate.authorized_to_start or candidate.authorized_at is None:
        return False
    if candidate.assessment_state is not None:
        return False
    return as_utc(now) - as_utc(candidate.authorized_at) > timedelta(minutes=minutes)


# --- Session slot -----------------------------------------------------------------------------


def session_start(session: Session, zone: ZoneInfo = SCHOOL_ZONE) -> datetime:
    """The UTC instant of the session's local date and start time (DST handled).

    Raises ValueError for a session without date or time: validation refuses those, so this
    is a programming error, not a user one.
    """
    if session.date is None or session.start_time is None:
        raise ValueError("session without date or start time")
    return at_local(session.date, session.start_time, zone)


def session_end(
    session: Session, slot_minutes: int = DEFAULT_SLOT_MINUTES, zone: ZoneInfo = SCHOOL_ZONE
) -> datetime:
    return session_start(session, zone) + timedelta(minutes=slot_minutes)


class CountdownPhase(StrEnum):
    BEFORE = "before"  # the slot has not begun: delta = time until its start
    DURING = "during"  # inside the slot: delta = time until its end
    AFTER = "after"  # the slot is over: delta = time since its end


@dataclass(frozen=True)
class Countdown:
    phase: CountdownPhase
    delta: timedelta  # never negative


def session_countdown(
    session: Session,
    now: datetime,
    slot_minutes: int = DEFAULT_SLOT_MINUTES,
    zone: ZoneInfo = SCHOOL_ZONE,
) -> Countdown:
    start = session_start(session, zone)
    end = start + timedelta(minutes=slot_minutes)
    now = as_utc(now)
    if now < start:
        return Countdown(CountdownPhase.BEFORE, start - now)
    if now < end:
        return Countdown(CountdownPhase.DURING, end - now)
    return Countdown(CountdownPhase.AFTER, now - end)


def format_countdown(countdown: Countdown) -> str:
    """ "Début dans 12:04", "Fin du créneau dans 1:05:09", "Créneau terminé depuis 3:00"."""
    return t(f"domain.countdown.{countdown.phase.value}", delta=format_remaining(countdown.delta))


# --- Display ----------------------------------------------------------------------------------


def shift_years(day: date, years: int) -> date:
    """The same day ``years`` later (earlier if negative), by dateutil's relativedelta: a
    29 February lands on 28 February in a common year."""
    from dateutil.relativedelta import relativedelta  # here: not needed at every start-up

    return day + relativedelta(years=years)


# The one formatter of dates and times shown to users (screens, documents, CLI, messages): French
# numeric forms, Pix's JJ/MM/AAAA. Stored instants are UTC; they are shown in the school's zone.


def format_clock(instant: datetime | None, zone: ZoneInfo = SCHOOL_ZONE) -> str:
    """ "10:42": wall-clock time at the school; "" for no instant."""
    return as_utc(instant).astimezone(zone).strftime("%H:%M") if instant else ""


def format_date(day: date | None) -> str:
    """ "04/03/2024": how French staff read dates (and Pix's JJ/MM/AAAA); "" for no date."""
    return day.strftime("%d/%m/%Y") if day else ""


def format_day_month(day: date | None) -> str:
    """ "04/03": a day of this campaign, where the year goes without saying; "" for no date."""
    return day.strftime("%d/%m") if day else ""


def format_time(moment: time | None) -> str:
    """ "09:30": a session's start time (a wall-clock time); "" for none."""
    return moment.strftime("%H:%M") if moment else ""


def format_instant(
    instant: datetime | None,
    zone: ZoneInfo = SCHOOL_ZONE,
    *,
    year: bool = True,
    seconds: bool = False,
) -> str:
    """ "04/03/2024 10:42" at the school ("04/03 10:42" without the year, "…10:42:07" with
    seconds, for the journal); "" for no instant."""
    if not instant:
        return ""
    pattern = ("%d/%m/%Y" if year else "%d/%m") + (" %H:%M:%S" if seconds else " %H:%M")
    return as_utc(instant).astimezone(zone).strftime(pattern)


def format_remaining(delta: timedelta) -> str:
    """ "1:05:09" from one hour on, "12:04" below; whole seconds, truncated; "-" when negative."""
    total = int(delta.total_seconds())
    sign = "-" if total < 0 else ""
    hours, rest = divmod(abs(total), 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{seconds:02d}"
    return f"{sign}{minutes:02d}:{seconds:02d}"


def format_extra_time(ratio: float) -> str:
    """ "+33 %" from the stored ratio 0.33 (never "0,33 %", Pix's old bug); "" for no extra time.

    A fractional percentage keeps French decimals: 0.335 → "+33,5 %".
    """
    if not ratio:
        return ""
    percent = (Decimal(repr(float(ratio))) * 100).normalize()
    text = format(percent, "f").replace(".", ",")
    return t("domain.extra_time.tag", percent=text)
