"""Small planning inputs built by hand (tests) — the benchmarks generate big ones."""

from __future__ import annotations

from datetime import date, time

from pixtui.domain.planning import (
    Availability,
    Invigilator,
    PlanInputs,
    PlanPupil,
    PlanSettings,
    RoomSpec,
    Slot,
)

MONDAY = date(2027, 3, 8)
TUESDAY = date(2027, 3, 9)
SETTINGS = PlanSettings(window_start=date(2027, 3, 4), window_end=date(2027, 6, 14))


def pupils(
    division: str, count: int, *, ratio: float = 0.0, last: date | None = None
) -> list[PlanPupil]:
    return [
        PlanPupil(f"{division}-{n}", f"Nom{n}", "Léa", division, ratio, last) for n in range(count)
    ]


def inputs(
    people: list[PlanPupil],
    *,
    rooms: tuple[RoomSpec, ...] = (RoomSpec("112", "A", 26, 2),),
    slots: tuple[Slot, ...] | None = None,
    invigilators: tuple[Invigilator, ...] | None = None,
    **kwargs: object,
) -> PlanInputs:
    if slots is None:
        slots = (
            Slot("112", MONDAY, time(8, 0), time(12, 30)),
            Slot("112", MONDAY, time(14, 0), time(16, 0)),
            Slot("112", TUESDAY, time(8, 0), time(12, 30)),
        )
    if invigilators is None:
        invigilators = (Invigilator("Durand"), Invigilator("Petit"), Invigilator("Leroy"))
    return PlanInputs(rooms, slots, invigilators, tuple(people), SETTINGS, **kwargs)  # type: ignore[arg-type]


def morning(day: date) -> Availability:
    return Availability(day=day, start=time(7, 0), end=time(13, 0))
