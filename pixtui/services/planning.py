"""The campaign planner (issue 16): OR-Tools CP-SAT solves, the store applies in one transaction.

``solve(inputs)`` builds a CP-SAT model from :mod:`pixtui.domain.planning`'s inputs and returns a
plan checked by ``plan_problems`` (the one home of the hard rules), or the reasons there is none
in French: first cheap checks (a pupil who fits no slot at all, too few workstations), then a
relaxed model with "virtual invigilators" and "unplaced pupils" whose use says what is missing
where, and CP-SAT's ``sufficient_assumptions_for_infeasibility`` to name the locks that cannot
hold together. OR-Tools is imported only when a plan is solved: pixtui's start-up never pays it.

Pupils are grouped (same class, same extra-time block, same earliest day, same pin) and the model
counts how many of each group go to each slot: 600 pupils make a few dozen groups, not 72,000
booleans, and identical pupils are not symmetric copies for the solver to explore.

``apply_plan(tx, …)`` turns the plan into sessions and enrolments in the caller's transaction
(journalled by the store); applying again after a change touches only what changed.
"""

from __future__ import annotations

import dataclasses
import time as _time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from pixtui.domain.models import Pupil, SchoolSettings, Session
from pixtui.domain.names import name_key
from pixtui.domain.planning import (
    RESERVE_MISSING,
    Plan,
    PlanInputs,
    PlannedSession,
    PlanPupil,
    PlanSettings,
    Slot,
    block_minutes,
    capacity_problem,
    class_hints,
    earliest_day,
    fits,
    missing_invigilators_problem,
    plan_problems,
    plan_score,
    pupil_reasons,
    reserve_start,
    time_to_minutes,
    unplaced_problem,
)
from pixtui.domain.planning_greedy import class_chain, first_fit, with_reserve
from pixtui.domain.problems import Problem, Refused, errors
from pixtui.domain.sessions import campaign_window_for
from pixtui.domain.timing import format_date, format_time
from pixtui.i18n import t

DEFAULT_TIME_LIMIT = 10.0
MISSING_PUPIL_COST = 1_000_000
VIRTUAL_INVIGILATOR_COST = 100_000


@dataclass(frozen=True)
class SolveOptions:
    time_limit: float = DEFAULT_TIME_LIMIT  # seconds: every solve has one
    workers: int = 2  # the school server has 2 cores
    seed: int = 1  # CP-SAT's own default; 0 lost the first-fit hint in our runs
    relative_gap: float = 0.005  # stop when proven within 0.5 % of the optimum


@dataclass
class PlanOutcome:
    """A plan, or why there is none (``problems``), plus hints worth reading either way."""

    plan: Plan | None
    problems: list[Problem] = field(default_factory=list)
    hints: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.plan is not None and not errors(self.problems)


# --- Groups -----------------------------------------------------------------------------------


@dataclass
class _Group:
    division: str
    level: int  # index into the block lengths
    earliest: date | None
    pin: str | None
    pupil_ids: list[str]
    ratio: float
    previous: str | None = None  # the slot of the plan already applied


def _groups(inputs: PlanInputs, levels: list[int], locked: set[str]) -> list[_Group]:
    s = inputs.settings
    by_key: dict[tuple[Any, ...], _Group] = {}
    previous = inputs.previous_slot()
    for pupil in sorted(
        inputs.pupils, key=lambda p: (name_key(p.last_name), name_key(p.first_name))
    ):
        if pupil.id in locked:
            continue
        level = levels.index(block_minutes(pupil.extra_time_ratio, s))
        key = (
            pupil.division,
            level,
            earliest_day(pupil, s),
            inputs.locks.pupils.get(pupil.id),
            previous.get(pupil.id),
        )
        group = by_key.get(key)
        if group is None:
            group = by_key[key] = _Group(
                key[0], level, key[2], key[3], [], pupil.extra_time_ratio, key[4]
            )
        group.pupil_ids.append(pupil.id)
        group.ratio = max(group.ratio, pupil.extra_time_ratio)
    return list(by_key.values())


# --- The model --------------------------------------------------------------------------------


