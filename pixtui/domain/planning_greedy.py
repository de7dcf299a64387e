"""First-fit: the plan a person would build by hand, session after session (issue 16's baseline).

Pupils in class order fill the earliest session that still has a seat; when none has, the
earliest free slot is opened; then each session takes the least-loaded free invigilators. No
search, no optimisation: the benchmarks compare CP-SAT against it, and the solver starts from it
(a hint), so its first plan is never worse than what the referent would have done.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from pixtui.domain.names import name_key
from pixtui.domain.planning import (
    Plan,
    PlanInputs,
    PlannedSession,
    Slot,
    block_minutes,
    earliest_day,
    fits,
    time_to_minutes,
)
from pixtui.domain.sessions import invigilators_needed


@dataclass
class _Open:
    slot: Slot
    capacity: int
    minutes: int
    pupils: list[str] = field(default_factory=list)


def _clash(a: Slot, a_minutes: int, b: Slot, b_minutes: int) -> bool:
    if a.day != b.day:
        return False
    a0, b0 = time_to_minutes(a.start), time_to_minutes(b.start)
    return a0 < b0 + b_minutes and b0 < a0 + a_minutes


def first_fit(inputs: PlanInputs, *, biggest_rooms_first: bool = False) -> Plan:
    """Pupils in class order into the first session with a seat, opening slots in date order.

    ``biggest_rooms_first`` opens the biggest rooms' slots first (still in date order within
    a room size): fewer, fuller sessions. It is only a better starting point for the solver;
    the benchmarks' baseline is the plain date order, as a person fills a calendar.
    """
    s = inputs.settings
    locked_ids = {p for lock in inputs.locks.sessions.values() for p in lock.pupil_ids}
    slots = [x for x in inputs.usable_slots() if x.id not in inputs.locks.sessions]
    if biggest_rooms_first:
        size = {r.name: r.capacity for r in inputs.rooms}
        slots.sort(key=lambda x: (-size.get(x.room, 0), x.day, x.start))
    sessions: list[_Open] = []
    fixed = [x for x in inputs.usable_slots() if x.id in inputs.locks.sessions]
    pupils = sorted(
        (p for p in inputs.pupils if p.id not in locked_ids),
        key=lambda p: (name_key(p.division), name_key(p.last_name), name_key(p.first_name)),
    )

    def room_free(slot: Slot, minutes: int, ignore: _Open | None = None) -> bool:
        for other in sessions:
            if (
                other is not ignore
                and name_key(other.slot.room) == name_key(slot.room)
                and _clash(slot, minutes, other.slot, other.minutes)
            ):
                return False
        return all(
            not (
                name_key(f.room) == name_key(slot.room) and _clash(slot, minutes, f, s.slot_minutes)
            )
            for f in fixed
        )

    def may_take(pupil_first: date | None, pin: str | None, slot: Slot, minutes: int) -> bool:
        if pin is not None and slot.id != pin:
            return False
        if pupil_first is not None and slot.day < pupil_first:
            return False
        return fits(slot.start, minutes, slot.free_until)

    for pupil in pupils:
        first = earliest_day(pupil, s)
        pin = inputs.locks.pupils.get(pupil.id)
        need = block_minutes(pupil.extra_time_ratio, s)
        placed = False
        for session in sessions:
            minutes = max(session.minutes, need)
            if (
                len(session.pupils) < session.capacity
                and may_take(first, pin, session.slot, minutes)
                and (minutes == session.minutes or room_free(session.slot, minutes, session))
            ):
                session.pupils.append(pupil.id)
                session.minutes = minutes
                placed = True
                break
        if placed:
            continue
        for slot in slots:
            room = inputs.room(slot.room)
            if room is None or room.capacity == 0 or any(o.slot == slot for o in sessions):
                continue
            if may_take(first, pin, slot, need) and room_free(slot, need):
                sessions.append(_Open(slot, room.capacity, need, [pupil.id]))
                break
    load: dict[str, int] = {}
    busy: dict[str, list[tuple[Slot, int]]] = {}
    planned = []
    for session in sorted(sessions, key=lambda o: (o.slot.day, o.slot.start)):
        slot, minutes = session.slot, session.minutes
        needed = max(1, invigilators_needed(len(session.pupils), s.per_invigilator))
        chosen: list[str] = []
        for inv in sorted(
            inputs.invigilators, key=lambda i: (load.get(i.name, 0), name_key(i.name))
        ):
            if len(chosen) == needed:
                break
            if load.get(inv.name, 0) >= inv.max_sessions:
                continue
            if not inv.free(slot.day, slot.start, slot.end_after(minutes)):
                continue
            if any(_clash(slot, minutes, other, m) for other, m in busy.get(inv.name, [])):
                continue
            chosen.append(inv.name)
            load[inv.name] = load.get(inv.name, 0) + 1
            busy.setdefault(inv.name, []).append((slot, minutes))
        planned.append(PlannedSession(slot, tuple(session.pupils), tuple(chosen)))
    for slot_id, lock in inputs.locks.sessions.items():
        fixed_slot = inputs.slot(slot_id)
        if fixed_slot is not None:
            planned.append(
                PlannedSession(
                    fixed_slot,
                    lock.pupil_ids,
                    lock.invigilators,
                    locked=True,
                    reserve=lock.holds_reserve,
                )
            )
    return Plan(planned, status="greedy", solver="first-fit")
