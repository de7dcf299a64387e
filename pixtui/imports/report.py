"""What a parser hands back: accepted rows, refused lines with reasons, warnings, file facts."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Generic, TypeVar

from pixtui.i18n import t
from pixtui.imports.sniff import Row, Table

RowT = TypeVar("RowT")


class ImportKind(StrEnum):
    """The kinds of files pixtui recognises by their headers."""

    PUPIL_LIST = "pupil_list"  # SIECLE/Pronote-derived list with birthdates
    PROFILE_COLLECTION = "profile_collection"  # Pix Orga profile-collection campaign export
    ORGA_PUPILS = "orga_pupils"  # the Pix Orga "Élèves" page copied to CSV
    CERTIFICATION_RESULTS = "certification_results"  # Pix Orga results (parsed by results.py)
    PLANNING_ROOMS = "planning_rooms"  # the planner's inputs (imports/planning.py)
    PLANNING_SLOTS = "planning_slots"
    PLANNING_INVIGILATORS = "planning_invigilators"
    PLANNING_EXTRA_TIME = "planning_extra_time"
    UNKNOWN = "unknown"


def kind_label(kind: ImportKind) -> str:
    return t(f"imports.kind.{kind.value}")


_ENCODING_KEYS = {
    "utf-8": "imports.encoding.utf8",
    "utf-8-sig": "imports.encoding.utf8_bom",
    "utf-16": "imports.encoding.utf16",
    "utf-16-le": "imports.encoding.utf16",
    "utf-16-be": "imports.encoding.utf16",
    "utf-32": "imports.encoding.utf32",
    "cp1252": "imports.encoding.cp1252",
    "latin-1": "imports.encoding.latin1",
}


def encoding_label(encoding: str) -> str:
    """``utf-8-sig`` -> ``UTF-8 avec BOM``: how the UI names a detected encoding."""
    key = _ENCODING_KEYS.get(encoding)
    return t(key) if key else encoding


def separator_label(separator: str) -> str:
    return {
        ";": t("imports.separator.semicolon"),
        "\t": t("imports.separator.tab"),
        ",": t("imports.separator.comma"),
    }.get(separator, repr(separator))


@dataclass(frozen=True)
class RefusedLine:
    """A line left out of the import; ``reason`` is one French sentence."""

    line: int
    reason: str
    content: str = ""  # the line's cells, for the person checking the report


@dataclass(frozen=True)
class ReportWarning:
    """Something a person should look at; the line is still accepted (or None: whole file)."""

    line: int | None
    message: str


@dataclass
class ImportReport(Generic[RowT]):
    kind: ImportKind
    encoding: str
    separator: str
    total_lines: int
    header: list[str] = field(default_factory=list)
    rows: list[RowT] = field(default_factory=list)
    refused: list[RefusedLine] = field(default_factory=list)
    warnings: list[ReportWarning] = field(default_factory=list)
    error: str | None = None  # a file-level problem: nothing of this file should be applied
    blank_lines: int = 0

    @property
    def ok(self) -> bool:
        return self.error is None

    def refuse(self, row: Row, reason: str) -> None:
        self.refused.append(RefusedLine(row.line, reason, _show_cells(row)))

    def warn(self, line: int | None, message: str) -> None:
        self.warnings.append(ReportWarning(line, message))

    def summary(self) -> str:
        """One line for the UI and the CLI."""
        return t(
            "imports.report.summary",
            kind=kind_label(self.kind),
            accepted=len(self.rows),
            refused=len(self.refused),
            warnings=len(self.warnings),
            encoding=encoding_label(self.encoding),
            separator=separator_label(self.separator),
            lines=self.total_lines,
        )


def start_report(kind: ImportKind, table: Table) -> ImportReport:
    """An empty report carrying what ``read_table`` found about the file."""
    report: ImportReport = ImportReport(
        kind=kind,
        encoding=table.encoding,
        separator=table.separator,
        total_lines=table.total_lines,
        header=list(table.header),
        error=table.error,
        blank_lines=table.blank_lines,
    )
    if table.error and table.error_line:
        report.refused.append(RefusedLine(table.error_line, table.error))
    return report


def _show_cells(row: Row, limit: int = 160) -> str:
    text = " | ".join(" ".join(cell.split()) for cell in row.cells)
    return text if len(text) <= limit else text[: limit - 1] + "…"
