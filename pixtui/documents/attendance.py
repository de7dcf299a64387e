"""Feuille d'émargement: one row per enrolled candidate with a box to sign (SPEC B5, D1).

Every pupil signs it, so it shows only what Pix's own sheet shows: name, first name, birthdate,
class and extra time (1024pix/pix ``CertificationCandidateForAttendanceSheet.js``: lastName,
firstName, birthdate, externalId or division, extraTimePercentage). Accessibility, human aid
and language notes are health and personal data of minors: they go to the invigilator's kit
only (:mod:`pixtui.documents.kit`).
"""

from __future__ import annotations

from collections.abc import Sequence

from pixtui.documents.formatting import (
    classes_of,
    enrolled,
    examiners_text,
    extra_time_label,
    format_date,
    format_long_date,
    format_time,
    session_number,
    slot_end,
)
from pixtui.documents.layout import (
    Block,
    Column,
    DocumentPDF,
    Draw,
    PageFormat,
    Section,
    draw_fitted,
    draw_header_row,
    field_grid,
    fit_text,
    header_row_height,
    line_height,
    row_block,
    spacer,
)
from pixtui.documents.render import render_document
from pixtui.domain.clock import Clock
from pixtui.domain.models import Candidate, SchoolSettings, Session
from pixtui.i18n import t

ROW_HEIGHT = 10.0  # room for a handwritten signature


def _columns() -> list[Column]:
    return [
        Column(t("documents.attendance.col.number"), 7, align="C", size=8),
        Column(t("documents.attendance.col.last_name"), 38, bold=True, max_lines=4),
        Column(t("documents.attendance.col.first_name"), 30, max_lines=4),
        Column(t("documents.attendance.col.class"), 14, align="C", size=8.5),
        Column(t("documents.attendance.col.birthdate"), 20, align="C", size=8.5),
        Column(t("documents.attendance.col.extra_time"), 14, align="C", size=8.5, bold=True),
        Column(t("documents.attendance.col.signature"), 59),
    ]


def session_title_lines(settings: SchoolSettings, session: Session) -> tuple[str, str]:
    """School line and the rehearsal marker shared by the documents' headers."""
    school = settings.name.strip() or t("documents.value.unknown")
    if settings.uai.strip():
        school = t("documents.header.school_uai", school=school, uai=settings.uai.strip())
    marker = t("documents.header.rehearsal") if session.rehearsal else ""
    return school, marker


def times_field(settings: SchoolSettings, session: Session) -> tuple[str, str]:
    """The « times » cell of a session's field grid: start–end, empty without a start time."""
    start, end = format_time(session.start_time), format_time(slot_end(session, settings))
    return (
        t("documents.field.times"),
        t("documents.value.time_range", start=start, end=end) if start else "",
    )


def session_fields(settings: SchoolSettings, session: Session) -> list[list[tuple[str, str]]]:
    """Number, date, times / site, room, examiners: the field-grid rows the PV and the kit share."""
    return [
        [
            (t("documents.field.session_number"), session_number(session)),
            (t("documents.field.date"), format_long_date(session.date)),
            times_field(settings, session),
        ],
        [
            (t("documents.field.site"), session.site.strip()),
            (t("documents.field.room"), session.room.strip()),
            (t("documents.field.examiners", count=len(session.examiners)), examiners_text(session)),
        ],
    ]


def table_page_header(
    pdf: DocumentPDF,
    title: str,
    school: str,
    marker: str,
    grid: Sequence[Sequence[tuple[str, str]]],
    columns: Sequence[Column],
) -> tuple[float, Draw]:
    """Title band, field grid and the table's column headings, repeated on every page.

    Returns the header's height and the function drawing it.
    """
    band = title_band(pdf, 0, title, school, marker, draw=False)
    grid_height = field_grid(pdf, 0, 0, pdf.body_width, grid, draw=False)
    columns_height = header_row_height(pdf, columns)
    gap = 3.0

    def header(pdf: DocumentPDF, y: float) -> None:
        title_band(pdf, y, title, school, marker)
        field_grid(pdf, pdf.l_margin, y + band, pdf.body_width, grid)
        draw_header_row(pdf, columns, pdf.l_margin, y + band + grid_height + gap, columns_height)

    return band + grid_height + gap + columns_height, header


def title_band(
    pdf: DocumentPDF, y: float, title: str, school: str, marker: str, *, draw: bool = True
) -> float:
    """Title on the left, school on the right, rehearsal marker under; returns its height."""
    title_size = 15.0
    height = line_height(title_size) + (line_height(8) if marker else 0) + 2.5
    if not draw:
        return height
    school_width = pdf.body_width * 0.42
    title_fit = fit_text(
        pdf,
        title,
        pdf.body_width - school_width - 3,
        size=title_size,
        min_size=10,
        max_lines=1,
        bold=True,
    )
    draw_fitted(
        pdf, title_fit, pdf.l_margin, y, pdf.body_width - school_width - 3, line_height(title_size)
    )
    school_fit = fit_text(pdf, school, school_width, size=9, min_size=6.5, max_lines=2, bold=True)
    draw_fitted(
        pdf,
        school_fit,
        pdf.w - pdf.r_margin - school_width,
        y,
        school_width,
        line_height(title_size),
        align="R",
    )
    if marker:
        pdf.set_text_color(170, 0, 0)
        marker_fit = fit_text(
            pdf, marker, pdf.body_width, size=8, min_size=6, max_lines=1, bold=True
        )
        draw_fitted(
            pdf,
            marker_fit,
            pdf.l_margin,
            y + line_height(title_size),
            pdf.body_width,
            line_height(8),
        )
        pdf.set_text_color(0, 0, 0)
    return height


