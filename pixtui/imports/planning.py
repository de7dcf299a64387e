"""The planner's CSV inputs (issue 16): rooms, free slots, invigilators. Bytes in, reports out.

Same rules as the pupil lists (``sniff.read_table``: ``;`` or tab or ``,``, UTF-8 or
Windows-1252, headers matched by name): every refused line gets one French sentence and its line
number, and the caller applies nothing while a file has refused lines unless told to keep the
valid ones.

- rooms: ``Salle;Site;Postes;Réserve`` (working workstations, spare ones kept for a breakdown);
- slots: ``Salle;Date;Début;Fin[;Fermé]``: a date (JJ/MM/AAAA) or a weekday (« mardi ») repeated
  over the campaign window; ``Fermé`` = Oui closes that day (a holiday, a trip) for the room, or
  for every room when ``Salle`` is empty or ``*``; a long free window is cut into 2 h starts;
- invigilators: ``Nom;Disponibilités;Sessions max``: availabilities separated by ``,``, each
  « lundi », « lundi matin », « 12/03/2027 après-midi », « jeudi 08:00-12:00 »; empty = always.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta

from pixtui.domain.models import Pupil
from pixtui.domain.names import name_key
from pixtui.domain.planning import (
    WEEKDAYS,
    Availability,
    Invigilator,
    PlanSettings,
    RoomSpec,
    Slot,
    minutes_to_time,
    time_to_minutes,
)
from pixtui.domain.timing import format_time
from pixtui.i18n import t
from pixtui.imports.report import ImportKind, ImportReport, start_report
from pixtui.imports.rows import fits_header, tidy
from pixtui.imports.sniff import (
    CellError,
    Row,
    Table,
    parse_bool,
    parse_date,
    parse_int,
    read_table,
)

ROOM_NAME = ("Salle", "Nom de la salle", "Nom")
ROOM_SITE = ("Site", "Nom du site", "Bâtiment")
ROOM_WORKSTATIONS = ("Postes", "Postes en état de marche", "Nombre de postes", "Postes utilisables")
ROOM_SPARE = ("Réserve", "Postes de réserve", "Postes en réserve")
SLOT_ROOM = ("Salle",)
SLOT_DATE = ("Date", "Jour")
SLOT_START = ("Début", "Heure de début", "De")
SLOT_END = ("Fin", "Heure de fin", "À", "Jusqu'à")
SLOT_CLOSED = ("Fermé", "Fermée", "Fermeture")
INV_NAME = ("Nom", "Surveillant", "Nom du surveillant")
INV_FREE = ("Disponibilités", "Disponibilité", "Créneaux libres")
INV_MAX = ("Sessions max", "Nombre de sessions max", "Max sessions", "Sessions maximum")

MORNING = (time(7, 0), time(13, 0))
AFTERNOON = (time(13, 0), time(19, 0))
_TIME = re.compile(r"^(\d{1,2})[:hH](\d{2})?$")
_RANGE = re.compile(r"^(.*?)(\d{1,2}[:hH]\d{0,2})\s*[-àa]\s*(\d{1,2}[:hH]\d{0,2})$")


def parse_time_cell(text: str) -> time:
    """``08:30``, ``8h30``, ``14h``. Raises :class:`CellError`."""
    match = _TIME.match(text.strip())
    if not match or int(match[1]) > 23 or int(match[2] or 0) > 59:
        raise CellError(t("planning.import.time", value=text.strip()))
    return time(int(match[1]), int(match[2] or 0))


def parse_weekday(text: str) -> int | None:
    key = name_key(text)
    for index, name in enumerate(WEEKDAYS):
        if key in (name, name[:3]):
            return index
    return None


def _require(report: ImportReport, cols: dict[str, int | None], required: dict[str, str]) -> bool:
    missing = [label for name, label in required.items() if cols[name] is None]
    if missing:
        report.error = t(
            "imports.file.missing_columns", columns=", ".join(missing), count=len(missing)
        )
        return False
    return True


def _named_rows(
    table: Table, report: ImportReport, column: int | None, missing_key: str
) -> Iterator[tuple[Row, str]]:
    """The rows of the header's width with a name; an empty or repeated name is refused.

    A name counts as taken once its line is yielded, even if a later cell refuses that line:
    the person fixes the first line, not the second one.
    """
    seen: set[str] = set()
    for row in table.rows:
        if not fits_header(table, row, report):
            continue
        name = tidy(row.cell(column))
        if not name:
            report.refuse(row, t(missing_key))
        elif name_key(name) in seen:
            report.refuse(row, t("planning.import.twice", name=name))
        else:
            seen.add(name_key(name))
            yield row, name


# --- Rooms ------------------------------------------------------------------------------------


def parse_rooms(data: bytes) -> ImportReport[RoomSpec]:
    table = read_table(data)
    report: ImportReport[RoomSpec] = start_report(ImportKind.PLANNING_ROOMS, table)
    if not table.keys:
        return report
    cols = table.columns(
        {"name": ROOM_NAME, "site": ROOM_SITE, "pcs": ROOM_WORKSTATIONS, "spare": ROOM_SPARE},
    )
    if not _require(report, cols, {"name": "Salle", "pcs": "Postes"}):
        return report
    for row, name in _named_rows(table, report, cols["name"], "planning.import.no_room"):
        try:
            pcs = parse_int(row.cell(cols["pcs"]))
            spare = parse_int(row.cell(cols["spare"])) if row.cell(cols["spare"]) else 0
        except CellError as error:
            report.refuse(row, str(error))
            continue
        if pcs <= 0 or spare < 0 or spare >= pcs:
            report.refuse(row, t("planning.import.workstations", pcs=pcs, spare=spare))
            continue
        report.rows.append(RoomSpec(name, tidy(row.cell(cols["site"])), pcs, spare))
    if not report.rows and not report.refused and report.error is None:
        report.error = t("imports.file.no_rows")
    return report


# --- Slots ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SlotRow:
    line: int
    room: str  # "" = every room (closed days only)
    day: date | None
    weekday: int | None
    start: time | None
    end: time | None
    closed: bool = False


def parse_slots(data: bytes, rooms: Sequence[RoomSpec] = ()) -> ImportReport[SlotRow]:
    """Free windows and closed days; with ``rooms``, a line naming another room is refused."""
    table = read_table(data)
    report: ImportReport[SlotRow] = start_report(ImportKind.PLANNING_SLOTS, table)
    if not table.keys:
        return report
    cols = table.columns(
        {
            "room": SLOT_ROOM,
            "date": SLOT_DATE,
            "start": SLOT_START,
            "end": SLOT_END,
            "closed": SLOT_CLOSED,
        },
    )
    if not _require(
        report, cols, {"room": "Salle", "date": "Date", "start": "Début", "end": "Fin"}
    ):
        return report
    known = {name_key(r.name): r.name for r in rooms}
    for row in table.rows:
        if not fits_header(table, row, report):
            continue
        parsed = _slot_row(row, cols, known, report)
        if parsed is not None:
            report.rows.append(parsed)
    if not report.rows and not report.refused and report.error is None:
        report.error = t("imports.file.no_rows")
    return report


def _slot_row(
    row: Row, cols: dict[str, int | None], known: dict[str, str], report: ImportReport
) -> SlotRow | None:
    room = tidy(row.cell(cols["room"]))
    try:
        closed = parse_bool(row.cell(cols["closed"])) if cols["closed"] is not None else False
    except CellError as error:
        report.refuse(row, str(error))
        return None
    if room == "*":
        room = ""
    if not room and not closed:
        report.refuse(row, t("planning.import.no_room"))
        return None
    if room and known and name_key(room) not in known:
        report.refuse(row, t("planning.import.unknown_room", room=room))
        return None
    room = known.get(name_key(room), room)
    text = row.cell(cols["date"])
    weekday = parse_weekday(text)
    day = None
    if weekday is None:
        try:
            day = parse_date(text)
        except CellError:
            report.refuse(row, t("planning.import.day", value=text))
            return None
    if closed:
        return SlotRow(row.line, room, day, weekday, None, None, closed=True)
    try:
        start = parse_time_cell(row.cell(cols["start"]))
        end = parse_time_cell(row.cell(cols["end"]))
    except CellError as error:
        report.refuse(row, str(error))
        return None
    if end <= start:
        report.refuse(
            row, t("planning.import.end_before", start=format_time(start), end=format_time(end))
        )
        return None
    return SlotRow(row.line, room, day, weekday, start, end)


def expand_slots(rows: Sequence[SlotRow], settings: PlanSettings) -> list[Slot]:
    """The possible sessions: each free window over its days, cut into 2 h starts, closed days out."""
    closed = [(r.room, r.day, r.weekday) for r in rows if r.closed]

    def is_closed(room: str, day: date) -> bool:
        return any(
            (not c_room or name_key(c_room) == name_key(room))
            and (c_day == day or (c_day is None and c_weekday == day.weekday()))
            for c_room, c_day, c_weekday in closed
        )

    slots: dict[str, Slot] = {}
    for row in rows:
        if row.closed or row.start is None or row.end is None:
            continue
        if row.day is not None:
            days = [row.day]
        else:
            days = []
            day = settings.window_start
            while day <= settings.window_end:
                if day.weekday() == row.weekday:
                    days.append(day)
                day += timedelta(days=1)
        for day in days:
            if is_closed(row.room, day):
                continue
            begin = time_to_minutes(row.start)
            while begin + settings.slot_minutes <= time_to_minutes(row.end):
                slot = Slot(row.room, day, minutes_to_time(begin), row.end)
                slots.setdefault(slot.id, slot)
                begin += settings.slot_minutes
    return sorted(slots.values(), key=lambda s: (s.day, s.start, name_key(s.room)))


# --- Invigilators -----------------------------------------------------------------------------


def parse_invigilators(data: bytes) -> ImportReport[Invigilator]:
    table = read_table(data)
    report: ImportReport[Invigilator] = start_report(ImportKind.PLANNING_INVIGILATORS, table)
    if not table.keys:
        return report
    cols = table.columns({"name": INV_NAME, "free": INV_FREE, "max": INV_MAX})
    if not _require(report, cols, {"name": "Nom"}):
        return report
    for row, name in _named_rows(table, report, cols["name"], "imports.row.no_last_name"):
        try:
            most = parse_int(row.cell(cols["max"])) if row.cell(cols["max"]) else 99
            windows = parse_availability(row.cell(cols["free"]))
        except CellError as error:
            report.refuse(row, str(error))
            continue
        if most <= 0:
            report.refuse(row, t("planning.import.max", value=most))
            continue
        report.rows.append(Invigilator(name, tuple(windows), most))
    if not report.rows and not report.refused and report.error is None:
        report.error = t("imports.file.no_rows")
    return report


def parse_availability(text: str) -> list[Availability]:
    """« lundi matin, 12/03/2027, jeudi 08:00-12:00 » -> windows. Raises :class:`CellError`."""
    windows: list[Availability] = []
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        span = (time(0, 0), time(23, 59))
        ranged = _RANGE.match(item)
        if ranged:
            span = (parse_time_cell(ranged[2]), parse_time_cell(ranged[3]))
            item = ranged[1].strip()
            if span[1] <= span[0]:
                raise CellError(t("planning.import.availability", value=text))
        words = item.split()
        if words and name_key(words[-1]) in (
            "matin",
            "apres-midi",
            "apres midi",
            "apresmidi",
            "aprem",
        ):
            span = MORNING if name_key(words[-1]) == "matin" else AFTERNOON
            words = words[:-1]
        elif len(words) > 1 and name_key(" ".join(words[-2:])) == "apres midi":
            span = AFTERNOON
            words = words[:-2]
        when = " ".join(words)
        weekday = parse_weekday(when) if when else None
        day = None
        if when and weekday is None:
            try:
                day = parse_date(when)
            except CellError:
                raise CellError(t("planning.import.availability", value=item)) from None
        windows.append(Availability(day=day, weekday=weekday, start=span[0], end=span[1]))
    return windows


# --- Extra time -------------------------------------------------------------------------------

ET_LAST = ("Nom", "Nom de famille", "Nom de l'élève")
ET_FIRST = ("Prénom", "Prénom de l'élève")
ET_DIVISION = ("Classe", "Division")
ET_RATIO = ("Temps majoré", "Tiers temps", "Temps majoré (%)", "Majoration")


@dataclass(frozen=True)
class ExtraTimeRow:
    line: int
    pupil_id: str
    ratio: float


def parse_extra_times(data: bytes, pupils: Sequence[Pupil]) -> ImportReport[ExtraTimeRow]:
    """``Nom;Prénom;Classe;Temps majoré``: each line matched to one pupil of the store (names
    and class, accents and case ignored); an unknown or ambiguous pupil is refused, never
    guessed. The extra time is typed as a percentage (« 33 », « 33 % »), as on the screens."""
    from pixtui.domain.enrolment import ExtraTimeError, parse_extra_time
    from pixtui.domain.names import person_key

    table = read_table(data)
    report: ImportReport[ExtraTimeRow] = start_report(ImportKind.PLANNING_EXTRA_TIME, table)
    if not table.keys:
        return report
    cols = table.columns(
        {"last": ET_LAST, "first": ET_FIRST, "division": ET_DIVISION, "ratio": ET_RATIO}
    )
    if not _require(report, cols, {"last": "Nom", "first": "Prénom", "ratio": "Temps majoré"}):
        return report
    index: dict[tuple[str, str], list[Pupil]] = {}
    for pupil in pupils:
        if not pupil.left_school:
            key = (person_key(pupil.last_name, pupil.first_name), name_key(pupil.division))
            index.setdefault(key, []).append(pupil)
            index.setdefault((key[0], ""), []).append(pupil)
    for row in table.rows:
        if not fits_header(table, row, report):
            continue
        last, first = tidy(row.cell(cols["last"])), tidy(row.cell(cols["first"]))
        division = tidy(row.cell(cols["division"]))
        found = index.get((person_key(last, first), name_key(division)), [])
        if len(found) != 1:
            reason = (
                "planning.import.pupil_unknown" if not found else "planning.import.pupil_ambiguous"
            )
            report.refuse(row, t(reason, name=f"{last} {first}", division=division))
            continue
        try:
            ratio = parse_extra_time(row.cell(cols["ratio"]))
        except ExtraTimeError as error:
            report.refuse(row, error.message)
            continue
        report.rows.append(ExtraTimeRow(row.line, found[0].id, ratio))
    if not report.rows and not report.refused and report.error is None:
        report.error = t("imports.file.no_rows")
    return report
