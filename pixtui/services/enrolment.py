"""Enrolling pupils in a session, their accommodations, and removing them (rules 1, 5, 6).

``enrolment_choices`` prepares what the enrolment screen lists for one class (certifiability,
other sessions, previous certifications, what would refuse or warn); ``enrol_pupils`` does the
enrolment inside a store transaction, checking everything again on fresh data.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pixtui.domain import room as room_rules
from pixtui.domain.certifiability import MINIMUM_CERTIFIABLE_COMPETENCES
from pixtui.domain.enrolment import (
    can_remove_candidate,
    candidate_from_pupil,
    enrolment_problems,
    parse_extra_time,
)
from pixtui.domain.models import Candidate, Pupil, Session
from pixtui.domain.names import name_key
from pixtui.domain.problems import Problem, Severity, errors, infos, warnings
from pixtui.i18n import t
from pixtui.services.sessions import NeedsConfirmation, Refused, refuse_if_final, require

EXTRA_TIME_PRESET = 0.33  # the usual "tiers temps"


@dataclass(frozen=True)
class PupilChoice:
    """One pupil of the class as the enrolment screen shows it."""

    pupil: Pupil
    enrolled: bool  # already a candidate of this session
    problems: tuple[Problem, ...]  # what enrolling would say (ERROR / WARNING / INFO)
    other_sessions: tuple[Session, ...]  # the pupil's other (not removed) enrolments

    @property
    def refused(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.problems)

    @property
    def note(self) -> str:
        """What to know, in a few words, for the table's « À savoir » column: the row already
        names the pupil and the Certificabilité column says whether they are certifiable; the
        line under the table gives the whole sentences. Refusals first, then the other
        warnings, then the certifiability's detail."""
        flagged = [p for p in self.problems if p.severity is not Severity.INFO]
        flagged.sort(key=lambda p: (p.severity is not Severity.ERROR, p.field == "certifiability"))
        if not flagged:
            return ""
        first = flagged[0]
        if first.key == "domain.pupil.not_certifiable_count":
            return t(
                "prep.enrol.know.competences",
                count=self.pupil.certifiable_competences or 0,
                minimum=MINIMUM_CERTIFIABLE_COMPETENCES,
            )
        short = _SHORT_NOTES.get(first.key)
        return t(short) if short else first.message

    @property
    def selectable(self) -> bool:
        """Can be chosen: not yet a candidate here and nothing refuses it."""
        return not self.enrolled and not self.refused


_SHORT_NOTES = {
    "domain.enrol.session_closed": "prep.enrol.know.closed",
    "domain.enrol.session_expired": "prep.enrol.know.closed",
    "domain.enrol.duplicate": "prep.enrol.know.duplicate",
    "domain.enrol.left_school": "prep.enrol.know.left",
    "domain.enrol.too_close": "prep.enrol.know.too_close",
    "domain.pupil.not_certifiable": "prep.enrol.know.not_certifiable",
    "domain.pupil.certifiability_unknown": "prep.enrol.know.unknown",
    "domain.pupil.certifiability_earlier_year": "prep.enrol.know.earlier_year",
}


def _enrolments_of(snapshot_or_tx: Any) -> tuple[dict[str, Session], list[Candidate]]:
    sessions = {s.id: s for s in snapshot_or_tx.sessions.all()}
    candidates = [c for c in snapshot_or_tx.candidates.all() if not c.removed]
    return sessions, candidates


def _other_enrolments(
    sessions: dict[str, Session], candidates: Iterable[Candidate]
) -> list[tuple[Session, Candidate]]:
    return [(sessions[c.session_id], c) for c in candidates if c.session_id in sessions]


def divisions(pupils: Iterable[Pupil]) -> list[str]:
    """The school's current classes, in a natural order (3A, 3B, … 4A)."""
    return sorted({p.division for p in pupils if p.division and not p.left_school}, key=name_key)


