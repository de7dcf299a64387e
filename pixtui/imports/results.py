"""Pix Orga's per-class certification results files (A5), read into :class:`CertificationResult`.

The file (peers.md §9.1) is ``;``-separated UTF-8 with a BOM, one line per certification, ``-``
for a missing value, competence levels in columns ``1.1`` … ``5.2``. Pix changed it twice in
2026 (reference §5.5, checked in 1024pix/pix
``api/tests/certification/results/integration/infrastructure/utils/csv/certification-results/
get-session-certification-results-csv_test.js``):

- older files: ``Statut`` then ``Nombre de Pix`` (``Rejetée`` for a rejected certification);
- March 2026 (PR #15567): ``Type de certification`` and ``Résultat``, which holds ``266 Pix``
  or ``Novice 1 (5 Pix)``;
- since 2026-04-20 (PR #15949): ``Type de certification``, ``Statut``, optionally
  ``Certification CléA``, ``Niveau`` and ``Score en Pix``; a rejected certification reads
  ``Non obtenue`` (score 0, level ``-``).

A results file is recognised by what every variant shares (certification number, status, date
of the certification, the 16 competence columns: :data:`SHARED`), never by its score header;
the variant found is reported (:data:`VARIANTS`). Unknown extra columns (another complementary
certification) are ignored. There is **no class column**: the class is the one passed in, else a ``Classe`` column added by a merging script
(P2), else the file name ``<YYYYMMDD>_resultats_<division>.csv``. A pupil certified twice appears
twice; only the latest certification (by ``Date de passage de la certification``) is kept.

Reading never raises: a bad line is refused with its physical line number and a French reason,
a bad file gives a file-level :class:`Problem`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pixtui.domain.models import Pupil
from pixtui.domain.names import name_key, person_key
from pixtui.domain.problems import Problem, has_errors
from pixtui.domain.results import (
    COMPETENCE_CODES,
    MAX_COMPETENCE_LEVEL,
    CertificationResult,
    ResultStatus,
)
from pixtui.domain.timing import format_date
from pixtui.i18n import t
from pixtui.imports.sniff import (
    CellError,
    Row,
    Table,
    header_key,
    parse_date,
    parse_int,
    read_table,
)
from pixtui.imports.source import ImportFileError, read_import_file

FILE_NAME = re.compile(r"^(?P<day>\d{8})_resultats_(?P<division>.+?)\.csv$", re.IGNORECASE)
MISSING = "-"  # Pix's "no value" in this export
MAX_SCORE = 1023  # top of Pix's mesh (EXPERT_8); the reachable maximum is 895

# Column aliases (compared with sniff.header_key: accents, case, apostrophes folded).
COLUMNS: dict[str, tuple[str, ...]] = {
    "number": ("Numéro de certification",),
    "first_name": ("Prénom",),
    "last_name": ("Nom",),
    "birthdate": ("Date de naissance",),
    "birthplace": ("Lieu de naissance",),
    "external_id": ("Identifiant Externe",),
    "status": ("Statut",),
    "score": ("Score en Pix", "Résultat", "Nombre de Pix"),
    "level": ("Niveau",),
    "clea": ("Certification CléA",),
    "type": ("Type de certification",),
    "jury_comment": ("Commentaire jury pour l’organisation", "Commentaire jury"),
    "session": ("Session", "Numéro de session"),
    "center": ("Centre de certification",),
    "taken_on": ("Date de passage de la certification", "Date de passage"),
    "division": ("Classe", "Division"),
}
REQUIRED = ("first_name", "last_name", "birthdate", "status", "score", "taken_on")
# What every variant of the file has: how a results file is recognised (imports/columns.py).
SHARED: tuple[tuple[str, ...], ...] = (
    COLUMNS["number"],
    COLUMNS["status"],
    COLUMNS["taken_on"][:1],
    *((code,) for code in COMPETENCE_CODES),
)
# variant id -> the score header that tells it (most recent first)
VARIANTS: tuple[tuple[str, str], ...] = (
    ("niveau_score", "Score en Pix"),  # since 2026-04-20, Pix PR #15949
    ("resultat", "Résultat"),  # March 2026, Pix PR #15567 ("266 Pix")
    ("nombre_de_pix", "Nombre de Pix"),  # older files
)
# "Résultat" of March 2026: "266 Pix", or the level then the score, "Novice 1 (5 Pix)"
_RESULT_TEXT = re.compile(
    r"^(?:(?P<level>[^()]*?)\s*\(\s*)?(?P<score>\d+)\s*pix\s*\)?$", re.IGNORECASE
)

_STATUSES: dict[str, ResultStatus] = {
    "validee": ResultStatus.VALIDATED,
    "validated": ResultStatus.VALIDATED,
    "rejetee": ResultStatus.REJECTED,
    "non obtenue": ResultStatus.REJECTED,  # Pix's word since 2026 (PR #15949)
    "rejected": ResultStatus.REJECTED,
    "annulee": ResultStatus.CANCELLED,
    "cancelled": ResultStatus.CANCELLED,
    "annulee par le jury": ResultStatus.CANCELLED_BY_JURY,
    "cancelled_by_jury": ResultStatus.CANCELLED_BY_JURY,
    "en erreur": ResultStatus.ERROR,
    "erreur": ResultStatus.ERROR,
    "error": ResultStatus.ERROR,
    "demarree": ResultStatus.STARTED,
    "started": ResultStatus.STARTED,
}


@dataclass(frozen=True)
class RefusedLine:
    line: int
    reason: str  # one French sentence

    @property
    def message(self) -> str:
        return t("results.import.refused_line", line=self.line, reason=self.reason)


@dataclass
class ResultsFile:
    """What one results file gave."""

    source: str
    division: str = ""
    variant: str = ""  # an id of VARIANTS: "nombre_de_pix", "resultat" or "niveau_score"
    encoding: str = ""
    results: list[CertificationResult] = field(default_factory=list)  # latest per pupil
    superseded: list[CertificationResult] = field(default_factory=list)  # earlier sittings
    refused: list[RefusedLine] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # file-level

    @property
    def readable(self) -> bool:
        return not has_errors(self.problems)

    @property
    def variant_label(self) -> str:
        """The variant in words, for the import report (« fichier depuis avril 2026 … »)."""
        return t(f"results.import.variant.{self.variant}") if self.variant else ""


def division_from_file_name(name: str) -> str | None:
    """``20240612_resultats_3A.csv`` -> ``3A`` (Pix Orga's name for a class's results)."""
    match = FILE_NAME.match(Path(name).name)
    if not match:
        return None
    return match["division"].strip() or None


def read_results_file(path: Path, division: str | None = None) -> ResultsFile:
    """Read a results file from disk; an unreadable path is a file-level problem, not a raise."""
    try:
        data = read_import_file(path)  # bounded: /dev/zero or a FIFO is refused at once
    except ImportFileError as error:
        return ResultsFile(
            source=path.name,
            problems=[
                Problem.error(
                    "results.import.cannot_read",
                    None,
                    name=path.name,
                    reason=str(error).rstrip("."),
                )
            ],
        )
    return parse_results(data, source=path.name, division=division)


def parse_results(data: bytes, source: str = "", division: str | None = None) -> ResultsFile:
    """Parse one per-class results file. ``division`` overrides every other source of class."""
    table = read_table(data)
    out = ResultsFile(source=source, encoding=table.encoding)
    if table.error and not table.header:
        out.problems.append(
            Problem.error("results.import.unreadable", None, name=source or "?", reason=table.error)
        )
        return out
    cols = table.columns(COLUMNS)
    competence_cols = {code: table.column(code) for code in COMPETENCE_CODES}
    missing = [
        (COLUMNS[name][0] if name != "score" else " / ".join(h for _, h in VARIANTS))
        for name in REQUIRED
        if cols[name] is None
    ]
    missing += [code for code, index in competence_cols.items() if index is None]
    if missing:
        out.problems.append(
            Problem.error(
                "results.import.missing_columns",
                None,
                name=source or "?",
                columns=", ".join(missing),
            )
        )
        return out
    score_key = table.keys[cols["score"] or 0]
    out.variant = next(v for v, header in VARIANTS if header_key(header) == score_key)

    file_division = (division or "").strip() or division_from_file_name(source) or ""
    out.division = file_division
    parsed: list[CertificationResult] = []
    for row in table.rows:
        try:
            result = _parse_row(table, row, cols, competence_cols, out.variant)
        except CellError as error:
            out.refused.append(RefusedLine(row.line, str(error)))
            continue
        if division and division.strip():
            result.division = division.strip()  # the caller knows best
        elif not result.division:
            result.division = file_division
        result.source = source
        parsed.append(result)
    if table.error:
        # the reader stopped mid-file: what came before is kept, the rest is refused
        out.refused.append(RefusedLine(table.error_line or table.total_lines, table.error))
    out.results, out.superseded = keep_latest(parsed)

    if not out.results and not out.refused:
        out.problems.append(Problem.error("results.import.no_rows", None, name=source or "?"))
    if out.results and not all(r.division for r in out.results):
        out.problems.append(Problem.warning("results.import.no_division", None, name=source or "?"))
    if out.superseded:
        out.problems.append(
            Problem.info("results.import.superseded", None, count=len(out.superseded))
        )
    return out


def _cell(row: Row, index: int | None) -> str:
    """A cell with Pix's ``-`` read as empty."""
    value = row.cell(index)
    return "" if value == MISSING else value


