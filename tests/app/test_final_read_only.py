"""Rule 8: once finalised, a session's details and candidates are read-only in every service."""

from __future__ import annotations

import pytest

from pixtui.domain.enums import SessionStatus
from pixtui.services.enrolment import Accommodations, set_accommodations, set_extra_time
from pixtui.services.sessions import Refused, draft_from_session, save_draft


def finalised_session(store):
    session = next(
        s
        for s in store.snapshot().sessions.all()
        if not s.rehearsal and s.date.isoformat() > "2027-03-18"
    )
    with store.transaction("test.finalise") as tx:
        tx.sessions.update(session.id, lambda s: setattr(s, "status", SessionStatus.FINALIZED))
    return store.snapshot().sessions.get(session.id)


def test_a_finalised_session_refuses_edits(demo_store, clock) -> None:
    session = finalised_session(demo_store)
    candidate = demo_store.snapshot().candidates.where(session_id=session.id)[0]
    with pytest.raises(Refused) as refused, demo_store.transaction("session.update") as tx:
        save_draft(
            tx,
            draft_from_session(session),
            session_id=session.id,
            rev=session.rev,
            today=clock.now().date(),
        )
    assert [p.key for p in refused.value.problems] == ["results.final.read_only"]
    with pytest.raises(Refused), demo_store.transaction("candidate.extra_time") as tx:
        set_extra_time(tx, candidate.id, 0.33)
    with pytest.raises(Refused), demo_store.transaction("candidate.accommodations") as tx:
        set_accommodations(tx, candidate.id, Accommodations("33", False, "", ""))
    assert demo_store.snapshot().candidates.get(candidate.id) == candidate


def test_an_open_session_still_accepts_them(demo_store) -> None:
    session = next(
        s
        for s in demo_store.snapshot().sessions.all()
        if not s.rehearsal and s.date.isoformat() > "2027-03-18"
    )
    candidate = demo_store.snapshot().candidates.where(session_id=session.id)[0]
    with demo_store.transaction("candidate.extra_time") as tx:
        set_extra_time(tx, candidate.id, 0.33)
    assert demo_store.snapshot().candidates.get(candidate.id).extra_time_ratio == 0.33


def test_a_real_session_with_candidates_in_cannot_become_a_rehearsal(demo_store, clock) -> None:
    from dataclasses import replace

    from pixtui.domain import room as rules

    session = next(
        s
        for s in demo_store.snapshot().sessions.all()
        if not s.rehearsal and s.date.isoformat() > "2027-03-18"
    )
    candidate = demo_store.snapshot().candidates.where(session_id=session.id)[0]
    draft = replace(draft_from_session(session), rehearsal=True)
    with demo_store.transaction("room.confirm_presence") as tx:
        tx.candidates.update(candidate.id, lambda c: rules.confirm_presence(c, clock.now()))
    with pytest.raises(Refused) as refused, demo_store.transaction("session.update") as tx:
        save_draft(
            tx,
            draft,
            session_id=session.id,
            rev=session.rev,
            today=clock.now().date(),
            confirmed=True,
        )
    assert [p.key for p in refused.value.problems] == ["prep.session.rehearsal_on_real"]
    assert not demo_store.snapshot().sessions.get(session.id).rehearsal
