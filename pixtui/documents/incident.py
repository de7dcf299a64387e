"""PV d'incident: blank lines to fill in the room, pre-filled with what the room log recorded.

The pre-filled form lists, for every candidate, the issue reports written in the room and the
live alerts validated with an E reason, in time order (Europe/Paris). Blank lines always
follow, so the invigilator can add what happened off-screen.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from pixtui.documents.attendance import session_fields, session_title_lines, table_page_header
from pixtui.documents.formatting import (
    enrolled,
    format_clock,
    format_date,
    full_name,
    school_zone,
    session_number,
)
from pixtui.documents.layout import (
    Block,
    Column,
    DocumentPDF,
    PageFormat,
    Section,
    draw_fitted,
    fit_text,
    heading_block,
    line_height,
    paginate,
    paragraph_block,
    row_block,
    spacer,
)
from pixtui.documents.render import render_document
from pixtui.domain.clock import Clock
from pixtui.domain.enums import FINALISATION_CODES, ISSUE_REPORT_CODES, LiveAlertStatus
from pixtui.domain.labels import issue_code_label
from pixtui.domain.models import Candidate, SchoolSettings, Session
from pixtui.i18n import t

BLANK_ROW_HEIGHT = 12.0
MIN_BLANK_ROWS = 5


@dataclass(frozen=True)
class IncidentEntry:
    """One line of the pre-filled PV."""

    at: datetime | None
    candidate: str
    division: str
    code: str
    description: str
    question_number: int | None = None


def code_label(code: str) -> str:
    """Pix's meaning of an issue report code, worded as in the app; « » for an unknown one."""
    return issue_code_label(code) if code.strip().upper() in ISSUE_REPORT_CODES else ""


def candidate_entries(candidate: Candidate) -> list[IncidentEntry]:
    """One candidate's issue reports and validated live alerts, oldest first.

    A validated alert that the room screen also recorded as a ``source="live"`` issue report
    (same code and question) is listed once.
    """
    name = full_name(candidate)
    division = candidate.division.strip()
    entries: list[IncidentEntry] = []
    recorded_live: Counter[tuple[str, int | None]] = Counter()
    for report in candidate.issue_reports:
        code = report.code.strip()
        entries.append(
            IncidentEntry(
                report.created_at,
                name,
                division,
                code,
                report.description.strip(),
                report.question_number,
            )
        )
        if report.source == "live":
            recorded_live[(code, report.question_number)] += 1
    for alert in candidate.alerts:
        if alert.status != LiveAlertStatus.VALIDATED or not alert.reason_code:
            continue
        key = (alert.reason_code.strip(), alert.question_number)
        if recorded_live[key]:
            recorded_live[key] -= 1
            continue
        entries.append(
            IncidentEntry(
                alert.handled_at or alert.raised_at,
                name,
                division,
                key[0],
                "",
                alert.question_number,
            )
        )
    return _chronological(entries)


def incident_entries(candidates: Sequence[Candidate]) -> list[IncidentEntry]:
    """The entries of every enrolled candidate, oldest first (undated ones last)."""
    return _chronological(
        [entry for candidate in enrolled(candidates) for entry in candidate_entries(candidate)]
    )


def _chronological(entries: list[IncidentEntry]) -> list[IncidentEntry]:
    return sorted(
        entries, key=lambda e: (e.at is None, e.at.timestamp() if e.at else 0.0, e.candidate)
    )


def _columns(width: float) -> list[Column]:
    return [
        Column(t("documents.incident.col.time"), 14, align="C", size=8.5),
        Column(t("documents.incident.col.candidate"), 44, size=8.5, bold=True),
        Column(t("documents.incident.col.code"), 12, align="C", size=9, bold=True),
        Column(t("documents.incident.col.nature"), 44, size=7.5, min_size=6, max_lines=3),
        Column(
            t("documents.incident.col.description"), width - 114, size=8, min_size=6, max_lines=8
        ),
    ]


def _entry_values(entry: IncidentEntry, zone: ZoneInfo) -> list[str]:
    candidate = f"{entry.candidate} ({entry.division})" if entry.division else entry.candidate
    description = entry.description
    if entry.question_number is not None:
        question = t("documents.incident.question", number=entry.question_number)
        description = f"{question} — {description}" if description else question
    return [
        format_clock(entry.at, zone),
        candidate,
        entry.code,
        code_label(entry.code),
        description,
    ]