def enrolment_choices(
    snapshot: Any, session_id: str, division: str, now: datetime
) -> list[PupilChoice]:
    session = snapshot.sessions.get(session_id)
    if session is None:
        return []
    sessions, candidates = _enrolments_of(snapshot)
    here = [c for c in candidates if c.session_id == session_id]
    enrolled_ids = {c.pupil_id for c in here}
    pairs = _other_enrolments(sessions, candidates)
    by_pupil: dict[str, list[Session]] = {}
    for other, candidate in pairs:
        if candidate.pupil_id and other.id != session_id:
            by_pupil.setdefault(candidate.pupil_id, []).append(other)
    pupils = [
        p
        for p in snapshot.pupils.all()
        if not p.left_school and name_key(p.division) == name_key(division)
    ]
    pupils.sort(key=lambda p: (name_key(p.last_name), name_key(p.first_name)))
    choices = []
    for pupil in pupils:
        problems = enrolment_problems(
            pupil,
            session,
            session_candidates=here,
            other_enrolments=pairs,
            school=snapshot.school,
            now=now,
        )
        others = sorted(by_pupil.get(pupil.id, []), key=lambda s: (s.date is None, s.date))
        choices.append(PupilChoice(pupil, pupil.id in enrolled_ids, tuple(problems), tuple(others)))
    return choices


def still_selectable(
    snapshot: Any, session_id: str, chosen: Iterable[str], now: datetime
) -> set[str]:
    """The chosen pupils that can still be enrolled, whatever class the screen shows now: one
    enrolled meanwhile (here or by another process), refused, gone or left leaves the choice;
    the others stay chosen across class changes."""
    wanted = set(chosen)
    classes = {p.division for p in snapshot.pupils.all() if p.id in wanted}
    return {
        choice.pupil.id
        for division in classes
        for choice in enrolment_choices(snapshot, session_id, division, now)
        if choice.pupil.id in wanted and choice.selectable
    }


@dataclass
class EnrolmentCheck:
    """What enrolling a set of pupils would do: who is refused and why, what needs confirming."""

    accepted: list[Pupil]
    refused: list[tuple[Pupil, list[Problem]]]
    warnings: list[Problem]
    infos: list[Problem]


def check_enrolment(
    snapshot_or_tx: Any, session_id: str, pupil_ids: Sequence[str], now: datetime
) -> EnrolmentCheck:
    session = snapshot_or_tx.sessions.get(session_id)
    if session is None:
        raise Refused([Problem.error("prep.session.gone")])
    sessions, candidates = _enrolments_of(snapshot_or_tx)
    here = [c for c in candidates if c.session_id == session_id]
    pairs = _other_enrolments(sessions, candidates)
    result = EnrolmentCheck([], [], [], [])
    for pupil_id in pupil_ids:
        pupil = snapshot_or_tx.pupils.get(pupil_id)
        if pupil is None:
            continue
        problems = enrolment_problems(
            pupil,
            session,
            session_candidates=here,
            other_enrolments=pairs,
            school=snapshot_or_tx.school,
            now=now,
        )
        if errors(problems):
            result.refused.append((pupil, errors(problems)))
            continue
        result.accepted.append(pupil)
        result.warnings += warnings(problems)
        result.infos += infos(problems)
    return result


def enrolment_note(problems: Sequence[Problem]) -> str:
    """What is kept on the candidate about a confirmed warning (override, repeating pupil)."""
    keys = {p.key for p in problems}
    notes = []
    if keys & {
        "domain.pupil.not_certifiable",
        "domain.pupil.not_certifiable_count",
        "domain.pupil.certifiability_unknown",
    }:
        notes.append(t("prep.enrol.note.override"))
    if keys & {"domain.enrol.previous", "domain.enrol.previous_status"}:
        notes.append(t("prep.enrol.note.repeating"))
    if "domain.enrol.too_close" in keys:
        notes.append(t("prep.enrol.note.too_close"))
    return " ; ".join(notes)


def enrol_pupils(
    tx: Any, session_id: str, pupil_ids: Sequence[str], *, now: datetime, confirmed: bool = False
) -> list[Candidate]:
    """Enrol the pupils that may be enrolled; refused ones are skipped and reported.

    Raises ``NeedsConfirmation`` (nothing written) when a warning was not confirmed, and
    ``Refused`` when no pupil at all can be enrolled.
    """
    check = check_enrolment(tx, session_id, pupil_ids, now)
    if not check.accepted:
        refused = [p for _, problems in check.refused for p in problems]
        raise Refused(refused or [Problem.error("prep.enrol.nobody")])
    if check.warnings and not confirmed:
        raise NeedsConfirmation(check.warnings)
    session = tx.sessions.get(session_id)
    sessions, candidates = _enrolments_of(tx)
    here = [c for c in candidates if c.session_id == session_id]
    pairs = _other_enrolments(sessions, candidates)
    new: list[Candidate] = []
    for pupil in check.accepted:
        problems = enrolment_problems(
            pupil,
            session,
            session_candidates=here,
            other_enrolments=pairs,
            school=tx.school,
            now=now,
        )
        candidate = candidate_from_pupil(pupil, session_id)
        candidate.enrolment_note = enrolment_note(problems)
        new.append(candidate)
    return tx.candidates.add_many(new)


