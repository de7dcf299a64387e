"""The reserve session for absentees (issue 16): planned at the end of the window, applied
without candidates, kept when the plan is applied again."""

from __future__ import annotations

import dataclasses
from datetime import date, time, timedelta
from pathlib import Path

from pixtui.documents.planning import plan_rows
from pixtui.domain.planning import (
    PlannedSession,
    Slot,
    Weights,
    plan_problems,
    plan_score,
    reserve_start,
)
from pixtui.domain.problems import keys
from pixtui.services.planning import (
    SolveOptions,
    apply_plan,
    build_inputs,
    planned_sessions_plan,
    read_input_files,
    solve,
)
from tests.planning.helpers import MONDAY, SETTINGS, inputs, pupils

FAST = SolveOptions(time_limit=3.0)
LAST = SETTINGS.window_end
DATA = Path(__file__).resolve().parents[2] / "data" / "planning"


def _slots() -> tuple[Slot, ...]:
    return (
        Slot("112", MONDAY, time(8), time(10)),
        Slot("112", MONDAY, time(14), time(16)),
        Slot("112", LAST - timedelta(days=1), time(8), time(10)),
        Slot("112", LAST, time(14), time(16)),
    )


def test_the_plan_keeps_one_reserve_with_one_invigilator_at_the_end():
    problem = inputs(pupils("3A", 20) + pupils("3B", 20), slots=_slots())
    outcome = solve(problem, FAST)
    assert outcome.ok and outcome.plan is not None
    plan = outcome.plan
    reserve = plan.reserve
    assert reserve is not None
    assert reserve.pupil_ids == () and len(reserve.invigilators) == 1
    assert reserve.slot.day >= reserve_start(SETTINGS)
    assert [s for s in plan.sessions if s.reserve] == [reserve]
    assert not plan_problems(problem, plan)
    # oracle: the solver's objective is the score the benchmarks and the screen show
    assert plan.objective == plan_score(problem, plan).weighted(problem.weights)
    assert plan_score(problem, plan).sessions == 2  # the reserve is not counted as a session


def test_weight_zero_means_no_reserve():
    problem = inputs(pupils("3A", 20), slots=_slots(), weights=Weights().with_value("reserve", 0))
    outcome = solve(problem, FAST)
    assert outcome.plan is not None and outcome.plan.reserve is None


def test_a_reserve_with_candidates_breaks_a_rule():
    problem = inputs(pupils("3A", 2), slots=_slots())
    slot = _slots()[0]
    plan = solve(problem, FAST).plan
    assert plan is not None
    broken = dataclasses.replace(
        plan,
        sessions=[
            PlannedSession(slot, tuple(p.id for p in problem.pupils), ("Durand",), reserve=True)
        ],
    )
    assert "planning.rule.reserve_pupils" in keys(plan_problems(problem, broken))


def test_the_reserve_is_created_empty_and_kept_when_applied_again(demo_store, clock):
    files = read_input_files(
        (DATA / "salles.csv").read_bytes(),
        (DATA / "creneaux.csv").read_bytes(),
        (DATA / "surveillants.csv").read_bytes(),
    )
    window = (date(2027, 3, 4), date(2027, 6, 14))
    problem, _ = build_inputs(demo_store.snapshot(), files, window=window, today=clock.now().date())
    outcome = solve(problem, FAST)
    assert outcome.ok and outcome.plan is not None and outcome.plan.reserve is not None
    with demo_store.transaction("planning.apply") as tx:
        apply_plan(tx, problem, outcome.plan, now=clock.now())
    snap = demo_store.snapshot()
    reserve = outcome.plan.reserve
    created = next(
        s
        for s in snap.sessions.all()
        if s.planned
        and s.date == reserve.slot.day
        and s.room == reserve.slot.room
        and s.start_time == reserve.slot.start
    )
    assert "absents" in created.description
    assert [c for c in snap.candidates.where(session_id=created.id) if not c.removed] == []
    applied = planned_sessions_plan(snap, problem)
    assert applied.reserve is not None and applied.reserve.slot == reserve.slot
    with demo_store.transaction("planning.apply") as tx:
        again = apply_plan(tx, problem, applied, now=clock.now())
    assert not again.changed


def test_the_reserve_is_named_in_the_rows_of_the_csv_pdf_and_text():
    problem = inputs(pupils("3A", 20), slots=_slots())
    plan = solve(problem, FAST).plan
    assert plan is not None and plan.reserve is not None
    rows = [r for r in plan_rows(problem, plan) if r.candidates == 0]
    assert [r.classes for r in rows] == ["réserve (absents)"]


def test_a_locked_reserve_stays_the_only_reserve_when_solved_again():
    """Key v on the reserve, then c: it stays the reserve (no ordinary empty session, no
    second reserve), and the objective is still the score."""
    from pixtui.domain.planning import Locks, PlannedSessionLock

    problem = inputs(pupils("3A", 20) + pupils("3B", 20), slots=_slots())
    plan = solve(problem, FAST).plan
    assert plan is not None and plan.reserve is not None
    reserve = plan.reserve
    lock = PlannedSessionLock(reserve.pupil_ids, reserve.invigilators, reserve=True)
    locked = dataclasses.replace(problem, locks=Locks(sessions={reserve.slot.id: lock}))
    again = solve(locked, FAST)
    assert again.ok and again.plan is not None
    assert [(s.slot, s.locked) for s in again.plan.sessions if s.reserve] == [(reserve.slot, True)]
    assert [s for s in again.plan.sessions if not s.pupil_ids] == [again.plan.reserve]
    assert again.plan.objective == plan_score(locked, again.plan).weighted(locked.weights)
    assert again.plan.objective == plan.objective


def test_first_fit_keeps_a_locked_reserve_as_the_reserve():
    """The solver's starting plan (first-fit) with a locked reserve is valid: the reserve is not
    read as an ordinary session left empty (then the start was refused, and on a loaded server
    with no better plan in time there was no plan at all)."""
    from pixtui.domain.planning import Locks, PlannedSessionLock
    from pixtui.domain.planning_greedy import first_fit

    problem = inputs(pupils("3A", 20) + pupils("3B", 20), slots=_slots())
    last = _slots()[-1]
    lock = PlannedSessionLock((), ("Durand",), reserve=True)
    locked = dataclasses.replace(problem, locks=Locks(sessions={last.id: lock}))
    start = first_fit(locked)
    assert [s.slot for s in start.sessions if s.reserve] == [last]
    assert "planning.rule.empty" not in keys(plan_problems(locked, start))
