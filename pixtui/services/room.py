"""Every write of the room (SPEC §5.1), applied through one store transaction.

The room screen, the rehearsal simulator and the scripts call these functions only: each takes
the transaction, the session, the candidate, the time and who, checks the session's lifecycle
here, in one place, then applies the domain's room rule (``pixtui.domain.room``):

- before the first start and while running: everything;
- ended ("Fin de session"): no new presence, no new start; running tests go on (alerts,
  resume, end, completed, incidents, abort reasons);
- finalised: nothing at all (what was keyed into Pix Certif stays as it was);
- 24 h after the first start: no presence is confirmed and nobody starts (Pix PRs #16957,
  #17009).

A refusal raises :class:`RoomActionRefused` carrying one French sentence; nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from pixtui.domain import room as rules
from pixtui.domain.clock import as_utc
from pixtui.domain.enums import AbortReason, LiveAlertKind
from pixtui.domain.models import Candidate, IssueReport, LiveAlert, Resume, Session
from pixtui.domain.problems import Problem
from pixtui.domain.room import RoomActionRefused, SessionPhase, session_phase
from pixtui.domain.timing import format_clock, session_start
from pixtui.i18n import t
from pixtui.services.rehearsal import SimEvent, Step, apply_step, check_rehearsal

EARLY_START_MINUTES = 15  # a typed start time earlier than this before the slot needs a "yes"

# Reasons that depend on what the question holds (reference §3.5), with the flag to set.
CONDITIONAL_REASONS = {
    "E1": "has_image",
    "E2": "has_embed",
    "E3": "has_attachment",
    "E10": "is_focus",
}


def _refuse(key: str, /, **params: object) -> RoomActionRefused:
    return RoomActionRefused(Problem.error(key, **params))


# --- The lifecycle, in one place ---------------------------------------------------------------


def open_session(tx: Any, session_id: str, now: datetime, *, entry: bool = False) -> Session:
    """The session if the room may still write to it; ``entry``: a presence or a start."""
    session: Session | None = tx.sessions.get(session_id)
    if session is None:
        raise _refuse("room.session_gone")
    phase = session_phase(session)
    if phase is SessionPhase.FINALISED:
        raise _refuse("room.finalised")
    if entry:
        if phase is SessionPhase.ENDED:
            raise _refuse("room.session_ended")
        if rules.entries_closed(session, now):
            assert session.first_started_at is not None
            raise _refuse(
                "room.entries_closed", start=format_clock(as_utc(session.first_started_at))
            )
    return session


def _candidate(tx: Any, session: Session, candidate_id: str) -> Candidate:
    candidate: Candidate | None = tx.candidates.get(candidate_id)
    if candidate is None or candidate.session_id != session.id:
        raise _refuse("room.candidate_gone")
    return candidate


def _change(
    tx: Any,
    session_id: str,
    candidate_id: str,
    now: datetime,
    mutate: Callable[[Candidate], object],
    *,
    entry: bool = False,
) -> Candidate:
    session = open_session(tx, session_id, now, entry=entry)
    _candidate(tx, session, candidate_id)
    updated: Candidate = tx.candidates.update(candidate_id, mutate)
    return updated


def _record_first_start(tx: Any, session: Session, at: datetime) -> None:
    """Only when it changes: a needless session save would bump its revision and refuse the
    referent's open session form as stale."""
    first = session.first_started_at
    if first is None or as_utc(at) < as_utc(first):
        tx.sessions.update(session.id, lambda s: rules.record_first_start(s, at))


# --- Presence, identity, signature (idempotent: they set a state) -------------------------------


def confirm_presence(
    tx: Any, session_id: str, candidate_id: str, *, now: datetime, by: str
) -> Candidate:
    return _change(
        tx,
        session_id,
        candidate_id,
        now,
        lambda c: rules.confirm_presence(c, now, by),
        entry=True,
    )


def cancel_presence(
    tx: Any, session_id: str, candidate_id: str, *, now: datetime, by: str
) -> Candidate:
    return _change(tx, session_id, candidate_id, now, rules.cancel_presence)


def check_identity(
    tx: Any, session_id: str, candidate_id: str, *, now: datetime, by: str
) -> Candidate:
    return _change(tx, session_id, candidate_id, now, lambda c: rules.check_identity(c, now, by))


def undo_identity(
    tx: Any, session_id: str, candidate_id: str, *, now: datetime, by: str
) -> Candidate:
    return _change(tx, session_id, candidate_id, now, rules.undo_identity)


def mark_signed(
    tx: Any, session_id: str, candidate_id: str, *, now: datetime, by: str
) -> Candidate:
    return _change(tx, session_id, candidate_id, now, lambda c: rules.mark_signed(c, now, by))


