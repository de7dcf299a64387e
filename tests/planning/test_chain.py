"""The solver's starting plan: classes in a chain over the cheapest seats (issue 16: the gap)."""

from __future__ import annotations

from datetime import time, timedelta

from benchmarks.planning_data import generate
from pixtui.domain.planning import (
    PlanPupil,
    RoomSpec,
    Slot,
    plan_problems,
    plan_score,
    session_block,
)
from pixtui.domain.planning_greedy import class_chain, first_fit
from tests.planning.helpers import MONDAY, inputs, pupils

ROOM = (RoomSpec("112", "A", 26, 2),)  # 24 seats


def test_a_pupil_with_extra_time_takes_the_class_seat_where_the_room_stays_free():
    """3A (20) and 3B (28) in two full sessions of 24: 3B's pupil with extra time takes one of
    3B's seats where the room is free past 2 h, so 3B is split once and nobody else moves."""
    slots = (
        Slot("112", MONDAY, time(8), time(10)),  # the 2 h slot only
        Slot("112", MONDAY, time(14), time(17)),
    )
    extra = PlanPupil("3B-x", "Zola", "Léa", "3B", 0.33)  # last by name in 3B
    problem = inputs(pupils("3A", 20) + pupils("3B", 27) + [extra], rooms=ROOM, slots=slots)
    plan = class_chain(problem)
    assert plan is not None and plan_problems(problem, plan) == []
    assert plan.session_of("3B-x").slot == slots[1]  # type: ignore[union-attr]
    assert plan_score(problem, plan).classes_split == 1


def test_a_recent_sitting_opens_a_session_late_enough():
    """Every pupil fits on Monday but one who sat 10 days ago: the chain opens a later slot."""
    later = MONDAY + timedelta(days=10)
    slots = (
        Slot("112", MONDAY, time(8), time(12)),
        Slot("112", MONDAY, time(14), time(17)),
        Slot("112", later, time(8), time(12)),
    )
    people = pupils("3A", 20) + pupils("3B", 1, last=MONDAY - timedelta(days=5))
    problem = inputs(people, rooms=ROOM, slots=slots)
    plan = class_chain(problem)
    assert plan is not None and plan_problems(problem, plan) == []
    assert plan.session_of("3B-0").slot == slots[2]  # type: ignore[union-attr]


def test_the_chain_beats_first_fit_on_the_benchmark_lycee():
    """The solver starts from the best valid construction: on the seeded lycée the chain
    keeps more classes together than first-fit in either order (the hint CP-SAT improves)."""
    problem = generate("lycee", 1)
    chain = class_chain(problem)
    assert chain is not None and plan_problems(problem, chain) == []
    ours = plan_score(problem, chain)
    for biggest in (False, True):
        greedy = plan_score(problem, first_fit(problem, biggest_rooms_first=biggest))
        assert ours.weighted(problem.weights) < greedy.weighted(problem.weights)
        assert ours.classes_split < greedy.classes_split


def test_classes_bigger_than_the_room_share_one_pool_for_extra_time():
    """Three classes of 26 in rooms of 24, one pupil with extra time in each: each class has a
    session of its own and sends its two others to one pool, the only session past 2 h."""
    slots = tuple(Slot("112", MONDAY + timedelta(days=d), time(8), time(12)) for d in range(5))
    people = []
    for division in ("3A", "3B", "3C"):
        extra = PlanPupil(f"{division}-x", "Aubert", "Léa", division, 0.33)
        people += [*pupils(division, 25), extra]
    problem = inputs(people, rooms=ROOM, slots=slots)
    plan = class_chain(problem)
    assert plan is not None and plan_problems(problem, plan) == []
    assert plan_score(problem, plan).classes_split == 3
    by_id = {p.id: p for p in people}
    longer = [x for x in plan.sessions if session_block(x, by_id, problem.settings) > 120]
    assert len(longer) == 1 and len(longer[0].pupil_ids) == 6


def test_no_room_no_chain():
    """Nothing to build on: no plan rather than an error (the solver says why from its checks)."""
    assert class_chain(inputs(pupils("3A", 3), rooms=())) is None
