"""Seeded planning inputs for the benchmarks: a collège and a lycée (issue 16).

Collège: 150 pupils of 3e in 6 classes, 2 rooms, 40 slots, 12 invigilators.
Lycée: 600 pupils (Terminale, CAP, BTS 2) in 20 classes, 5 rooms, 120 slots, 40 invigilators.
About 8 % of pupils have extra time (mostly +33 %, a few +50 %), 3 % sat last year's make-up
session near the start of the window. Invigilators are free on some half-days and accept 2 to 5
sessions. Everything is drawn from ``random.Random(seed)``: a seed gives the same inputs.
"""

from __future__ import annotations

import random
from datetime import date, time, timedelta

from pixtui.domain.planning import (
    Availability,
    Invigilator,
    PlanInputs,
    PlanPupil,
    PlanSettings,
    RoomSpec,
    Slot,
)

LAST = ("Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau")
FIRST = ("Léa", "Hugo", "Chloé", "Louis", "Inès", "Jules", "Manon", "Adam", "Zoé", "Nathan")
STARTS = (time(8, 0), time(10, 0), time(13, 30), time(15, 30))
FREE_UNTIL = {
    time(8, 0): time(12, 0),
    time(10, 0): time(12, 30),
    time(13, 30): time(17, 30),
    time(15, 30): time(18, 0),
}


def _school_days(start: date, count: int) -> list[date]:
    days = []
    day = start
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def generate(kind: str, seed: int = 1) -> PlanInputs:
    rng = random.Random(seed)
    if kind == "college":
        classes = [f"3{letter}" for letter in "ABCDEF"]
        sizes = [25] * 6
        rooms = (RoomSpec("Salle 112", "Bâtiment A", 26, 2), RoomSpec("CDI", "Bâtiment B", 18, 1))
        slots_per_room, invigilators = 20, 12
        start = date(2027, 3, 8)
    else:
        classes = [f"T{n}" for n in range(1, 13)] + [f"CAP{n}" for n in range(1, 5)]
        classes += [f"BTS{n}" for n in range(1, 5)]
        sizes = [30] * 20
        rooms = (
            RoomSpec("B101", "Lycée", 30, 2),
            RoomSpec("B102", "Lycée", 24, 1),
            RoomSpec("B201", "Lycée", 20, 1),
            RoomSpec("Atelier", "Lycée pro", 16, 1),
            RoomSpec("CDI", "Lycée", 26, 2),
        )
        slots_per_room, invigilators = 24, 40
        start = date(2026, 11, 16)
    days = _school_days(start, 30)
    end = days[-1]
    slots = []
    for room in rooms:
        chosen: set[tuple[date, time]] = set()
        while len(chosen) < slots_per_room:
            chosen.add((rng.choice(days[:-3]), rng.choice(STARTS)))
        slots += [Slot(room.name, day, hour, FREE_UNTIL[hour]) for day, hour in sorted(chosen)]
    pupils = []
    for division, size in zip(classes, sizes, strict=True):
        for n in range(size):
            roll = rng.random()
            ratio = 0.5 if roll < 0.015 else 0.33 if roll < 0.08 else 0.0
            last = start - timedelta(days=rng.randint(0, 10)) if rng.random() < 0.03 else None
            pupils.append(
                PlanPupil(
                    id=f"{division}-{n:02d}",
                    last_name=f"{rng.choice(LAST)}{n}",
                    first_name=rng.choice(FIRST),
                    division=division,
                    extra_time_ratio=ratio,
                    last_sitting=last,
                )
            )
    staff = []
    for n in range(invigilators):
        windows = []
        for weekday in range(5):
            if rng.random() < 0.5:
                windows.append(Availability(weekday=weekday, start=time(7, 30), end=time(12, 30)))
            if rng.random() < 0.5:
                windows.append(Availability(weekday=weekday, start=time(13, 0), end=time(18, 0)))
        staff.append(Invigilator(f"Surveillant {n + 1:02d}", tuple(windows), rng.randint(2, 5)))
    settings = PlanSettings(window_start=start, window_end=end)
    return PlanInputs(rooms, tuple(slots), tuple(staff), tuple(pupils), settings)
