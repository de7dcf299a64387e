"""The planner's hard rules (plan_problems), margins and score: each rule breaks a plan."""

from __future__ import annotations

import dataclasses
from datetime import date, time, timedelta

import pytest

from pixtui.domain.enrolment import too_close
from pixtui.domain.planning import (
    Invigilator,
    Plan,
    PlannedSession,
    PlanSettings,
    Slot,
    block_minutes,
    earliest_day,
    plan_problems,
    plan_score,
    session_margins,
)
from pixtui.domain.planning_greedy import first_fit
from pixtui.domain.problems import keys
from tests.planning.helpers import MONDAY, SETTINGS, TUESDAY, inputs, morning, pupils

EIGHT = Slot("112", MONDAY, time(8, 0), time(12, 30))
TEN = Slot("112", MONDAY, time(10, 0), time(12, 30))


def _ids(people):
    return tuple(p.id for p in people)


def test_a_valid_plan_has_no_problem():
    people = pupils("3A", 20)
    plan = Plan([PlannedSession(EIGHT, _ids(people), ("Durand",))])
    assert plan_problems(inputs(people), plan) == []


@pytest.mark.parametrize(
    ("change", "key"),
    [
        (lambda s: dataclasses.replace(s, invigilators=()), "planning.rule.invigilators"),
        (
            lambda s: dataclasses.replace(s, slot=Slot("112", date(2027, 7, 1), time(8), time(12))),
            "planning.rule.window",
        ),
        (
            lambda s: dataclasses.replace(s, slot=Slot("999", MONDAY, time(8), time(12))),
            "planning.rule.unknown_room",
        ),
        (
            lambda s: dataclasses.replace(s, invigilators=("Inconnu",)),
            "planning.rule.unknown_invigilator",
        ),
        (lambda s: dataclasses.replace(s, pupil_ids=s.pupil_ids[1:]), "planning.rule.unplaced"),
        (
            lambda s: dataclasses.replace(s, pupil_ids=(*s.pupil_ids, "x")),
            "planning.rule.unknown_pupil",
        ),
    ],
)
def test_each_broken_rule_is_named(change, key):
    people = pupils("3A", 20)
    session = change(PlannedSession(EIGHT, _ids(people), ("Durand",)))
    assert key in keys(plan_problems(inputs(people), Plan([session])))


def test_capacity_and_one_invigilator_per_twenty():
    people = pupils("3A", 25)  # 24 workstations usable
    found = keys(
        plan_problems(inputs(people), Plan([PlannedSession(EIGHT, _ids(people), ("Durand",))]))
    )
    assert "planning.rule.capacity" in found
    assert "planning.rule.invigilators" in found  # 25 candidates need 2


def test_a_pupil_twice_and_a_pupil_missing():
    people = pupils("3A", 2)
    plan = Plan(
        [
            PlannedSession(EIGHT, (people[0].id,), ("Durand",)),
            PlannedSession(Slot("112", TUESDAY, time(8), time(12)), (people[0].id,), ("Petit",)),
        ]
    )
    found = keys(plan_problems(inputs(people), plan))
    assert "planning.rule.twice" in found and "planning.rule.unplaced" in found


def test_a_session_left_empty_is_said_not_applied():
    # every pupil moved out by hand: an ordinary session with nobody is refused, a reserve is not
    people = pupils("3A", 2)
    tuesday = Slot("112", TUESDAY, time(8), time(12))
    empty = Plan(
        [PlannedSession(EIGHT, _ids(people), ("Durand",)), PlannedSession(tuesday, (), ("Petit",))]
    )
    assert keys(plan_problems(inputs(people), empty)) == ["planning.rule.empty"]
    kept = Plan(
        [
            PlannedSession(EIGHT, _ids(people), ("Durand",)),
            PlannedSession(tuesday, (), ("Petit",), reserve=True),
        ]
    )
    assert plan_problems(inputs(people), kept) == []


def test_fifteen_days_after_a_previous_sitting():
    people = pupils("3A", 1, last=MONDAY - timedelta(days=14))
    plan = Plan([PlannedSession(EIGHT, _ids(people), ("Durand",))])
    assert keys(plan_problems(inputs(people), plan)) == ["planning.rule.spacing"]
    ok = pupils("3A", 1, last=MONDAY - timedelta(days=15))
    assert plan_problems(inputs(ok), Plan([PlannedSession(EIGHT, _ids(ok), ("Durand",))])) == []