def incident_section(
    pdf: DocumentPDF,
    settings: SchoolSettings,
    session: Session,
    candidates: Sequence[Candidate],
    *,
    prefilled: bool = True,
    footer_note: str = "",
) -> Section:
    zone = school_zone(settings)
    school, marker = session_title_lines(settings, session)
    title = t("documents.incident.title")
    grid = session_fields(settings, session)
    columns = _columns(pdf.body_width)
    header_height, header = table_page_header(pdf, title, school, marker, grid, columns)
    entries = incident_entries(candidates) if prefilled else []
    rows = [row_block(pdf, columns, _entry_values(entry, zone), min_height=8) for entry in entries]
    if prefilled and not entries:
        rows.append(_note_row(pdf, t("documents.incident.none_recorded")))
    blank = row_block(pdf, columns, [""] * len(columns), min_height=BLANK_ROW_HEIGHT)
    tail = [spacer(4), *_legend_blocks(pdf), _signature_block(pdf)]
    blank_count = MIN_BLANK_ROWS
    available = pdf.body_height(header_height)
    pages = len(paginate([*rows, *[blank] * blank_count, *tail], available))
    # Fill the last page with lines to write on, without adding a page.
    while len(paginate([*rows, *[blank] * (blank_count + 1), *tail], available)) == pages:
        blank_count += 1
    return Section(
        footer_title=t(
            "documents.incident.footer",
            number=session_number(session),
            date=format_date(session.date),
        ),
        header_height=header_height,
        header=header,
        blocks=[*rows, *[blank] * blank_count, *tail],
        footer_note=footer_note,
    )


def _note_row(pdf: DocumentPDF, text: str) -> Block:
    height = 8.0

    def draw(pdf: DocumentPDF, y: float) -> None:
        pdf.set_line_width(0.25)
        pdf.rect(pdf.l_margin, y, pdf.body_width, height)
        fitted = fit_text(pdf, text, pdf.body_width - 4, size=8.5, min_size=7, max_lines=1)
        draw_fitted(pdf, fitted, pdf.l_margin + 2, y, pdf.body_width - 4, height, align="C")

    return Block(height, draw)


def _legend_blocks(pdf: DocumentPDF) -> list[Block]:
    """The finalisation codes with their meaning, so a hand-written line gets the right code."""
    blocks = [heading_block(pdf, t("documents.incident.legend_heading"), size=9, space_before=1)]
    size = 7.5
    half = (pdf.body_width - 4) / 2
    codes = list(FINALISATION_CODES)
    for index in range(0, len(codes), 2):
        pair = codes[index : index + 2]
        fits = [
            fit_text(pdf, f"{code} : {code_label(code)}", half, size=size, min_size=6, max_lines=2)
            for code in pair
        ]
        height = max(f.height for f in fits) + 0.8

        def draw(pdf: DocumentPDF, y: float, fits: list = fits, height: float = height) -> None:
            for column, fitted in enumerate(fits):
                draw_fitted(
                    pdf, fitted, pdf.l_margin + column * (half + 4), y, half, height, valign="T"
                )

        blocks.append(Block(height, draw, keep_with_next=True))
    blocks.append(
        paragraph_block(
            pdf, t("documents.incident.legend_live"), size=7.5, space_after=3, keep_with_next=True
        )
    )
    return blocks


def _signature_block(pdf: DocumentPDF) -> Block:
    box = 18.0
    label = line_height(8.5) + 1.5

    def draw(pdf: DocumentPDF, y: float) -> None:
        half = (pdf.body_width - 4) / 2
        for column, key in enumerate(
            ("documents.incident.signature_examiners", "documents.incident.signature_received")
        ):
            x = pdf.l_margin + column * (half + 4)
            fitted = fit_text(pdf, t(key), half, size=8.5, min_size=7, max_lines=1, bold=True)
            draw_fitted(pdf, fitted, x, y, half, line_height(8.5), valign="T")
            pdf.set_line_width(0.25)
            pdf.rect(x, y + label, half, box)

    return Block(label + box, draw)


def incident_report(
    settings: SchoolSettings,
    session: Session,
    candidates: Sequence[Candidate],
    *,
    clock: Clock,
    prefilled: bool = True,
    page_format: PageFormat = "A4",
) -> bytes:
    """PV d'incident of one session as a PDF; ``prefilled=False`` gives the blank form."""
    return render_document(
        settings,
        clock,
        page_format,
        lambda pdf, note: [
            incident_section(
                pdf, settings, session, candidates, prefilled=prefilled, footer_note=note
            )
        ],
    )
