"""Simulated candidates for rehearsal sessions (SPEC §5.4): training, demos and benchmarks.

The simulator plays the pupils' side only — they arrive, start once their presence is confirmed,
raise question or extension alerts, close their window and ask to resume, come back once allowed,
finish — so the trainee practises every invigilator action for real. Time runs at 1x to 60x: the
room screen then uses a scaled clock, and every stored instant is rehearsal time.
It never runs on a real session.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from pixtui.domain import room as rules
from pixtui.domain.enums import LiveAlertKind
from pixtui.domain.models import Candidate, Session
from pixtui.domain.problems import Refused
from pixtui.domain.timing import candidate_deadline

SPEEDS = (1, 5, 10, 30, 60)

# Mean waiting times (in rehearsal minutes) before a pupil does each thing.
ARRIVAL_MINUTES = 4.0
START_MINUTES = 2.0
RESUME_MINUTES = 1.0
ALERT_MINUTES = 70.0  # per running candidate: a few alerts in a 20-pupil session
COMPANION_SHARE = 0.25
LEAVE_MINUTES = 150.0
EARLIEST_FINISH = 0.6  # share of the allotted time before anyone finishes


class SimEvent(StrEnum):
    ARRIVED = "arrived"  # joined the room: the trainee must confirm the presence
    STARTED = "started"
    RESUMED = "resumed"
    QUESTION_ALERT = "question_alert"
    COMPANION_ALERT = "companion_alert"
    LEFT = "left"  # closed the window: asks to resume
    FINISHED = "finished"


@dataclass(frozen=True)
class Step:
    candidate_id: str
    event: SimEvent
    question_number: int | None = None


class RehearsalRefused(Refused):
    """Simulation asked on a real session; the message is the French sentence to show."""


def check_rehearsal(session: Session, message: str) -> None:
    if not session.rehearsal:
        raise RehearsalRefused(message)


def _happens(rng: random.Random, elapsed: timedelta, mean_minutes: float) -> bool:
    """A Poisson event of mean ``mean_minutes`` within ``elapsed`` (rehearsal time)."""
    minutes = elapsed.total_seconds() / 60
    return rng.random() < 1 - math.exp(-minutes / mean_minutes)


class Simulator:
    def __init__(self, seed: int | None = None, test_minutes: int = 105) -> None:
        self._rng = random.Random(seed)
        self._test_minutes = test_minutes
        self._arrived: set[str] = set()
        self._left: set[str] = set()

    def steps(self, candidates: list[Candidate], now: datetime, elapsed: timedelta) -> list[Step]:
        """What the simulated pupils do during ``elapsed`` rehearsal time ending at ``now``."""
        rng = self._rng
        steps: list[Step] = []
        for c in candidates:
            if c.removed or rules.is_ended(c):
                continue
            if not rules.is_started(c):
                if c.authorized_to_start:
                    if _happens(rng, elapsed, START_MINUTES):
                        steps.append(Step(c.id, SimEvent.STARTED))
                elif (
                    c.id not in self._arrived
                    and c.joined_at is None
                    and _happens(rng, elapsed, ARRIVAL_MINUTES)
                ):
                    self._arrived.add(c.id)
                    steps.append(Step(c.id, SimEvent.ARRIVED))
                continue
            if rules.pending_resume(c):
                if _happens(rng, elapsed, RESUME_MINUTES):
                    self._left.discard(c.id)
                    steps.append(Step(c.id, SimEvent.RESUMED))
                continue
            if (
                c.id in self._left
                or c.resume_requested_at is not None
                or rules.ongoing_alert(c, LiveAlertKind.COMPANION)
            ):
                continue  # waiting for the invigilator
            if rules.ongoing_alert(c, LiveAlertKind.CHALLENGE):
                continue
            deadline = candidate_deadline(c, self._test_minutes)
            if deadline and c.started_at:
                allotted = deadline - c.started_at
                done_share = (now - c.started_at) / allotted if allotted else 1
                # Most finish between 60 % and 100 % of their time; a few run over.
                if done_share > EARLIEST_FINISH and _happens(
                    rng, elapsed, max(allotted.total_seconds() / 60 * 0.25, 1)
                ):
                    steps.append(Step(c.id, SimEvent.FINISHED))
                    continue
            if _happens(rng, elapsed, ALERT_MINUTES):
                if rng.random() < COMPANION_SHARE:
                    steps.append(Step(c.id, SimEvent.COMPANION_ALERT))
                else:
                    steps.append(Step(c.id, SimEvent.QUESTION_ALERT, rng.randint(1, 32)))
                continue
            if _happens(rng, elapsed, LEAVE_MINUTES):
                self._left.add(c.id)
                steps.append(Step(c.id, SimEvent.LEFT))
        return steps

    def forget_left(self, candidate_id: str) -> None:
        """The trainee allowed the resume: the pupil will come back."""
        self._left.discard(candidate_id)


def apply_step(candidate: Candidate, step: Step, at: datetime) -> None:
    """Apply one simulated pupil action through the room rules (refusals propagate)."""
    if step.event is SimEvent.ARRIVED:
        rules.mark_joined(candidate, at)
    elif step.event is SimEvent.LEFT:
        rules.request_resume(candidate, at)  # stored: every process shows the request
    elif step.event is SimEvent.STARTED:
        rules.mark_started(candidate, at)
    elif step.event is SimEvent.RESUMED:
        rules.mark_resumed(candidate, at)
    elif step.event is SimEvent.QUESTION_ALERT:
        flags = rules.QuestionFlags(
            has_image=step.question_number is not None and step.question_number % 3 == 0
        )
        rules.raise_alert(candidate, LiveAlertKind.CHALLENGE, step.question_number, flags, at)
    elif step.event is SimEvent.COMPANION_ALERT:
        rules.raise_alert(candidate, LiveAlertKind.COMPANION, None, None, at)
    elif step.event is SimEvent.FINISHED:
        rules.mark_completed(candidate, at)


def next_speed(speed: float) -> int:
    """1x → 5x → 10x → 30x → 60x → 1x."""
    for option in SPEEDS:
        if option > speed:
            return option
    return SPEEDS[0]