def _parse_row(
    table: Table,
    row: Row,
    cols: dict[str, int | None],
    competence_cols: dict[str, int | None],
    variant: str,
) -> CertificationResult:
    width = table.width_problem(row)
    if width:
        raise CellError(width)
    first_name, last_name = _cell(row, cols["first_name"]), _cell(row, cols["last_name"])
    if not last_name or not first_name:
        raise CellError(t("results.import.name_missing"))
    birth_text = _cell(row, cols["birthdate"])
    if not birth_text:
        raise CellError(t("results.import.birthdate_missing"))
    birthdate = parse_date(birth_text)

    status_text = _cell(row, cols["status"])
    status = _STATUSES.get(header_key(status_text))
    if status is None:
        raise CellError(t("results.import.bad_status", value=status_text or MISSING))

    certification_type = _cell(row, cols["type"])
    score_text = _cell(row, cols["score"])
    result_label = ""
    if (
        variant == "resultat"
        and _is_pix_plus(certification_type)
        and _RESULT_TEXT.match(score_text) is None
    ):
        # a Pix+ certification's result is a word (« Admissible », « Avancé »): kept as is
        score, level_label, result_label = None, "", score_text
    elif variant == "resultat":
        score, level_label = _parse_result_text(score_text)
    else:
        score, level_label = _parse_score(score_text), _cell(row, cols["level"])

    levels: dict[str, int | None] = {}
    for code, index in competence_cols.items():
        text = _cell(row, index)
        if not text:
            levels[code] = None
            continue
        try:
            level = parse_int(text)
        except CellError:
            raise CellError(t("results.import.bad_level", code=code, value=text)) from None
        if not -1 <= level <= MAX_COMPETENCE_LEVEL:
            raise CellError(t("results.import.bad_level", code=code, value=text))
        levels[code] = max(level, 0)  # Pix's "uncertified" -1 is exported as 0

    taken_text = _cell(row, cols["taken_on"])
    taken_on = _parse_taken_on(taken_text) if taken_text else None

    return CertificationResult(
        certification_number=_cell(row, cols["number"]) or None,
        first_name=first_name,
        last_name=last_name,
        birthdate=birthdate,
        birthplace=_cell(row, cols["birthplace"]),
        external_id=_cell(row, cols["external_id"]),
        division=_cell(row, cols["division"]),
        status=status,
        score=score,
        level_label=level_label,
        result_label=result_label,
        clea=_cell(row, cols["clea"]),
        certification_type=certification_type,
        competence_levels=levels,
        jury_comment=_cell(row, cols["jury_comment"]),
        session_number=_cell(row, cols["session"]) or None,
        certification_center=_cell(row, cols["center"]),
        taken_on=taken_on,
        line=row.line,
    )