def test_the_spacing_rule_is_the_enrolment_rule():
    # oracle: the planner's first allowed day is the first day enrolment does not warn about
    for gap in range(0, 40):
        last = MONDAY - timedelta(days=gap)
        first = earliest_day(pupils("3A", 1, last=last)[0], SETTINGS)
        assert first is not None
        assert not too_close(last, first, SETTINGS.spacing_days)
        assert too_close(last, first - timedelta(days=1), SETTINGS.spacing_days)


def test_extra_time_needs_the_room_until_the_personal_end():
    # 105 min × 1.33 = 139.65 min -> 140 min: 10:00 + 140 = 12:20
    assert block_minutes(0.33, SETTINGS) == 140
    assert block_minutes(0.0, SETTINGS) == 120
    people = pupils("3A", 1, ratio=0.33)
    short = Slot("112", MONDAY, time(10, 0), time(12, 0))
    found = plan_problems(
        inputs(people, slots=(short,)), Plan([PlannedSession(short, _ids(people), ("Durand",))])
    )
    assert keys(found) == ["planning.rule.room_until"]
    assert "12:20" in found[0].message


def test_extra_time_needs_the_invigilator_until_the_personal_end():
    people = pupils("3A", 1, ratio=0.33)
    slot = Slot("112", MONDAY, time(11, 0), time(14, 0))
    staff = (Invigilator("Durand", (morning(MONDAY),)),)  # free until 13:00, the end is 13:20
    plan = Plan([PlannedSession(slot, _ids(people), ("Durand",))])
    found = plan_problems(inputs(people, slots=(slot,), invigilators=staff), plan)
    assert keys(found) == ["planning.rule.extra_time_staff"]
    assert "13:20" in found[0].message


def test_one_invigilator_stays_for_the_extra_time_the_others_may_leave_at_the_slot_end():
    """The issue's rule: « an invigilator » stays until the personal end, not all of them."""
    from pixtui.domain.planning import plan_score, staff_minutes

    people = pupils("3A", 22) + pupils("3B", 1, ratio=0.33)  # 23 of 24 seats: two invigilators
    slot = Slot("112", MONDAY, time(11, 0), time(14, 0))
    leaves = Invigilator("Durand", (morning(MONDAY),))  # free until 13:00, the slot's end
    stays = Invigilator("Petit")  # free all day
    plan = Plan([PlannedSession(slot, _ids(people), ("Durand", "Petit"))])
    problem = inputs(people, slots=(slot,), invigilators=(leaves, stays))
    assert plan_problems(problem, plan) == []
    # both for the 2 h slot, then one for the 20 minutes past it (13:00 → 13:20)
    pupil_map = {p.id: p for p in people}
    assert staff_minutes(plan.sessions[0], pupil_map, problem.settings) == 2 * 120 + 20
    assert plan_score(problem, plan).invigilator_minutes == 260
    both_leave = inputs(
        people, slots=(slot,), invigilators=(leaves, Invigilator("Petit", (morning(MONDAY),)))
    )
    assert keys(plan_problems(both_leave, plan)) == ["planning.rule.extra_time_staff"]
    # and the solver plans it (it used to need both free until 13:20: no plan)
    from pixtui.services.planning import SolveOptions, solve

    outcome = solve(problem, SolveOptions(time_limit=3.0))
    assert outcome.ok and outcome.plan is not None
    assert outcome.plan.objective == plan_score(problem, outcome.plan).weighted(problem.weights)


def test_nobody_in_two_places_and_no_room_twice():
    a, b = pupils("3A", 2), pupils("3B", 2)
    other_room = Slot("CDI", MONDAY, time(9, 0), time(12, 0))
    from pixtui.domain.planning import RoomSpec

    rooms = (RoomSpec("112", "A", 26, 2), RoomSpec("CDI", "A", 18, 0))
    plan = Plan(
        [
            PlannedSession(EIGHT, _ids(a), ("Durand",)),
            PlannedSession(other_room, _ids(b), ("Durand",)),
        ]
    )
    assert "planning.rule.invigilator_twice" in keys(
        plan_problems(inputs(a + b, rooms=rooms), plan)
    )
    nine = Slot("112", MONDAY, time(9, 0), time(12, 30))
    same_room = Plan(
        [PlannedSession(EIGHT, _ids(a), ("Durand",)), PlannedSession(nine, _ids(b), ("Petit",))]
    )
    assert "planning.rule.room_twice" in keys(plan_problems(inputs(a + b), same_room))