def undo_signed(
    tx: Any, session_id: str, candidate_id: str, *, now: datetime, by: str
) -> Candidate:
    return _change(tx, session_id, candidate_id, now, rules.undo_signed)


# --- Starting ------------------------------------------------------------------------------------


def early_start(session: Session, at: datetime) -> bool:
    """A typed start more than 15 minutes before the slot: likely a typo, ask first."""
    if session.date is None or session.start_time is None:
        return False
    return as_utc(at) < session_start(session) - timedelta(minutes=EARLY_START_MINUTES)


def start(
    tx: Any,
    session_id: str,
    candidate_id: str,
    *,
    now: datetime,
    by: str,
    at: datetime | None = None,
) -> Candidate:
    """The test started now, or at a typed time ``at`` (never in the future)."""
    at = now if at is None else at
    if as_utc(at) > as_utc(now):
        raise _refuse("room.start_at.future")
    session = open_session(tx, session_id, now, entry=True)
    _candidate(tx, session, candidate_id)
    updated: Candidate = tx.candidates.update(candidate_id, lambda c: rules.mark_started(c, at))
    _record_first_start(tx, session, at)
    return updated


def start_all(tx: Any, session_id: str, *, now: datetime, by: str) -> list[str]:
    """Every candidate whose presence is confirmed and who has not started: started now.

    Read again inside the write: another invigilator may have started or cancelled one."""
    session = open_session(tx, session_id, now, entry=True)
    started = []
    for candidate in tx.candidates.where(session_id=session_id):
        if candidate.removed or not candidate.authorized_to_start:
            continue
        if candidate.assessment_state is not None:
            continue
        tx.candidates.update(candidate.id, lambda c: rules.mark_started(c, now))
        started.append(candidate.id)
    if started:
        _record_first_start(tx, session, now)
    return started


# --- Live alerts -----------------------------------------------------------------------------------


def raise_alert(
    tx: Any,
    session_id: str,
    candidate_id: str,
    kind: LiveAlertKind,
    *,
    now: datetime,
    by: str,
    question_number: int | None = None,
    flags: rules.QuestionFlags | None = None,
) -> LiveAlert:
    raised: list[LiveAlert] = []
    _change(
        tx,
        session_id,
        candidate_id,
        now,
        lambda c: raised.append(rules.raise_alert(c, kind, question_number, flags, now)),
    )
    return raised[0]


def validate_alert(
    tx: Any,
    session_id: str,
    candidate_id: str,
    alert_id: str,
    reason_code: str,
    *,
    now: datetime,
    by: str,
) -> IssueReport:
    """Validate with an E reason; a conditional one (E1 image…) also records that the question
    holds that element, as the invigilator said."""
    reports: list[IssueReport] = []

    def mutate(c: Candidate) -> None:
        flag = CONDITIONAL_REASONS.get(reason_code.strip().upper())
        if flag:
            for alert in c.alerts:
                if alert.id == alert_id:
                    setattr(alert, flag, True)
        reports.append(rules.validate_alert(c, alert_id, reason_code, now, by))

    _change(tx, session_id, candidate_id, now, mutate)
    return reports[0]


def refuse_alert(
    tx: Any, session_id: str, candidate_id: str, alert_id: str, *, now: datetime, by: str
) -> Candidate:
    return _change(
        tx, session_id, candidate_id, now, lambda c: rules.refuse_alert(c, alert_id, now, by)
    )


def clear_companion_alert(
    tx: Any, session_id: str, candidate_id: str, alert_id: str, *, now: datetime, by: str
) -> Candidate:
    return _change(
        tx,
        session_id,
        candidate_id,
        now,
        lambda c: rules.clear_companion_alert(c, alert_id, now, by),
    )


# --- Resume, end, completed -------------------------------------------------------------------------


def request_resume(
    tx: Any, session_id: str, candidate_id: str, *, now: datetime, by: str
) -> Candidate:
    return _change(tx, session_id, candidate_id, now, lambda c: rules.request_resume(c, now))


def authorize_resume(
    tx: Any, session_id: str, candidate_id: str, *, now: datetime, by: str
) -> Resume:
    resumes: list[Resume] = []
    _change(
        tx,
        session_id,
        candidate_id,
        now,
        lambda c: resumes.append(rules.authorize_resume(c, now, by)),
    )
    return resumes[0]


def mark_resumed(
    tx: Any, session_id: str, candidate_id: str, *, now: datetime, by: str
) -> Candidate:
    return _change(tx, session_id, candidate_id, now, lambda c: rules.mark_resumed(c, now))


