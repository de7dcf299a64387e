"""The campaign planner's rules (issue 16): inputs, a plan, its hard rules, margins and score.

Pure: no solver and no store here. ``pixtui.services.planning`` builds the CP-SAT model from
these inputs and checks every plan it returns with :func:`plan_problems`, the one home of the
hard rules, before it can be applied; the greedy baseline of the benchmarks is checked by the
same function, and both are scored by :func:`plan_score`.

Times are the school's wall-clock times (the store converts to UTC when a session is saved).
A "slot" is one possible session: a room, a day and a start time, with the time until which the
room stays free (the end of the free window typed for it). A session lasts the 2 h slot, or
longer when a candidate with extra time needs it: start + 105 min × (1 + ratio).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta

from pixtui.domain.enrolment import too_close
from pixtui.domain.models import SchoolSettings
from pixtui.domain.names import name_key
from pixtui.domain.problems import Problem
from pixtui.domain.sessions import invigilators_needed
from pixtui.domain.timing import (
    format_date,
    format_day_month,
    format_extra_time,
    format_time,
    personal_minutes,
)
from pixtui.i18n import t

NOON = time(12, 0)
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


# --- Inputs -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RoomSpec:
    """A computer room: its working workstations, some kept spare for a breakdown."""

    name: str
    site: str = ""
    workstations: int = 0
    spare: int = 0

    @property
    def capacity(self) -> int:
        return max(self.workstations - self.spare, 0)


@dataclass(frozen=True)
class Slot:
    """One possible session: ``room`` is free on ``day`` from ``start`` until ``free_until``."""

    room: str
    day: date
    start: time
    free_until: time

    @property
    def id(self) -> str:
        return f"{self.day.isoformat()} {self.start:%H:%M} {self.room}"

    def end_after(self, minutes: int) -> time:
        return minutes_to_time(time_to_minutes(self.start) + minutes)


@dataclass(frozen=True)
class Availability:
    """When an invigilator is free: a date or a weekday (or every day), from ``start`` to ``end``."""

    day: date | None = None
    weekday: int | None = None  # 0 = Monday
    start: time = time(0, 0)
    end: time = time(23, 59)

    def covers(self, day: date, start: time, end: time) -> bool:
        if self.day is not None and self.day != day:
            return False
        if self.weekday is not None and self.weekday != day.weekday():
            return False
        return self.start <= start and end <= self.end


@dataclass(frozen=True)
class Invigilator:
    name: str
    availability: tuple[Availability, ...] = ()  # empty: free whenever a room is
    max_sessions: int = 99

    def free(self, day: date, start: time, end: time) -> bool:
        if not self.availability:
            return True
        return any(a.covers(day, start, end) for a in _merged(self.availability, day))


def _merged(windows: Iterable[Availability], day: date) -> list[Availability]:
    """The windows of ``day`` with touching ones joined (« matin » + « après-midi » = all day)."""
    spans = sorted(
        (a.start, a.end)
        for a in windows
        if (a.day is None or a.day == day) and (a.weekday is None or a.weekday == day.weekday())
    )
    joined: list[list[time]] = []
    for start, end in spans:
        if joined and start <= joined[-1][1]:
            joined[-1][1] = max(joined[-1][1], end)
        else:
            joined.append([start, end])
    return [Availability(day=day, start=s, end=e) for s, e in joined]


@dataclass(frozen=True)
class PlanPupil:
    id: str
    last_name: str
    first_name: str
    division: str
    extra_time_ratio: float = 0.0
    last_sitting: date | None = None  # previous certification, for the 15-day rule

    @property
    def name(self) -> str:
        return f"{self.last_name.upper()} {self.first_name}".strip()


@dataclass(frozen=True)
class Weights:
    """The preferences and their weights (0 = ignored); shown and adjustable."""

    classes: int = 30  # per extra session a class is split over
    sessions: int = 60  # per session
    hours: int = 8  # per invigilator-hour
    early: int = 1  # per session and per day after the start of the window
    spread: int = 10  # per session of the most loaded invigilator
    reserve: int = 40  # per session in the reserve days at the end of the window
    stay: int = 20  # per pupil or invigilator moved from the plan already applied

    NAMES = ("classes", "sessions", "hours", "early", "spread", "reserve", "stay")

    def with_value(self, name: str, value: int) -> Weights:
        if name not in self.NAMES:
            raise ValueError(name)
        values = {n: getattr(self, n) for n in self.NAMES}
        values[name] = max(0, min(value, MAX_WEIGHT))
        return Weights(**values)


MAX_WEIGHT = 1000
# The names typed after --weights: the English field names, or these French ones.
FRENCH_WEIGHT_NAMES = {
    "classes": "classes",
    "sessions": "sessions",
    "heures": "hours",
    "dates": "early",
    "repartition": "spread",
    "reserve": "reserve",
    "stabilite": "stay",
}


def weight_label(name: str) -> str:
    return t(f"planning.weight.{name}")


def weights_text(weights: Weights) -> str:
    """ "Poids : classes ensemble 30 · sessions 60 · …": what the screen and the CLI show."""
    parts = [f"{weight_label(n)} {getattr(weights, n)}" for n in Weights.NAMES]
    return t("planning.weights", weights=" · ".join(parts))


def parse_weights(text: str, base: Weights | None = None) -> tuple[Weights, list[Problem]]:
    """ "classes=50, heures=0" -> the weights changed; one problem per part not understood."""
    weights = base or Weights()
    problems: list[Problem] = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        name, _, value = part.partition("=")
        key = name_key(name).replace(" ", "")
        field_name = FRENCH_WEIGHT_NAMES.get(key, key if key in Weights.NAMES else "")
        number = value.strip()
        if not field_name or not number.isdigit() or int(number) > MAX_WEIGHT:
            problems.append(
                Problem.error(
                    "planning.weights.bad",
                    part=part,
                    names=", ".join(FRENCH_WEIGHT_NAMES),
                    most=MAX_WEIGHT,
                )
            )
            continue
        weights = weights.with_value(field_name, int(number))
    return weights, problems


@dataclass(frozen=True)
class Locks:
    """What the referent fixed: whole sessions, and pupils or invigilators put in a slot."""

    sessions: dict[str, PlannedSessionLock] = field(default_factory=dict)  # by slot id
    pupils: dict[str, str] = field(default_factory=dict)  # pupil id -> slot id
    invigilators: frozenset[tuple[str, str]] = frozenset()  # (name, slot id)


@dataclass(frozen=True)
class PlannedSessionLock:
    pupil_ids: tuple[str, ...]
    invigilators: tuple[str, ...]
    reserve: bool = False  # the reserve for absentees, locked: it stays the reserve

    @property
    def holds_reserve(self) -> bool:
        """Held as the reserve (one home: the solver and first-fit): a pupil moved into a
        locked reserve makes it an ordinary session."""
        return self.reserve and not self.pupil_ids


@dataclass(frozen=True)
class PlanSettings:
    """The numbers the hard rules use, each from the school's settings.

    Where they come from (checked against Pix's code, 2026-12-02): 105 min is Pix's
    ``DEFAULT_SESSION_DURATION_MINUTES`` and the end with extra time, start + 105 × (1 + ratio),
    is computed by the invigilator, not by Pix (PR #6128; reference/pix-certification.md §3.6);
    the 2 h slot and « one invigilator per 20 pupils » are the referent's guide (seed step B3),
    not rules in Pix's code; no 15-day rule between two sittings exists in Pix's code, PRs or
    pages (reference §2.6): pixtui keeps it as the school's own setting (SPEC R1), 0 turns it off.
    """

    window_start: date
    window_end: date
    per_invigilator: int = 20
    test_minutes: int = 105
    slot_minutes: int = 120
    spacing_days: int = 15
    reserve_days: int = 5  # the last days of the window kept for make-up sessions

    @classmethod
    def from_school(cls, school: SchoolSettings, start: date, end: date) -> PlanSettings:
        return cls(
            window_start=start,
            window_end=end,
            per_invigilator=school.pupils_per_invigilator,
            test_minutes=school.test_minutes,
            slot_minutes=school.slot_minutes,
            spacing_days=school.spacing_days,
        )


@dataclass(frozen=True)
class PlanInputs:
    rooms: tuple[RoomSpec, ...]
    slots: tuple[Slot, ...]
    invigilators: tuple[Invigilator, ...]
    pupils: tuple[PlanPupil, ...]
    settings: PlanSettings
    weights: Weights = Weights()
    locks: Locks = Locks()
    # the plan already applied: re-planning prefers to leave it as it is
    previous: tuple[PlannedSession, ...] = ()

    def previous_slot(self) -> dict[str, str]:
        """pupil id -> slot id in the plan already applied."""
        return {p: s.slot.id for s in self.previous for p in s.pupil_ids}

    def room(self, name: str) -> RoomSpec | None:
        key = name_key(name)
        return next((r for r in self.rooms if name_key(r.name) == key), None)

    def slot(self, slot_id: str) -> Slot | None:
        return next((s for s in self.slots if s.id == slot_id), None)

    def invigilator(self, name: str) -> Invigilator | None:
        key = name_key(name)
        return next((i for i in self.invigilators if name_key(i.name) == key), None)

    def usable_slots(self) -> list[Slot]:
        """Slots of a known room, inside the campaign window, long enough for a 2 h slot."""
        s = self.settings
        return sorted(
            (
                slot
                for slot in self.slots
                if self.room(slot.room) is not None
                and s.window_start <= slot.day <= s.window_end
                and fits(slot.start, s.slot_minutes, slot.free_until)
            ),
            key=lambda slot: (slot.day, slot.start, name_key(slot.room)),
        )


# --- Time arithmetic --------------------------------------------------------------------------


def time_to_minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def minutes_to_time(minutes: int) -> time:
    """A wall-clock time; past midnight it stays at 23:59 (a block never ends the next day)."""
    minutes = min(max(minutes, 0), 23 * 60 + 59)
    return time(minutes // 60, minutes % 60)


def fits(start: time, minutes: int, until: time) -> bool:
    return time_to_minutes(start) + minutes <= time_to_minutes(until)


def block_minutes(ratio: float, settings: PlanSettings) -> int:
    """How long a session holds its room and invigilators for a candidate with ``ratio``.

    The 2 h slot, or the candidate's personal duration (``timing.personal_minutes``, the one
    rule the room, the kit and the documents use) when it is longer.
    """
    return max(settings.slot_minutes, personal_minutes(ratio, settings.test_minutes))


def earliest_day(pupil: PlanPupil, settings: PlanSettings) -> date | None:
    """The first day the pupil may sit again (15 days after the last sitting)."""
    if pupil.last_sitting is None:
        return None
    day = pupil.last_sitting
    while too_close(pupil.last_sitting, day, settings.spacing_days):
        day += timedelta(days=1)
    return day


def half_day_label(start: time) -> str:
    return t("planning.morning") if start < NOON else t("planning.afternoon")


def short_day(day: date) -> str:
    return format_day_month(day)


# --- The plan ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlannedSession:
    slot: Slot
    pupil_ids: tuple[str, ...]
    invigilators: tuple[str, ...]
    locked: bool = False
    # the reserve for absentees: a room, a slot and an invigilator kept at the end of the
    # window, created without candidates (preference « reserve », issue 16)
    reserve: bool = False


@dataclass
class Plan:
    sessions: list[PlannedSession]
    status: str = ""  # "optimal", "feasible", "greedy", "edited"
    objective: float | None = None
    bound: float | None = None
    seconds: float = 0.0
    first_feasible_seconds: float | None = None
    solver: str = ""

    @property
    def gap(self) -> float | None:
        if self.objective is None or self.bound is None:
            return None
        if self.objective <= 0:
            return 0.0
        return min(max(self.objective - max(self.bound, 0.0), 0.0) / self.objective, 1.0)

    def ordered(self) -> list[PlannedSession]:
        """The sessions in the order to create them in Pix Certif: by day, time, room."""
        return sorted(
            self.sessions,
            key=lambda s: (s.slot.day, s.slot.start, name_key(s.slot.room)),
        )

    def session_of(self, pupil_id: str) -> PlannedSession | None:
        return next((s for s in self.sessions if pupil_id in s.pupil_ids), None)

    @property
    def reserve(self) -> PlannedSession | None:
        return next((s for s in self.sessions if s.reserve), None)


def session_block(session: PlannedSession, pupils: dict[str, PlanPupil], s: PlanSettings) -> int:
    """The minutes the session lasts: its longest candidate's block (2 h at least)."""
    ratios = [pupils[p].extra_time_ratio for p in session.pupil_ids if p in pupils]
    return max((block_minutes(r, s) for r in ratios), default=s.slot_minutes)


@dataclass(frozen=True)
class Extension:
    """Past the 2 h slot, until ``minutes`` after the start: ``count`` candidates with extra
    time are still working and ``needed`` invigilators must stay with them (one per 20, at
    least one); the others may leave at the end of the slot (issue 16: « an invigilator stays
    free until their personal end »)."""

    minutes: int
    count: int
    needed: int


def extensions(
    session: PlannedSession, pupils: dict[str, PlanPupil], s: PlanSettings
) -> list[Extension]:
    """The session's extensions past the slot, shortest first (empty: nobody past 2 h)."""
    blocks = [
        block_minutes(pupils[p].extra_time_ratio, s) for p in session.pupil_ids if p in pupils
    ]
    found = []
    for minutes in sorted({b for b in blocks if b > s.slot_minutes}):
        count = sum(1 for b in blocks if b >= minutes)
        found.append(
            Extension(minutes, count, max(1, invigilators_needed(count, s.per_invigilator)))
        )
    return found


def staff_minutes(session: PlannedSession, pupils: dict[str, PlanPupil], s: PlanSettings) -> int:
    """Invigilator minutes the session takes: all of them for the slot, then only those who
    stay, level by level (what the solver minimises and the score shows)."""
    total = s.slot_minutes * len(session.invigilators)
    before = s.slot_minutes
    for extension in extensions(session, pupils, s):
        total += (extension.minutes - before) * extension.needed
        before = extension.minutes
    return total


def _overlap(a: Slot, a_minutes: int, b: Slot, b_minutes: int) -> bool:
    if a.day != b.day:
        return False
    a0, b0 = time_to_minutes(a.start), time_to_minutes(b.start)
    return a0 < b0 + b_minutes and b0 < a0 + a_minutes


# --- The hard rules ---------------------------------------------------------------------------


def plan_problems(inputs: PlanInputs, plan: Plan) -> list[Problem]:
    """Every hard rule the plan breaks (ERRORs); an empty list means it may be applied.

    The rules of issue 16: the campaign window; a session fits its room's workstations; one
    invigilator per 20 candidates (at least one); each pupil in exactly one session; 15 days
    after a pupil's previous sitting; a candidate with extra time only where the room and the
    invigilators stay free until their personal end; nobody in two places at once; no more
    sessions than an invigilator accepts.
    """
    s = inputs.settings
    pupils = {p.id: p for p in inputs.pupils}
    problems: list[Problem] = []
    seen: dict[str, PlannedSession] = {}
    blocks: list[tuple[PlannedSession, int]] = []
    load: dict[str, int] = {}
    for session in plan.ordered():
        slot = session.slot
        where = _where(slot)
        room = inputs.room(slot.room)
        if room is None:
            problems.append(Problem.error("planning.rule.unknown_room", room=slot.room))
            continue
        if not s.window_start <= slot.day <= s.window_end:
            problems.append(
                Problem.error(
                    "planning.rule.window",
                    where=where,
                    start=format_date(s.window_start),
                    end=format_date(s.window_end),
                )
            )
        count = len(session.pupil_ids)
        if session.reserve and count:
            problems.append(Problem.error("planning.rule.reserve_pupils", where=where))
        if not session.reserve and not count:
            # an empty session would be created in Pix's sense with nobody to enrol
            problems.append(Problem.error("planning.rule.empty", where=where))
        if count > room.capacity:
            problems.append(
                Problem.error(
                    "planning.rule.capacity", where=where, count=count, capacity=room.capacity
                )
            )
        needed = max(1, invigilators_needed(count, s.per_invigilator))
        if len(session.invigilators) < needed:
            problems.append(
                Problem.error(
                    "planning.rule.invigilators",
                    where=where,
                    count=count,
                    needed=needed,
                    found=len(session.invigilators),
                )
            )
        minutes = session_block(session, pupils, s)
        end = slot.end_after(minutes)
        if not fits(slot.start, minutes, slot.free_until):
            problems.append(
                Problem.error(
                    "planning.rule.room_until",
                    where=where,
                    end=format_time(end),
                    until=format_time(slot.free_until),
                )
            )
        slot_end = slot.end_after(s.slot_minutes)
        for name in session.invigilators:
            invigilator = inputs.invigilator(name)
            if invigilator is None:
                problems.append(Problem.error("planning.rule.unknown_invigilator", name=name))
                continue
            load[invigilator.name] = load.get(invigilator.name, 0) + 1
            if not invigilator.free(slot.day, slot.start, slot_end):
                problems.append(
                    Problem.error(
                        "planning.rule.invigilator_busy",
                        name=name,
                        where=where,
                        end=format_time(slot_end),
                    )
                )
        for extension in extensions(session, pupils, s):
            until = slot.end_after(extension.minutes)
            staying = [
                n
                for n in session.invigilators
                if (inv := inputs.invigilator(n)) is not None
                and inv.free(slot.day, slot.start, until)
            ]
            if len(staying) < extension.needed:
                problems.append(
                    Problem.error(
                        "planning.rule.extra_time_staff",
                        where=where,
                        count=extension.count,
                        end=format_time(until),
                        needed=extension.needed,
                        found=len(staying),
                    )
                )
        for pupil_id in session.pupil_ids:
            pupil = pupils.get(pupil_id)
            if pupil is None:
                problems.append(Problem.error("planning.rule.unknown_pupil", where=where))
                continue
            if pupil_id in seen:
                problems.append(
                    Problem.error(
                        "planning.rule.twice",
                        name=pupil.name,
                        first=_where(seen[pupil_id].slot),
                        second=where,
                    )
                )
            seen[pupil_id] = session
            first = earliest_day(pupil, s)
            if first is not None and slot.day < first:
                problems.append(
                    Problem.error(
                        "planning.rule.spacing",
                        name=pupil.name,
                        where=where,
                        last=format_date(pupil.last_sitting),
                        days=s.spacing_days,
                    )
                )
        for other, other_minutes in blocks:
            if not _overlap(slot, minutes, other.slot, other_minutes):
                continue
            if name_key(other.slot.room) == name_key(slot.room):
                problems.append(
                    Problem.error("planning.rule.room_twice", room=slot.room, where=where)
                )
            shared = {name_key(n) for n in session.invigilators} & {
                name_key(n) for n in other.invigilators
            }
            for name in sorted(n for n in session.invigilators if name_key(n) in shared):
                problems.append(
                    Problem.error(
                        "planning.rule.invigilator_twice",
                        name=name,
                        first=_where(other.slot),
                        second=where,
                    )
                )
        blocks.append((session, minutes))
    for invigilator in inputs.invigilators:
        if load.get(invigilator.name, 0) > invigilator.max_sessions:
            problems.append(
                Problem.error(
                    "planning.rule.max_sessions",
                    name=invigilator.name,
                    count=load[invigilator.name],
                    most=invigilator.max_sessions,
                )
            )
    missing = [p for p in inputs.pupils if p.id not in seen]
    if missing:
        problems.append(
            Problem.error(
                "planning.rule.unplaced",
                count=len(missing),
                names=", ".join(p.name for p in missing[:5]),
            )
        )
    return problems


def _where(slot: Slot) -> str:
    return f"{format_date(slot.day)} {format_time(slot.start)} {slot.room}"


# --- Margins and score ------------------------------------------------------------------------


@dataclass(frozen=True)
class SessionMargins:
    """How far each rule is from breaking, for one planned session (shown on screen)."""

    seats: int  # workstations left
    invigilated: int  # candidates more the invigilators could take
    minutes: int  # minutes between the last personal end and when the room is needed back
    spacing_days: int | None  # fewest days over the 15-day rule among its candidates
    extra_time: int  # candidates with extra time
    end: time  # the last personal end


def session_margins(inputs: PlanInputs, session: PlannedSession) -> SessionMargins:
    s = inputs.settings
    pupils = {p.id: p for p in inputs.pupils}
    room = inputs.room(session.slot.room)
    capacity = room.capacity if room else 0
    minutes = session_block(session, pupils, s)
    count = len(session.pupil_ids)
    spacing = [
        (session.slot.day - first).days
        for p in session.pupil_ids
        if p in pupils and (first := earliest_day(pupils[p], s)) is not None
    ]
    return SessionMargins(
        seats=capacity - count,
        invigilated=len(session.invigilators) * s.per_invigilator - count,
        minutes=time_to_minutes(session.slot.free_until)
        - time_to_minutes(session.slot.start)
        - minutes,
        spacing_days=min(spacing) if spacing else None,
        extra_time=sum(1 for p in session.pupil_ids if p in pupils and pupils[p].extra_time_ratio),
        end=session.slot.end_after(minutes),
    )


@dataclass(frozen=True)
class PlanScore:
    """The plan's quality by the preferences: what the benchmarks compare and the screen shows."""

    sessions: int
    invigilator_minutes: int
    classes_split: int  # extra sessions over all classes (a class in 3 sessions counts 2)
    day_offsets: int  # sum over sessions of the days after the window start
    max_load: int  # sessions of the most loaded invigilator
    reserve_sessions: int  # sessions in the reserve days at the end of the window
    moved: int = 0  # pupils and invigilators moved from the plan already applied
    reserve_missing: int = 0  # 1 when the plan keeps no reserve session for absentees

    @property
    def invigilator_hours(self) -> float:
        return self.invigilator_minutes / 60

    def weighted(self, weights: Weights) -> int:
        """The objective the solver minimises, in minute units (same terms, same weights)."""
        return (
            60
            * (
                weights.classes * self.classes_split
                + weights.sessions * self.sessions
                + weights.early * self.day_offsets
                + weights.spread * self.max_load
                + weights.reserve * self.reserve_sessions
                + weights.reserve * RESERVE_MISSING * self.reserve_missing
                + weights.stay * self.moved
            )
            + weights.hours * self.invigilator_minutes
        )


# No reserve session costs as much as this many sessions in the reserve days (weight « reserve »).
RESERVE_MISSING = 2


def reserve_start(settings: PlanSettings) -> date:
    return settings.window_end - timedelta(days=max(settings.reserve_days - 1, 0))


def plan_score(inputs: PlanInputs, plan: Plan) -> PlanScore:
    s = inputs.settings
    pupils = {p.id: p for p in inputs.pupils}
    per_class: dict[str, set[str]] = {}
    load: dict[str, int] = {}
    minutes_total = 0
    for session in plan.sessions:
        minutes_total += staff_minutes(session, pupils, s)
        for name in session.invigilators:
            load[name_key(name)] = load.get(name_key(name), 0) + 1
        for p in session.pupil_ids:
            if p in pupils:
                per_class.setdefault(pupils[p].division, set()).add(session.slot.id)
    reserve = reserve_start(s)
    held = [x for x in plan.sessions if not x.reserve]  # the reserve is scored on its own
    return PlanScore(
        sessions=len(held),
        invigilator_minutes=minutes_total,
        classes_split=sum(len(slots) - 1 for slots in per_class.values()),
        day_offsets=sum((x.slot.day - s.window_start).days for x in held),
        max_load=max(load.values(), default=0),
        reserve_sessions=sum(1 for x in held if x.slot.day >= reserve),
        moved=_moved(inputs, plan),
        reserve_missing=0 if plan.reserve is not None else 1,
    )


def _moved(inputs: PlanInputs, plan: Plan) -> int:
    """Pupils out of their previous session, and previous invigilators out of theirs."""
    if not inputs.previous:
        return 0
    before = inputs.previous_slot()
    now = {p: s.slot.id for s in plan.sessions for p in s.pupil_ids}
    pupils = sum(1 for p, slot in before.items() if p in now and now[p] != slot)
    staff_now = {(name_key(n), s.slot.id) for s in plan.sessions for n in s.invigilators}
    staff = sum(
        1
        for s in inputs.previous
        for n in s.invigilators
        if (name_key(n), s.slot.id) not in staff_now
    )
    return pupils + staff


# --- Why there is no plan ---------------------------------------------------------------------


def pupil_reasons(inputs: PlanInputs, pupil: PlanPupil, slots: Sequence[Slot]) -> list[Problem]:
    """Why a pupil fits in no slot at all, in French, with what to change (before any solve)."""
    s = inputs.settings
    if not slots:
        return [Problem.error("planning.why.no_slot")]
    first = earliest_day(pupil, s)
    if first is not None and all(slot.day < first for slot in slots):
        return [
            Problem.error(
                "planning.why.spacing",
                name=pupil.name,
                division=pupil.division,
                last=format_date(pupil.last_sitting),
                first=format_date(first),
                end=format_date(s.window_end),
            )
        ]
    minutes = block_minutes(pupil.extra_time_ratio, s)
    allowed = [slot for slot in slots if first is None or slot.day >= first]
    if not any(fits(slot.start, minutes, slot.free_until) for slot in allowed):
        return [
            Problem.error(
                "planning.why.room_extra_time",
                name=pupil.name,
                division=pupil.division,
                extra=format_extra_time(pupil.extra_time_ratio),
                minutes=minutes,
            )
        ]
    if not any(
        inv.free(slot.day, slot.start, slot.end_after(minutes))
        for slot in allowed
        if fits(slot.start, minutes, slot.free_until)
        for inv in inputs.invigilators
    ):
        return [
            Problem.error(
                "planning.why.invigilator_extra_time",
                name=pupil.name,
                division=pupil.division,
                extra=format_extra_time(pupil.extra_time_ratio),
                minutes=minutes,
            )
        ]
    return []


def class_hints(inputs: PlanInputs) -> list[Problem]:
    """A class bigger than every room will be split: said before it surprises anyone."""
    biggest = max(inputs.rooms, key=lambda r: r.capacity, default=None)
    if biggest is None:
        return []
    sizes: dict[str, int] = {}
    for p in inputs.pupils:
        sizes[p.division] = sizes.get(p.division, 0) + 1
    return [
        Problem.info(
            "planning.why.class_too_big",
            room=biggest.name,
            capacity=biggest.capacity,
            division=division,
            count=count,
        )
        for division, count in sorted(sizes.items(), key=lambda kv: name_key(kv[0]))
        if count > biggest.capacity
    ]


def capacity_problem(inputs: PlanInputs, slots: Sequence[Slot]) -> Problem | None:
    """Fewer workstations over all slots than pupils: nothing else needs to be looked at."""
    seats = sum(r.capacity for slot in slots if (r := inputs.room(slot.room)) is not None)
    if seats < len(inputs.pupils):
        return Problem.error(
            "planning.why.seats",
            seats=seats,
            pupils=len(inputs.pupils),
            missing=len(inputs.pupils) - seats,
        )
    return None


def missing_invigilators_problem(slot: Slot, missing: int) -> Problem:
    """ "Il manque 2 surveillants le 12/03 après-midi (salle 112)": from the relaxed solve."""
    return Problem.error(
        "planning.why.invigilators",
        count=missing,
        day=short_day(slot.day),
        half=half_day_label(slot.start),
        room=slot.room,
        start=format_time(slot.start),
    )


def unplaced_problem(division: str, count: int, ratio: float) -> Problem:
    extra = format_extra_time(ratio)
    key = "planning.why.unplaced_extra" if extra else "planning.why.unplaced"
    return Problem.error(key, count=count, division=division, extra=extra)