def _parse_score(text: str) -> int | None:
    """A number of pix (``Score en Pix``, ``Nombre de Pix``); ``-`` is None. Anything else is
    a refused line: a score is never dropped silently."""
    if not text:
        return None
    try:
        score = parse_int(text)
    except CellError:
        raise CellError(t("results.import.bad_score", value=text)) from None
    if not 0 <= score <= MAX_SCORE:
        raise CellError(t("results.import.bad_score", value=text))
    return score


def _is_pix_plus(certification_type: str) -> bool:
    """Pix+ Droit, Pix+ Édu…: complementary certifications whose result is a word, not pix."""
    return header_key(certification_type).startswith("pix+")


def _parse_result_text(text: str) -> tuple[int | None, str]:
    """(score, Pix's level word) from March 2026's ``Résultat``: ``266 Pix``, ``Novice 1 (5
    Pix)``, a bare number (files re-saved by a spreadsheet) or ``-``."""
    if not text:
        return None, ""
    match = _RESULT_TEXT.match(text.strip())
    if match is None:
        return _parse_score(text), ""
    score = int(match["score"])
    if score > MAX_SCORE:
        raise CellError(t("results.import.bad_score", value=text))
    return score, (match["level"] or "").strip()


def _parse_taken_on(text: str) -> date:
    # some re-saved files carry a time after the date: the day is what matters here
    try:
        return parse_date(text)
    except CellError:
        head = text.split()[0] if text.split() else text
        try:
            return parse_date(head)
        except CellError:
            raise CellError(t("results.import.bad_taken_on", value=text)) from None


