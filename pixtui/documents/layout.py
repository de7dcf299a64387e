"""Page layout on top of fpdf2: a Unicode font, blocks paginated before drawing, fitted text.

Every document is a *section*: a header drawn on each of its pages, a list of blocks of known
height, and a footer with « Page n / N » counted within the section (a bundle holds several
sections, and an invigilator wants « 2 / 3 » of the attendance sheet, not of the whole bundle).
Heights are measured first and the blocks split into pages before anything is drawn, so N is
known when the first page is drawn and fpdf2's automatic page breaks are never used.

Geometry is in millimetres of an A4 page. On A3 the unit itself is enlarged (√2) and font
sizes are scaled by the same factor, so an A3 print is the A4 layout enlarged, never reflowed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

from fpdf import FPDF

from pixtui.documents.errors import DocumentError
from pixtui.domain.text import safe_text
from pixtui.i18n import t

PageFormat = Literal["A4", "A3"]
PAGE_FORMATS: tuple[PageFormat, ...] = ("A4", "A3")

FONT = "DejaVu"
FONT_DIR = Path(__file__).parent / "fonts"
PT_PER_MM = 72 / 25.4
MM_PER_PT = 25.4 / 72
LINE_SPACING = 1.22  # line height as a multiple of the font size
MARGIN = 14.0
FOOTER_HEIGHT = 11.0
PAD = 1.4  # inner padding of a table cell
ELLIPSIS = "…"

_A3_SCALE = 297 / 210

GREY_FILL = (232, 232, 232)
DARK = (0, 0, 0)
MUTED = (90, 90, 90)


def line_height(size: float) -> float:
    """Height in mm of one line of text of ``size`` points (A4 points: scaled with the page)."""
    return size * MM_PER_PT * LINE_SPACING


class DocumentPDF(FPDF):
    """An fpdf2 document with pixtui's font, margins and section footer."""

    def __init__(
        self, page_format: PageFormat = "A4", *, created_at: datetime | None = None
    ) -> None:
        page_format = str(page_format).upper()  # type: ignore[assignment]
        if page_format not in PAGE_FORMATS:
            raise DocumentError(t("documents.error.page_format", format=page_format))
        self.scale = 1.0 if page_format == "A4" else _A3_SCALE
        super().__init__(
            orientation="portrait", unit=PT_PER_MM * self.scale, format=page_format.lower()
        )
        # Totals are computed by our own pagination; an alias would also rewrite "{nb}" typed
        # in a pupil's name or a comment.
        self.alias_nb_pages(None)  # type: ignore[arg-type]
        self.set_auto_page_break(False)
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.c_margin = 0
        self.add_font(FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.set_creator("pixtui")
        self.set_lang("fr")
        if created_at is not None:
            self.set_creation_date(created_at)
        self.use(10)

    def normalize_text(self, text: str) -> str:
        """Every text fpdf2 measures or writes passes here: no control or bidi character
        (a name from an old record or a hand-edited file) ever reaches the PDF."""
        return super().normalize_text(safe_text(text, multiline=True))

    # --- fonts and text measuring ---------------------------------------------------------

    def use(self, size: float, bold: bool = False) -> None:
        """Select the font at ``size`` A4 points (scaled on A3)."""
        self.set_font(FONT, "B" if bold else "", size * self.scale)

    def width_of(self, text: str) -> float:
        return self.get_string_width(text)

    @property
    def body_top(self) -> float:
        return self.t_margin

    @property
    def body_width(self) -> float:
        return self.w - self.l_margin - self.r_margin

    def body_height(self, header_height: float) -> float:
        """Room left for blocks on a page under a header of ``header_height``."""
        return self.h - self.t_margin - self.b_margin - FOOTER_HEIGHT - header_height


# --- text fitting ---------------------------------------------------------------------------

_BREAKS = re.compile(r"(?<=[\s\-‐/])")


def wrap(pdf: DocumentPDF, text: str, width: float) -> list[str]:
    """Greedy word wrap with the current font; a word wider than ``width`` is cut."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        current = ""
        for piece in _BREAKS.split(paragraph):
            if not piece:
                continue
            candidate = current + piece
            if pdf.width_of(candidate.rstrip()) <= width:
                current = candidate
                continue
            if current.strip():
                lines.append(current.rstrip())
            current = ""
            # A single piece longer than the line (a 40-letter name): cut it by characters.
            for char in piece:
                if pdf.width_of((current + char).rstrip()) <= width or not current:
                    current += char
                else:
                    lines.append(current.rstrip())
                    current = char
        lines.append(current.rstrip())
    return lines


def _truncate(pdf: DocumentPDF, line: str, width: float) -> str:
    while line and pdf.width_of(line + ELLIPSIS) > width:
        line = line[:-1]
    return line.rstrip() + ELLIPSIS


@dataclass(frozen=True)
class FittedText:
    """Text shrunk and/or wrapped to a width: what to draw and how tall it is."""

    lines: tuple[str, ...]
    size: float
    bold: bool = False

    @property
    def height(self) -> float:
        return len(self.lines) * line_height(self.size)


def fit_text(
    pdf: DocumentPDF,
    text: str,
    width: float,
    *,
    size: float = 9.0,
    min_size: float = 6.5,
    max_lines: int = 3,
    bold: bool = False,
) -> FittedText:
    """Fit ``text`` in ``width``: one line, shrinking down to ``min_size``; else wrapped at
    ``min_size`` on at most ``max_lines`` lines, the last one ending with « … ». Never wider."""
    text = " ".join(text.split()) if "\n" not in text else text.strip()
    step = size
    while step >= min_size:
        pdf.use(step, bold)
        if "\n" not in text and pdf.width_of(text) <= width:
            return FittedText((text,), step, bold)
        step = round(step - 0.5, 2)
    pdf.use(min_size, bold)
    lines = wrap(pdf, text, width)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _truncate(pdf, lines[-1], width)
    return FittedText(tuple(lines), min_size, bold)


def draw_fitted(
    pdf: DocumentPDF,
    fitted: FittedText,
    x: float,
    y: float,
    width: float,
    height: float,
    *,
    align: str = "L",
    valign: str = "M",
) -> None:
    """Draw fitted lines inside the box (x, y, width, height)."""
    pdf.use(fitted.size, fitted.bold)
    step = line_height(fitted.size)
    if valign == "M":
        top = y + (height - fitted.height) / 2
    elif valign == "B":
        top = y + height - fitted.height
    else:
        top = y
    for index, line in enumerate(fitted.lines):
        pdf.set_xy(x, top + index * step)
        pdf.cell(width, step, line, align=align)


# --- blocks and pagination ------------------------------------------------------------------

Draw = Callable[[DocumentPDF, float], None]


@dataclass
class Block:
    """Something of a known height drawn at a given top ``y`` across the body width."""

    height: float
    draw: Draw
    keep_with_next: bool = False


def spacer(height: float) -> Block:
    return Block(height, lambda pdf, y: None)


def paginate(blocks: Sequence[Block], available: float) -> list[list[Block]]:
    """Split blocks into pages of at most ``available`` height; a chain of ``keep_with_next``
    blocks moves to the next page as a whole when it does not fit. Always at least one page."""
    pages: list[list[Block]] = [[]]
    used = 0.0
    index = 0
    while index < len(blocks):
        end = index
        while blocks[end].keep_with_next and end + 1 < len(blocks):
            end += 1
        group = blocks[index : end + 1]
        if used + sum(block.height for block in group) > available and pages[-1]:
            pages.append([])
            used = 0.0
        for block in group:
            if used + block.height > available and pages[-1]:
                pages.append([])
                used = 0.0
            pages[-1].append(block)
            used += block.height
        index = end + 1
    return pages


@dataclass
class Section:
    """One document inside a PDF: its header (drawn on each page), blocks and footer title."""

    footer_title: str
    header_height: float
    header: Draw
    blocks: list[Block] = field(default_factory=list)
    footer_note: str = ""


def render_section(pdf: DocumentPDF, section: Section) -> int:
    """Paginate and draw ``section`` on new pages; returns its number of pages."""
    pages = paginate(section.blocks, pdf.body_height(section.header_height))
    total = len(pages)
    for number, page in enumerate(pages, start=1):
        pdf.add_page()
        y = pdf.body_top
        section.header(pdf, y)
        y += section.header_height
        for block in page:
            block.draw(pdf, y)
            y += block.height
        draw_footer(pdf, section.footer_title, section.footer_note, number, total)
    return total


def draw_footer(pdf: DocumentPDF, title: str, note: str, number: int, total: int) -> None:
    top = pdf.h - pdf.b_margin - FOOTER_HEIGHT + 3
    pdf.set_draw_color(*MUTED)
    pdf.set_line_width(0.2)
    pdf.line(pdf.l_margin, top - 1.5, pdf.w - pdf.r_margin, top - 1.5)
    page_label = t("documents.footer.page", number=number, total=total)
    pdf.set_text_color(*MUTED)
    pdf.use(7.5, bold=True)
    label_width = pdf.width_of(page_label) + 2
    draw_fitted(
        pdf,
        FittedText((page_label,), 7.5, True),
        pdf.w - pdf.r_margin - label_width,
        top,
        label_width,
        line_height(7.5),
        align="R",
    )
    title_fit = fit_text(
        pdf, title, pdf.body_width - label_width - 4, size=7.5, min_size=6, max_lines=1
    )
    draw_fitted(
        pdf, title_fit, pdf.l_margin, top, pdf.body_width - label_width - 4, line_height(7.5)
    )
    if note:
        note_fit = fit_text(pdf, note, pdf.body_width, size=6.5, min_size=5.5, max_lines=1)
        draw_fitted(
            pdf, note_fit, pdf.l_margin, top + line_height(7.5), pdf.body_width, line_height(6.5)
        )
    pdf.set_text_color(*DARK)
    pdf.set_draw_color(*DARK)


# --- tables ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    title: str
    width: float  # mm
    align: str = "L"
    size: float = 9.0
    min_size: float = 6.5
    max_lines: int = 3
    bold: bool = False


def header_row_height(pdf: DocumentPDF, columns: Sequence[Column], size: float = 7.5) -> float:
    fitted = [
        fit_text(
            pdf, column.title, column.width - 2 * PAD, size=size, min_size=6, max_lines=2, bold=True
        )
        for column in columns
    ]
    return max(f.height for f in fitted) + 2 * PAD


def draw_header_row(
    pdf: DocumentPDF,
    columns: Sequence[Column],
    x: float,
    y: float,
    height: float,
    size: float = 7.5,
) -> None:
    pdf.set_fill_color(*GREY_FILL)
    pdf.set_line_width(0.25)
    for column in columns:
        pdf.rect(x, y, column.width, height, style="DF")
        fitted = fit_text(
            pdf, column.title, column.width - 2 * PAD, size=size, min_size=6, max_lines=2, bold=True
        )
        draw_fitted(pdf, fitted, x + PAD, y, column.width - 2 * PAD, height, align="C")
        x += column.width


def row_block(
    pdf: DocumentPDF, columns: Sequence[Column], values: Sequence[str], *, min_height: float = 7.0
) -> Block:
    """A table row: each value fitted in its column, the row as tall as its tallest cell."""
    fitted = [
        fit_text(
            pdf,
            value,
            column.width - 2 * PAD,
            size=column.size,
            min_size=column.min_size,
            max_lines=column.max_lines,
            bold=column.bold,
        )
        for column, value in zip(columns, values, strict=True)
    ]
    height = max(min_height, max(f.height for f in fitted) + 2 * PAD)

    def draw(pdf: DocumentPDF, y: float) -> None:
        x = pdf.l_margin
        pdf.set_line_width(0.25)
        for column, text in zip(columns, fitted, strict=True):
            pdf.rect(x, y, column.width, height)
            draw_fitted(pdf, text, x + PAD, y, column.width - 2 * PAD, height, align=column.align)
            x += column.width

    return Block(height, draw)


def paragraph_block(
    pdf: DocumentPDF,
    text: str,
    *,
    size: float = 9.5,
    bold: bool = False,
    indent: float = 0.0,
    space_after: float = 1.0,
    keep_with_next: bool = False,
    color: tuple[int, int, int] = DARK,
) -> Block:
    """Wrapped text over the body width (never shrunk: paragraphs are meant to be read)."""
    pdf.use(size, bold)
    width = pdf.body_width - indent
    lines = wrap(pdf, text, width)
    fitted = FittedText(tuple(lines), size, bold)

    def draw(pdf: DocumentPDF, y: float) -> None:
        pdf.set_text_color(*color)
        draw_fitted(pdf, fitted, pdf.l_margin + indent, y, width, fitted.height, valign="T")
        pdf.set_text_color(*DARK)

    return Block(fitted.height + space_after, draw, keep_with_next)


def heading_block(
    pdf: DocumentPDF, text: str, *, size: float = 11.0, space_before: float = 3.0
) -> Block:
    """A section heading with a rule under it; kept with what follows."""
    height = space_before + line_height(size) + 2.0

    def draw(pdf: DocumentPDF, y: float) -> None:
        fitted = fit_text(pdf, text, pdf.body_width, size=size, min_size=8, max_lines=1, bold=True)
        draw_fitted(
            pdf,
            fitted,
            pdf.l_margin,
            y + space_before,
            pdf.body_width,
            line_height(size),
            valign="T",
        )
        rule = y + space_before + line_height(size) + 0.6
        pdf.set_line_width(0.4)
        pdf.line(pdf.l_margin, rule, pdf.w - pdf.r_margin, rule)

    return Block(height, draw, keep_with_next=True)


def field_grid(
    pdf: DocumentPDF,
    x: float,
    y: float,
    width: float,
    rows: Sequence[Sequence[tuple[str, str]]],
    *,
    label_size: float = 6.5,
    value_size: float = 9.5,
    draw: bool = True,
) -> float:
    """Boxes of « label over value », several per row; returns the grid height.

    Called once with ``draw=False`` to measure (the header's height must be known before
    pagination), then again to draw.
    """
    top = y
    for row in rows:
        cell_width = width / len(row)
        fitted = [
            fit_text(
                pdf,
                value or "—",
                cell_width - 2 * PAD,
                size=value_size,
                min_size=6.5,
                max_lines=2,
                bold=True,
            )
            for _, value in row
        ]
        height = 2 * PAD + line_height(label_size) + max(f.height for f in fitted)
        if draw:
            pdf.set_line_width(0.25)
            for index, ((label, _), value_fit) in enumerate(zip(row, fitted, strict=True)):
                cell_x = x + index * cell_width
                pdf.rect(cell_x, y, cell_width, height)
                pdf.set_text_color(*MUTED)
                label_fit = fit_text(
                    pdf, label, cell_width - 2 * PAD, size=label_size, min_size=5.5, max_lines=1
                )
                draw_fitted(
                    pdf,
                    label_fit,
                    cell_x + PAD,
                    y + PAD,
                    cell_width - 2 * PAD,
                    line_height(label_size),
                    valign="T",
                )
                pdf.set_text_color(*DARK)
                draw_fitted(
                    pdf,
                    value_fit,
                    cell_x + PAD,
                    y + PAD + line_height(label_size),
                    cell_width - 2 * PAD,
                    value_fit.height,
                    valign="T",
                )
        y += height
    return y - top
