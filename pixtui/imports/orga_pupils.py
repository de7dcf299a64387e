"""The Pix Orga "Élèves" page copied to CSV (peer P3's ``students.csv``).

Header: ``nom;prenom;classe;mediacentre;identifiant;email;participations;…;certificabilite``;
the three login columns are ``true``/``false``; certificabilité is the label Pix shows
(Certifiable / Non certifiable / Non communiqué), since 2026 followed by its date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pixtui.domain.enums import Certifiability, LoginMethod
from pixtui.domain.names import name_key, person_key
from pixtui.i18n import t
from pixtui.imports import columns as c
from pixtui.imports.report import ImportKind, ImportReport, start_report
from pixtui.imports.rows import fits_header, has_division, has_names, tidy
from pixtui.imports.sniff import (
    CellError,
    Progress,
    Row,
    Table,
    header_key,
    parse_bool,
    parse_date,
    read_table,
)

_DATE_IN_TEXT = re.compile(r"\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}")
_LABEL_FILLERS = re.compile(r"\b(depuis le|depuis|le|au|du)\b")
CERTIFIABILITY_LABELS: dict[str, Certifiability] = {
    "certifiable": Certifiability.CERTIFIABLE,
    "non certifiable": Certifiability.NOT_CERTIFIABLE,
    "non communique": Certifiability.UNKNOWN,
    "": Certifiability.UNKNOWN,
}


@dataclass(frozen=True)
class OrgaPupilRow:
    line: int
    last_name: str
    first_name: str
    division: str
    login_methods: tuple[LoginMethod, ...] | None  # None: the file has no login columns
    certifiability: Certifiability | None  # None: the file has no certificabilité column
    certifiability_date: date | None = None

    @property
    def key(self) -> str:
        return f"{name_key(self.division)}#{person_key(self.last_name, self.first_name)}"


def parse_orga_pupils(
    data: bytes, *, progress: Progress | None = None
) -> ImportReport[OrgaPupilRow]:
    """Parse the Élèves-page list; never raises."""
    table = read_table(data, progress=progress)
    report: ImportReport[OrgaPupilRow] = start_report(ImportKind.ORGA_PUPILS, table)
    if not table.keys:
        return report
    cols = table.columns(
        {
            "last": c.ORGA_LAST,
            "first": c.ORGA_FIRST,
            "division": c.ORGA_DIVISION,
            LoginMethod.MEDIACENTRE: c.ORGA_MEDIACENTRE,
            LoginMethod.IDENTIFIANT: c.ORGA_IDENTIFIANT,
            LoginMethod.EMAIL: c.ORGA_EMAIL,
            "certifiability": c.ORGA_CERTIFIABILITY,
        }
    )
    missing = [
        label
        for label, name in (("nom", "last"), ("prenom", "first"), ("classe", "division"))
        if cols[name] is None
    ]
    methods = [
        m
        for m in (LoginMethod.MEDIACENTRE, LoginMethod.IDENTIFIANT, LoginMethod.EMAIL)
        if cols[m] is not None
    ]
    if not methods and cols["certifiability"] is None:
        missing.append("certificabilite")
    if missing:
        report.error = report.error or t(
            "imports.file.missing_columns", columns=", ".join(missing), count=len(missing)
        )
        return report
    seen: dict[str, int] = {}
    for row in table.rows:
        parsed = _parse_row(table, row, cols, methods, report)
        if parsed is None:
            continue
        if parsed.key in seen:
            report.refuse(row, t("imports.orga.duplicate", line=seen[parsed.key]))
            continue
        seen[parsed.key] = row.line
        report.rows.append(parsed)
    if not report.rows and not report.refused and not report.error:
        report.error = t("imports.file.no_rows")
    return report


def _parse_row(
    table: Table, row: Row, cols: dict, methods: list[LoginMethod], report: ImportReport
) -> OrgaPupilRow | None:
    if not fits_header(table, row, report):
        return None
    last, first = tidy(row.cell(cols["last"])), tidy(row.cell(cols["first"]))
    if not has_names(row, report, last, first):
        return None
    division = tidy(row.cell(cols["division"]))
    if not has_division(row, report, division):
        return None
    found: list[LoginMethod] = []
    for method in methods:
        text = row.cell(cols[method])
        try:
            if parse_bool(text):
                found.append(method)
        except CellError:
            # a copied list may hold the login itself ("jean.dupont0312", an address): present
            if method is LoginMethod.MEDIACENTRE or " " in text.strip():
                report.refuse(
                    row, t("imports.orga.bad_login", value=text, column=table.header[cols[method]])
                )
                return None
            found.append(method)
    certifiability: Certifiability | None = None
    when: date | None = None
    if cols["certifiability"] is not None:
        try:
            certifiability, when = parse_certifiability_label(row.cell(cols["certifiability"]))
        except CellError as error:
            report.refuse(row, str(error))
            return None
    return OrgaPupilRow(
        row.line, last, first, division, tuple(found) if methods else None, certifiability, when
    )


def parse_certifiability_label(text: str) -> tuple[Certifiability, date | None]:
    """``"Certifiable"``, ``"Non certifiable le 12/03/2026"``, ``"Non communiqué"`` -> state, date."""
    when = None
    found = _DATE_IN_TEXT.search(text)
    if found:
        when = parse_date(found.group())
        text = text[: found.start()] + " " + text[found.end() :]
    label = " ".join(_LABEL_FILLERS.sub(" ", header_key(text)).split())
    if label not in CERTIFIABILITY_LABELS:
        raise CellError(t("imports.orga.bad_certifiability", value=" ".join(text.split())))
    return CERTIFIABILITY_LABELS[label], when
