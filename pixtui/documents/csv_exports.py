"""CSV exports for a French spreadsheet: « ; » separator, UTF-8 with BOM, dates JJ/MM/AAAA.

Every cell that a spreadsheet would read as a formula (starting with = + - @, a tab or a
carriage return) gets a leading apostrophe: names and comments are typed by people, and a
cell such as ``=HYPERLINK(...)`` must stay text (CSV injection).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from pixtui.documents.errors import DocumentError
from pixtui.documents.formatting import (
    enrolled,
    extra_time_percent,
    format_date,
    format_instant,
    personal_test_minutes,
    school_zone,
    session_number,
)
from pixtui.documents.incident import candidate_entries
from pixtui.domain.enums import Certifiability
from pixtui.domain.labels import label
from pixtui.domain.models import Candidate, Pupil, SchoolSettings, Session
from pixtui.domain.names import name_key
from pixtui.domain.text import strip_controls
from pixtui.i18n import t

DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")
ENCODING = "utf-8-sig"  # the BOM makes Excel read UTF-8 instead of Windows-1252
SEPARATOR = ";"


def defuse(cell: object) -> str:
    """The cell as text, with a leading ``'`` when a spreadsheet would run it as a formula.

    Control and bidi characters are removed first (they would reach the terminal of whoever
    prints the file, or show a name in another order).
    """
    text = "" if cell is None else strip_controls(str(cell))
    return "'" + text if text.startswith(DANGEROUS_STARTS) else text


def to_csv(rows: Iterable[Sequence[object]]) -> bytes:
    """Rows to CSV bytes (``;``, CRLF, UTF-8 with BOM), every cell defused."""
    buffer = io.StringIO()
    writer = csv.writer(
        buffer, delimiter=SEPARATOR, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL
    )
    for row in rows:
        writer.writerow([defuse(cell) for cell in row])
    return buffer.getvalue().encode(ENCODING)


def _yes_no(value: bool) -> str:
    return t("documents.value.yes") if value else t("documents.value.no")


# --- candidates of a session ---------------------------------------------------------------


def candidates_csv(
    settings: SchoolSettings, session: Session, candidates: Sequence[Candidate]
) -> bytes:
    """The enrolled candidates of a session with their accommodations, sorted by name."""
    header = [
        t("documents.csv.session_number"),
        t("documents.csv.last_name"),
        t("documents.csv.first_name"),
        t("documents.csv.birthdate"),
        t("documents.csv.class"),
        t("documents.csv.extra_time"),
        t("documents.csv.test_minutes"),
        t("documents.csv.accessibility"),
        t("documents.csv.aid"),
        t("documents.csv.language"),
        t("documents.csv.enrolment_note"),
    ]
    number = session.pix_number or ""
    rows: list[list[object]] = [header]
    for candidate in enrolled(candidates):
        rows.append(
            [
                number,
                candidate.last_name.strip(),
                candidate.first_name.strip(),
                format_date(candidate.birthdate),
                candidate.division.strip(),
                extra_time_percent(candidate.extra_time_ratio),
                personal_test_minutes(settings.test_minutes, candidate.extra_time_ratio),
                _yes_no(candidate.accessibility_adjustment),
                candidate.aid_note.strip(),
                candidate.language_note.strip(),
                candidate.enrolment_note.strip(),
            ]
        )
    return to_csv(rows)


# --- pupils and certifiability ---------------------------------------------------------------


def _certifiability_label(value: Certifiability) -> str:
    return t(f"documents.certifiability.{value.value}")


def _pupil_order(pupil: Pupil) -> tuple[str, str, str]:
    return (name_key(pupil.division), name_key(pupil.last_name), name_key(pupil.first_name))


def pupils_csv(pupils: Iterable[Pupil], *, include_left: bool = False) -> bytes:
    """Pupils with their certifiability, class by class (Pix Orga's labels)."""
    header = [
        t("documents.csv.class"),
        t("documents.csv.last_name"),
        t("documents.csv.first_name"),
        t("documents.csv.birthdate"),
        t("documents.csv.certifiability"),
        t("documents.csv.certifiability_date"),
        t("documents.csv.competences"),
        t("documents.csv.login_methods"),
        t("documents.csv.ine"),
        t("documents.csv.follow_up"),
    ]
    rows: list[list[object]] = [header]
    for pupil in sorted((p for p in pupils if include_left or not p.left_school), key=_pupil_order):
        rows.append(
            [
                pupil.division.strip(),
                pupil.last_name.strip(),
                pupil.first_name.strip(),
                format_date(pupil.birthdate),
                _certifiability_label(pupil.certifiability),
                format_date(pupil.certifiability_date),
                "" if pupil.certifiable_competences is None else pupil.certifiable_competences,
                ", ".join(t(f"documents.login.{method.value}") for method in pupil.login_methods),
                pupil.ine or "",
                pupil.follow_up.strip(),
            ]
        )
    return to_csv(rows)


def certifiability_by_class_csv(pupils: Iterable[Pupil], *, include_left: bool = False) -> bytes:
    """Counts per class: pupils, certifiable, not certifiable, unknown; a total row last."""
    counts: dict[str, dict[Certifiability, int]] = {}
    for pupil in pupils:
        if pupil.left_school and not include_left:
            continue
        per_class = counts.setdefault(pupil.division.strip(), dict.fromkeys(Certifiability, 0))
        per_class[pupil.certifiability] += 1
    header = [
        t("documents.csv.class"),
        t("documents.csv.pupils"),
        t("documents.certifiability.certifiable"),
        t("documents.certifiability.not_certifiable"),
        t("documents.certifiability.unknown"),
    ]
    rows: list[list[object]] = [header]
    total = dict.fromkeys(Certifiability, 0)
    for division in sorted(counts, key=name_key):
        per_class = counts[division]
        rows.append(
            [division, sum(per_class.values()), *(per_class[value] for value in Certifiability)]
        )
        for value in Certifiability:
            total[value] += per_class[value]
    rows.append(
        [t("documents.csv.total"), sum(total.values()), *(total[value] for value in Certifiability)]
    )
    return to_csv(rows)


# --- finalisation summary ---------------------------------------------------------------------


def _test_state_label(candidate: Candidate) -> str:
    state = candidate.assessment_state
    if state is None:
        return t("documents.state.not_started")
    return t(f"documents.state.{state.value}")


def finalization_csv(
    settings: SchoolSettings, session: Session, candidates: Sequence[Candidate]
) -> bytes:
    """What to key into Pix Certif's « Finaliser la session »: per candidate the issue report
    codes and the abort reason, then the session's flags and global comment.

    Raises :class:`DocumentError` when the session has no finalisation yet.
    """
    final = session.finalization
    if final is None:
        raise DocumentError(t("documents.error.not_finalized", number=session_number(session)))
    zone = school_zone(settings)
    rows: list[list[object]] = [
        [
            t("documents.csv.last_name"),
            t("documents.csv.first_name"),
            t("documents.csv.birthdate"),
            t("documents.csv.class"),
            t("documents.csv.test_state"),
            t("documents.csv.report_codes"),
            t("documents.csv.report_details"),
            t("documents.csv.abort_reason"),
        ]
    ]
    for candidate in enrolled(candidates):
        entries = candidate_entries(candidate)
        details = []
        for entry in entries:
            parts = [entry.code]
            if entry.question_number is not None:
                parts.append(t("documents.incident.question", number=entry.question_number))
            if entry.description:
                parts.append(entry.description)
            details.append(" — ".join(parts))
        rows.append(
            [
                candidate.last_name.strip(),
                candidate.first_name.strip(),
                format_date(candidate.birthdate),
                candidate.division.strip(),
                _test_state_label(candidate),
                ", ".join(entry.code for entry in entries),
                " | ".join(details),
                label(candidate.abort_reason) if candidate.abort_reason else "",
            ]
        )
    rows.append([])
    rows.append([t("documents.csv.session_number"), session.pix_number or ""])
    rows.append([t("documents.csv.finalized_at"), format_instant(final.finalized_at, zone)])
    rows.append([t("documents.csv.finalized_by"), final.finalized_by or ""])
    rows.append([t("results.summary.has_incident"), _yes_no(final.has_incident)])
    rows.append([t("results.summary.has_joining_issue"), _yes_no(final.has_joining_issue)])
    rows.append([t("documents.csv.global_comment"), final.examiner_global_comment])
    return to_csv(rows)
