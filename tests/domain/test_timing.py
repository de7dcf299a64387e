"""SPEC §3 "Time": deadlines with extra time, countdowns, display; DST days included."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from pixtui.domain.clock import SCHOOL_ZONE, FixedClock, at_local
from pixtui.domain.enums import AssessmentState
from pixtui.domain.models import Candidate, Session
from pixtui.domain.timing import (
    Countdown,
    CountdownPhase,
    allotted_time,
    candidate_deadline,
    format_clock,
    format_countdown,
    format_date,
    format_extra_time,
    format_remaining,
    latest_deadline,
    overtime,
    presence_confirmation_stale,
    remaining,
    session_countdown,
    session_end,
    session_start,
)
from pixtui.i18n import set_language

PARIS_8H = datetime(2024, 3, 12, 8, 0, tzinfo=SCHOOL_ZONE)


def running(started: datetime, ratio: float = 0.0) -> Candidate:
    return Candidate(
        last_name="Martin",
        first_name="Zoé",
        started_at=started.astimezone(UTC),
        assessment_state=AssessmentState.STARTED,
        extra_time_ratio=ratio,
    )


def test_deadline_is_105_minutes_times_extra_time() -> None:
    assert candidate_deadline(running(PARIS_8H)) == PARIS_8H + timedelta(minutes=105)
    # 105 × 1.33 = 139.65 min, rounded UP to the minute: the pupil never loses a second.
    assert candidate_deadline(running(PARIS_8H, 0.33)) == PARIS_8H + timedelta(minutes=140)
    # 105 × 1.2 is 126 exactly (a float product would be 126.00000000000001 → 127).
    assert candidate_deadline(running(PARIS_8H, 0.2)) == PARIS_8H + timedelta(minutes=126)
    # A third computed from 1/3 is exactly 140 min, not 139:59.
    assert candidate_deadline(running(PARIS_8H, 1 / 3)) == PARIS_8H + timedelta(minutes=140)
    assert candidate_deadline(running(PARIS_8H), test_minutes=60) == PARIS_8H + timedelta(hours=1)
    assert candidate_deadline(Candidate()) is None


def test_deadline_rounded_to_the_second() -> None:
    start = PARIS_8H + timedelta(microseconds=600_000)
    assert candidate_deadline(running(start)) == PARIS_8H + timedelta(minutes=105, seconds=1)
    assert allotted_time(0.5, 10) == timedelta(minutes=15)


def test_remaining_and_overtime_with_a_fixed_clock() -> None:
    clock = FixedClock(PARIS_8H)
    c = running(PARIS_8H, 0.33)
    assert remaining(c, clock.now()) == timedelta(minutes=140)
    assert overtime(c, clock.now()) is None
    clock.advance(timedelta(minutes=105))
    # Without extra time they would be done; with a third more they still have 35 min.
    assert remaining(c, clock.now()) == timedelta(minutes=35)
    clock.advance(timedelta(minutes=40))
    assert remaining(c, clock.now()) == timedelta(0)  # never negative
    assert overtime(c, clock.now()) == timedelta(minutes=5)


def test_no_remaining_time_once_finished_or_before_start() -> None:
    now = PARIS_8H + timedelta(hours=3)
    c = running(PARIS_8H)
    c.assessment_state = AssessmentState.COMPLETED
    assert remaining(c, now) is None and overtime(c, now) is None
    assert remaining(Candidate(), now) is None and overtime(Candidate(), now) is None


def test_deadline_across_spring_dst_change() -> None:
    # 31 March 2024, 02:00 → 03:00 in Paris: a test started at 01:30 (00:30 UTC) ends at
    # 02:15 UTC, i.e. 04:15 on the wall clock, not 03:15.
    start = datetime(2024, 3, 31, 0, 30, tzinfo=UTC)
    deadline = candidate_deadline(running(start))
    assert deadline == datetime(2024, 3, 31, 2, 15, tzinfo=UTC)
    assert format_clock(start) == "01:30"
    assert format_clock(deadline) == "04:15"


def test_deadline_across_autumn_dst_change() -> None:
    # 27 October 2024, 03:00 → 02:00: started at 01:30 local (23:30 UTC on the 26th).
    start = datetime(2024, 10, 26, 23, 30, tzinfo=UTC)
    deadline = candidate_deadline(running(start))
    assert format_clock(deadline) == "02:15"  # 105 min later, one hour given back
    assert deadline - start == timedelta(minutes=105)


def test_session_slot_on_dst_days() -> None:
    before = Session(date=date(2024, 3, 30), start_time=time(8, 0))
    after = Session(date=date(2024, 3, 31), start_time=time(8, 0))
    assert session_start(before) == datetime(2024, 3, 30, 7, 0, tzinfo=UTC)
    assert session_start(after) == datetime(2024, 3, 31, 6, 0, tzinfo=UTC)
    assert session_end(after) == datetime(2024, 3, 31, 8, 0, tzinfo=UTC)
    assert session_end(after, slot_minutes=90) == datetime(2024, 3, 31, 7, 30, tzinfo=UTC)
    with pytest.raises(ValueError):
        session_start(Session())


def test_session_countdown_phases() -> None:
    session = Session(date=date(2024, 3, 12), start_time=time(8, 0))
    start = at_local(date(2024, 3, 12), time(8, 0))
    assert session_countdown(session, start - timedelta(minutes=12, seconds=4)) == Countdown(
        CountdownPhase.BEFORE, timedelta(minutes=12, seconds=4)
    )
    during = session_countdown(session, start + timedelta(minutes=30))
    assert during == Countdown(CountdownPhase.DURING, timedelta(minutes=90))
    assert format_countdown(during) == "Fin du créneau dans 1:30:00"
    after = session_countdown(session, start + timedelta(minutes=123), slot_minutes=120)
    assert after.phase is CountdownPhase.AFTER and after.delta == timedelta(minutes=3)
    assert format_countdown(after) == "Créneau terminé depuis 03:00"


def test_presence_confirmation_stale_after_15_minutes() -> None:
    at = PARIS_8H
    c = Candidate(authorized_to_start=True, authorized_at=at.astimezone(UTC))
    assert not presence_confirmation_stale(c, at + timedelta(minutes=15))
    assert presence_confirmation_stale(c, at + timedelta(minutes=15, seconds=1))
    assert presence_confirmation_stale(c, at + timedelta(minutes=10), minutes=5)
    c.assessment_state = AssessmentState.STARTED
    assert not presence_confirmation_stale(c, at + timedelta(hours=1))
    assert not presence_confirmation_stale(Candidate(), at + timedelta(hours=1))


def test_latest_deadline() -> None:
    a = running(PARIS_8H)
    b = running(PARIS_8H, 0.33)
    done = running(PARIS_8H, 2.0)
    done.assessment_state = AssessmentState.COMPLETED
    assert latest_deadline([a, b, done]) == candidate_deadline(b)
    assert latest_deadline([]) is None


def test_formatting() -> None:
    assert format_clock(datetime(2024, 3, 12, 9, 42, tzinfo=UTC)) == "10:42"
    assert format_clock(datetime(2024, 7, 1, 8, 5, tzinfo=UTC)) == "10:05"
    assert format_remaining(timedelta(hours=1, minutes=5, seconds=9)) == "1:05:09"
    assert format_remaining(timedelta(minutes=12, seconds=4, microseconds=900_000)) == "12:04"
    assert format_remaining(timedelta(0)) == "00:00"
    assert format_remaining(timedelta(seconds=-75)) == "-01:15"
    assert format_date(date(2024, 3, 4)) == "04/03/2024"


def test_format_extra_time_is_a_percentage() -> None:
    assert format_extra_time(0.33) == "+33 %"
    assert format_extra_time(0.5) == "+50 %"
    assert format_extra_time(1.0) == "+100 %"
    assert format_extra_time(0.335) == "+33,5 %"
    assert format_extra_time(0) == ""
    assert "0,33" not in format_extra_time(0.33)
    set_language("en")
    try:
        assert format_extra_time(0.33) == "+33%"
    finally:
        set_language("fr")
