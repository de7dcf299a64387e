"""Applying a plan: one transaction, journalled; again after a change, only what changed."""

from __future__ import annotations

import dataclasses
from datetime import date, time
from pathlib import Path

import pytest

from pixtui.domain.planning import (
    Invigilator,
    Plan,
    PlannedSession,
    RoomSpec,
    Slot,
    session_margins,
)
from pixtui.domain.planning_greedy import first_fit
from pixtui.domain.problems import Refused
from pixtui.services.planning import (
    InputFiles,
    apply_plan,
    build_inputs,
    pupils_to_plan,
    read_input_files,
)

DATA = Path(__file__).resolve().parents[2] / "data" / "planning"
WINDOW = (date(2027, 3, 4), date(2027, 6, 14))


def _files() -> InputFiles:
    return read_input_files(
        (DATA / "salles.csv").read_bytes(),
        (DATA / "creneaux.csv").read_bytes(),
        (DATA / "surveillants.csv").read_bytes(),
    )


def _apply(store, inputs, plan, clock):
    with store.transaction("planning.apply") as tx:
        return apply_plan(tx, inputs, plan, now=clock.now())


def test_pupils_already_enrolled_elsewhere_are_left_out(demo_store):
    selection = pupils_to_plan(demo_store.snapshot())
    assert {p.division for p in selection.pupils} >= {"3E"}
    assert len(selection.already) > 0
    only = pupils_to_plan(demo_store.snapshot(), ["3e"])
    assert {p.division for p in only.pupils} == {"3E"}


def test_apply_creates_enrols_and_journals_then_touches_only_what_changed(demo_store, clock):
    inputs, _ = build_inputs(
        demo_store.snapshot(), _files(), window=WINDOW, today=clock.now().date()
    )
    plan = first_fit(inputs)  # any valid plan: applying does not care who made it
    before = len(demo_store.snapshot().sessions)
    pupils = {p.id: p for p in inputs.pupils}
    report = _apply(demo_store, inputs, plan, clock)
    snap = demo_store.snapshot()
    assert len(report.created) == len(plan.sessions) == len(snap.sessions) - before
    assert report.enrolled == len(inputs.pupils)
    planned = [s for s in snap.sessions.all() if s.planned]
    assert all(s.pix_number is None and s.examiners for s in planned)
    assert all(s.date > clock.now().date() for s in planned)  # never in the past
    assert any(e.action == "planning.apply" for e in demo_store.journal_tail(5))

    again = _apply(demo_store, inputs, plan, clock)
    assert not again.changed
    counter = demo_store.snapshot().counter

    # move one pupil to another planned session and change one session's invigilator
    second = next(
        s
        for s in plan.sessions
        if (m := session_margins(inputs, s)).seats > 0 and m.invigilated > 0
    )
    first = next(s for s in plan.sessions if s is not second and len(s.pupil_ids) > 1)
    moved = next(p for p in first.pupil_ids if not pupils[p].extra_time_ratio)
    changed = Plan(
        [
            dataclasses.replace(first, pupil_ids=first.pupil_ids[1:]),
            dataclasses.replace(second, pupil_ids=(*second.pupil_ids, moved)),
            *[s for s in plan.sessions if s not in (first, second)],
        ]
    )
    report = _apply(demo_store, inputs, changed, clock)
    assert (report.enrolled, report.removed, len(report.created)) == (1, 1, 0)
    assert demo_store.snapshot().counter == counter + 1


def test_a_plan_breaking_a_rule_is_refused_and_nothing_is_written(demo_store, clock):
    inputs, _ = build_inputs(
        demo_store.snapshot(), _files(), window=WINDOW, today=clock.now().date()
    )
    slot = inputs.usable_slots()[0]
    broken = Plan([PlannedSession(slot, tuple(p.id for p in inputs.pupils), ())])
    counter = demo_store.snapshot().counter
    with pytest.raises(Refused) as refused:
        _apply(demo_store, inputs, broken, clock)
    assert "postes" in refused.value.message and "surveillant" in refused.value.message
    assert demo_store.snapshot().counter == counter


def test_a_dropped_session_already_created_in_pix_certif_is_refused(demo_store, clock):
    inputs, _ = build_inputs(
        demo_store.snapshot(), _files(), window=WINDOW, today=clock.now().date()
    )
    plan = first_fit(inputs)
    _apply(demo_store, inputs, plan, clock)
    session = next(s for s in demo_store.snapshot().sessions.all() if s.planned)
    with demo_store.transaction("test") as tx:
        tx.sessions.update(session.id, lambda s: setattr(s, "pix_number", "123456"))
    # everybody in one other slot: the Pix Certif session would be dropped
    rooms = (RoomSpec("Salle 112", "Bâtiment A", 60, 0),)
    staff = (Invigilator("A"), Invigilator("B"))
    bigger = dataclasses.replace(inputs, rooms=rooms, invigilators=staff)
    other = Slot("Salle 112", date(2027, 6, 8), time(8), time(12, 30))
    bigger = dataclasses.replace(bigger, slots=(*bigger.slots, other))
    plan2 = Plan([PlannedSession(other, tuple(p.id for p in inputs.pupils), ("A", "B"))])
    with pytest.raises(Refused) as refused:
        _apply(demo_store, bigger, plan2, clock)
    assert "123456" in refused.value.message


def test_a_moved_pupil_keeps_extra_time_and_accommodations(demo_store, clock):
    inputs, _ = build_inputs(
        demo_store.snapshot(), _files(), window=WINDOW, today=clock.now().date()
    )
    plan = first_fit(inputs)
    _apply(demo_store, inputs, plan, clock)
    source = next(s for s in plan.sessions if len(s.pupil_ids) > 1)
    pupil = source.pupil_ids[0]
    snap = demo_store.snapshot()
    candidate = next(c for c in snap.candidates.all() if c.pupil_id == pupil and not c.removed)
    with demo_store.transaction("test") as tx:

        def accommodate(c):
            c.extra_time_ratio = 0.33
            c.aid_note = "AESH"

        tx.candidates.update(candidate.id, accommodate)
    target = next(
        s for s in plan.sessions if s is not source and session_margins(inputs, s).seats > 0
    )
    moved = Plan(
        [
            dataclasses.replace(source, pupil_ids=source.pupil_ids[1:]),
            dataclasses.replace(target, pupil_ids=(*target.pupil_ids, pupil)),
            *[s for s in plan.sessions if s not in (source, target)],
        ]
    )
    inputs, _ = build_inputs(
        demo_store.snapshot(), _files(), window=WINDOW, today=clock.now().date()
    )
    report = _apply(demo_store, inputs, moved, clock)
    assert (report.enrolled, report.removed) == (1, 1)
    now_in = next(
        c for c in demo_store.snapshot().candidates.all() if c.pupil_id == pupil and not c.removed
    )
    assert now_in.id != candidate.id
    assert now_in.extra_time_ratio == 0.33 and now_in.aid_note == "AESH"


def test_slots_taken_by_a_session_made_by_hand_are_left_out(demo_store, clock):
    from pixtui.services.planning import free_slots

    snap = demo_store.snapshot()
    by_hand = next(s for s in snap.sessions.all() if s.room == "Salle 112" and s.date)
    inputs, _ = build_inputs(snap, _files(), window=WINDOW, today=clock.now().date())
    clash = Slot("Salle 112", by_hand.date, by_hand.start_time, time(18, 0))
    later = Slot("Salle 112", by_hand.date, time(16, 0), time(18, 0))
    kept = free_slots([clash, later], snap, inputs.settings)
    assert kept == [later]