# --- One candidate ------------------------------------------------------------------------------


@dataclass
class Accommodations:
    """What the accommodations form holds (extra time typed as a percentage)."""

    extra_time: str = ""
    accessibility: bool = False
    aid_note: str = ""
    language_note: str = ""


def accommodations_of(candidate: Candidate) -> Accommodations:
    ratio = candidate.extra_time_ratio
    return Accommodations(
        extra_time=f"{round(ratio * 100, 2):g}" if ratio else "",
        accessibility=candidate.accessibility_adjustment,
        aid_note=candidate.aid_note,
        language_note=candidate.language_note,
    )


def set_accommodations(
    tx: Any,
    candidate_id: str,
    form: Accommodations,
    *,
    rev: int | None = None,
    confirmed: bool = False,
) -> Candidate:
    """Save the candidate's accommodations; the extra time is validated (rule 6), and once the
    test has started its change needs ``confirmed`` (the old and new personal end are shown)."""
    from pixtui.domain.enrolment import ExtraTimeError

    try:
        ratio = parse_extra_time(form.extra_time)
    except ExtraTimeError as error:
        raise Refused([error.problem]) from None
    candidate = _editable_candidate(tx, candidate_id)
    _check_extra_time_change(tx, candidate, ratio, confirmed)
    if rev is not None:
        candidate.rev = rev
    updated = dataclasses.replace(
        candidate,
        accessibility_adjustment=form.accessibility,
        aid_note=form.aid_note.strip(),
        language_note=form.language_note.strip(),
    )
    room_rules.set_extra_time(updated, ratio, tx.now, tx.actor)
    return tx.candidates.save(updated)


def _check_extra_time_change(tx: Any, candidate: Candidate, ratio: float, confirmed: bool) -> None:
    """Extra time is sacred: after the start, a change is only made once confirmed."""
    problem = room_rules.extra_time_change(candidate, ratio, tx.school.test_minutes)
    if problem is not None and not confirmed:
        raise NeedsConfirmation([problem])


def _editable_candidate(tx: Any, candidate_id: str) -> Candidate:
    """The candidate, if still enrolled in a session that is not finalised."""
    candidate = tx.candidates.get(candidate_id)
    if candidate is None or candidate.removed:
        raise Refused([Problem.error("prep.candidate.gone")])
    session = tx.sessions.get(candidate.session_id)
    if session is not None:
        refuse_if_final(session)
    return candidate


def set_extra_time(
    tx: Any, candidate_id: str, ratio: float, *, confirmed: bool = False
) -> Candidate:
    """The preset key: one value, no form (no stale check: the last action wins). After the
    start, refused with a confirmation to ask unless ``confirmed``."""
    candidate = _editable_candidate(tx, candidate_id)
    _check_extra_time_change(tx, candidate, ratio, confirmed)
    return tx.candidates.update(
        candidate_id, lambda c: room_rules.set_extra_time(c, ratio, tx.now, tx.actor)
    )


def remove_candidate(tx: Any, candidate_id: str, *, now: datetime) -> Candidate:
    """Unenrol a candidate before the session starts (kept as ``removed``: records never vanish)."""
    candidate = tx.candidates.get(candidate_id)
    if candidate is None or candidate.removed:
        raise Refused([Problem.error("prep.candidate.gone")])
    session = tx.sessions.get(candidate.session_id)
    if session is None:
        raise Refused([Problem.error("prep.session.gone")])
    require(can_remove_candidate(candidate, session, now), confirmed=True)

    def mutate(c: Candidate) -> None:
        c.removed = True

    return tx.candidates.update(candidate_id, mutate)


__all__ = [
    "EXTRA_TIME_PRESET",
    "Accommodations",
    "EnrolmentCheck",
    "NeedsConfirmation",
    "PupilChoice",
    "Refused",
    "accommodations_of",
    "check_enrolment",
    "divisions",
    "enrol_pupils",
    "enrolment_choices",
    "enrolment_note",
    "remove_candidate",
    "set_accommodations",
    "set_extra_time",
]