def test_extra_time_overlaps_the_next_session_of_the_room():
    a, b = pupils("3A", 1, ratio=0.33), pupils("3B", 1)  # 08:00 + 140 min = 10:20 > 10:00
    plan = Plan(
        [PlannedSession(EIGHT, _ids(a), ("Durand",)), PlannedSession(TEN, _ids(b), ("Petit",))]
    )
    assert keys(plan_problems(inputs(a + b), plan)) == ["planning.rule.room_twice"]


def test_most_sessions_an_invigilator_accepts():
    a, b = pupils("3A", 2), pupils("3B", 2)
    staff = (Invigilator("Durand", max_sessions=1),)
    plan = Plan(
        [
            PlannedSession(EIGHT, _ids(a), ("Durand",)),
            PlannedSession(Slot("112", TUESDAY, time(8), time(12)), _ids(b), ("Durand",)),
        ]
    )
    assert keys(plan_problems(inputs(a + b, invigilators=staff), plan)) == [
        "planning.rule.max_sessions"
    ]


def test_margins_and_score():
    people = pupils("3A", 10, ratio=0.33) + pupils("3B", 5)
    plan = Plan([PlannedSession(EIGHT, _ids(people), ("Durand",))])
    margins = session_margins(inputs(people), plan.sessions[0])
    assert (margins.seats, margins.invigilated, margins.extra_time) == (9, 5, 10)
    assert margins.end == time(10, 20) and margins.minutes == 270 - 140
    score = plan_score(inputs(people), plan)
    assert (score.sessions, score.invigilator_minutes, score.classes_split) == (1, 140, 0)


def test_first_fit_gives_a_valid_plan():
    people = pupils("3A", 30) + pupils("3B", 5, ratio=0.33)
    data = inputs(people)
    assert plan_problems(data, first_fit(data)) == []
    assert plan_problems(data, first_fit(data, biggest_rooms_first=True)) == []


def test_biggest_rooms_first_opens_fewer_sessions():
    from pixtui.domain.planning import RoomSpec

    rooms = (RoomSpec("small", "A", 10, 0), RoomSpec("big", "A", 30, 0))
    slots = (
        Slot("small", MONDAY, time(8), time(10)),
        Slot("small", MONDAY, time(10), time(12)),
        Slot("small", MONDAY, time(14), time(16)),
        Slot("big", TUESDAY, time(8), time(10)),
    )
    data = inputs(pupils("3A", 30), rooms=rooms, slots=slots)
    assert len(first_fit(data).sessions) == 3  # date order: the small room three times
    assert len(first_fit(data, biggest_rooms_first=True).sessions) == 1


def test_settings_from_the_school():
    from pixtui.domain.models import SchoolSettings

    settings = PlanSettings.from_school(SchoolSettings(spacing_days=10), MONDAY, TUESDAY)
    assert settings.spacing_days == 10 and settings.per_invigilator == 20


def test_weights_typed_in_french_or_english():
    from pixtui.domain.planning import Weights, parse_weights, weights_text

    weights, problems = parse_weights("classes=50, heures=0, Répartition=3, stay=7")
    assert problems == []
    assert (weights.classes, weights.hours, weights.spread, weights.stay) == (50, 0, 3, 7)
    assert weights.sessions == Weights().sessions
    _, problems = parse_weights("vitesse=3, classes=beaucoup, sessions=5000")
    assert len(problems) == 3 and "vitesse" in problems[0].message
    assert "classes ensemble 30" in weights_text(Weights())


def test_a_weight_changes_the_score():
    from pixtui.domain.planning import Weights

    people = pupils("3A", 10)
    plan = Plan([PlannedSession(EIGHT, _ids(people), ("Durand",))])
    score = plan_score(inputs(people), plan)
    assert score.weighted(Weights(sessions=0)) < score.weighted(Weights())


def test_the_plan_says_who_may_stay_for_the_extra_time():
    from pixtui.documents.planning import plan_rows

    people = pupils("3A", 22) + pupils("3B", 1, ratio=0.33)
    slot = Slot("112", MONDAY, time(11, 0), time(14, 0))
    staff = (Invigilator("Durand", (morning(MONDAY),)), Invigilator("Petit"))
    plan = Plan([PlannedSession(slot, _ids(people), ("Durand", "Petit"))])
    [row] = plan_rows(inputs(people, slots=(slot,), invigilators=staff), plan)
    assert row.staying == "Jusqu'à 13:20 pour les temps majorés : Petit."
