"""Pupil lists with birthdates (SIECLE/Pronote-derived exports, Pix's CSV template)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pixtui.domain.names import name_key, person_key
from pixtui.domain.pupils import birthdate_bounds, plausible_birthdate
from pixtui.domain.timing import format_date
from pixtui.i18n import t
from pixtui.imports import columns as c
from pixtui.imports.report import ImportKind, ImportReport, start_report
from pixtui.imports.rows import fits_header, has_division, has_names, tidy
from pixtui.imports.sniff import CellError, Progress, Row, Table, header_key, parse_date, read_table

OLDEST_YEAR = 1900  # a birth year outside these bounds is a typing or format error
NEWEST_YEAR = 2100
_INE = re.compile(r"^[0-9A-Z]{10}[A-Z]$")  # 11 characters, the last one a letter


@dataclass(frozen=True)
class PupilRow:
    """One accepted line of a pupil list; ``None`` = the file has no such column/value."""

    line: int
    last_name: str
    first_name: str
    birthdate: date
    division: str
    sex: str | None = None  # "M" / "F"
    ine: str | None = None
    mef_code: str | None = None

    @property
    def key(self) -> str:
        return person_key(self.last_name, self.first_name)


def parse_pupil_list(
    data: bytes, *, progress: Progress | None = None, today: date | None = None
) -> ImportReport[PupilRow]:
    """Parse a pupil list; never raises. Duplicated pupils inside the file are refused.

    With ``today`` (the school's date from the injected clock), a birthdate a pupil cannot
    have on that day is a refused line (:func:`~pixtui.domain.pupils.plausible_birthdate`);
    without it, only years outside 1900-2100 are.
    """
    table = read_table(data, progress=progress)
    report: ImportReport[PupilRow] = start_report(ImportKind.PUPIL_LIST, table)
    if not table.keys:
        return report
    cols = table.columns(
        {
            "last": c.PUPIL_LAST,
            "first": c.PUPIL_FIRST,
            "full": c.PUPIL_FULL,
            "birth": c.PUPIL_BIRTH,
            "division": c.PUPIL_DIVISION,
            "sex": c.PUPIL_SEX,
            "ine": c.PUPIL_INE,
            "mef": c.PUPIL_MEF,
        }
    )
    missing = []
    if (cols["last"] is None or cols["first"] is None) and cols["full"] is None:
        missing += [
            name for name, col in (("Nom", cols["last"]), ("Prénom", cols["first"])) if col is None
        ]
    if cols["birth"] is None:
        missing.append("Date de naissance")
    if cols["division"] is None:
        missing.append("Classe")
    if missing:
        report.error = report.error or t(
            "imports.file.missing_columns", columns=", ".join(missing), count=len(missing)
        )
        return report
    for row in table.rows:
        parsed = _parse_row(table, row, cols, report, today)
        if parsed is not None:
            report.rows.append(parsed)
    _refuse_duplicates(report, {row.line: row for row in table.rows})
    if not report.rows and not report.refused and not report.error:
        report.error = t("imports.file.no_rows")
    return report


def _parse_row(
    table: Table, row: Row, cols: dict[str, int | None], report: ImportReport, today: date | None
) -> PupilRow | None:
    if not fits_header(table, row, report):
        return None
    if cols["last"] is not None and cols["first"] is not None:
        last, first = tidy(row.cell(cols["last"])), tidy(row.cell(cols["first"]))
    else:
        last, first = split_full_name(row.cell(cols["full"]))
        if not (last or first) and row.cell(cols["full"]):
            report.refuse(row, t("imports.pupil.full_name", value=row.cell(cols["full"])))
            return None
    if not has_names(row, report, last, first):
        return None
    birth_text = row.cell(cols["birth"])
    if not birth_text:
        report.refuse(row, t("imports.pupil.no_birthdate"))
        return None
    try:
        birthdate = parse_date(birth_text)
    except CellError as error:
        report.refuse(row, str(error))
        return None
    if not OLDEST_YEAR <= birthdate.year <= NEWEST_YEAR:
        report.refuse(row, t("imports.pupil.unlikely_birthdate", value=birth_text))
        return None
    if today is not None and not plausible_birthdate(birthdate, today):
        oldest, youngest = birthdate_bounds(today)
        reason = t(
            "imports.pupil.implausible_birthdate",
            value=birth_text,
            oldest=format_date(oldest),
            youngest=format_date(youngest),
        )
        report.refuse(row, reason)
        return None
    division = tidy(row.cell(cols["division"]))
    if not has_division(row, report, division):
        return None
    sex = _sex(row.cell(cols["sex"]))
    if sex is False:
        report.warn(row.line, t("imports.pupil.unknown_sex", value=row.cell(cols["sex"])))
        sex = None
    ine = row.cell(cols["ine"]).replace(" ", "").upper() or None
    if ine and not _INE.match(ine):
        report.warn(row.line, t("imports.pupil.odd_ine", value=ine))
    mef = row.cell(cols["mef"]).replace(" ", "") or None
    return PupilRow(row.line, last, first, birthdate, division, sex or None, ine, mef)


def _refuse_duplicates(report: ImportReport[PupilRow], raw: dict[int, Row]) -> None:
    """Same INE, or same names + birthdate, twice in the file.

    Exact repeats (a line pasted twice) keep the first line; differing lines are all refused,
    since nothing tells which one is right.
    """
    groups: dict[str, list[PupilRow]] = {}
    for row in report.rows:
        identity = f"ine:{row.ine}" if row.ine else f"name:{row.key}|{row.birthdate.isoformat()}"
        groups.setdefault(identity, []).append(row)
        if row.ine:  # the same person written once with and once without an INE
            groups.setdefault(f"name:{row.key}|{row.birthdate.isoformat()}", []).append(row)
    refused: dict[int, str] = {}
    for rows in groups.values():
        if len(rows) < 2:
            continue
        first = rows[0]
        same = all(_same_content(first, other) for other in rows[1:])
        for other in rows if not same else rows[1:]:
            peers = ", ".join(str(r.line) for r in rows if r is not other)
            key = "imports.pupil.duplicate_same" if same else "imports.pupil.duplicate"
            refused.setdefault(other.line, t(key, lines=peers, count=len(rows) - 1))
    if not refused:
        return
    report.rows = [row for row in report.rows if row.line not in refused]
    for line, reason in sorted(refused.items()):
        report.refuse(raw[line], reason)
    report.refused.sort(key=lambda refused_line: refused_line.line)


def _same_content(a: PupilRow, b: PupilRow) -> bool:
    return (a.key, a.birthdate, name_key(a.division), a.sex, a.ine, a.mef_code) == (
        b.key,
        b.birthdate,
        name_key(b.division),
        b.sex,
        b.ine,
        b.mef_code,
    )


def split_full_name(text: str) -> tuple[str, str]:
    """Pronote's ``Élève`` column: ``"DUPONT-MARTIN Jean-Noël"`` -> ``("DUPONT-MARTIN", "Jean-Noël")``.

    Leading words written in capitals are the last name; ``("", "")`` when it cannot be told.
    """
    words = text.split()
    split = 0
    while (
        split < len(words)
        and words[split] == words[split].upper()
        and any(ch.isalpha() for ch in words[split])
    ):
        split += 1
    if split == 0 or split == len(words):
        return "", ""
    return " ".join(words[:split]), " ".join(words[split:])


_MALE = frozenset({"m", "masculin", "homme", "garcon", "g", "h", "1"})
_FEMALE = frozenset({"f", "feminin", "femme", "fille", "2"})


def _sex(text: str) -> str | None | bool:
    """ "M" / "F", None when empty, False when unreadable (a warning, not a refusal)."""
    value = header_key(text)
    if not value:
        return None
    if value in _MALE:
        return "M"
    if value in _FEMALE:
        return "F"
    return False
