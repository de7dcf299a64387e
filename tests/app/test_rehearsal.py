"""Simulated pupils: they only do what a pupil can, and never on a real session."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from pixtui.domain import room as rules
from pixtui.domain.enums import AssessmentState, LiveAlertStatus
from pixtui.domain.models import Candidate, Session
from pixtui.domain.room import RoomActionRefused
from pixtui.services.rehearsal import (
    RehearsalRefused,
    SimEvent,
    Simulator,
    Step,
    apply_step,
    check_rehearsal,
    next_speed,
)

NOW = datetime(2027, 3, 18, 8, 0, tzinfo=UTC)


def test_refused_on_a_real_session() -> None:
    with pytest.raises(RehearsalRefused, match="répétition"):
        check_rehearsal(Session(rehearsal=False), "Simulation réservée aux sessions de répétition.")
    check_rehearsal(Session(rehearsal=True), "unused")


def test_speeds_cycle() -> None:
    assert [next_speed(s) for s in (1, 5, 10, 30, 60)] == [5, 10, 30, 60, 1]


def test_pupils_start_only_once_their_presence_is_confirmed() -> None:
    absent = Candidate(id="absent")
    present = Candidate(id="present", authorized_to_start=True, authorized_at=NOW)
    sim = Simulator(seed=1)
    events: dict[str, set[SimEvent]] = {"absent": set(), "present": set()}
    for minute in range(60):
        for step in sim.steps(
            [absent, present], NOW + timedelta(minutes=minute), timedelta(minutes=1)
        ):
            events[step.candidate_id].add(step.event)
    assert SimEvent.STARTED not in events["absent"]
    assert SimEvent.ARRIVED in events["absent"]  # arrived: the trainee must confirm
    assert SimEvent.STARTED in events["present"]


def test_a_whole_simulated_session_stays_within_the_rules() -> None:
    """At 60x for 2 hours of rehearsal time, every applied step is one Pix allows."""
    candidates = [Candidate(id=f"c{i}", last_name=f"N{i}") for i in range(20)]
    sim = Simulator(seed=7)
    now = NOW
    seen: set[SimEvent] = set()
    for _ in range(240):  # 30 s steps
        now += timedelta(seconds=30)
        # The trainee confirms every arrival and handles alerts at once.
        for c in candidates:
            if c.joined_at and c.assessment_state is None:
                c.authorized_to_start, c.authorized_at = True, now
            for alert in c.alerts:
                alert.status = LiveAlertStatus.DISMISSED
        for step in sim.steps(candidates, now, timedelta(seconds=30)):
            candidate = next(c for c in candidates if c.id == step.candidate_id)
            apply_step(candidate, step, now)
            seen.add(step.event)
            if step.event is SimEvent.LEFT:
                assert candidate.resume_requested_at == now  # stored: every process sees it
                rules.authorize_resume(candidate, now, "trainee")
                assert candidate.resume_requested_at is None
                sim.forget_left(candidate.id)
    assert {SimEvent.ARRIVED, SimEvent.STARTED, SimEvent.QUESTION_ALERT, SimEvent.FINISHED} <= seen
    finished = [c for c in candidates if c.assessment_state is AssessmentState.COMPLETED]
    assert len(finished) >= 10
    for c in finished:
        assert c.started_at is not None and c.ended_at is not None and c.started_at < c.ended_at


def test_a_step_the_rules_refuse_is_refused() -> None:
    with pytest.raises(RoomActionRefused):
        apply_step(Candidate(), Step("x", SimEvent.FINISHED), NOW)  # never started
