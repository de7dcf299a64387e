"""First-fit: the plan a person would build by hand, session after session (issue 16's baseline).

Pupils in class order fill the earliest session that still has a seat; when none has, the
earliest free slot is opened; then each session takes the least-loaded free invigilators. No
search, no optimisation: the benchmarks compare CP-SAT against it.

The solver starts (a hint) from the best valid of first-fit and of ``class_chain``, a
construction that keeps the classes together over the cheapest seats: its first plan is never
worse than what the referent would have done, and on the benchmarks' lycée it starts within a
few per cent of the best plans known.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from pixtui.domain.names import name_key
from pixtui.domain.planning import (
    Plan,
    PlanInputs,
    PlannedSession,
    PlanPupil,
    PlanSettings,
    Slot,
    block_minutes,
    earliest_day,
    fits,
    plan_problems,
    plan_score,
    reserve_start,
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
    planned = _staffed(inputs, sessions)
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


def _staffed(inputs: PlanInputs, sessions: list[_Open]) -> list[PlannedSession]:
    """Each session, in date order, takes the least-loaded invigilators free for its block."""
    s = inputs.settings
    load: dict[str, int] = {}
    busy: dict[str, list[tuple[Slot, int]]] = {}
    planned: list[PlannedSession] = []
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
    return planned


def class_chain(inputs: PlanInputs) -> Plan | None:
    """The solver's better start (issue 16: the gap): the cheapest seats, the classes together.

    Slots are taken by their cost per seat under the preferences (the session, its invigilators
    when full, its day, the class its end splits) until every pupil has a seat. Then either
    the classes fill those sessions one after the other in date order (a chain: a class is
    split only where a session ends), or each class has a session of its own and the rest of
    every class (over the room's seats, a recent sitting, and in one way all extra time) goes
    whole into a pool session kept for them (the latest that keep their room for the longest
    block): a class bigger than the rooms is then in two sessions, and few sessions run past
    2 h. Classes with a recent sitting come last. A pupil who may sit in none of their class's
    sessions takes a free seat elsewhere, else frees one by moving someone to a free seat, else
    a later slot is opened for them. Each way with a slot keeping its room for the longest
    block or not, with a few spare seats or none, and with a session's end counted as one split
    class or two (fewer, fuller sessions); the best valid plan. No search, and only
    a hint: ``plan_problems`` decides whether the solver starts from it. None when something is
    locked (first-fit handles locks).
    """
    if inputs.locks.sessions or inputs.locks.pupils or not inputs.pupils:
        return None
    spare = max((r.capacity for r in inputs.rooms), default=0) // 2
    plans = [
        p
        for keep in (True, False)
        for extra in (0, spare)
        for way in ("chain", "pools", "pools of extra time")
        for splits in (1, 2)
        if (p := _chain(inputs, keep, extra, way, splits)) is not None
    ]
    valid = [p for p in plans if not plan_problems(inputs, p)]
    if not valid:
        return None
    return min(valid, key=lambda p: plan_score(inputs, p).weighted(inputs.weights))


def _chain(inputs: PlanInputs, keep_long: bool, spare: int, way: str, splits: int) -> Plan | None:
    s, w = inputs.settings, inputs.weights
    capacity = {name_key(r.name): r.capacity for r in inputs.rooms}
    by_id = {p.id: p for p in inputs.pupils}
    need = max(block_minutes(p.extra_time_ratio, s) for p in inputs.pupils)

    def per_seat(slot: Slot) -> float:
        seats = capacity.get(name_key(slot.room), 0)
        staff = max(1, invigilators_needed(seats, s.per_invigilator))
        cost = 60 * (w.sessions + splits * w.classes + w.early * (slot.day - s.window_start).days)
        cost += w.hours * s.slot_minutes * staff
        if slot.day >= reserve_start(s):
            cost += 60 * w.reserve
        return cost / seats

    def held(slot: Slot) -> int:
        if keep_long and fits(slot.start, need, slot.free_until):
            return need
        return s.slot_minutes

    usable = [x for x in inputs.usable_slots() if capacity.get(name_key(x.room), 0) > 0]
    chosen: list[Slot] = []
    seats = 0
    for slot in sorted(usable, key=lambda x: (per_seat(x), x.day, x.start)):
        if seats >= len(inputs.pupils) + spare:
            break
        if any(
            name_key(slot.room) == name_key(other.room)
            and _clash(slot, held(slot), other, held(other))
            for other in chosen
        ):
            continue
        chosen.append(slot)
        seats += capacity[name_key(slot.room)]
    if seats < len(inputs.pupils):
        return None
    chosen.sort(key=lambda x: (x.day, x.start, name_key(x.room)))
    longest = {x: _longest_block(x, chosen) for x in chosen}
    sessions = [_Open(x, capacity[name_key(x.room)], s.slot_minutes) for x in chosen]

    def allowed(pupil_id: str, session: _Open) -> bool:
        pupil = by_id[pupil_id]
        first = earliest_day(pupil, s)
        return (first is None or session.slot.day >= first) and block_minutes(
            pupil.extra_time_ratio, s
        ) <= longest[session.slot]

    def open_for(pupil_id: str) -> _Open | None:
        """A slot of its own for a pupil no chosen session can take (a recent sitting, a long
        block): the cheapest where the pupil may sit, in a room not used that day."""
        pupil = by_id[pupil_id]
        first = earliest_day(pupil, s)
        minutes = block_minutes(pupil.extra_time_ratio, s)
        opened = next(
            (
                x
                for x in sorted(usable, key=lambda x: (per_seat(x), x.day, x.start))
                if not any(x.day == o.day and name_key(x.room) == name_key(o.room) for o in chosen)
                and (first is None or x.day >= first)
                and fits(x.start, minutes, x.free_until)
            ),
            None,
        )
        if opened is None:
            return None
        chosen.append(opened)
        longest[opened] = _longest_block(opened, chosen)
        session = _Open(opened, capacity[name_key(opened.room)], s.slot_minutes)
        sessions.append(session)
        return session

    classes: dict[str, list[PlanPupil]] = {}
    for pupil in sorted(inputs.pupils, key=lambda p: (name_key(p.last_name), p.id)):
        classes.setdefault(pupil.division, []).append(pupil)

    # classes whose pupils sat recently go last, where the later sessions are
    def latest(division: str) -> date:
        return max(earliest_day(p, s) or s.window_start for p in classes[division])

    order = sorted(classes, key=lambda c: (latest(c), name_key(c)))
    if way != "chain":
        strict = way == "pools of extra time"
        if not _pool(order, classes, sessions, allowed, longest, need, open_for, s, strict):
            return None
        order = []  # filled
    at = 0  # the session being filled
    orphans: list[str] = []
    for division in order:
        quota: list[tuple[_Open, int]] = []
        left = len(classes[division])
        while left:
            room = (
                sessions[at].capacity
                - len(sessions[at].pupils)
                - sum(q for x, q in quota if x is sessions[at])
            )
            take = min(room, left)
            if take:
                quota.append((sessions[at], take))
                left -= take
            if left:
                at += 1
        # the most constrained first, each to a session of the class where they may sit; one
        # who may sit in none of them waits for a free seat elsewhere
        counts = {id(x): q for x, q in quota}
        ordered = sorted(
            classes[division],
            key=lambda p: (-block_minutes(p.extra_time_ratio, s), earliest_day(p, s) is None),
        )
        for pupil in ordered:
            fitting = [x for x, _ in quota if counts[id(x)] and allowed(pupil.id, x)]
            if not fitting:
                orphans.append(pupil.id)
                continue
            fitting.sort(key=lambda x: -longest[x.slot])
            fitting[0].pupils.append(pupil.id)
            counts[id(fitting[0])] -= 1
    for pupil_id in orphans:
        if not any(allowed(pupil_id, x) for x in sessions) and open_for(pupil_id) is None:
            return None
        if not _seat(pupil_id, sessions, by_id, allowed) and not any(
            _seat(other, sessions, by_id, allowed, taking=session)
            and _seat(pupil_id, sessions, by_id, allowed)
            for session in sessions
            if allowed(pupil_id, session)
            for other in list(session.pupils)
        ):
            return None
    for session in sessions:
        session.minutes = max(
            (block_minutes(by_id[p].extra_time_ratio, s) for p in session.pupils),
            default=s.slot_minutes,
        )
    planned = [x for x in _staffed(inputs, [x for x in sessions if x.pupils]) if x.pupil_ids]
    plan = Plan(planned, status="greedy", solver="first-fit")
    return with_reserve(inputs, plan) if w.reserve else plan


def _pool(
    order: list[str],
    classes: dict[str, list[PlanPupil]],
    sessions: list[_Open],
    allowed: Callable[[str, _Open], bool],
    longest: dict[Slot, int],
    need: int,
    open_for: Callable[[str], _Open | None],
    s: PlanSettings,
    strict: bool,
) -> bool:
    """Each class in a session of its own, the rest of every class together in a few pools.

    A class bigger than the rooms is split anyway: its pupils with extra time or a recent
    sitting, and those over the room's seats, join the other classes' in pool sessions (the
    latest that keep their room for the longest block), so each class is in two sessions and
    only the pools run past 2 h.
    """
    spare = len(sessions) - len(order)
    ranked = sorted(
        sessions,
        key=lambda x: (longest[x.slot] >= need, x.slot.day, x.slot.start),
        reverse=True,
    )
    pools = ranked[: max(spare, 0)]
    mains = [x for x in sessions if x not in pools]
    left: list[PlanPupil] = []
    for index, division in enumerate(order):
        pupils = classes[division]
        if index >= len(mains):
            left += pupils
            continue
        main = mains[index]
        fit = sorted(
            (p for p in pupils if allowed(p.id, main) and not (strict and p.extra_time_ratio)),
            key=lambda p: p.extra_time_ratio > 0 or p.last_sitting is not None,
        )
        main.pupils = [p.id for p in fit[: main.capacity]]
        left += [p for p in pupils if p.id not in main.pupils]
    of = {p.id: p for pupils in classes.values() for p in pupils}
    groups: dict[str, list[PlanPupil]] = {}
    for pupil in left:
        groups.setdefault(pupil.division, []).append(pupil)

    def longer(session: _Open, minutes: int) -> bool:
        return any(block_minutes(of[p].extra_time_ratio, s) >= minutes for p in session.pupils)

    # each class's rest in one pool that may take it whole, the longest blocks first
    for division, rest in sorted(
        groups.items(), key=lambda kv: -max(block_minutes(p.extra_time_ratio, s) for p in kv[1])
    ):
        minutes = max(block_minutes(p.extra_time_ratio, s) for p in rest)
        whole = [
            x
            for x in pools
            if len(x.pupils) + len(rest) <= x.capacity and all(allowed(p.id, x) for p in rest)
        ]
        if whole:
            whole.sort(key=lambda x: not longer(x, minutes))
            whole[0].pupils += [p.id for p in rest]
            continue
        for pupil in rest:  # else pupil by pupil, with the class where it can
            minutes = block_minutes(pupil.extra_time_ratio, s)
            free = [x for x in sessions if len(x.pupils) < x.capacity and allowed(pupil.id, x)]
            if not free:
                opened = open_for(pupil.id)
                if opened is None:
                    return False
                pools.append(opened)
                free = [opened]
            free.sort(
                key=lambda x: (
                    not any(of[p].division == division for p in x.pupils),
                    x not in pools,
                    not longer(x, minutes),
                )
            )
            free[0].pupils.append(pupil.id)
    return True


def _seat(
    pupil_id: str,
    sessions: list[_Open],
    by_id: dict[str, PlanPupil],
    allowed: Callable[[str, _Open], bool],
    taking: _Open | None = None,
) -> bool:
    """Puts the pupil in a free seat where they may sit, with their class when it can (moved
    out of ``taking`` when given, to free their seat there)."""
    division = by_id[pupil_id].division
    free = [
        x
        for x in sessions
        if x is not taking and len(x.pupils) < x.capacity and allowed(pupil_id, x)
    ]
    if not free:
        return False
    free.sort(key=lambda x: not any(by_id[p].division == division for p in x.pupils))
    if taking is not None:
        taking.pupils.remove(pupil_id)
    free[0].pupils.append(pupil_id)
    return True


def _same_room_clash(a: Slot, b: Slot, minutes: int) -> bool:
    return name_key(a.room) == name_key(b.room) and _clash(a, minutes, b, minutes)


def _longest_block(slot: Slot, chosen: list[Slot]) -> int:
    """The longest block the slot's session may hold: until its room is needed back, by the
    end of its free window or the next chosen session in the same room."""
    until = time_to_minutes(slot.free_until)
    start = time_to_minutes(slot.start)
    for other in chosen:
        if other.day == slot.day and name_key(other.room) == name_key(slot.room):
            later = time_to_minutes(other.start)
            if later > start:
                until = min(until, later)
    return until - start


def with_reserve(inputs: PlanInputs, plan: Plan) -> Plan:
    """The plan with a reserve session for absentees in the reserve days when one fits: the
    room free, one invigilator free, not busy then and under their most sessions."""
    if plan.reserve is not None:
        return plan
    s = inputs.settings
    taken = [(x.slot, x.invigilators) for x in plan.sessions]
    load: dict[str, int] = {}
    for x in plan.sessions:
        for n in x.invigilators:
            load[name_key(n)] = load.get(name_key(n), 0) + 1
    for slot in reversed(inputs.usable_slots()):
        if slot.day < reserve_start(s) or any(
            _same_room_clash(slot, other, s.slot_minutes) for other, _ in taken
        ):
            continue
        for inv in sorted(inputs.invigilators, key=lambda i: load.get(name_key(i.name), 0)):
            if (
                load.get(name_key(inv.name), 0) < inv.max_sessions
                and inv.free(slot.day, slot.start, slot.end_after(s.slot_minutes))
                and not any(
                    name_key(inv.name) in {name_key(n) for n in names}
                    and _clash(slot, s.slot_minutes, other, s.slot_minutes)
                    for other, names in taken
                )
            ):
                reserve = PlannedSession(slot, (), (inv.name,), reserve=True)
                return Plan([*plan.sessions, reserve], status=plan.status, solver=plan.solver)
    return plan
