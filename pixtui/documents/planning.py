"""The campaign plan as files: the CSV of sessions to create in Pix Certif, and a PDF calendar.

Both read the same rows (:func:`plan_rows`), so the screen, the CSV and the PDF agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from pixtui.documents.csv_exports import to_csv
from pixtui.documents.layout import DocumentPDF
from pixtui.domain.names import name_key
from pixtui.domain.planning import Plan, PlanInputs, extensions, session_margins
from pixtui.domain.timing import format_date, format_time
from pixtui.formatting import format_day_long
from pixtui.i18n import t


@dataclass(frozen=True)
class PlanRow:
    order: int
    day: date
    start: str
    end: str  # the last personal end (extra time included)
    room: str
    site: str
    candidates: int
    extra_time: int
    classes: str
    invigilators: str
    locked: bool
    staying: str = ""  # who may stay until the last personal end, when past the 2 h slot


def plan_rows(inputs: PlanInputs, plan: Plan) -> list[PlanRow]:
    divisions = {p.id: p.division for p in inputs.pupils}
    pupils = {p.id: p for p in inputs.pupils}
    rows = []
    for order, session in enumerate(plan.ordered(), start=1):
        margins = session_margins(inputs, session)
        room = inputs.room(session.slot.room)
        counts: dict[str, int] = {}
        for pupil_id in session.pupil_ids:
            division = divisions.get(pupil_id, "?")
            counts[division] = counts.get(division, 0) + 1
        classes = ", ".join(
            f"{d} ({n})" for d, n in sorted(counts.items(), key=lambda kv: name_key(kv[0]))
        )
        if session.reserve:
            classes = t("planning.reserve.label")
        staying = ""
        if extensions(session, pupils, inputs.settings):
            names = [
                n
                for n in session.invigilators
                if (inv := inputs.invigilator(n)) is not None
                and inv.free(session.slot.day, session.slot.start, margins.end)
            ]
            staying = t("planning.staying", end=format_time(margins.end), names=", ".join(names))
        rows.append(
            PlanRow(
                order,
                session.slot.day,
                format_time(session.slot.start),
                format_time(margins.end),
                session.slot.room,
                room.site if room else "",
                len(session.pupil_ids),
                margins.extra_time,
                classes,
                ", ".join(session.invigilators),
                session.locked,
                staying,
            )
        )
    return rows


CSV_HEADER_KEYS = (
    "order",
    "date",
    "start",
    "end",
    "room",
    "site",
    "candidates",
    "extra_time",
    "classes",
    "invigilators",
)


def plan_csv(inputs: PlanInputs, plan: Plan) -> bytes:
    """One line per session, in the order to create them in Pix Certif (``;``, UTF-8 with BOM)."""
    header = [t(f"planning.col.{key}") for key in CSV_HEADER_KEYS]
    body = [
        [
            row.order,
            format_date(row.day),
            row.start,
            row.end,
            row.room,
            row.site,
            row.candidates,
            row.extra_time,
            row.classes,
            row.invigilators,
        ]
        for row in plan_rows(inputs, plan)
    ]
    return to_csv([header, *body])


def plan_pupils_csv(inputs: PlanInputs, plan: Plan) -> bytes:
    """Who goes where: one line per pupil, by class and name (to give each class its times)."""
    header = [t(f"planning.col.{key}") for key in ("division", "name", "date", "start", "room")]
    lines = []
    for session in plan.sessions:
        for pupil in inputs.pupils:
            if pupil.id in session.pupil_ids:
                lines.append(
                    [
                        pupil.division,
                        pupil.name,
                        format_date(session.slot.day),
                        format_time(session.slot.start),
                        session.slot.room,
                    ]
                )
    lines.sort(key=lambda r: (name_key(r[0]), name_key(r[1])))
    return to_csv([header, *lines])


def plan_calendar_pdf(
    inputs: PlanInputs, plan: Plan, *, school: str = "", created_at: datetime | None = None
) -> bytes:
    """A calendar: one heading per day, one line per session with its classes and staff."""
    pdf = DocumentPDF("A4", created_at=created_at)
    pdf.set_title(t("planning.pdf.title"))
    pdf.add_page()
    pdf.use(15, bold=True)
    pdf.cell(0, 8, t("planning.pdf.title"), new_x="LMARGIN", new_y="NEXT")
    pdf.use(9)
    rows = plan_rows(inputs, plan)
    summary = t(
        "planning.pdf.summary",
        school=school,
        sessions=len(rows),
        pupils=sum(r.candidates for r in rows),
    )
    pdf.multi_cell(0, 5, summary, new_x="LMARGIN", new_y="NEXT")
    current: date | None = None
    for row in rows:
        if pdf.get_y() > pdf.h - 40:
            pdf.add_page()
            current = None
        if row.day != current:
            current = row.day
            pdf.ln(3)
            pdf.use(11, bold=True)
            pdf.cell(0, 7, format_day_long(row.day), new_x="LMARGIN", new_y="NEXT")
        pdf.use(9, bold=True)
        lock = " " + t("planning.pdf.locked") if row.locked else ""
        title = t(
            "planning.pdf.session",
            order=row.order,
            start=row.start,
            end=row.end,
            room=row.room,
            site=row.site,
            count=row.candidates,
        )
        pdf.multi_cell(0, 5, title + lock, new_x="LMARGIN", new_y="NEXT")
        pdf.use(8.5)
        detail = t("planning.pdf.detail", classes=row.classes, invigilators=row.invigilators or "–")
        if row.extra_time:
            detail += " " + t("planning.pdf.extra", count=row.extra_time)
        if row.staying:
            detail += " " + row.staying
        pdf.set_x(pdf.l_margin + 4)
        pdf.multi_cell(pdf.body_width - 4, 4.5, detail, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
