"""Every room write through ``pixtui.services.room``, headless, on a real store file.

Each action is tested where it succeeds and where the session's lifecycle refuses it (ended,
finalised, 24 h after the first start), and the idempotent ones with two invigilators.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from pixtui.domain.clock import FixedClock
from pixtui.domain.enums import AbortReason, AssessmentState, LiveAlertKind, SessionStatus
from pixtui.domain.models import Candidate, SchoolSettings, Session
from pixtui.domain.room import RoomActionRefused, RoomState, room_state
from pixtui.i18n import t
from pixtui.services import room as service
from pixtui.services.rehearsal import SimEvent, Step
from pixtui.store import Store

NOW = datetime(2027, 3, 18, 8, 40, tzinfo=UTC)  # 09:40 in Paris
A, B = "mme.roux", "m.blanc"  # two invigilators


@pytest.fixture
def room(tmp_path):
    """A store with one session at 09:00 (Paris) and three enrolled pupils."""
    clock = FixedClock(NOW)
    store = Store.create(tmp_path / "pixtui.json", SchoolSettings(name="Collège"), A, clock)
    with store.transaction("test.setup") as tx:
        session = tx.sessions.add(
            Session(
                pix_number="123456",
                site="Collège",
                room="B12",
                date=date(2027, 3, 18),
                start_time=time(9, 0),
                rehearsal=True,
            )
        )
        ids = [
            tx.candidates.add(
                Candidate(session_id=session.id, last_name=name, first_name="Léa", division="3A")
            ).id
            for name in ("Aubert", "Bernard", "Zola")
        ]
    return store, session.id, ids


def write(store, action, fn, *args, now=NOW, by=A, **kw):
    with store.transaction(f"room.{action}") as tx:
        return fn(tx, *args, now=now, by=by, **kw)


def get(store, candidate_id) -> Candidate:
    return store.snapshot().candidates.get(candidate_id)


def refusal(store, fn, *args, now=NOW, by=A, **kw) -> str:
    with pytest.raises(RoomActionRefused) as refused:
        write(store, "refused", fn, *args, now=now, by=by, **kw)
    return refused.value.problem.message


def started(store, sid, cid, at=NOW):
    write(store, "confirm", service.confirm_presence, sid, cid, now=at)
    write(store, "start", service.start, sid, cid, now=at)


# --- Idempotent actions -----------------------------------------------------------------------


def test_two_invigilators_confirming_the_same_pupil_leave_it_confirmed(room) -> None:
    """Issue 9 fault 5: ``p`` was a toggle; 1.6 s apart, the pupil ended up absent."""
    store, sid, (cid, *_) = room
    write(store, "confirm", service.confirm_presence, sid, cid, by=A)
    write(
        store, "confirm", service.confirm_presence, sid, cid, now=NOW + timedelta(seconds=1.6), by=B
    )
    c = get(store, cid)
    assert c.authorized_to_start and (c.authorized_at, c.authorized_by) == (NOW, A)
    write(store, "cancel", service.cancel_presence, sid, cid, by=B)
    assert not get(store, cid).authorized_to_start


def test_identity_and_signature_set_a_state_and_undo_is_its_own_action(room) -> None:
    store, sid, (cid, *_) = room
    for by in (A, B):
        write(store, "identity", service.check_identity, sid, cid, by=by)
        write(store, "signed", service.mark_signed, sid, cid, by=by)
    c = get(store, cid)
    assert (c.identity_checked_by, c.signed_by) == (A, A)
    write(store, "undo_identity", service.undo_identity, sid, cid, by=B)
    write(store, "undo_signed", service.undo_signed, sid, cid, by=B)
    c = get(store, cid)
    assert c.identity_checked_at is None and c.signed_at is None


# --- Starting ---------------------------------------------------------------------------------


def test_start_now_at_a_typed_time_and_all_present(room) -> None:
    store, sid, (a, b, z) = room
    write(store, "confirm", service.confirm_presence, sid, a)
    at = NOW - timedelta(minutes=10)
    write(store, "start", service.start, sid, a, at=at)
    assert get(store, a).started_at == at
    assert store.snapshot().sessions.get(sid).first_started_at == at
    for cid in (b, z):
        write(store, "confirm", service.confirm_presence, sid, cid)
    started = write(store, "start_all", service.start_all, sid)
    assert sorted(started) == sorted([b, z])
    assert refusal(store, service.start, sid, a) == t("domain.room.already_started")


def test_a_start_in_the_future_and_an_early_start(room) -> None:
    store, sid, (a, *_) = room
    write(store, "confirm", service.confirm_presence, sid, a)
    assert refusal(store, service.start, sid, a, at=NOW + timedelta(minutes=1)) == t(
        "room.start_at.future"
    )
    session = store.snapshot().sessions.get(sid)
    slot = datetime(2027, 3, 18, 8, 0, tzinfo=UTC)
    assert service.early_start(session, slot - timedelta(minutes=16))
    assert not service.early_start(session, slot - timedelta(minutes=15))


def test_presence_and_start_refused_24_hours_after_the_first_start(room) -> None:
    """Pix PR #16957 (presence) and #17009 (entry): not 24 h after the session's first start."""
    store, sid, (a, b, _) = room
    started(store, sid, a)
    later = NOW + timedelta(hours=24)
    message = refusal(store, service.confirm_presence, sid, b, now=later)
    assert message == t("room.entries_closed", start="09:40")
    # One second before, it is still accepted.
    write(store, "confirm", service.confirm_presence, sid, b, now=later - timedelta(seconds=1))
    assert refusal(store, service.start, sid, b, now=later) == message


