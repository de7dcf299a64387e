"""Pix Orga profile-collection campaign export ("collecte de profils"): certifiability.

The file has no birthdate; ``NA`` fills the rows of pupils who have not sent their profile;
with "envoi multiple" a pupil has several rows and the latest one counts (``peers.md`` §9.2).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from pixtui.domain.enums import Certifiability
from pixtui.domain.names import name_key, person_key
from pixtui.i18n import t
from pixtui.imports import columns as c
from pixtui.imports.report import ImportKind, ImportReport, start_report
from pixtui.imports.rows import fits_header, has_names, tidy
from pixtui.imports.sniff import (
    PARIS,
    CellError,
    Progress,
    Row,
    Table,
    header_key,
    parse_bool,
    parse_datetime,
    parse_int,
    read_table,
)

CERTIFIABLE_THRESHOLD = 5  # SPEC §4 rule 1: at least 5 of the 16 competences at level 1
COMPETENCE_COUNT = 16
_NOT_SENT = frozenset({"", "na", "n/a", "-"})


@dataclass(frozen=True)
class CertifiabilityRow:
    """One pupil's latest participation in the campaign (after de-duplication)."""

    line: int
    last_name: str
    first_name: str
    division: str  # "" when the export has no class column
    sent: bool  # False for ``NA`` rows: the pupil has not sent the profile
    certifiability: Certifiability  # UNKNOWN when not sent
    sent_at: datetime | None = None  # aware, Europe/Paris
    competences: int | None = None
    pix_total: int | None = None

    @property
    def key(self) -> str:
        return f"{name_key(self.division)}#{person_key(self.last_name, self.first_name)}"

    @property
    def sent_on(self) -> date | None:
        return self.sent_at.astimezone(PARIS).date() if self.sent_at else None


def parse_profile_collection(
    data: bytes, *, progress: Progress | None = None
) -> ImportReport[CertifiabilityRow]:
    """Parse a profile-collection export; never raises. One row per pupil is kept."""
    table = read_table(data, progress=progress)
    report: ImportReport[CertifiabilityRow] = start_report(ImportKind.PROFILE_COLLECTION, table)
    if not table.keys:
        return report
    cols = table.columns(
        {
            "last": c.PROFILE_LAST,
            "first": c.PROFILE_FIRST,
            "division": c.PROFILE_DIVISION,
            "shared": c.PROFILE_SHARED,
            "sent_at": c.PROFILE_SENT_AT,
            "certifiable": c.PROFILE_CERTIFIABLE,
            "competences": c.PROFILE_COMPETENCES,
            "pix": c.PROFILE_PIX_TOTAL,
        }
    )
    required = (
        ("Nom du Participant", "last"),
        ("Prénom du Participant", "first"),
        ("Certifiable (O/N)", "certifiable"),
    )
    missing = [label for label, name in required if cols[name] is None]
    if missing:
        report.error = report.error or t(
            "imports.file.missing_columns", columns=", ".join(missing), count=len(missing)
        )
        return report
    if cols["division"] is None:
        report.warn(None, t("imports.profile.no_division"))
    parsed = [row for row in (_parse_row(table, row, cols, report) for row in table.rows) if row]
    report.rows = _keep_latest(parsed, report)
    if not report.rows and not report.refused and not report.error:
        report.error = t("imports.file.no_rows")
    return report


def _parse_row(
    table: Table, row: Row, cols: dict[str, int | None], report: ImportReport
) -> CertifiabilityRow | None:
    if not fits_header(table, row, report):
        return None
    last, first = tidy(row.cell(cols["last"])), tidy(row.cell(cols["first"]))
    if not has_names(row, report, last, first):
        return None
    division = tidy(row.cell(cols["division"]))
    certifiable_text = row.cell(cols["certifiable"])
    shared_text = row.cell(cols["shared"])
    try:
        shared = parse_bool(shared_text) if header_key(shared_text) not in _NOT_SENT else None
    except CellError:
        report.refuse(row, t("imports.profile.bad_shared", value=shared_text))
        return None
    if header_key(certifiable_text) in _NOT_SENT or shared is False:
        return CertifiabilityRow(row.line, last, first, division, False, Certifiability.UNKNOWN)
    try:
        certifiable = parse_bool(certifiable_text)
    except CellError:
        report.refuse(row, t("imports.profile.bad_certifiable", value=certifiable_text))
        return None
    sent_at = None
    sent_text = row.cell(cols["sent_at"])
    if header_key(sent_text) not in _NOT_SENT:
        try:
            sent_at = parse_datetime(sent_text)
        except CellError as error:
            report.refuse(row, str(error))
            return None
    elif cols["sent_at"] is not None:
        report.warn(row.line, t("imports.profile.no_sent_at"))
    competences = _optional_int(row.cell(cols["competences"]), row, report)
    if competences is False:
        return None
    pix_total = _optional_int(row.cell(cols["pix"]), row, report)
    if pix_total is False:
        return None
    if isinstance(competences, int):
        if not 0 <= competences <= COMPETENCE_COUNT:
            report.refuse(row, t("imports.profile.bad_competences", value=competences))
            return None
        if certifiable != (competences >= CERTIFIABLE_THRESHOLD):
            report.warn(
                row.line,
                t("imports.profile.inconsistent", competences=competences, value=certifiable_text),
            )
    state = Certifiability.CERTIFIABLE if certifiable else Certifiability.NOT_CERTIFIABLE
    return CertifiabilityRow(
        row.line,
        last,
        first,
        division,
        True,
        state,
        sent_at,
        competences if isinstance(competences, int) else None,
        pix_total if isinstance(pix_total, int) else None,
    )


def _optional_int(text: str, row: Row, report: ImportReport) -> int | None | bool:
    """An int, None for ``NA``/empty, False after refusing the row."""
    if header_key(text) in _NOT_SENT:
        return None
    try:
        return parse_int(text)
    except CellError as error:
        report.refuse(row, str(error))
        return False


def _recency(row: CertifiabilityRow) -> tuple[bool, datetime, int]:
    """Sent beats not sent; then the latest send; then the line further down the file."""
    return (row.sent, row.sent_at or datetime.min.replace(tzinfo=PARIS), row.line)


def _keep_latest(rows: list[CertifiabilityRow], report: ImportReport) -> list[CertifiabilityRow]:
    best: dict[str, CertifiabilityRow] = {}
    dropped: list[tuple[CertifiabilityRow, str]] = []
    for row in rows:
        current = best.get(row.key)
        if current is None:
            best[row.key] = row
        elif _recency(row) > _recency(current):
            dropped.append((current, row.key))
            best[row.key] = row
        else:
            dropped.append((row, row.key))
    for row, key in sorted(dropped, key=lambda item: item[0].line):
        report.warn(
            row.line,
            t(
                "imports.profile.older_duplicate",
                name=f"{row.last_name} {row.first_name}",
                kept=best[key].line,
            ),
        )
    return sorted(best.values(), key=lambda row: row.line)
