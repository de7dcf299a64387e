"""After-the-session fixtures: a demo store plus sessions with a room log to finalise."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from pixtui.domain.clock import FixedClock
from pixtui.domain.enums import AssessmentState, SessionStatus
from pixtui.domain.models import Candidate, Pupil, Session
from tests.conftest import FROZEN_NOW, write_demo_store

HELD_DAY = date(2027, 3, 17)  # the day before the frozen clock
OLD_DAY = date(2021, 3, 10)  # retention (5 years) over on 11/03/2026


def add_held_session(store, number: str = "424242", states=None) -> str:
    """A past session, not finalised: three candidates who started (one finished, one
    stopped by the invigilator, one still 'started') and one absent."""
    states = (
        states
        if states is not None
        else [
            ("ALPHA", "Anna", AssessmentState.COMPLETED),
            ("BRAVO", "Bob", AssessmentState.ENDED_BY_INVIGILATOR),
            ("CHARLIE", "Chloé", AssessmentState.STARTED),
            ("DELTA", "Dan", None),
        ]
    )
    session = Session(
        pix_number=number,
        room="Salle 7",
        date=HELD_DAY,
        start_time=time(9, 0),
        examiners=["M. Surveillant"],
    )
    with store.transaction("test.setup") as tx:
        tx.sessions.add(session)
        for last, first, state in states:
            tx.candidates.add(
                Candidate(
                    session_id=session.id,
                    last_name=last,
                    first_name=first,
                    birthdate=date(2012, 1, 2),
                    division="3Z",
                    assessment_state=state,
                    started_at=FROZEN_NOW if state else None,
                )
            )
    return session.id


def add_expired_session(store) -> tuple[str, list[str]]:
    """A 2021 session (retention over) with two pupils who left the school."""
    names = [("ZORGLUB", "Ermengarde", date(2006, 4, 5)), ("QUAXWELL", "Fulbert", date(2006, 7, 8))]
    session = Session(
        pix_number="100001",
        room="Salle 1",
        date=OLD_DAY,
        start_time=time(9, 0),
        status=SessionStatus.FINALIZED,
        description="Observations: ZORGLUB agité",
    )
    with store.transaction("test.setup") as tx:
        tx.sessions.add(session)
        for last, first, born in names:
            pupil = Pupil(
                last_name=last, first_name=first, birthdate=born, division="3X", left_school=True
            )
            tx.pupils.add(pupil)
            tx.candidates.add(
                Candidate(
                    session_id=session.id,
                    pupil_id=pupil.id,
                    last_name=last,
                    first_name=first,
                    birthdate=born,
                    division="3X",
                    assessment_state=AssessmentState.COMPLETED,
                    enrolment_note="redoublant ZORGLUB",
                )
            )
    # a later edit of a name, so the journal holds before/after values too
    with store.transaction("test.rename") as tx:
        pupil = next(p for p in tx.pupils.all() if p.last_name == "QUAXWELL")
        pupil.first_name = "Fulbertine"
        tx.pupils.save(pupil)
    return session.id, [n for n, _, _ in names] + [
        "Ermengarde",
        "Fulbert",
        "2006-04-05",
        "2006-07-08",
        "05/04/2006",
    ]


@pytest.fixture
def after_store(tmp_path: Path):
    clock = FixedClock(FROZEN_NOW)
    return write_demo_store(tmp_path / "pixtui.json", clock)


@pytest.fixture
def after_app(after_store):
    from pixtui.app import PixtuiApp

    return PixtuiApp(after_store, FixedClock(FROZEN_NOW), watch_terminal=False)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)