# --- Alerts, resume, end ----------------------------------------------------------------------


def test_alerts_validated_refused_and_companion_cleared(room) -> None:
    store, sid, (a, *_) = room
    started(store, sid, a)
    alert = write(
        store, "raise", service.raise_alert, sid, a, LiveAlertKind.CHALLENGE, question_number=12
    )
    report = write(store, "validate", service.validate_alert, sid, a, alert.id, "E1")
    assert report.code == "E1" and get(store, a).alerts[0].has_image  # E1: the question has one
    alert = write(
        store, "raise", service.raise_alert, sid, a, LiveAlertKind.CHALLENGE, question_number=3
    )
    write(store, "refuse", service.refuse_alert, sid, a, alert.id)
    companion = write(store, "raise", service.raise_alert, sid, a, LiveAlertKind.COMPANION)
    write(store, "clear", service.clear_companion_alert, sid, a, companion.id)
    assert room_state(get(store, a), NOW) is RoomState.IN_PROGRESS


def test_resume_request_authorise_resumed_completed_incident_abort(room) -> None:
    store, sid, (a, b, _) = room
    started(store, sid, a)
    write(store, "request", service.request_resume, sid, a)
    assert room_state(get(store, a), NOW) is RoomState.RESUME_REQUESTED
    write(store, "authorize", service.authorize_resume, sid, a)
    assert get(store, a).resume_requested_at is None
    write(store, "resumed", service.mark_resumed, sid, a)
    write(store, "completed", service.mark_completed, sid, a)
    assert get(store, a).assessment_state is AssessmentState.COMPLETED
    started(store, sid, b)
    write(store, "incident", service.add_incident, sid, b, "C6", "Coupure réseau 5 min")
    write(store, "end_test", service.end_test, sid, b)
    write(store, "abort", service.set_abort_reason, sid, b, AbortReason.TECHNICAL)
    c = get(store, b)
    assert c.assessment_state is AssessmentState.ENDED_BY_INVIGILATOR and c.ended_by == A
    assert c.abort_reason is AbortReason.TECHNICAL and c.issue_reports[0].code == "C6"


# --- End of session and lifecycle -------------------------------------------------------------


def test_end_of_session_ends_nobody_inside_their_own_time(room) -> None:
    """Issue 9 fault 1: the end of the slot cut pupils who still had extra time."""
    store, sid, (a, b, z) = room
    with store.transaction("test.extra") as tx:
        tx.candidates.update(b, lambda c: setattr(c, "extra_time_ratio", 2.0))
        tx.candidates.update(z, lambda c: setattr(c, "extra_time_ratio", 0.33))
    start = datetime(2027, 3, 18, 8, 0, tzinfo=UTC)
    for cid in (a, b, z):
        started(store, sid, cid, at=start)
    at = start + timedelta(minutes=121)  # the 2-hour slot is over; a is past 105 min
    result = write(store, "end_session", service.end_session, sid, now=at)
    assert result.ended == [a] and sorted(result.still_running) == sorted([b, z])
    assert get(store, b).assessment_state is AssessmentState.STARTED
    session = store.snapshot().sessions.get(sid)
    assert session.ended_at == at and session.ended_by == A
    # Ending one early is a separate, explicit choice.
    write(store, "end_session", service.end_session, sid, now=at, also_end=[z])
    assert get(store, z).assessment_state is AssessmentState.ENDED_BY_INVIGILATOR
    assert get(store, b).assessment_state is AssessmentState.STARTED


def test_an_ended_session_refuses_presences_and_starts_but_running_tests_go_on(room) -> None:
    """Issue 9 fault 4: after "Fin de session" presences and starts were still accepted."""
    store, sid, (a, b, z) = room
    started(store, sid, a)
    write(store, "confirm", service.confirm_presence, sid, z)
    write(store, "end_session", service.end_session, sid, also_end=())
    ended = t("room.session_ended")
    assert refusal(store, service.confirm_presence, sid, b) == ended
    assert refusal(store, service.start, sid, z) == ended
    assert refusal(store, service.start_all, sid) == ended
    alert = write(
        store, "raise", service.raise_alert, sid, a, LiveAlertKind.CHALLENGE, question_number=4
    )
    write(store, "refuse", service.refuse_alert, sid, a, alert.id)
    write(store, "completed", service.mark_completed, sid, a)


