"""Stores for the benchmarks: the demo collège, and its rehearsal with 30 candidates running."""

from __future__ import annotations

import getpass
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from pixtui.domain.clock import SystemClock
from pixtui.domain.enums import AssessmentState
from pixtui.domain.models import Candidate, Session
from pixtui.services.demo_store import write_demo
from pixtui.store import Store


def demo_store(path: Path) -> Store:
    write_demo(path, actor=getpass.getuser(), clock=SystemClock())
    return Store.open(path, actor=getpass.getuser(), clock=SystemClock())


def busy_room(path: Path, running: int = 30, absent: int = 2) -> Session:
    """The demo's rehearsal with ``running`` candidates started over the last hour, none alerting."""
    store = demo_store(path)
    clock = store.clock
    now = clock.now()
    with store.transaction("bench.busy_room") as tx:
        session = next(s for s in tx.sessions.all() if s.rehearsal)
        existing = [c for c in tx.candidates.where(session_id=session.id)]
        for candidate in existing:
            tx.candidates.delete(candidate.id)
        pupils = tx.pupils.all()[: running + absent]
        for index, pupil in enumerate(pupils):
            candidate = Candidate(
                session_id=session.id,
                pupil_id=pupil.id,
                last_name=pupil.last_name,
                first_name=pupil.first_name,
                birthdate=pupil.birthdate,
                division=pupil.division,
                extra_time_ratio=0.33 if index % 7 == 0 else 0.0,
            )
            if index < running:
                candidate = replace(
                    candidate,
                    assessment_state=AssessmentState.STARTED,
                    started_at=now - timedelta(minutes=60 - index),
                )
            tx.candidates.add(candidate)
        return session