def attendance_section(
    pdf: DocumentPDF,
    settings: SchoolSettings,
    session: Session,
    candidates: Sequence[Candidate],
    *,
    footer_note: str = "",
) -> Section:
    """The attendance sheet as a section (header repeated on every page, « Page n / N »)."""
    people = enrolled(candidates)
    columns = _columns()
    school, marker = session_title_lines(settings, session)
    title = t("documents.attendance.title")
    grid = [
        [
            (t("documents.field.session_number"), session_number(session)),
            (t("documents.field.date"), format_long_date(session.date)),
            times_field(settings, session),
            (t("documents.field.room"), session.room.strip()),
        ],
        [
            (t("documents.field.site"), session.site.strip()),
            (t("documents.field.examiners", count=len(session.examiners)), examiners_text(session)),
            (t("documents.field.classes"), ", ".join(classes_of(people))),
            (t("documents.field.enrolled"), str(len(people))),
        ],
    ]
    header_height, header = table_page_header(pdf, title, school, marker, grid, columns)
    blocks: list[Block] = []
    for index, candidate in enumerate(people, start=1):
        values = [
            str(index),
            candidate.last_name.strip().upper(),
            candidate.first_name.strip(),
            candidate.division.strip(),
            format_date(candidate.birthdate),
            extra_time_label(candidate.extra_time_ratio),
            "",
        ]
        blocks.append(row_block(pdf, columns, values, min_height=ROW_HEIGHT))
    if not people:
        blocks.append(_empty_row(pdf, t("documents.attendance.no_candidates")))
    blocks.append(spacer(5))
    blocks.append(_count_line(pdf))
    blocks.append(_examiner_signatures(pdf, session))
    return Section(
        footer_title=t(
            "documents.attendance.footer",
            number=session_number(session),
            date=format_date(session.date),
        ),
        header_height=header_height,
        header=header,
        blocks=blocks,
        footer_note=footer_note,
    )


def _empty_row(pdf: DocumentPDF, text: str) -> Block:
    height = 12.0

    def draw(pdf: DocumentPDF, y: float) -> None:
        pdf.set_line_width(0.25)
        pdf.rect(pdf.l_margin, y, pdf.body_width, height)
        fitted = fit_text(
            pdf, text, pdf.body_width - 4, size=10, min_size=8, max_lines=2, bold=True
        )
        draw_fitted(pdf, fitted, pdf.l_margin + 2, y, pdf.body_width - 4, height, align="C")

    return Block(height, draw)


def _count_line(pdf: DocumentPDF) -> Block:
    """« Nombre de présents : ___ » and the absents, filled in by hand at the end."""
    size = 10.5
    height = line_height(size) + 4

    def draw(pdf: DocumentPDF, y: float) -> None:
        pdf.use(size, bold=True)
        half = pdf.body_width / 2
        for index, key in enumerate(
            ("documents.attendance.present_count", "documents.attendance.absent_count")
        ):
            label = t(key)
            x = pdf.l_margin + index * half
            pdf.set_xy(x, y)
            pdf.cell(pdf.width_of(label) + 1, line_height(size), label)
            line_y = y + line_height(size) - 0.6
            pdf.set_line_width(0.3)
            pdf.line(x + pdf.width_of(label) + 2, line_y, x + half - 8, line_y)

    return Block(height, draw, keep_with_next=True)


def _examiner_signatures(pdf: DocumentPDF, session: Session) -> Block:
    """One box per invigilator (at least one) for name and signature."""
    names = [name.strip() for name in session.examiners if name.strip()] or [""]
    per_row = min(3, len(names))
    rows = -(-len(names) // per_row)
    box_height = 20.0
    label_height = line_height(8) + 1.5
    height = label_height + rows * (box_height + 2)

    def draw(pdf: DocumentPDF, y: float) -> None:
        pdf.use(8, bold=True)
        pdf.set_xy(pdf.l_margin, y)
        pdf.cell(pdf.body_width, line_height(8), t("documents.attendance.examiner_signatures"))
        width = (pdf.body_width - (per_row - 1) * 3) / per_row
        for index, name in enumerate(names):
            row, col = divmod(index, per_row)
            x = pdf.l_margin + col * (width + 3)
            top = y + label_height + row * (box_height + 2)
            pdf.set_line_width(0.25)
            pdf.rect(x, top, width, box_height)
            if name:
                fitted = fit_text(pdf, name, width - 2 * 1.5, size=8, min_size=6, max_lines=1)
                draw_fitted(pdf, fitted, x + 1.5, top + 1, width - 3, fitted.height, valign="T")

    return Block(height, draw)


def attendance_sheet(
    settings: SchoolSettings,
    session: Session,
    candidates: Sequence[Candidate],
    *,
    clock: Clock,
    page_format: PageFormat = "A4",
) -> bytes:
    """Feuille d'émargement of one session as a PDF."""
    return render_document(
        settings,
        clock,
        page_format,
        lambda pdf, note: [
            attendance_section(pdf, settings, session, candidates, footer_note=note)
        ],
    )