def test_a_finalised_session_refuses_every_room_action(room) -> None:
    store, sid, (a, b, _) = room
    started(store, sid, a)
    with store.transaction("test.finalise") as tx:
        tx.sessions.update(sid, lambda s: setattr(s, "status", SessionStatus.FINALIZED))
    before = store.snapshot()
    final = t("room.finalised")
    for fn, args in [
        (service.confirm_presence, (b,)),
        (service.cancel_presence, (b,)),
        (service.check_identity, (b,)),
        (service.undo_identity, (b,)),
        (service.mark_signed, (b,)),
        (service.undo_signed, (b,)),
        (service.start, (b,)),
        (service.request_resume, (a,)),
        (service.authorize_resume, (a,)),
        (service.mark_resumed, (a,)),
        (service.end_test, (a,)),
        (service.mark_completed, (a,)),
        (service.add_incident, (a, "C6", "x")),
        (service.set_abort_reason, (a, None)),
    ]:
        assert refusal(store, fn, sid, *args) == final, fn.__name__
    assert refusal(store, service.start_all, sid) == final
    assert refusal(store, service.end_session, sid) == final
    assert refusal(store, service.raise_alert, sid, a, LiveAlertKind.COMPANION) == final
    assert refusal(store, service.apply_simulation, sid, [Step(b, SimEvent.ARRIVED)]) == final
    assert refusal(store, service.set_simulation_speed, sid, 5) == final
    after = store.snapshot()
    assert after.candidates.all() == before.candidates.all()


def test_a_candidate_of_another_session_is_refused(room) -> None:
    store, sid, (a, *_) = room
    with store.transaction("test.other") as tx:
        other = tx.sessions.add(Session(room="C1", date=date(2027, 3, 18), start_time=time(9, 0)))
    assert refusal(store, service.confirm_presence, other.id, a) == t("room.candidate_gone")


# --- Rehearsal ----------------------------------------------------------------------------------


def test_simulation_steps_and_speed_go_through_the_same_rules(room) -> None:
    store, sid, (a, b, _) = room
    write(store, "confirm", service.confirm_presence, sid, a)
    with store.transaction("room.simulation") as tx:
        applied = service.apply_simulation(
            tx,
            sid,
            [Step(a, SimEvent.STARTED), Step(b, SimEvent.STARTED), Step(a, SimEvent.LEFT)],
            now=NOW,
            by=A,
        )
    assert applied == [Step(a, SimEvent.STARTED), Step(a, SimEvent.LEFT)]  # b was not present
    assert get(store, a).resume_requested_at == NOW
    write(store, "speed", service.set_simulation_speed, sid, 30)
    assert store.snapshot().sessions.get(sid).simulation_speed == 30


# --- Extra time is sacred -----------------------------------------------------------------------


def test_a_change_of_extra_time_after_the_start_needs_a_confirmation(room) -> None:
    """Issue 9 fault 2: +200 % became +33 % under a running test, silently (end 18:20 → 15:24)."""
    from pixtui.domain.problems import NeedsConfirmation
    from pixtui.services.enrolment import Accommodations, set_accommodations, set_extra_time

    store, sid, (a, *_) = room
    with store.transaction("candidate.extra_time") as tx:
        set_extra_time(tx, a, 2.0)  # before the start: no question
    start = datetime(2027, 3, 18, 8, 0, tzinfo=UTC)  # 09:00 → +200 %: 315 min → 14:15
    started(store, sid, a, at=start)
    with pytest.raises(NeedsConfirmation) as asked, store.transaction("candidate.extra_time") as tx:
        set_extra_time(tx, a, 0.33)
    assert asked.value.message == t(
        "room.extra_time.change",
        name="Aubert Léa",
        old="+200 %",
        new="+33 %",
        old_end="14:15",
        new_end="11:20",
    )
    assert get(store, a).extra_time_ratio == 2.0  # nothing written
    with pytest.raises(NeedsConfirmation), store.transaction("candidate.accommodations") as tx:
        set_accommodations(tx, a, Accommodations("33", False, "", ""))
    with store.transaction("candidate.extra_time") as tx:
        set_extra_time(tx, a, 0.33, confirmed=True)
    c = get(store, a)
    assert c.extra_time_ratio == 0.33 and c.extra_time_before == 2.0
    assert (c.extra_time_changed_at, c.extra_time_changed_by) == (NOW, A)
    line = store.journal_tail(1)[0]
    assert line.action == "candidate.extra_time" and line.who == A
    assert (line.before or {}).get("extra_time_ratio") == 2.0
