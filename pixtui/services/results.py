"""Importing Pix Orga's results files (A5) and what the results screens show.

Two steps, as for every import: :func:`prepare_results` reads and matches (writes nothing),
the person reads :func:`describe_preview`, then :func:`apply_results` writes everything in one
transaction. Stored results are keyed by pupil identity (names + birthdate): a newer
certification replaces an older one, an older file never overwrites a newer result.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from pixtui.domain.models import PreviousCertification, Pupil
from pixtui.domain.names import person_key
from pixtui.domain.problems import Problem, Severity
from pixtui.domain.results import CertificationResult, ResultStatus
from pixtui.domain.room import RoomState, room_state
from pixtui.i18n import t
from pixtui.imports.results import (
    ResultsFile,
    ResultsMatch,
    identity_key,
    match_results,
    merge_files,
    read_results_file,
)

IMPORT_ACTION = "import.results"
# room_state needs a time only for a started test; an absent candidate never started
FAR_FUTURE = datetime(9999, 1, 1, tzinfo=UTC)

STATUS_WORDS = {
    ResultStatus.VALIDATED: "after.result_status.validated",
    ResultStatus.REJECTED: "after.result_status.rejected",
    ResultStatus.CANCELLED: "after.result_status.cancelled",
    ResultStatus.CANCELLED_BY_JURY: "after.result_status.cancelled_by_jury",
    ResultStatus.ERROR: "after.result_status.error",
    ResultStatus.STARTED: "after.result_status.started",
}


def status_word(status: ResultStatus) -> str:
    return t(STATUS_WORDS[status])


@dataclass
class ResultsPreview:
    files: list[ResultsFile]
    results: list[CertificationResult] = field(default_factory=list)  # latest per pupil
    superseded: list[CertificationResult] = field(default_factory=list)
    match: ResultsMatch = field(default_factory=ResultsMatch)

    @property
    def problems(self) -> list[Problem]:
        return [p for f in self.files for p in f.problems] + self.match.problems()

    @property
    def unreadable(self) -> list[ResultsFile]:
        return [f for f in self.files if not f.readable]

    @property
    def refused_count(self) -> int:
        return sum(len(f.refused) for f in self.files)

    @property
    def without_class(self) -> list[CertificationResult]:
        return [r for r in self.results if not r.division]

    @property
    def can_write(self) -> bool:
        return bool(self.results) and not self.unreadable


def prepare_results(
    paths: Sequence[Path], pupils: Sequence[Pupil], division: str | None = None
) -> ResultsPreview:
    """Read every file (several classes at once), keep each pupil's latest certification,
    match to pupils. ``division`` is the class typed by the person, for files whose name
    does not say it; nothing is written."""
    files = [read_results_file(Path(p), division=division) for p in paths]
    results, superseded = merge_files(f for f in files if f.readable)
    superseded = [r for f in files for r in f.superseded] + superseded
    match = match_results(results, pupils)
    return ResultsPreview(files, results, superseded, match)


def describe_preview(preview: ResultsPreview, snapshot: Any = None) -> list[str]:
    """What the person reads before accepting: per file, then the matching, then problems;
    with the store's ``snapshot``, the results of pupils the room saw absent (not refused)."""
    lines: list[str] = []
    for f in preview.files:
        if not f.readable:
            lines.extend(p.message for p in f.problems if p.severity is Severity.ERROR)
            continue
        lines.append(
            t(
                "after.import.file_line",
                name=f.source,
                variant=f.variant_label,
                division=f.division or t("after.import.no_class"),
                count=len(f.results),
                refused=len(f.refused),
            )
        )
        lines.extend("  " + r.message for r in f.refused)
    lines.append(
        t(
            "after.import.match_line",
            total=len(preview.results),
            matched=len(preview.match.matched),
            unmatched=len(preview.match.unmatched),
            ambiguous=len(preview.match.ambiguous),
        )
    )
    if preview.superseded:
        lines.append(t("after.import.superseded", count=len(preview.superseded)))
    lines.extend(p.message for p in preview.match.problems())
    if preview.without_class:
        lines.append(t("after.import.without_class", count=len(preview.without_class)))
    if snapshot is not None:
        lines.extend(absent_in_room(snapshot, preview.results).values())
    return lines


@dataclass(frozen=True)
class ResultsOutcome:
    added: int
    replaced: int
    kept_newer: int
    pupils_updated: int

    def message(self) -> str:
        return t(
            "after.import.done",
            added=self.added,
            replaced=self.replaced,
            kept=self.kept_newer,
            pupils=self.pupils_updated,
        )


