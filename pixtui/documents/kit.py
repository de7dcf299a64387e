"""Kit surveillant: the cover page an invigilator takes into the room (SPEC B5, D2, D5).

The full kit carries the session password and the candidates' access code in large type; the
public variant, meant to be pinned outside the room, carries neither, nor anything about a
pupil's extra time or aid (health-related data of minors): only who sits in which room.
"""

from __future__ import annotations

from collections.abc import Sequence

from pixtui.documents.attendance import session_fields, session_title_lines, title_band
from pixtui.documents.formatting import (
    accommodations,
    classes_of,
    enrolled,
    extra_time_label,
    format_date,
    format_duration,
    full_name,
    personal_test_minutes,
    session_number,
)
from pixtui.documents.layout import (
    PAD,
    Block,
    Column,
    DocumentPDF,
    FittedText,
    PageFormat,
    Section,
    draw_fitted,
    draw_header_row,
    field_grid,
    fit_text,
    header_row_height,
    heading_block,
    line_height,
    paragraph_block,
    row_block,
    spacer,
)
from pixtui.documents.render import render_document
from pixtui.domain.clock import Clock
from pixtui.domain.models import Candidate, SchoolSettings, Session
from pixtui.i18n import t

STEP_KEYS = tuple(f"documents.kit.step.{index}" for index in range(1, 9))
"""The invigilator's steps during the session (seed deck, « Pendant la session »), in our words."""


def kit_section(
    pdf: DocumentPDF,
    settings: SchoolSettings,
    session: Session,
    candidates: Sequence[Candidate],
    *,
    public: bool = False,
    footer_note: str = "",
) -> Section:
    people = enrolled(candidates)
    school, marker = session_title_lines(settings, session)
    title = t("documents.kit.public_title") if public else t("documents.kit.title")
    band = title_band(pdf, 0, title, school, marker, draw=False)

    def header(pdf: DocumentPDF, y: float) -> None:
        title_band(pdf, y, title, school, marker)

    grid = [
        *session_fields(settings, session),
        [
            (t("documents.field.classes"), ", ".join(classes_of(people))),
            (t("documents.field.enrolled"), str(len(people))),
            (t("documents.field.test_duration"), format_duration(settings.test_minutes)),
        ],
    ]
    if session.description.strip() and not public:
        grid.append([(t("documents.field.observations"), session.description.strip())])
    grid_height = field_grid(pdf, 0, 0, pdf.body_width, grid, draw=False)

    def draw_grid(pdf: DocumentPDF, y: float) -> None:
        field_grid(pdf, pdf.l_margin, y, pdf.body_width, grid)

    blocks: list[Block] = [Block(grid_height + 4, draw_grid)]
    if public:
        blocks.append(_notice_block(pdf, t("documents.kit.public_notice")))
        blocks.extend(_public_list(pdf, people))
    else:
        blocks.append(_codes_block(pdf, session))
        blocks.append(heading_block(pdf, t("documents.kit.steps_heading")))
        for index, key in enumerate(STEP_KEYS, start=1):
            text = t(key, duration=format_duration(settings.test_minutes))
            blocks.append(_step_block(pdf, index, text))
        blocks.extend(_extra_time_blocks(pdf, settings, session, people))
    footer_key = "documents.kit.public_footer" if public else "documents.kit.footer"
    return Section(
        footer_title=t(footer_key, number=session_number(session), date=format_date(session.date)),
        header_height=band,
        header=header,
        blocks=blocks,
        footer_note=footer_note,
    )


def _codes_block(pdf: DocumentPDF, session: Session) -> Block:
    """Password (to open the Espace Surveillant) and access code (for the room), large."""
    missing = t("documents.kit.code_missing")
    password = session.invigilator_password.strip()
    code = session.access_code.strip()
    height = 42.0

    def draw(pdf: DocumentPDF, y: float) -> None:
        gap = 4.0
        left_width = pdf.body_width * 0.40
        right_width = pdf.body_width - left_width - gap
        for x, width, label, value, hint, size in (
            (
                pdf.l_margin,
                left_width,
                t("documents.kit.password_label"),
                password,
                t("documents.kit.password_hint"),
                24,
            ),
            (
                pdf.l_margin + left_width + gap,
                right_width,
                t("documents.kit.access_code_label"),
                code,
                t("documents.kit.access_code_hint"),
                44,
            ),
        ):
            pdf.set_line_width(0.8)
            pdf.rect(x, y, width, height - 4)
            label_fit = fit_text(
                pdf, label, width - 2 * PAD - 2, size=9, min_size=7, max_lines=1, bold=True
            )
            draw_fitted(
                pdf,
                label_fit,
                x + PAD + 1,
                y + PAD,
                width - 2 * PAD - 2,
                line_height(9),
                valign="T",
            )
            shown = value or missing
            value_fit = fit_text(
                pdf,
                shown,
                width - 2 * PAD - 2,
                size=size if value else 11,
                min_size=9,
                max_lines=2,
                bold=True,
            )
            draw_fitted(
                pdf,
                value_fit,
                x + PAD + 1,
                y + PAD + line_height(9),
                width - 2 * PAD - 2,
                height - 4 - 2 * PAD - line_height(9) - 2 * line_height(7),
                align="C",
            )
            hint_fit = fit_text(pdf, hint, width - 2 * PAD - 2, size=7, min_size=6.5, max_lines=2)
            pdf.set_text_color(90, 90, 90)
            draw_fitted(
                pdf,
                hint_fit,
                x + PAD + 1,
                y + height - 4 - PAD - 2 * line_height(7),
                width - 2 * PAD - 2,
                2 * line_height(7),
                align="C",
                valign="B",
            )
            pdf.set_text_color(0, 0, 0)
        pdf.set_line_width(0.25)

    return Block(height, draw)