class _Model:
    """The CP-SAT model of one planning problem (``relaxed``: may miss pupils and invigilators)."""

    def __init__(self, inputs: PlanInputs, slots: Sequence[Slot], relaxed: bool) -> None:
        from ortools.sat.python import cp_model

        self.cp = cp_model
        self.inputs = inputs
        self.slots = list(slots)
        self.relaxed = relaxed
        s: PlanSettings = inputs.settings
        self.s = s
        self.m = cp_model.CpModel()
        pupils = {p.id: p for p in inputs.pupils}
        self.pupils = pupils
        self.locked = {sid: lock for sid, lock in inputs.locks.sessions.items()}
        locked_pupils = {p for lock in self.locked.values() for p in lock.pupil_ids}
        self.levels = sorted(
            {block_minutes(p.extra_time_ratio, s) for p in inputs.pupils} | {s.slot_minutes}
        )
        self.groups = _groups(inputs, self.levels, locked_pupils)
        self.invs = list(inputs.invigilators)
        self.assumptions: dict[int, Problem] = {}
        self.guards: list[Any] = []
        self._build()

    # level of a locked session (its longest candidate)
    def _lock_level(self, slot_id: str) -> int:
        lock = self.locked[slot_id]
        minutes = max(
            (
                block_minutes(self.pupils[p].extra_time_ratio, self.s)
                for p in lock.pupil_ids
                if p in self.pupils
            ),
            default=self.s.slot_minutes,
        )
        return self.levels.index(minutes) if minutes in self.levels else len(self.levels) - 1

    def _guard(self, problem: Problem) -> Any:
        """A literal that enforces a lock; CP-SAT names it when the locks cannot all hold.

        Fixed to true in the model that plans; only the model that explains asks them as
        assumptions (assumptions weaken CP-SAT's presolve).
        """
        literal = self.m.new_bool_var(problem.key)
        if self.relaxed:
            self.assumptions[literal.index] = problem
            self.guards.append(literal)
        else:
            self.m.add(literal == 1)
        return literal

    def _build(self) -> None:
        m, s, inputs = self.m, self.s, self.inputs
        levels = self.levels
        slots = self.slots
        cap = [inputs.room(x.room).capacity for x in slots]  # type: ignore[union-attr]
        self.u = [m.new_bool_var(f"u{j}") for j in range(len(slots))]
        # r[j]: slot j is the reserve for absentees (no candidates, one invigilator), only in
        # the reserve days at the end of the window and only when the preference is weighted
        reserve_from = reserve_start(s)
        # (a locked reserve stays the reserve, whatever its day and the weight)
        self.r: dict[int, Any] = {}
        for j, slot in enumerate(slots):
            lock = self.locked.get(slot.id)
            if (lock is not None and lock.holds_reserve) or (
                lock is None and inputs.weights.reserve and slot.day >= reserve_from
            ):
                self.r[j] = m.new_bool_var(f"r{j}")
                m.add_at_most_one([self.u[j], self.r[j]])
        if self.r:
            m.add_at_most_one(list(self.r.values()))
        # ext[j][k]: the session in slot j lasts at least levels[k] (k = 0: it exists)
        self.ext: list[list[Any]] = []
        for j, slot in enumerate(slots):
            chain = [self.u[j]]
            for k in range(1, len(levels)):
                var = m.new_bool_var(f"e{j}_{k}")
                m.add_implication(var, chain[-1])
                if not fits(slot.start, levels[k], slot.free_until):
                    m.add(var == 0)
                chain.append(var)
            self.ext.append(chain)
        # n[g][j]: pupils of group g in slot j
        self.n: list[dict[int, Any]] = []
        for g, group in enumerate(self.groups):
            counts: dict[int, Any] = {}
            for j, slot in enumerate(slots):
                if slot.id in self.locked:
                    continue
                if group.pin is not None and slot.id != group.pin:
                    continue
                if group.earliest is not None and slot.day < group.earliest:
                    continue
                if not fits(slot.start, levels[group.level], slot.free_until):
                    continue
                counts[j] = m.new_int_var(0, min(len(group.pupil_ids), cap[j]), f"n{g}_{j}")
            self.n.append(counts)
        self.miss: list[Any] = []
        for g, group in enumerate(self.groups):
            size = len(group.pupil_ids)
            if self.relaxed:
                miss = m.new_int_var(0, size, f"miss{g}")
                self.miss.append(miss)
                m.add(sum(self.n[g].values()) + miss == size)
            else:
                m.add(sum(self.n[g].values()) == size)
        # a[i][j]: invigilator i in slot j (only where free for the 2 h slot)
        self.a: list[dict[int, Any]] = []
        for i, inv in enumerate(self.invs):
            row: dict[int, Any] = {}
            for j, slot in enumerate(slots):
                if inv.free(slot.day, slot.start, slot.end_after(levels[0])):
                    var = m.new_bool_var(f"a{i}_{j}")
                    if j in self.r:
                        m.add_bool_or([var.negated(), self.u[j], self.r[j]])
                    else:
                        m.add_implication(var, self.u[j])
                    row[j] = var
            self.a.append(row)
            m.add(sum(row.values()) <= inv.max_sessions)
        self.v: list[Any] = []
        self.load: list[Any] = []
        for j, slot in enumerate(slots):
            staff = [self.a[i][j] for i in range(len(self.invs)) if j in self.a[i]]
            virtual = m.new_int_var(0, cap[j], f"v{j}") if self.relaxed else 0
            self.v.append(virtual)
            if slot.id in self.locked:
                self._lock_session(j, slot, staff)
                load = len(self.locked[slot.id].pupil_ids)
                self.load.append(load)
                m.add(s.per_invigilator * (sum(staff) + virtual) >= load)
                continue
            here = [(g, self.n[g][j]) for g in range(len(self.groups)) if j in self.n[g]]
            load = sum(var for _, var in here)
            self.load.append(load)
            m.add(load <= cap[j] * self.u[j])
            m.add(load >= self.u[j])  # no empty session
            for k in range(1, len(levels)):
                longer = [var for g, var in here if self.groups[g].level >= k]
                if longer:
                    m.add(sum(longer) <= cap[j] * self.ext[j][k])
                else:
                    m.add(self.ext[j][k] == 0)
            m.add(s.per_invigilator * (sum(staff) + virtual) >= load)
            held = self.u[j] + self.r[j] if j in self.r else self.u[j]
            m.add(sum(staff) + virtual >= held)
            if j in self.r:  # the reserve takes one invigilator, not more
                m.add(sum(staff) <= 1 + len(staff) * self.u[j])
            self._rounding_cut(sum(staff) + virtual, load, self.u[j], cap[j])
        # fewest sessions, rounded up: the relaxation stops at a fraction (600 / 28 = 21.4)
        free = [j for j, x in enumerate(slots) if x.id not in self.locked]
        to_place = sum(len(g.pupil_ids) for g in self.groups)
        biggest = max((cap[j] for j in free), default=0)
        if free and biggest and not self.relaxed:
            m.add(sum(self.u[j] for j in free) >= -(-to_place // biggest))
        self._staying()
        self._no_overlaps()
        for name, slot_id in sorted(inputs.locks.invigilators):
            at = next((j for j, x in enumerate(slots) if x.id == slot_id), None)
            who = next(
                (i for i, x in enumerate(self.invs) if name_key(x.name) == name_key(name)), None
            )
            guard = self._guard(
                Problem.error("planning.lock.invigilator", name=name, where=slot_id)
            )
            if at is None or who is None or at not in self.a[who]:
                m.add_bool_or([guard.negated()])
            else:
                m.add_implication(guard, self.a[who][at])
        self._objective()

    def _staying(self) -> None:
        """Past the 2 h slot, only the invigilators who stay: z[j][k] of the session's staff, free
        until its level-k end, one per 20 candidates still working (at least one) — the rule of
        ``domain.planning.extensions``; the others may leave at the end of the slot."""
        m, s, slots, levels = self.m, self.s, self.slots, self.levels
        self.z: list[dict[int, Any]] = []
        for j, slot in enumerate(slots):
            row: dict[int, Any] = {}
            staff = [self.a[i][j] for i in range(len(self.invs)) if j in self.a[i]]
            # the relaxed model may invent invigilators (v): some of them may be the ones who stay
            most = len(staff) + (len(self.pupils) if self.relaxed else 0)
            for k in range(1, len(levels)):
                free = [
                    self.a[i][j]
                    for i, inv in enumerate(self.invs)
                    if j in self.a[i] and inv.free(slot.day, slot.start, slot.end_after(levels[k]))
                ]
                z = m.new_int_var(0, most, f"z{j}_{k}")
                virtual = self.v[j] if not isinstance(self.v[j], int) else 0
                m.add(z <= sum(free) + virtual)
                m.add(z <= most * self.ext[j][k])
                m.add(z >= self.ext[j][k])
                m.add(s.per_invigilator * z >= self._longer(j, k))
                row[k] = z
            self.z.append(row)

    def _longer(self, j: int, k: int) -> Any:
        """Candidates of slot j whose block reaches level k."""
        slot = self.slots[j]
        if slot.id in self.locked:
            return sum(
                1
                for p in self.locked[slot.id].pupil_ids
                if p in self.pupils
                and block_minutes(self.pupils[p].extra_time_ratio, self.s) >= self.levels[k]
            )
        return sum(
            self.n[g][j]
            for g, group in enumerate(self.groups)
            if j in self.n[g] and group.level >= k
        )

    def _rounding_cut(self, staff: Any, load: Any, used: Any, cap: int) -> None:
        """staff ≥ ⌈load / per⌉ tightened for the solver's bound (issue 16: the gap).

        The relaxation reads « one invigilator per 20 » as staff ≥ load / 20 and so counts 1.5
        invigilators for 30 pupils where 2 are needed; that alone left the lycée's proven bound
        about 20 % under the plans found. The last step of the staircase, from (m·per, m) to
        (cap, m + 1) with m = ⌊cap / per⌋, is a face of its convex hull and cuts those halves
        off; every whole plan satisfies it.
        """
        per = self.s.per_invigilator
        m_full, rest = divmod(cap, per)
        if rest == 0 or m_full == 0:
            return
        # rest · staff ≥ rest · m · used + load − m · per · used
        self.m.add(rest * staff >= rest * m_full * used + load - m_full * per * used)

    def _lock_session(self, j: int, slot: Slot, staff: list[Any]) -> None:
        m = self.m
        lock = self.locked[slot.id]
        guard = self._guard(Problem.error("planning.lock.session", where=slot.id))
        if lock.holds_reserve:  # held as the reserve, not as a session
            m.add_implication(guard, self.r[j])
        else:
            m.add_implication(guard, self.u[j])
        level = self._lock_level(slot.id)
        for k in range(1, len(self.levels)):
            m.add_implication(guard, self.ext[j][k] if k <= level else self.ext[j][k].negated())
        wanted = {name_key(n) for n in lock.invigilators}
        for i, inv in enumerate(self.invs):
            if j not in self.a[i]:
                if name_key(inv.name) in wanted:
                    m.add_bool_or([guard.negated()])
                continue
            var = self.a[i][j]
            m.add_implication(guard, var if name_key(inv.name) in wanted else var.negated())

    def _no_overlaps(self) -> None:
        """One session per room at a time; one place per invigilator at a time (blocks included)."""
        m, levels, slots = self.m, self.levels, self.slots
        by_day: dict[date, list[int]] = {}
        for j, slot in enumerate(slots):
            by_day.setdefault(slot.day, []).append(j)
        for indices in by_day.values():
            indices.sort(key=lambda j: (time_to_minutes(slots[j].start), j))
            # base 2 h blocks: the slots running at each start time form a clique
            starts = sorted({time_to_minutes(slots[j].start) for j in indices})
            cliques = []
            for moment in starts:
                clique = [
                    j
                    for j in indices
                    if time_to_minutes(slots[j].start)
                    <= moment
                    < time_to_minutes(slots[j].start) + levels[0]
                ]
                if len(clique) > 1:
                    cliques.append(clique)
            for clique in cliques:
                rooms: dict[str, list[int]] = {}
                for j in clique:
                    rooms.setdefault(name_key(slots[j].room), []).append(j)
                for same in rooms.values():
                    if len(same) > 1:
                        m.add_at_most_one(
                            [self.u[j] for j in same] + [self.r[j] for j in same if j in self.r]
                        )
                for i in range(len(self.invs)):
                    vars_ = [self.a[i][j] for j in clique if j in self.a[i]]
                    if len(vars_) > 1:
                        m.add_at_most_one(vars_)
            # longer blocks: slot j's extra time reaches a later slot j2 of the same day
            for x, j in enumerate(indices):
                start = time_to_minutes(slots[j].start)
                for j2 in indices[x + 1 :]:
                    later = time_to_minutes(slots[j2].start)
                    if later < start + levels[0]:
                        continue
                    for k in range(1, len(levels)):
                        if later >= start + levels[k]:
                            continue
                        e = self.ext[j][k]
                        if name_key(slots[j].room) == name_key(slots[j2].room):
                            m.add_bool_or([e.negated(), self.u[j2].negated()])
                            if j2 in self.r:
                                m.add_bool_or([e.negated(), self.r[j2].negated()])
                        for i in range(len(self.invs)):
                            if j in self.a[i] and j2 in self.a[i]:
                                m.add_bool_or(
                                    [e.negated(), self.a[i][j].negated(), self.a[i][j2].negated()]
                                )

    def _objective(self) -> None:
        m, s, w, slots, levels = self.m, self.s, self.inputs.weights, self.slots, self.levels
        cap = [self.inputs.room(x.room).capacity for x in slots]  # type: ignore[union-attr]
        terms: list[Any] = []
        # classes kept together: y[c][j] = class c has pupils in slot j
        classes: dict[str, list[int]] = {}
        for g, group in enumerate(self.groups):
            classes.setdefault(group.division, []).append(g)
        locked_classes: dict[str, int] = {}
        for lock in self.locked.values():
            for division in {self.pupils[p].division for p in lock.pupil_ids if p in self.pupils}:
                locked_classes[division] = locked_classes.get(division, 0) + 1
        split_terms = []
        biggest = max((r.capacity for r in self.inputs.rooms), default=1)
        for division, groups in classes.items():
            size = sum(len(self.groups[g].pupil_ids) for g in groups)
            used = []
            for j in range(len(slots)):
                here = [(g, self.n[g][j]) for g in groups if j in self.n[g]]
                if not here:
                    continue
                y = m.new_bool_var(f"y{division}_{j}")
                m.add_implication(y, self.u[j])
                for g, var in here:
                    m.add(var <= min(len(self.groups[g].pupil_ids), cap[j]) * y)
                m.add(sum(var for _, var in here) >= y)
                used.append(y)
            # a class bigger than every room needs at least that many sessions (LP cut)
            m.add(sum(used) >= -(-size // max(biggest, 1)) - locked_classes.get(division, 0))
            split_terms.append(sum(used) + locked_classes.get(division, 0) - 1)
        # a class whose pupils are all in locked sessions is split over those (plan_score)
        for division, count in locked_classes.items():
            if division not in classes:
                split_terms.append(count - 1)
        terms.append(60 * w.classes * sum(split_terms))
        terms.append(60 * w.sessions * sum(self.u))
        # invigilator minutes: every invigilator for the whole block of the session
        n_inv = len(self.invs)
        minutes = []
        for j in range(len(slots)):
            staff = [self.a[i][j] for i in range(n_inv) if j in self.a[i]]
            if not staff:
                continue
            count = sum(staff)
            minutes.append(levels[0] * count)
            for k in range(1, len(levels)):  # past the slot, only those who stay
                minutes.append((levels[k] - levels[k - 1]) * self.z[j][k])
        terms.append(w.hours * sum(minutes))
        terms.append(
            60
            * w.early
            * sum((x.day - s.window_start).days * self.u[j] for j, x in enumerate(slots))
        )
        if w.spread and n_inv:
            most = m.new_int_var(0, len(slots), "most")
            for row in self.a:
                m.add(sum(row.values()) <= most)
            terms.append(60 * w.spread * most)
        reserve = reserve_start(s)
        terms.append(
            60 * w.reserve * sum(self.u[j] for j, x in enumerate(slots) if x.day >= reserve)
        )
        # no reserve session costs RESERVE_MISSING sessions in the reserve days (plan_score)
        terms.append(60 * w.reserve * RESERVE_MISSING * (1 - sum(self.r.values())))
        if w.stay and self.inputs.previous:
            index = {x.id: j for j, x in enumerate(slots)}
            moved: list[Any] = []
            # a pupil of a locked session is moved when the lock is not where it was applied
            before = self.inputs.previous_slot()
            for slot_id, lock in self.locked.items():
                moved.append(
                    sum(1 for p in set(lock.pupil_ids) if p in before and before[p] != slot_id)
                )
            for g, group in enumerate(self.groups):
                if group.previous is None:
                    continue
                at = index.get(group.previous)
                stay = self.n[g].get(at) if at is not None else None
                moved.append(len(group.pupil_ids) - (stay if stay is not None else 0))
            for session in self.inputs.previous:
                at = index.get(session.slot.id)
                for name in session.invigilators:
                    who = next(
                        (i for i, x in enumerate(self.invs) if name_key(x.name) == name_key(name)),
                        None,
                    )
                    var = self.a[who].get(at) if who is not None and at is not None else None
                    moved.append(1 - var if var is not None else 1)
            terms.append(60 * w.stay * sum(moved))
        if self.relaxed:
            terms.append(MISSING_PUPIL_COST * sum(self.miss))
            terms.append(
                VIRTUAL_INVIGILATOR_COST * sum(v for v in self.v if not isinstance(v, int))
            )
        m.minimize(sum(terms))

    def hint(self, plan: Plan) -> None:
        """Start from a known plan (first-fit): CP-SAT's first solution is then at least as good."""
        m = self.m
        index = {slot.id: j for j, slot in enumerate(self.slots)}
        group_of = {p: g for g, group in enumerate(self.groups) for p in group.pupil_ids}
        used: dict[int, PlannedSession] = {}
        reserve_at = None
        for session in plan.sessions:
            j = index.get(session.slot.id)
            if j is not None and session.reserve:
                reserve_at = j
            elif j is not None and not session.locked:
                used[j] = session
        for j, var in self.r.items():
            m.add_hint(var, j == reserve_at)
        for j in range(len(self.slots)):
            if self.slots[j].id in self.locked:
                continue
            here = used.get(j)
            m.add_hint(self.u[j], here is not None)
            if j == reserve_at and plan.reserve is not None:
                here = plan.reserve  # no pupils: only its invigilator is hinted below
            counts: dict[int, int] = {}
            for p in here.pupil_ids if here else ():
                if p in group_of:
                    counts[group_of[p]] = counts.get(group_of[p], 0) + 1
            for g in range(len(self.groups)):
                if j in self.n[g]:
                    m.add_hint(self.n[g][j], counts.get(g, 0))
            level = max((self.groups[g].level for g in counts), default=0)
            for k in range(1, len(self.levels)):
                m.add_hint(self.ext[j][k], here is not None and level >= k)
            names = {name_key(n) for n in here.invigilators} if here else set()
            for i, inv in enumerate(self.invs):
                if j in self.a[i]:
                    m.add_hint(self.a[i][j], name_key(inv.name) in names)

    # --- reading a solution ---------------------------------------------------------------

    def plan(self, solver: Any) -> Plan:
        sessions = []
        queues = [list(g.pupil_ids) for g in self.groups]
        for j, slot in enumerate(self.slots):
            if slot.id in self.locked:
                lock = self.locked[slot.id]
                sessions.append(
                    PlannedSession(
                        slot,
                        lock.pupil_ids,
                        lock.invigilators,
                        locked=True,
                        reserve=lock.holds_reserve,
                    )
                )
                continue
            reserve = j in self.r and bool(solver.value(self.r[j]))
            if not solver.value(self.u[j]) and not reserve:
                continue
            pupils: list[str] = []
            for g in range(len(self.groups)):
                if j in self.n[g]:
                    count = solver.value(self.n[g][j])
                    pupils += queues[g][:count]
                    del queues[g][:count]
            staff = tuple(
                self.invs[i].name
                for i in range(len(self.invs))
                if j in self.a[i] and solver.value(self.a[i][j])
            )
            sessions.append(PlannedSession(slot, tuple(pupils), staff, reserve=reserve))
        return Plan(sessions)

    def explain(self, solver: Any) -> list[Problem]:
        """What the relaxed solution had to invent: invigilators and places."""
        problems: list[Problem] = []
        missing: dict[tuple[date, bool], tuple[Slot, int]] = {}
        for j, slot in enumerate(self.slots):
            v = self.v[j]
            count = 0 if isinstance(v, int) else solver.value(v)
            if count:
                key = (slot.day, slot.start.hour < 12)
                first, total = missing.get(key, (slot, 0))
                missing[key] = (first, total + count)
        for _key, (slot, count) in sorted(missing.items()):
            problems.append(missing_invigilators_problem(slot, count))
        unplaced: dict[str, tuple[int, float]] = {}
        for g, group in enumerate(self.groups):
            count = solver.value(self.miss[g]) if self.miss else 0
            if count:
                before, ratio = unplaced.get(group.division, (0, 0.0))
                unplaced[group.division] = (before + count, max(ratio, group.ratio if count else 0))
        for division, (count, ratio) in sorted(unplaced.items(), key=lambda kv: name_key(kv[0])):
            problems.append(unplaced_problem(division, count, ratio))
        return problems


class _FirstSolution:
    """Notes when the first feasible plan is found (for the benchmarks and the screen)."""

    def __init__(self, started: float | None = None) -> None:
        self.started = _time.perf_counter() if started is None else started
        self.first: float | None = None

    def __call__(self, *_: Any) -> None:
        if self.first is None:
            self.first = _time.perf_counter() - self.started


def _solver(options: SolveOptions) -> Any:
    from ortools.sat.python import cp_model

    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = options.time_limit
    solver.parameters.num_workers = max(1, options.workers)
    solver.parameters.random_seed = options.seed
    solver.parameters.relative_gap_limit = options.relative_gap
    # probing took half of a 10 s budget on the lycée for no better plan (benchmarks/planning.py)
    solver.parameters.cp_model_probing_level = 0
    return solver


def _run(
    model: _Model, options: SolveOptions, started: float | None = None
) -> tuple[Any, int, _FirstSolution]:
    from ortools.sat.python import cp_model

    solver = _solver(options)
    watch = _FirstSolution(started)

    class Callback(cp_model.CpSolverSolutionCallback):
        def on_solution_callback(self) -> None:
            watch()

    if model.guards:
        model.m.add_assumptions(model.guards)
    status = solver.solve(model.m, Callback())
    return solver, status, watch


def solve(inputs: PlanInputs, options: SolveOptions | None = None) -> PlanOutcome:
    """The best plan CP-SAT finds within the time limit, or why there is none."""
    options = options or SolveOptions()
    started = _time.perf_counter()
    slots = inputs.usable_slots()
    hints = class_hints(inputs)
    if not inputs.pupils:
        return PlanOutcome(None, [Problem.error("planning.why.no_pupils")], hints)
    problems: list[Problem] = []
    if (seats := capacity_problem(inputs, slots)) is not None:
        problems.append(seats)
    for pupil in inputs.pupils:
        if pupil.id in inputs.locks.pupils or any(
            pupil.id in lock.pupil_ids for lock in inputs.locks.sessions.values()
        ):
            continue
        problems += pupil_reasons(inputs, pupil, slots)
    if not inputs.invigilators:
        problems.append(Problem.error("planning.why.no_invigilators"))
    if problems:
        return PlanOutcome(None, _dedupe(problems), hints)

    from ortools.sat.python import cp_model

    model = _Model(inputs, slots, relaxed=False)
    previous = Plan(list(inputs.previous))
    start = _starting_plan(inputs, previous)
    valid_start = not errors(plan_problems(inputs, start))
    if valid_start:
        model.hint(start)
    # the time limit covers building the model too: the user waits for both
    left = max(options.time_limit - (_time.perf_counter() - started), 0.5)
    solver, status, watch = _run(model, dataclasses.replace(options, time_limit=left), started)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        plan = _finish(model, solver, status, started, watch)
        return PlanOutcome(plan, plan_problems(inputs, plan), hints)
    if status != cp_model.INFEASIBLE and valid_start:
        # nothing better found in time (a loaded server): the valid starting plan is kept
        start.seconds = _time.perf_counter() - started
        start.status = "applied" if start is previous else "greedy"
        start.solver = t("planning.solver.fallback", seconds=round(options.time_limit))
        return PlanOutcome(start, [], hints)
    # infeasible, or nothing found in time: the relaxed model says what is missing (and when
    # it needs to invent nothing, its solution is a plan)
    relaxed = _Model(inputs, slots, relaxed=True)
    solver, status, watch = _run(relaxed, options)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        found = relaxed.explain(solver)
        if not found:
            plan = _finish(relaxed, solver, status, started, watch)
            return PlanOutcome(plan, plan_problems(inputs, plan), hints)
        return PlanOutcome(None, found, hints)
    if status == cp_model.INFEASIBLE and relaxed.assumptions:
        core = solver.sufficient_assumptions_for_infeasibility()
        named = [relaxed.assumptions[i] for i in core if i in relaxed.assumptions]
        if named:
            return PlanOutcome(None, [Problem.error("planning.why.locks"), *named], hints)
    if status == cp_model.INFEASIBLE:
        return PlanOutcome(None, [Problem.error("planning.why.unknown")], hints)
    return PlanOutcome(
        None, [Problem.error("planning.why.timeout", seconds=round(options.time_limit))], hints
    )


def _starting_plan(inputs: PlanInputs, previous: Plan) -> Plan:
    """The solver's hint: the plan already applied when it still holds, else the best of the
    first-fit constructions (date order; biggest rooms first; each with a reserve) and the
    class chain (``planning_greedy.class_chain``)."""
    if inputs.previous and not errors(plan_problems(inputs, previous)):
        return previous
    candidates = [first_fit(inputs), first_fit(inputs, biggest_rooms_first=True)]
    if inputs.weights.reserve:
        candidates = [with_reserve(inputs, p) for p in candidates]
    if (chain := class_chain(inputs)) is not None:
        candidates.append(chain)
    valid = [p for p in candidates if not errors(plan_problems(inputs, p))]
    if not valid:
        return candidates[0]
    return min(valid, key=lambda p: plan_score(inputs, p).weighted(inputs.weights))


def _finish(model: _Model, solver: Any, status: int, started: float, watch: _FirstSolution) -> Plan:
    from ortools.sat.python import cp_model

    plan = model.plan(solver)
    plan.status = "optimal" if status == cp_model.OPTIMAL else "feasible"
    if not model.relaxed:  # the relaxed objective carries the slack costs: no gap to show
        plan.objective = round(solver.objective_value)  # integer terms: no float noise
        plan.bound = solver.best_objective_bound
    plan.seconds = _time.perf_counter() - started
    plan.first_feasible_seconds = watch.first
    plan.solver = "OR-Tools CP-SAT"
    return plan


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen: set[str] = set()
    kept = []
    for p in problems:
        if p.message not in seen:
            seen.add(p.message)
            kept.append(p)
    return kept


# --- Inputs from the store --------------------------------------------------------------------


@dataclass
class PupilSelection:
    pupils: list[PlanPupil]
    already: list[tuple[Pupil, Session]]  # enrolled in a session the planner does not own


def pupils_to_plan(snapshot: Any, classes: Sequence[str] | None = None) -> PupilSelection:
    """Who to certify: every current pupil (the seed: « inscrire néanmoins tous les élèves »),
    or those of ``classes``; with their extra time (latest enrolment) and previous sitting.

    A pupil already enrolled in a session the planner did not create keeps it and is left out.
    """
    wanted = {name_key(c) for c in classes} if classes else None
    sessions = {s.id: s for s in snapshot.sessions.all()}
    ratio: dict[str, tuple[date, float]] = {}
    booked: dict[str, Session] = {}
    for candidate in snapshot.candidates.all():
        session = sessions.get(candidate.session_id)
        if candidate.removed or not candidate.pupil_id or session is None or session.rehearsal:
            continue
        day = session.date or date.min
        if candidate.pupil_id not in ratio or ratio[candidate.pupil_id][0] <= day:
            ratio[candidate.pupil_id] = (day, candidate.extra_time_ratio)
        if not session.planned:
            booked[candidate.pupil_id] = session
    selection = PupilSelection([], [])
    for pupil in sorted(
        snapshot.pupils.all(), key=lambda p: (name_key(p.division), name_key(p.last_name))
    ):
        if pupil.left_school or (wanted is not None and name_key(pupil.division) not in wanted):
            continue
        if pupil.id in booked:
            selection.already.append((pupil, booked[pupil.id]))
            continue
        last = max((c.taken_on for c in pupil.previous_certifications), default=None)
        selection.pupils.append(
            PlanPupil(
                id=pupil.id,
                last_name=pupil.last_name,
                first_name=pupil.first_name,
                division=pupil.division,
                extra_time_ratio=ratio.get(pupil.id, (date.min, 0.0))[1],
                last_sitting=last,
            )
        )
    return selection


def already_lines(selection: PupilSelection) -> list[str]:
    """ "20 élève(s) déjà inscrit(s) le 01/06/2027 en Salle 114 (3D) : laissés hors du plan"."""
    by_session: dict[str, tuple[Session, list[Pupil]]] = {}
    for pupil, session in selection.already:
        by_session.setdefault(session.id, (session, []))[1].append(pupil)
    lines = []
    for session, pupils in sorted(by_session.values(), key=lambda sp: sp[0].date or date.min):
        classes = ", ".join(sorted({p.division for p in pupils}, key=name_key))
        lines.append(
            t(
                "planning.cli.already",
                count=len(pupils),
                date=format_date(session.date),
                room=session.room,
                classes=classes,
            )
        )
    return lines


def window_for(snapshot: Any, today: date) -> tuple[date, date] | None:
    """The campaign window of the school's level for this school year (editable on Accueil)."""
    window = campaign_window_for(snapshot.school, today)
    return (window.start, window.end) if window else None


def no_window_problem(today: date) -> Problem:
    from pixtui.domain.sessions import school_year_of

    return Problem.error("planning.why.no_window", year=school_year_of(today))


# --- Applying ---------------------------------------------------------------------------------


@dataclass
class ApplyReport:
    created: list[Session] = field(default_factory=list)
    updated: list[Session] = field(default_factory=list)
    deleted: list[Session] = field(default_factory=list)
    enrolled: int = 0
    removed: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deleted or self.enrolled or self.removed)

    def summary(self) -> str:
        return t(
            "planning.apply.summary",
            created=len(self.created),
            updated=len(self.updated),
            deleted=len(self.deleted),
            enrolled=self.enrolled,
            removed=self.removed,
        )


def _key(site: str, room: str, day: date | None, start: Any) -> tuple[str, str, Any, Any]:
    return (name_key(site), name_key(room), day, start)


def apply_plan(tx: Any, inputs: PlanInputs, plan: Plan, *, now: Any) -> ApplyReport:
    """Create and fill the plan's sessions in transaction ``tx``; only what changed is written.

    Refused (nothing written) when the plan breaks a hard rule, or when it would drop a session
    that was already created in Pix Certif or where a pupil came in.
    """
    from pixtui.services.enrolment import enrol_pupils, remove_candidate
    from pixtui.services.sessions import SessionDraft, save_draft

    if found := errors(plan_problems(inputs, plan)):
        raise Refused(found)
    report = ApplyReport()
    today = now.date()
    carried = _accommodations_by_pupil(tx)
    ratios = {p.id: p.extra_time_ratio for p in inputs.pupils}
    existing = {_key(s.site, s.room, s.date, s.start_time): s for s in tx.sessions.all()}
    kept: set[str] = set()
    for planned in plan.ordered():
        slot = planned.slot
        room = inputs.room(slot.room)
        site = room.site if room else ""
        session = existing.get(_key(site, slot.room, slot.day, slot.start))
        examiners = list(planned.invigilators)
        if session is None:
            draft = SessionDraft(
                site=site,
                room=room.name if room else slot.room,
                date=format_date(slot.day),
                start_time=format_time(slot.start),
                examiners=", ".join(examiners),
                description=t(
                    "planning.session.reserve"
                    if planned.reserve
                    else "planning.session.description"
                ),
            )
            session = save_draft(tx, draft, session_id=None, rev=None, today=today, confirmed=True)
            session = tx.sessions.update(session.id, _mark_planned)
            report.created.append(session)
        elif not session.planned:
            raise Refused([Problem.error("planning.apply.taken", where=slot.id)])
        elif [name_key(e) for e in session.examiners] != [name_key(e) for e in examiners]:
            session = tx.sessions.update(session.id, _set_examiners(examiners))
            report.updated.append(session)
        kept.add(session.id)
        here = [c for c in tx.candidates.where(session_id=session.id) if not c.removed]
        have = {c.pupil_id for c in here}
        for candidate in here:
            if candidate.pupil_id not in planned.pupil_ids:
                remove_candidate(tx, candidate.id, now=now)
                report.removed += 1
        new = [p for p in planned.pupil_ids if p not in have]
        if new:
            added = enrol_pupils(tx, session.id, new, now=now, confirmed=True)
            for candidate in added:
                source = carried.get(candidate.pupil_id or "")
                planned_ratio = ratios.get(candidate.pupil_id or "", 0.0)
                if source is not None or planned_ratio:
                    tx.candidates.update(candidate.id, _carry_from(source, planned_ratio))
            report.enrolled += len(added)
    for session in tx.sessions.all():
        if session.planned and session.id not in kept and session.date and session.date >= today:
            report.deleted.append(_drop(tx, session))
    if report.changed:
        tx.log("planning.apply", after={"summary": report.summary()})
    return report


def _accommodations_by_pupil(tx: Any) -> dict[str, Any]:
    """Each pupil's latest enrolment (by session date), read before anything moves: a pupil
    the plan moves keeps their extra time and accommodations in the new session."""
    sessions = {s.id: s for s in tx.sessions.all()}
    latest: dict[str, tuple[date, Any]] = {}
    for candidate in tx.candidates.all():
        session = sessions.get(candidate.session_id)
        if candidate.removed or not candidate.pupil_id or session is None or session.rehearsal:
            continue
        day = session.date or date.min
        if candidate.pupil_id not in latest or latest[candidate.pupil_id][0] <= day:
            latest[candidate.pupil_id] = (day, candidate)
    return {pupil: candidate for pupil, (_, candidate) in latest.items()}


def _carry_from(source: Any, planned_ratio: float) -> Any:
    """The previous enrolment's accommodations; the extra time is the larger of the previous
    one and the one planned with (a file of extra times): never less than either."""

    def mutate(candidate: Any) -> None:
        if source is not None:
            candidate.accessibility_adjustment = source.accessibility_adjustment
            candidate.aid_note = source.aid_note
            candidate.language_note = source.language_note
        before = source.extra_time_ratio if source is not None else 0.0
        candidate.extra_time_ratio = max(before, planned_ratio)

    return mutate


def _mark_planned(session: Session) -> None:
    session.planned = True


def _set_examiners(examiners: list[str]) -> Any:
    def mutate(session: Session) -> None:
        session.examiners = list(examiners)

    return mutate


def _drop(tx: Any, session: Session) -> Session:
    from pixtui.services.sessions import delete_session

    if session.pix_number:
        raise Refused([Problem.error("planning.apply.created_in_pix", number=session.pix_number)])
    return delete_session(tx, session.id, confirmed=True)


def planned_sessions_plan(snapshot: Any, inputs: PlanInputs) -> Plan:
    """The plan already applied (the planner's sessions in the store), to re-solve around it."""
    pupils = {p.id for p in inputs.pupils}
    sessions = []
    for session in snapshot.sessions.all():
        if not session.planned or session.date is None or session.start_time is None:
            continue
        slot = next(
            (
                x
                for x in inputs.slots
                if x.day == session.date
                and x.start == session.start_time
                and name_key(x.room) == name_key(session.room)
            ),
            None,
        )
        if slot is None:
            continue
        ids = tuple(
            c.pupil_id
            for c in snapshot.candidates.where(session_id=session.id)
            if not c.removed and c.pupil_id in pupils
        )
        # a planned session without candidates is the reserve kept for absentees
        sessions.append(PlannedSession(slot, ids, tuple(session.examiners), reserve=not ids))
    return Plan(sessions, status="applied")


# --- Inputs from files and the store ----------------------------------------------------------


@dataclass
class InputFiles:
    """The three CSV files read, with their reports (refused lines are shown before planning)."""

    rooms: Any
    slots: Any
    invigilators: Any

    @property
    def reports(self) -> list[Any]:
        return [self.rooms, self.slots, self.invigilators]

    @property
    def refused(self) -> int:
        return sum(len(r.refused) for r in self.reports)

    @property
    def error(self) -> str | None:
        return next((r.error for r in self.reports if r.error), None)


def free_slots(slots: Sequence[Slot], snapshot: Any, settings: PlanSettings) -> list[Slot]:
    """The slots whose room is not taken by a session the planner does not own (created by
    hand, or a rehearsal): the room is theirs, whatever the CSV says."""
    from pixtui.domain.planning import time_to_minutes

    taken: dict[tuple[str, date], list[int]] = {}
    for session in snapshot.sessions.all():
        if session.planned or session.date is None or session.start_time is None:
            continue
        taken.setdefault((name_key(session.room), session.date), []).append(
            time_to_minutes(session.start_time)
        )
    kept = []
    for slot in slots:
        start = time_to_minutes(slot.start)
        others = taken.get((name_key(slot.room), slot.day), [])
        if all(
            not (o < start + settings.slot_minutes and start < o + settings.slot_minutes)
            for o in others
        ):
            kept.append(slot)
    return kept


# The three lists typed on the planner's screen: the school record's fields, in the order of
# read_input_files, with the header line a new list starts from.
TYPED_FIELDS = ("planning_rooms", "planning_slots", "planning_invigilators")
TYPED_HEADERS = (
    "Salle;Site;Postes;Réserve",
    "Salle;Date;Début;Fin;Fermé",
    "Nom;Disponibilités;Sessions max",
)


def typed_texts(school: SchoolSettings) -> tuple[str, str, str]:
    """The lists as typed, or each one's header line when nothing was typed yet."""
    texts = [
        getattr(school, name) or header + "\n"
        for name, header in zip(TYPED_FIELDS, TYPED_HEADERS, strict=True)
    ]
    return texts[0], texts[1], texts[2]


def _typed(text: str) -> bool:
    """Anything typed under the header line."""
    return any(line.strip() for line in text.splitlines()[1:])


def typed_input_files(school: SchoolSettings) -> InputFiles | None:
    """The planner's inputs typed on its screen; None while one of the lists is still empty."""
    texts = [getattr(school, name) for name in TYPED_FIELDS]
    if not all(_typed(text) for text in texts):
        return None
    return read_input_files(*(text.encode("utf-8") for text in texts))


def report_problems(report: Any) -> list[Problem]:
    """A list's error and each refused line (list, line number, why), in French."""
    from pixtui.imports.report import kind_label

    problems: list[Problem] = []
    if report.error:
        problems.append(Problem.error("planner.file_error", message=report.error))
    for line in report.refused:
        problems.append(
            Problem.error(
                "planner.typed.refused",
                kind=kind_label(report.kind),
                line=line.line,
                reason=line.reason,
            )
        )
    return problems


def save_typed_inputs(tx: Any, rooms: str, slots: str, invigilators: str) -> SchoolSettings:
    """Keep the three lists typed on the planner's screen (journalled as a change of the school).

    Refused, nothing written, while a line is refused: the same rules and sentences as the CSV
    files. A list with nothing under its header is kept empty (not typed yet).
    """
    texts = (rooms, slots, invigilators)
    files = read_input_files(*(text.encode("utf-8") for text in texts))
    problems = [
        problem
        for text, report in zip(texts, files.reports, strict=True)
        if _typed(text)
        for problem in report_problems(report)
    ]
    if problems:
        raise Refused(problems)
    school: SchoolSettings = tx.school
    for name, text in zip(TYPED_FIELDS, texts, strict=True):
        setattr(school, name, text.strip() + "\n" if _typed(text) else "")
    saved: SchoolSettings = tx.save_school(school)
    return saved


def read_input_files(rooms: bytes, slots: bytes, invigilators: bytes) -> InputFiles:
    from pixtui.imports.planning import parse_invigilators, parse_rooms, parse_slots

    room_report = parse_rooms(rooms)
    return InputFiles(
        room_report, parse_slots(slots, room_report.rows), parse_invigilators(invigilators)
    )


def build_inputs(
    snapshot: Any,
    files: InputFiles,
    *,
    window: tuple[date, date],
    today: date,
    classes: Sequence[str] | None = None,
    weights: Any = None,
    locks: Any = None,
    extra_times: dict[str, float] | None = None,
) -> tuple[PlanInputs, PupilSelection]:
    """The planner's inputs; sessions are planned from tomorrow on, never in the past."""
    from pixtui.domain.planning import Locks, Weights
    from pixtui.imports.planning import expand_slots

    start = max(window[0], today + timedelta(days=1))
    settings = PlanSettings.from_school(snapshot.school, start, window[1])
    selection = pupils_to_plan(snapshot, classes)
    if extra_times:  # a file of extra times: the larger of it and the store's wins
        selection.pupils = [
            dataclasses.replace(
                p, extra_time_ratio=max(p.extra_time_ratio, extra_times.get(p.id, 0.0))
            )
            for p in selection.pupils
        ]
    inputs = PlanInputs(
        rooms=tuple(files.rooms.rows),
        slots=tuple(free_slots(expand_slots(files.slots.rows, settings), snapshot, settings)),
        invigilators=tuple(files.invigilators.rows),
        pupils=tuple(selection.pupils),
        settings=settings,
        weights=weights or Weights(),
        locks=locks or Locks(),
    )
    applied = planned_sessions_plan(snapshot, inputs)
    return dataclasses.replace(inputs, previous=tuple(applied.sessions)), selection


# --- Showing and exporting --------------------------------------------------------------------


def plan_text(inputs: PlanInputs, plan: Plan) -> str:
    """The plan as the CLI prints it: a status line, then one line per session by day."""
    from pixtui.documents.planning import plan_rows
    from pixtui.domain.planning import plan_score
    from pixtui.formatting import format_day_long

    score = plan_score(inputs, plan)
    gap = plan.gap
    from pixtui.domain.planning import weights_text

    lines = [
        weights_text(inputs.weights),
        t(
            "planning.text.status",
            solver=plan.solver,
            status=t(f"planning.status.{plan.status}") if plan.status else "",
            seconds=f"{plan.seconds:.1f}",
            gap=f"{100 * gap:.1f}" if gap is not None else "–",
        ),
        t(
            "planning.text.score",
            sessions=score.sessions,
            hours=f"{score.invigilator_hours:.1f}".replace(".", ","),
            split=score.classes_split,
            most=score.max_load,
        ),
    ]
    day = None
    for row in plan_rows(inputs, plan):
        if row.day != day:
            day = row.day
            lines.append(format_day_long(row.day))
        lock = " " + t("planning.pdf.locked") if row.locked else ""
        extra = " " + t("planning.pdf.extra", count=row.extra_time) if row.extra_time else ""
        staying = " " + row.staying if row.staying else ""
        lines.append(
            f"  {row.order:>2}. {row.start}–{row.end} {row.room} : {row.candidates} "
            f"[{row.classes}] — {row.invigilators}{extra}{staying}{lock}"
        )
    return "\n".join(lines)


def export_plan(
    inputs: PlanInputs, plan: Plan, out_dir: Any, *, school: str, now: Any, permissions: Any = None
) -> list[Any]:
    """The CSV of sessions, the CSV of pupils and the PDF calendar: all written, or none."""
    from pixtui.documents.planning import plan_calendar_pdf, plan_csv, plan_pupils_csv
    from pixtui.services.exports import PendingFile, Permissions, write_files

    files = [
        PendingFile("plan-sessions.csv", plan_csv(inputs, plan)),
        PendingFile("plan-eleves.csv", plan_pupils_csv(inputs, plan)),
        PendingFile(
            "plan-calendrier.pdf", plan_calendar_pdf(inputs, plan, school=school, created_at=now)
        ),
    ]
    return write_files(out_dir, files, permissions or Permissions())