def _status_label(status: ResultStatus) -> str:
    return status_word(status)


def apply_results(tx: Any, preview: ResultsPreview) -> ResultsOutcome:
    """Write the previewed results in the transaction; fill ``previous_certifications`` of
    the matched pupils (R2: a repeating pupil is seen at enrolment)."""
    stored = {identity_key(r): r for r in tx.results.all()}
    added = replaced = kept = 0
    for result in preview.results:
        key = identity_key(result)
        old = stored.get(key)
        if old is None:
            tx.results.add(result)
            stored[key] = result
            added += 1
        elif (result.taken_on or date.min) >= (old.taken_on or date.min):
            result.id = old.id
            result.rev = old.rev
            tx.results.save(result)
            stored[key] = result
            replaced += 1
        else:
            kept += 1
    updated = _fill_previous(tx, preview.match.matched + _superseded_matches(preview))
    tx.log(
        IMPORT_ACTION,
        "file",
        ", ".join(f.source for f in preview.files),
        after={"added": added, "replaced": replaced, "kept_newer": kept},
    )
    return ResultsOutcome(added, replaced, kept, updated)


def _superseded_matches(preview: ResultsPreview) -> list[tuple[CertificationResult, Pupil]]:
    """Earlier sittings of matched pupils count as previous certifications too."""
    by_key = {identity_key(r): p for r, p in preview.match.matched}
    return [(r, by_key[identity_key(r)]) for r in preview.superseded if identity_key(r) in by_key]


def _fill_previous(tx: Any, matched: Iterable[tuple[CertificationResult, Pupil]]) -> int:
    additions: dict[str, list[CertificationResult]] = {}
    for result, pupil in matched:
        if result.taken_on is not None:
            additions.setdefault(pupil.id, []).append(result)
    updated = 0
    for pupil_id, results in additions.items():
        pupil = tx.pupils.get(pupil_id)
        if pupil is None:
            continue
        known = {(p.taken_on, p.session_number) for p in pupil.previous_certifications}
        changed = False
        for result in results:
            if result.taken_on is None:  # not added above; says so to the type checker
                continue
            key = (result.taken_on, result.session_number)
            if key in known:
                continue
            known.add(key)
            pupil.previous_certifications.append(
                PreviousCertification(
                    taken_on=result.taken_on,
                    status=_status_label(result.status),
                    score=result.score,
                    session_number=result.session_number,
                )
            )
            changed = True
        if changed:
            pupil.previous_certifications.sort(key=lambda p: p.taken_on)
            tx.pupils.save(pupil)
            updated += 1
    return updated


# --- what the screens show --------------------------------------------------------------------


def results_of_session(snapshot: Any, session_id: str) -> list[CertificationResult]:
    """The results whose Pix session number is this session's, or whose pupil sat it."""
    session = snapshot.sessions.get(session_id)
    if session is None:
        return []
    pupil_ids = {c.pupil_id for c in snapshot.candidates.where(session_id=session_id) if c.pupil_id}
    return [
        r
        for r in snapshot.results.all()
        if (session.pix_number and r.session_number == session.pix_number)
        or (r.pupil_id is not None and r.pupil_id in pupil_ids)
    ]


def absent_in_room(snapshot: Any, results: Iterable[CertificationResult]) -> dict[str, str]:
    """The results of pupils the room saw absent: result id → the sentence to show
    (« X était absent·e d'après la salle (session N) : résultat à vérifier »).

    A pupil is absent d'après la salle when, in the session whose Pix number the result
    names, their candidate never came in (no presence confirmed, no test started or ended:
    domain.room's « Absent »). The line is not refused: Pix holds the result, the room's
    record may be the one that is wrong."""
    sessions = {s.pix_number: s for s in snapshot.sessions.all() if s.pix_number}
    remarks: dict[str, str] = {}
    for result in results:
        session = sessions.get(result.session_number or "")
        if session is None:
            continue
        for candidate in snapshot.candidates.where(session_id=session.id):
            same = (
                (result.pupil_id is not None and candidate.pupil_id == result.pupil_id)
                or person_key(candidate.last_name, candidate.first_name)
                == person_key(result.last_name, result.first_name)
                and candidate.birthdate == result.birthdate
            )
            if same and room_state(candidate, FAR_FUTURE) is RoomState.ABSENT:
                remarks[result.id] = t(
                    "after.import.absent_in_room",
                    name=f"{result.last_name.upper()} {result.first_name}",
                    number=session.pix_number,
                )
                break
    return remarks


def results_of_class(snapshot: Any, division: str) -> list[CertificationResult]:
    return [r for r in snapshot.results.all() if r.division == division]