def identity_key(result: CertificationResult) -> str:
    """Same pupil = same folded names and birthdate (Pix's duplicate rule)."""
    born = result.birthdate.isoformat() if result.birthdate else ""
    return f"{person_key(result.last_name, result.first_name)}|{born}"


def keep_latest(
    results: Iterable[CertificationResult],
) -> tuple[list[CertificationResult], list[CertificationResult]]:
    """(latest certification per pupil, earlier ones). Undated sittings count as oldest; on
    the same date the later line wins. Order of first appearance is kept."""
    latest: dict[str, CertificationResult] = {}
    superseded: list[CertificationResult] = []
    for result in results:
        key = identity_key(result)
        current = latest.get(key)
        if current is None:
            latest[key] = result
        elif (result.taken_on or date.min) >= (current.taken_on or date.min):
            superseded.append(current)
            latest[key] = result
        else:
            superseded.append(result)
    return list(latest.values()), superseded


def merge_files(
    files: Iterable[ResultsFile],
) -> tuple[list[CertificationResult], list[CertificationResult]]:
    """All classes' files together, still one (latest) certification per pupil: a pupil who
    changed class appears in two files."""
    everything = [result for f in files for result in f.results]
    return keep_latest(everything)


# --- Matching to pupils -------------------------------------------------------------------


@dataclass
class ResultsMatch:
    matched: list[tuple[CertificationResult, Pupil]] = field(default_factory=list)
    unmatched: list[CertificationResult] = field(default_factory=list)
    ambiguous: list[tuple[CertificationResult, list[Pupil]]] = field(default_factory=list)
    pupils_without_result: list[Pupil] = field(default_factory=list)  # of the imported classes

    def problems(self) -> list[Problem]:
        """One warning per row that could not be tied to a pupil, with its line number."""
        out: list[Problem] = []
        for result in self.unmatched:
            out.append(
                Problem.warning(
                    "results.import.unmatched",
                    None,
                    line=result.line or 0,
                    name=f"{result.last_name} {result.first_name}",
                    birthdate=_fr_date(result.birthdate),
                )
            )
        for result, pupils in self.ambiguous:
            out.append(
                Problem.warning(
                    "results.import.ambiguous",
                    None,
                    line=result.line or 0,
                    name=f"{result.last_name} {result.first_name}",
                    count=len(pupils),
                )
            )
        return out


def _first_names_overlap(words: set[str], pupil: Pupil) -> bool:
    theirs = set(name_key(pupil.first_name).split())
    return bool(words and theirs) and (words <= theirs or theirs <= words)


def _fr_date(day: date | None) -> str:
    return format_date(day) or MISSING


def match_results(results: Sequence[CertificationResult], pupils: Sequence[Pupil]) -> ResultsMatch:
    """Tie each result to a pupil by names + birthdate; sets ``result.pupil_id`` when sure.

    First an exact match of folded names and birthdate. Then, only when it designates one
    pupil, the same birthdate and last name with the first names of one included in the
    other ("Jean" vs "Jean Pierre"). Anything else is left for a human: never guess (P6, P7).
    A result without class takes its pupil's class.
    """
    exact: dict[str, list[Pupil]] = {}
    by_last_and_birth: dict[tuple[str, date | None], list[Pupil]] = {}
    for pupil in pupils:
        born = pupil.birthdate.isoformat() if pupil.birthdate else ""
        exact.setdefault(f"{person_key(pupil.last_name, pupil.first_name)}|{born}", []).append(
            pupil
        )
        by_last_and_birth.setdefault((name_key(pupil.last_name), pupil.birthdate), []).append(pupil)

    out = ResultsMatch()
    used: set[str] = set()
    for result in results:
        candidates = exact.get(identity_key(result), [])
        if not candidates:
            words = set(name_key(result.first_name).split())
            same_family = by_last_and_birth.get((name_key(result.last_name), result.birthdate), [])
            candidates = [pupil for pupil in same_family if _first_names_overlap(words, pupil)]
        if len(candidates) == 1:
            pupil = candidates[0]
            result.pupil_id = pupil.id
            if not result.division:
                result.division = pupil.division
            out.matched.append((result, pupil))
            used.add(pupil.id)
        elif candidates:
            out.ambiguous.append((result, candidates))
            used.update(p.id for p in candidates)  # one of them owns it: none is "without result"
        else:
            out.unmatched.append(result)

    divisions = {r.division for r in results if r.division}
    out.pupils_without_result = [
        p for p in pupils if p.division in divisions and p.id not in used and not p.left_school
    ]
    return out
