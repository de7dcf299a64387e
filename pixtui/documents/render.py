"""Turning sections into PDF bytes, with the « édité le » note from the injected clock."""

from __future__ import annotations

from collections.abc import Callable

from pixtui.documents.formatting import format_clock, format_date, school_zone
from pixtui.documents.layout import DocumentPDF, PageFormat, Section, render_section
from pixtui.domain.clock import Clock
from pixtui.domain.models import SchoolSettings
from pixtui.i18n import t

SectionBuilder = Callable[[DocumentPDF, str], list[Section]]
"""Builds the sections of a document, given the PDF (to measure text) and the footer note."""


def render_document(
    settings: SchoolSettings, clock: Clock, page_format: PageFormat, build: SectionBuilder
) -> bytes:
    now = clock.now()
    zone = school_zone(settings)
    pdf = DocumentPDF(page_format, created_at=now)
    note = t(
        "documents.footer.generated",
        date=format_date(now.astimezone(zone).date()),
        time=format_clock(now, zone),
    )
    for section in build(pdf, note):
        render_section(pdf, section)
    return bytes(pdf.output())