def end_test(tx: Any, session_id: str, candidate_id: str, *, now: datetime, by: str) -> Candidate:
    """ "Terminer le test": irreversible, the caller has asked for a confirmation."""
    return _change(tx, session_id, candidate_id, now, lambda c: rules.end_test(c, now, by))


def mark_completed(
    tx: Any, session_id: str, candidate_id: str, *, now: datetime, by: str
) -> Candidate:
    return _change(tx, session_id, candidate_id, now, lambda c: rules.mark_completed(c, now))


def add_incident(
    tx: Any,
    session_id: str,
    candidate_id: str,
    code: str,
    description: str,
    *,
    now: datetime,
    by: str,
) -> IssueReport:
    reports: list[IssueReport] = []
    _change(
        tx,
        session_id,
        candidate_id,
        now,
        lambda c: reports.append(rules.add_incident(c, code, description, now, by)),
    )
    return reports[0]


def set_abort_reason(
    tx: Any,
    session_id: str,
    candidate_id: str,
    reason: AbortReason | None,
    *,
    now: datetime,
    by: str,
) -> Candidate:
    return _change(tx, session_id, candidate_id, now, lambda c: rules.set_abort_reason(c, reason))


# --- End of the session ------------------------------------------------------------------------


@dataclass(frozen=True)
class SessionEnd:
    ended: list[str]  # tests ended now
    still_running: list[str]  # inside their own time: they go on


def end_session(
    tx: Any,
    session_id: str,
    *,
    now: datetime,
    by: str,
    also_end: Collection[str] = (),
) -> SessionEnd:
    """ "Fin de session": no new presence or start from now on. Ends the tests of those past
    their own end; a pupil still inside their own time (extra time) goes on, unless the
    invigilator chose, by name, to end that test early (``also_end``)."""
    session = open_session(tx, session_id, now)
    test_minutes = tx.school.test_minutes
    running = rules.unfinished_at_end(
        [c for c in tx.candidates.where(session_id=session_id) if not c.removed]
    )
    past = {c.id for c in rules.past_own_end(running, now, test_minutes)}
    ended, still = [], []
    for candidate in running:
        if candidate.id in past or candidate.id in also_end:
            tx.candidates.update(candidate.id, lambda c: rules.end_test(c, now, by))
            ended.append(candidate.id)
        else:
            still.append(candidate.id)
    if session.ended_at is None:

        def close(s: Session) -> None:
            s.ended_at, s.ended_by = as_utc(now), by

        tx.sessions.update(session_id, close)
    return SessionEnd(ended, still)


# --- Rehearsal --------------------------------------------------------------------------------------


def apply_simulation(
    tx: Any, session_id: str, steps: Iterable[Step], *, now: datetime, by: str
) -> list[Step]:
    """The simulated pupils' actions, through the same rules as the real ones; a step the
    trainee made impossible meanwhile (already started, session ended…) is skipped."""
    session = open_session(tx, session_id, now)
    check_rehearsal(session, t("room.simulation.refused"))
    applied = []
    entries_open = session_phase(session) is not SessionPhase.ENDED
    for step in steps:
        if step.event is SimEvent.STARTED and not entries_open:
            continue
        try:
            tx.candidates.update(step.candidate_id, lambda c, step=step: apply_step(c, step, now))
        except RoomActionRefused:
            continue  # the trainee acted first: the pupil simply does something else
        if step.event is SimEvent.STARTED:
            _record_first_start(tx, session, now)
        applied.append(step)
    return applied


def set_simulation_speed(tx: Any, session_id: str, speed: int, *, now: datetime, by: str) -> None:
    """Stored so that every other process says the times are simulated (0: stopped)."""
    session = open_session(tx, session_id, now)
    check_rehearsal(session, t("room.simulation.refused"))
    if session.simulation_speed != speed:
        tx.sessions.update(session_id, lambda s: setattr(s, "simulation_speed", speed))


__all__ = [
    "CONDITIONAL_REASONS",
    "RoomActionRefused",
    "SessionEnd",
    "add_incident",
    "apply_simulation",
    "authorize_resume",
    "cancel_presence",
    "check_identity",
    "clear_companion_alert",
    "confirm_presence",
    "early_start",
    "end_session",
    "end_test",
    "mark_completed",
    "mark_resumed",
    "mark_signed",
    "open_session",
    "raise_alert",
    "refuse_alert",
    "request_resume",
    "set_abort_reason",
    "set_simulation_speed",
    "start",
    "start_all",
    "undo_identity",
    "undo_signed",
    "validate_alert",
]
