"""Pupil and certifiability file imports: bytes in, reports and plans out (no store access).

Flow: ``detect_kind(data)`` says what a file is from its headers; ``parse_file(data)`` (or the
parser of one kind) gives an :class:`ImportReport` with accepted rows, refused lines (line
number + French reason) and warnings; a ``plan_*`` function compares the rows with the existing
pupils; a person reads the plan and accepts it; ``plan.apply(pupils)`` returns the new and
changed :class:`~pixtui.domain.models.Pupil` objects for the store to save.

``sniff`` holds the shared reading helpers (encoding, separator, header names, cell parsers);
the results importer (``results.py``) uses them too.
"""

from __future__ import annotations

from datetime import date

from pixtui.i18n import t
from pixtui.imports.columns import detect_kind, kind_of_headers
from pixtui.imports.orga_pupils import OrgaPupilRow, parse_orga_pupils
from pixtui.imports.plans import (
    CertifiabilityPlan,
    FieldChange,
    LoginMethodsPlan,
    NameIssue,
    NewPupil,
    PupilChange,
    PupilImportPlan,
    plan_certifiability_update,
    plan_login_methods,
    plan_pupil_import,
)
from pixtui.imports.profiles import CertifiabilityRow, parse_profile_collection
from pixtui.imports.pupils import PupilRow, parse_pupil_list
from pixtui.imports.report import (
    ImportKind,
    ImportReport,
    RefusedLine,
    ReportWarning,
    encoding_label,
    kind_label,
    separator_label,
)
from pixtui.imports.sniff import Progress, Table, read_table

_PARSERS = {
    ImportKind.PUPIL_LIST: parse_pupil_list,
    ImportKind.PROFILE_COLLECTION: parse_profile_collection,
    ImportKind.ORGA_PUPILS: parse_orga_pupils,
}


def parse_file(
    data: bytes,
    *,
    expected: ImportKind | None = None,
    progress: Progress | None = None,
    today: date | None = None,
) -> ImportReport:
    """Detect the kind of ``data`` and parse it; never raises.

    With ``expected``, a file of another kind gives a report whose ``error`` says so (the CLI's
    ``import pupils`` must not swallow a profile-collection export). Certification results are
    recognised but parsed by ``pixtui.imports.results``: here they give an error report.
    ``today`` (from the injected clock) lets a pupil list refuse impossible birthdates.
    """
    table = read_table(data)
    kind = kind_of_headers(table.keys) if table.keys else ImportKind.UNKNOWN
    if expected is not None and kind is not expected and kind is not ImportKind.UNKNOWN:
        return _error_report(
            table,
            expected,
            t("imports.file.wrong_kind", found=kind_label(kind), expected=kind_label(expected)),
        )
    target = expected or kind
    parser = _PARSERS.get(target)
    if parser is None:
        return _error_report(table, target, table.error or t("imports.file.unknown_kind"))
    if target is ImportKind.PUPIL_LIST:
        return parse_pupil_list(data, progress=progress, today=today)
    return parser(data, progress=progress)


def _error_report(table: Table, kind: ImportKind, message: str) -> ImportReport:
    return ImportReport(
        kind=kind,
        encoding=table.encoding,
        separator=table.separator,
        total_lines=table.total_lines,
        header=list(table.header),
        error=message,
    )


__all__ = [
    "CertifiabilityPlan",
    "CertifiabilityRow",
    "FieldChange",
    "ImportKind",
    "ImportReport",
    "LoginMethodsPlan",
    "NameIssue",
    "NewPupil",
    "OrgaPupilRow",
    "Progress",
    "PupilChange",
    "PupilImportPlan",
    "PupilRow",
    "RefusedLine",
    "ReportWarning",
    "detect_kind",
    "encoding_label",
    "kind_label",
    "parse_file",
    "parse_orga_pupils",
    "parse_profile_collection",
    "parse_pupil_list",
    "plan_certifiability_update",
    "plan_login_methods",
    "plan_pupil_import",
    "separator_label",
]