def _step_block(pdf: DocumentPDF, number: int, text: str) -> Block:
    size = 9.0
    indent = 7.0
    pdf.use(size)
    body = paragraph_block(pdf, text, size=size, indent=indent, space_after=1.2)

    def draw(pdf: DocumentPDF, y: float) -> None:
        pdf.use(size, bold=True)
        pdf.set_xy(pdf.l_margin, y)
        pdf.cell(indent, line_height(size), f"{number}.")
        body.draw(pdf, y)

    return Block(body.height, draw)


def _notice_block(pdf: DocumentPDF, text: str) -> Block:
    inner = paragraph_block(pdf, text, size=9.5, bold=True, indent=3, space_after=0)
    height = inner.height + 5

    def draw(pdf: DocumentPDF, y: float) -> None:
        pdf.set_fill_color(240, 240, 240)
        pdf.rect(pdf.l_margin, y, pdf.body_width, height - 2, style="F")
        inner.draw(pdf, y + 1.5)

    return Block(height + 2, draw)


def _table_header_block(pdf: DocumentPDF, columns: Sequence[Column]) -> Block:
    height = header_row_height(pdf, columns)
    return Block(
        height,
        lambda pdf, y: draw_header_row(pdf, columns, pdf.l_margin, y, height),
        keep_with_next=True,
    )


def _extra_time_blocks(
    pdf: DocumentPDF, settings: SchoolSettings, session: Session, people: Sequence[Candidate]
) -> list[Block]:
    """Candidates with extra time or an accommodation, their own test duration (Pix leaves this
    sum to the invigilator; SPEC §3 has pixtui do it) and their aid, accessibility and language
    notes: these stay in the invigilator's kit, never on the sheet every pupil signs."""
    blocks = [heading_block(pdf, t("documents.kit.extra_time_heading"))]
    with_extra = [c for c in people if c.extra_time_ratio > 0 or accommodations(c)]
    if not with_extra:
        blocks.append(paragraph_block(pdf, t("documents.kit.no_extra_time"), size=9))
        return blocks
    blocks.append(
        paragraph_block(
            pdf,
            t("documents.kit.extra_time_intro", duration=format_duration(settings.test_minutes)),
            size=8.5,
            space_after=2,
            keep_with_next=True,
        )
    )
    width = pdf.body_width
    columns = [
        Column(t("documents.kit.col.candidate"), width * 0.40, bold=True),
        Column(t("documents.attendance.col.class"), width * 0.12, align="C"),
        Column(t("documents.attendance.col.extra_time"), width * 0.14, align="C", bold=True),
        Column(t("documents.kit.col.duration"), width * 0.14, align="C", bold=True),
        Column(t("documents.kit.col.aid"), width * 0.20, size=7.5, min_size=6, max_lines=4),
    ]
    blocks.append(_table_header_block(pdf, columns))
    for candidate in with_extra:
        minutes = personal_test_minutes(settings.test_minutes, candidate.extra_time_ratio)
        aid = accommodations(candidate)
        blocks.append(
            row_block(
                pdf,
                columns,
                [
                    full_name(candidate),
                    candidate.division.strip(),
                    extra_time_label(candidate.extra_time_ratio) or "–",
                    format_duration(minutes),
                    aid,
                ],
            )
        )
    return blocks


def _public_list(pdf: DocumentPDF, people: Sequence[Candidate]) -> list[Block]:
    blocks: list[Block] = [heading_block(pdf, t("documents.kit.public_list_heading"))]
    if not people:
        blocks.append(
            paragraph_block(pdf, t("documents.attendance.no_candidates"), size=10, bold=True)
        )
        return blocks
    # Two columns of « NOM Prénom — classe » so that 40 names fit on the single posted page.
    half = -(-len(people) // 2)
    left, right = people[:half], people[half:]
    column_width = (pdf.body_width - 6) / 2
    size = 9.5
    for index in range(half):
        pair = [left[index], right[index] if index < len(right) else None]
        fits: list[FittedText | None] = [
            fit_text(
                pdf,
                f"{full_name(c)} — {c.division.strip()}" if c.division.strip() else full_name(c),
                column_width - 2,
                size=size,
                min_size=6.5,
                max_lines=2,
            )
            if c is not None
            else None
            for c in pair
        ]
        height = max(f.height for f in fits if f is not None) + 1.6

        def draw(
            pdf: DocumentPDF, y: float, fits: list[FittedText | None] = fits, height: float = height
        ) -> None:
            for column, fitted in enumerate(fits):
                if fitted is None:
                    continue
                x = pdf.l_margin + column * (column_width + 6)
                draw_fitted(pdf, fitted, x + 1, y, column_width - 2, height)
                pdf.set_draw_color(200, 200, 200)
                pdf.line(x, y + height, x + column_width, y + height)
                pdf.set_draw_color(0, 0, 0)

        blocks.append(Block(height, draw))
    blocks.append(spacer(2))
    return blocks


def invigilator_kit(
    settings: SchoolSettings,
    session: Session,
    candidates: Sequence[Candidate],
    *,
    clock: Clock,
    public: bool = False,
    page_format: PageFormat = "A4",
) -> bytes:
    """Kit surveillant of one session as a PDF; ``public=True`` leaves out every code."""
    return render_document(
        settings,
        clock,
        page_format,
        lambda pdf, note: [
            kit_section(pdf, settings, session, candidates, public=public, footer_note=note)
        ],
    )
