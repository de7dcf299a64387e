"""Rules 5 and 6: enrolling a pupil in a session, and the extra time (temps majoré).

Extra time is typed as a whole percentage ("33", "33 %", "33%", "+33 %") and stored as a ratio
like Pix (33 % → 0.33). A value such as "0,33" is refused with a hint rather than read as 33 %
or 0.33 %: it is exactly Pix's old "0,33 %" confusion, and a silent guess could cost a pupil
their third of the time.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from pixtui.domain.certifiability import certifiability_problems, earlier_year_problems
from pixtui.domain.clock import SCHOOL_ZONE, as_utc
from pixtui.domain.enums import SessionStatus
from pixtui.domain.labels import label
from pixtui.domain.models import Candidate, Pupil, SchoolSettings, Session
from pixtui.domain.names import person_key
from pixtui.domain.problems import Problem, Refused
from pixtui.domain.timing import format_date, session_start

MAX_EXTRA_TIME_PERCENT = 999  # Pix: ratio < 10
ENROLMENT_CLOSES_AFTER_FIRST_START = timedelta(hours=24)  # Pix's "expired" session (2026)


def too_close(first: date, second: date, spacing_days: int) -> bool:
    """R1: two sittings of one pupil less than ``spacing_days`` apart (15 by default)."""
    return abs((second - first).days) < spacing_days


def _same_person(pupil: Pupil, candidate: Candidate) -> bool:
    if pupil.id and candidate.pupil_id == pupil.id:
        return True
    return (
        person_key(pupil.last_name, pupil.first_name)
        == person_key(candidate.last_name, candidate.first_name)
        and pupil.birthdate == candidate.birthdate
    )


def enrolment_problems(
    pupil: Pupil,
    session: Session,
    *,
    session_candidates: Sequence[Candidate],
    other_enrolments: Sequence[tuple[Session, Candidate]],
    school: SchoolSettings,
    now: datetime,
) -> list[Problem]:
    """Everything that refuses, needs confirming or is worth knowing before enrolling ``pupil``.

    ``other_enrolments`` may hold any enrolments (the pupil's own are picked out by pupil id,
    or by normalised names + birthdate); ``now`` comes from the injected clock.
    """
    name = f"{pupil.first_name} {pupil.last_name}".strip()
    problems: list[Problem] = []
    if session.status is not SessionStatus.CREATED:
        problems.append(Problem.error("domain.enrol.session_closed", status=label(session.status)))
    elif session.first_started_at is not None and as_utc(now) >= (
        as_utc(session.first_started_at) + ENROLMENT_CLOSES_AFTER_FIRST_START
    ):
        problems.append(Problem.error("domain.enrol.session_expired"))
    if any(not c.removed and _same_person(pupil, c) for c in session_candidates):
        problems.append(Problem.error("domain.enrol.duplicate", name=name))

    problems += certifiability_problems(pupil)
    problems += earlier_year_problems(pupil, now.astimezone(SCHOOL_ZONE).date())
    if pupil.left_school:
        problems.append(Problem.warning("domain.enrol.left_school", name=name))

    if session.date is not None:
        for other_session, candidate in sorted(
            other_enrolments, key=lambda pair: (pair[0].date is None, pair[0].date)
        ):
            if (
                other_session.id == session.id
                or other_session.date is None
                or candidate.removed
                or not _same_person(pupil, candidate)
            ):
                continue
            if too_close(other_session.date, session.date, school.spacing_days):
                problems.append(
                    Problem.warning(
                        "domain.enrol.too_close",
                        name=name,
                        date=format_date(other_session.date),
                        days=school.spacing_days,
                    )
                )
                break

    if pupil.previous_certifications:
        last = max(pupil.previous_certifications, key=lambda p: p.taken_on)
        key = "domain.enrol.previous_status" if last.status else "domain.enrol.previous"
        problems.append(
            Problem.info(key, name=name, date=format_date(last.taken_on), status=last.status)
        )
    return problems


def candidate_from_pupil(pupil: Pupil, session_id: str) -> Candidate:
    """A new candidate with the pupil's identity copied (Pix copies it at enrolment too)."""
    return Candidate(
        session_id=session_id,
        pupil_id=pupil.id,
        last_name=pupil.last_name.strip(),
        first_name=pupil.first_name.strip(),
        birthdate=pupil.birthdate,
        division=pupil.division.strip(),
    )


def can_remove_candidate(candidate: Candidate, session: Session, now: datetime) -> list[Problem]:
    """A candidate may be unenrolled until the session starts; afterwards an absent pupil stays
    on the list (the attendance sheet and the PV need them)."""
    if candidate.started_at is not None or candidate.assessment_state is not None:
        return [Problem.error("domain.enrol.remove_started")]
    if session.status is not SessionStatus.CREATED:
        return [Problem.error("domain.enrol.remove_closed", status=label(session.status))]
    started = session.first_started_at is not None
    if not started and session.date is not None and session.start_time is not None:
        started = as_utc(now) >= session_start(session)
    if started:
        return [Problem.error("domain.enrol.remove_after_start")]
    return []


# --- Extra time (rule 6) ----------------------------------------------------------------------


class ExtraTimeError(Refused, ValueError):
    """Raised by :func:`parse_extra_time`; ``problem.message`` is the sentence to show."""


_PERCENT = re.compile(r"\+?\s*([0-9]+(?:[.,][0-9]+)?)\s*%?")


def parse_extra_time(text: str) -> float:
    """ "33", "33 %", "33%", "+33 %" → 0.33; empty → 0.0. Raises ExtraTimeError otherwise."""
    stripped = text.strip()
    if not stripped:
        return 0.0
    match = _PERCENT.fullmatch(stripped)
    if not match:
        raise ExtraTimeError(
            Problem.error("domain.extra_time.invalid", "extra_time", value=stripped)
        )
    number = float(match.group(1).replace(",", "."))
    if not number.is_integer():
        key = "domain.extra_time.ratio_typed" if 0 < number < 1 else "domain.extra_time.integer"
        percent = round(number * 100) if 0 < number < 1 else number
        raise ExtraTimeError(Problem.error(key, "extra_time", value=stripped, percent=percent))
    problems = validate_extra_time_percent(number)
    if problems:
        raise ExtraTimeError(problems[0])
    return round(number / 100, 4)


def validate_extra_time_percent(value: float) -> list[Problem]:
    """0 ≤ value ≤ 999 (a percentage, not the stored ratio)."""
    if not 0 <= value <= MAX_EXTRA_TIME_PERCENT:
        return [
            Problem.error(
                "domain.extra_time.range",
                "extra_time",
                value=f"{value:g}",
                max=MAX_EXTRA_TIME_PERCENT,
            )
        ]
    return []
