"""Row checks shared by the pupil-list importers: width, names and class, refused in French."""

from __future__ import annotations

from pixtui.i18n import t
from pixtui.imports.report import ImportReport
from pixtui.imports.sniff import Row, Table


def tidy(text: str) -> str:
    """A name or class cell with its inner runs of spaces folded to one."""
    return " ".join(text.split())


def fits_header(table: Table, row: Row, report: ImportReport) -> bool:
    """True when ``row`` has the header's width; otherwise the row is refused."""
    problem = table.width_problem(row)
    if problem:
        report.refuse(row, problem)
        return False
    return True


def has_names(row: Row, report: ImportReport, last: str, first: str) -> bool:
    """True when both names are filled; otherwise the row is refused (last name checked first)."""
    if not last:
        report.refuse(row, t("imports.row.no_last_name"))
        return False
    if not first:
        report.refuse(row, t("imports.row.no_first_name"))
        return False
    return True


def has_division(row: Row, report: ImportReport, division: str) -> bool:
    """True when the class is filled; otherwise the row is refused."""
    if not division:
        report.refuse(row, t("imports.row.no_division"))
        return False
    return True
