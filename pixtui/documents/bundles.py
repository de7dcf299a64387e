"""One PDF per session (kit + émargement + PV) and one PDF per day (every session of a date).

Pix Certif makes the referent download each session's documents one by one (reference §7,
issue 16294); a bundle is printed in one go. Each document keeps its own « Page n / N ».
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, time

from pixtui.documents.attendance import attendance_section, session_title_lines, title_band
from pixtui.documents.formatting import format_date, format_long_date
from pixtui.documents.incident import incident_section
from pixtui.documents.kit import kit_section
from pixtui.documents.layout import DocumentPDF, PageFormat, Section, paragraph_block
from pixtui.documents.render import render_document
from pixtui.domain.clock import Clock
from pixtui.domain.models import Candidate, SchoolSettings, Session
from pixtui.domain.names import name_key
from pixtui.i18n import t


def session_sections(
    pdf: DocumentPDF,
    settings: SchoolSettings,
    session: Session,
    candidates: Sequence[Candidate],
    *,
    footer_note: str = "",
    prefilled_incidents: bool = True,
) -> list[Section]:
    """Kit surveillant, feuille d'émargement, PV d'incident, in the order they are used."""
    return [
        kit_section(pdf, settings, session, candidates, footer_note=footer_note),
        attendance_section(pdf, settings, session, candidates, footer_note=footer_note),
        incident_section(
            pdf,
            settings,
            session,
            candidates,
            prefilled=prefilled_incidents,
            footer_note=footer_note,
        ),
    ]


def bundle_session(
    settings: SchoolSettings,
    session: Session,
    candidates: Sequence[Candidate],
    *,
    clock: Clock,
    page_format: PageFormat = "A4",
    prefilled_incidents: bool = True,
) -> bytes:
    """The three documents of one session in one PDF.

    ``candidates`` are the session's candidates (removed ones are left out). The PV is
    pre-filled with the room log by default; it is blank when nothing was recorded yet.
    """
    return render_document(
        settings,
        clock,
        page_format,
        lambda pdf, note: session_sections(
            pdf,
            settings,
            session,
            candidates,
            footer_note=note,
            prefilled_incidents=prefilled_incidents,
        ),
    )


def sessions_of_day(sessions: Iterable[Session], day: date) -> list[Session]:
    """The sessions held on ``day``, in start-time then room order (purged ones excluded)."""
    chosen = [s for s in sessions if s.date == day and s.purged_at is None]
    return sorted(
        chosen, key=lambda s: (s.start_time or time.min, name_key(s.room), s.pix_number or "", s.id)
    )


def bundle_day(
    settings: SchoolSettings,
    day: date,
    sessions: Iterable[Session],
    candidates: Iterable[Candidate],
    *,
    clock: Clock,
    page_format: PageFormat = "A4",
    prefilled_incidents: bool = True,
) -> bytes:
    """Every session of ``day`` (kit, émargement, PV each) in one PDF.

    ``sessions`` and ``candidates`` may hold the whole campaign: sessions are filtered on the
    date and candidates grouped by ``session_id``. A day without sessions gives one page
    saying so, so that a scripted export never produces an empty file.
    """
    chosen = sessions_of_day(sessions, day)
    by_session: dict[str, list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        by_session[candidate.session_id].append(candidate)

    def build(pdf: DocumentPDF, note: str) -> list[Section]:
        if not chosen:
            return [_empty_day_section(pdf, settings, day, note)]
        sections: list[Section] = []
        for session in chosen:
            sections.extend(
                session_sections(
                    pdf,
                    settings,
                    session,
                    by_session.get(session.id, []),
                    footer_note=note,
                    prefilled_incidents=prefilled_incidents,
                )
            )
        return sections

    return render_document(settings, clock, page_format, build)


def _empty_day_section(pdf: DocumentPDF, settings: SchoolSettings, day: date, note: str) -> Section:
    school, _ = session_title_lines(settings, Session())
    title = t("documents.day.title", date=format_date(day))
    band = title_band(pdf, 0, title, school, "", draw=False)

    def header(pdf: DocumentPDF, y: float) -> None:
        title_band(pdf, y, title, school, "")

    return Section(
        footer_title=title,
        header_height=band + 4,
        header=header,
        blocks=[
            paragraph_block(
                pdf, t("documents.day.no_sessions", date=format_long_date(day)), size=11, bold=True
            )
        ],
        footer_note=note,
    )
