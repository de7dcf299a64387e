"""CP-SAT plans: valid by the hard rules, better than first-fit, locks kept, no plan explained."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from datetime import time, timedelta

from pixtui.domain.planning import (
    Invigilator,
    Locks,
    PlannedSessionLock,
    RoomSpec,
    Slot,
    plan_problems,
    plan_score,
)
from pixtui.domain.planning_greedy import first_fit
from pixtui.domain.problems import keys
from pixtui.services.planning import SolveOptions, solve
from tests.planning.helpers import MONDAY, TUESDAY, inputs, morning, pupils

FAST = SolveOptions(time_limit=3.0)


def test_a_plan_keeps_every_hard_rule_and_beats_first_fit():
    people = pupils("3A", 15) + pupils("3B", 15) + pupils("3C", 8, ratio=0.33)
    rooms = (RoomSpec("112", "A", 26, 2), RoomSpec("CDI", "A", 18, 0))
    slots = (
        Slot("112", MONDAY, time(8), time(12, 30)),
        Slot("CDI", MONDAY, time(8), time(10)),
        Slot("CDI", MONDAY, time(14), time(17)),
        Slot("112", TUESDAY, time(8), time(12, 30)),
        Slot("CDI", TUESDAY, time(10), time(12)),
    )
    data = inputs(people, rooms=rooms, slots=slots)
    outcome = solve(data, FAST)
    assert outcome.ok, [p.message for p in outcome.problems]
    plan = outcome.plan
    assert plan is not None and plan_problems(data, plan) == []
    assert plan.objective is not None and plan.solver == "OR-Tools CP-SAT"
    # the +33 % pupils need 140 min: never in a room free for 2 h only
    for session in plan.sessions:
        if any(p.startswith("3C") for p in session.pupil_ids):
            assert session.slot.free_until >= time(10, 20) or session.slot.start >= time(14)
    greedy = first_fit(data)
    assert plan_score(data, plan).weighted(data.weights) <= plan_score(data, greedy).weighted(
        data.weights
    )


def test_missing_invigilators_are_named_with_day_and_half_day():
    people = pupils("3A", 24) + pupils("3B", 24)  # 2 sessions of 24, 2 invigilators each
    staff = (Invigilator("Durand", max_sessions=1), Invigilator("Petit", max_sessions=1))
    slots = (Slot("112", MONDAY, time(8), time(10)), Slot("112", MONDAY, time(14), time(16)))
    outcome = solve(inputs(people, slots=slots, invigilators=staff), FAST)
    assert outcome.plan is None
    messages = [p.message for p in outcome.problems]
    assert any("Il manque" in m and "08/03" in m and "surveillant" in m for m in messages), messages


def test_too_few_seats_is_said_with_the_number():
    outcome = solve(inputs(pupils("3A", 80)), FAST)
    assert keys(outcome.problems) == ["planning.why.seats"]
    assert "8 places" in outcome.problems[0].message


def test_a_repeater_with_no_slot_after_fifteen_days():
    people = pupils("3A", 3) + pupils("3B", 1, last=MONDAY + timedelta(days=80))
    outcome = solve(inputs(people), FAST)
    assert keys(outcome.problems) == ["planning.why.spacing"]
    assert "3B" in outcome.problems[0].message


def test_extra_time_with_no_room_free_long_enough():
    people = pupils("3A", 1, ratio=0.5)
    slots = (Slot("112", MONDAY, time(8), time(10)),)
    outcome = solve(inputs(people, slots=slots), FAST)
    assert keys(outcome.problems) == ["planning.why.room_extra_time"]
    assert "+50 %" in outcome.problems[0].message and "158 min" in outcome.problems[0].message


def test_extra_time_with_no_invigilator_free_long_enough():
    people = pupils("3A", 1, ratio=0.5)
    slots = (Slot("112", MONDAY, time(11), time(15)),)
    staff = (Invigilator("Durand", (morning(MONDAY),)),)
    outcome = solve(inputs(people, slots=slots, invigilators=staff), FAST)
    assert keys(outcome.problems) == ["planning.why.invigilator_extra_time"]


def test_locks_are_kept_and_the_rest_is_solved_around_them():
    people = pupils("3A", 10) + pupils("3B", 10)
    data = inputs(people)
    first = solve(data, FAST).plan
    assert first is not None
    tuesday = Slot("112", TUESDAY, time(8), time(12, 30))
    locked_ids = tuple(p.id for p in people[:3])
    locks = Locks(
        sessions={tuesday.id: PlannedSessionLock(locked_ids, ("Leroy",))},
        pupils={people[5].id: data.slots[1].id},
    )
    again = solve(dataclasses.replace(data, locks=locks), FAST)
    assert again.ok, [p.message for p in again.problems]
    plan = again.plan
    assert plan is not None
    locked = next(s for s in plan.sessions if s.slot.id == tuesday.id)
    assert locked.locked and locked.pupil_ids == locked_ids and locked.invigilators == ("Leroy",)
    moved = plan.session_of(people[5].id)
    assert moved is not None and moved.slot.id == data.slots[1].id
    assert plan_problems(dataclasses.replace(data, locks=locks), plan) == []


def test_locks_that_cannot_hold_together_are_named():
    people = pupils("3A", 4)
    data = inputs(people, invigilators=(Invigilator("Durand", max_sessions=1),))
    a, b = data.slots[0], data.slots[2]
    locks = Locks(invigilators=frozenset({("Durand", a.id), ("Durand", b.id)}))
    outcome = solve(dataclasses.replace(data, locks=locks), FAST)
    assert outcome.plan is None
    assert keys(outcome.problems)[0] == "planning.why.locks"
    assert "planning.lock.invigilator" in keys(outcome.problems)


def test_starting_pixtui_does_not_import_the_solver():
    code = "import sys, pixtui.app, pixtui.cli; print('ortools' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_rounding_cut_keeps_every_whole_staffing():
    """The bound's cut (staff ≥ ⌈load / 20⌉ tightened) never forbids a real plan.

    In a 30-seat room, 20 pupils need one invigilator and 21 need two: with one invigilator
    free the first has a plan, the second none; with two, the 21 get both, and the plan of
    the 20 is proven optimal (gap 0) with one.
    """
    room = (RoomSpec("112", "A", 30, 0),)
    slot = (Slot("112", MONDAY, time(8), time(10)),)
    one = (Invigilator("Durand"),)
    two = (Invigilator("Durand"), Invigilator("Petit"))
    twenty = solve(inputs(pupils("3A", 20), rooms=room, slots=slot, invigilators=one), FAST)
    assert twenty.ok and twenty.plan is not None
    assert [len(s.invigilators) for s in twenty.plan.sessions] == [1]
    assert twenty.plan.status == "optimal"
    assert (
        solve(inputs(pupils("3A", 21), rooms=room, slots=slot, invigilators=one), FAST).plan is None
    )
    both = solve(inputs(pupils("3A", 21), rooms=room, slots=slot, invigilators=two), FAST)
    assert both.ok and both.plan is not None
    assert [len(s.invigilators) for s in both.plan.sessions] == [2]


def test_the_objective_is_the_score_around_locked_sessions():
    """Oracle with locks: a class all in locked sessions is split over them, and a locked pupil
    out of the slot of the plan already applied is moved, in the objective as in the score."""
    from pixtui.domain.planning import PlannedSession

    slots = (
        Slot("112", MONDAY, time(8), time(10)),
        Slot("112", MONDAY, time(14), time(16)),
        Slot("112", TUESDAY, time(8), time(10)),
    )
    people = pupils("3A", 40) + pupils("3B", 10)
    ids = [p.id for p in people]
    problem = inputs(people, rooms=(RoomSpec("112", "A", 26, 0),), slots=slots)
    first = PlannedSessionLock(tuple(ids[:20]), ("Durand",))
    second = PlannedSessionLock(tuple(ids[20:40]), ("Petit",))
    applied = (
        PlannedSession(slots[0], tuple(ids[:19]), ("Durand",)),
        PlannedSession(slots[1], tuple(ids[19:40]), ("Petit", "Leroy")),
        PlannedSession(slots[2], tuple(ids[40:]), ("Leroy",)),
    )
    for case in (
        dataclasses.replace(problem, locks=Locks({slots[0].id: first, slots[1].id: second})),
        dataclasses.replace(problem, locks=Locks({slots[0].id: first}), previous=applied),
    ):
        outcome = solve(case, FAST)
        assert outcome.ok and outcome.plan is not None
        assert outcome.plan.objective == plan_score(case, outcome.plan).weighted(case.weights)
