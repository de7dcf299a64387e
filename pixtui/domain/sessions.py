"""Rules 2 and 3: what makes a session valid, and when it may be deleted.

``validate_session`` returns every problem at once (ERROR refuses the save, WARNING asks for a
confirmation); the form shows them next to their fields.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import date, time, timedelta

from pixtui.domain.clock import at_local
from pixtui.domain.codes import (
    validate_access_code,
    validate_invigilator_password,
    validate_pix_session_number,
)
from pixtui.domain.enums import SchoolType, SessionStatus
from pixtui.domain.labels import label
from pixtui.domain.models import (
    CampaignWindow,
    Candidate,
    SchoolSettings,
    Session,
    default_campaign_windows,
)
from pixtui.domain.names import name_key
from pixtui.domain.problems import Problem
from pixtui.domain.timing import format_date, format_time

DEFAULT_PUPILS_PER_INVIGILATOR = 20

# --- Parsing what the user types --------------------------------------------------------------

_DATE_FR = re.compile(r"([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})")
_DATE_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_TIME = re.compile(r"([0-9]{1,2})\s*[:hH]\s*([0-9]{2})?")


def parse_date(text: str) -> date | None:
    """A day typed as JJ/MM/AAAA (also with . or -) or AAAA-MM-JJ; None if it is not a real day."""
    text = text.strip()
    if match := _DATE_ISO.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
    elif match := _DATE_FR.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_time(text: str) -> time | None:
    """ "09:30", "9:30", "9h30", "14h" (24-hour clock); None otherwise."""
    match = _TIME.fullmatch(text.strip())
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if match.group(2) is None and ":" in text:
        return None  # "9:" is a half-typed time, not 9:00
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def validate_date_text(text: str, field: str = "date") -> list[Problem]:
    if not text.strip():
        return [Problem.error("domain.session.date_required", field)]
    if parse_date(text) is None:
        return [Problem.error("domain.session.date_invalid", field, value=text.strip())]
    return []


def validate_time_text(text: str, field: str = "start_time") -> list[Problem]:
    if not text.strip():
        return [Problem.error("domain.session.time_required", field)]
    if parse_time(text) is None:
        return [Problem.error("domain.session.time_invalid", field, value=text.strip())]
    return []


def split_examiners(text: str) -> list[str]:
    """ "Mme Martin, M. Durand ; Mme Petit" → three names (Pix keeps one free-text field)."""
    return [name.strip() for name in re.split(r"[,;\n]", text) if name.strip()]


# --- Campaign window and school year ----------------------------------------------------------


def school_year_start(day: date) -> int:
    """The calendar year in which the school year of ``day`` began (September to August)."""
    return day.year if day.month >= 9 else day.year - 1


def in_current_campaign(session_day: date | None, status_created: bool, today: date) -> bool:
    """Whether Accueil's « La campagne en chiffres » counts a session: one of today's school
    year, one without a date yet, or an earlier one still not finalised (still to do). A
    lycée keeps five years of sessions; counting them all gave « 4680 élèves inscrits sur
    2000 » and « 500 sessions »."""
    if session_day is None or school_year_start(session_day) == school_year_start(today):
        return True
    return status_created and session_day < today


def school_year_of(day: date) -> str:
    """French school years run September to August: 2026-10-01 → "2026-2027"."""
    first = school_year_start(day)
    return f"{first}-{first + 1}"


def proposed_campaign_window(school_type: SchoolType, day: date) -> CampaignWindow:
    """The one home of "which window this year": the seed deck's window of the level
    (collège early March to mid-June, lycée early November to end of March) moved to the
    school year of ``day`` with relativedelta (29 February safe). Pix adjusts the dates each
    year, so this is only a proposal (``proposed=True``) for the referent to confirm or correct
    (``pixtui init``, Accueil's C key); the demo builds its windows with it too."""
    from dateutil.relativedelta import relativedelta  # here: not needed at every start-up

    seed = next(w for w in default_campaign_windows() if w.school_type is school_type)
    years = relativedelta(years=school_year_start(day) - school_year_start(seed.start))
    return CampaignWindow(
        school_type,
        school_year_of(day),
        seed.start + years,
        seed.end + years,
        proposed=True,
    )


def campaign_window_for(school: SchoolSettings, day: date) -> CampaignWindow | None:
    """The school's window for its level in the school year of ``day``, if one is configured."""
    year = school_year_of(day)
    for window in school.campaign_windows:
        if window.school_type == school.school_type and window.school_year == year:
            return window
    return None


# --- Rule 3 -------------------------------------------------------------------------------------


def invigilators_needed(candidates: int, per: int = DEFAULT_PUPILS_PER_INVIGILATOR) -> int:
    """ceil(candidates / per): one invigilator per 20 pupils (seed deck, B3)."""
    if candidates <= 0:
        return 0
    return math.ceil(candidates / max(per, 1))


# --- Rule 2 -------------------------------------------------------------------------------------


def _same_room(a: Session, b: Session) -> bool:
    # Rooms are named per site: "Salle 12" of two sites are two rooms.
    return name_key(a.room) == name_key(b.room) and name_key(a.site) == name_key(b.site)


def _overlaps(a: Session, b: Session, slot: timedelta) -> bool:
    start_a = at_local(a.date, a.start_time)  # type: ignore[arg-type]
    start_b = at_local(b.date, b.start_time)  # type: ignore[arg-type]
    return start_a < start_b + slot and start_b < start_a + slot


def validate_session(
    session: Session,
    *,
    school: SchoolSettings,
    others: Sequence[Session],
    today: date,
    candidate_count: int = 0,
) -> list[Problem]:
    problems: list[Problem] = []
    if not session.site.strip():
        problems.append(Problem.error("domain.session.site_required", "site"))
    if not session.room.strip():
        problems.append(Problem.error("domain.session.room_required", "room"))
    examiners = [name for name in session.examiners if name.strip()]
    if not examiners:
        problems.append(Problem.error("domain.session.examiners_required", "examiners"))
    if session.date is None:
        problems.append(Problem.error("domain.session.date_required", "date"))
    if session.start_time is None:
        problems.append(Problem.error("domain.session.time_required", "start_time"))

    if session.date is not None:
        if not session.rehearsal:  # a rehearsal is no certification: any day will do
            problems += _window_problems(session.date, school)
        # A session already run (or finalised) is naturally in the past: no warning then.
        not_yet_run = session.status is SessionStatus.CREATED and session.first_started_at is None
        if session.date < today and not_yet_run:
            problems.append(
                Problem.warning(
                    "domain.session.in_the_past", "date", date=format_date(session.date)
                )
            )

    if session.date is not None and session.start_time is not None and session.room.strip():
        slot = timedelta(minutes=school.slot_minutes)
        for other in others:
            if other.id == session.id or other.date is None or other.start_time is None:
                continue
            if _same_room(session, other) and _overlaps(session, other, slot):
                problems.append(
                    Problem.error(
                        "domain.session.room_taken",
                        "start_time",
                        room=session.room.strip(),
                        date=format_date(other.date),
                        time=format_time(other.start_time),
                    )
                )
                break

    needed = invigilators_needed(candidate_count, school.pupils_per_invigilator)
    if examiners and len(examiners) < needed:
        problems.append(
            Problem.warning(
                "domain.session.invigilators_short",
                "examiners",
                candidates=candidate_count,
                needed=needed,
                count=len(examiners),
                per=school.pupils_per_invigilator,
            )
        )

    if session.pix_number and session.pix_number.strip():
        problems += validate_pix_session_number(session.pix_number)
    if session.access_code.strip():
        problems += validate_access_code(session.access_code)
    if session.invigilator_password.strip():
        problems += validate_invigilator_password(session.invigilator_password)
    return problems


def _window_problems(day: date, school: SchoolSettings) -> list[Problem]:
    level = label(school.school_type)
    window = campaign_window_for(school, day)
    if window is None:
        return [
            Problem.warning(
                "domain.session.no_campaign_window", "date", year=school_year_of(day), level=level
            )
        ]
    if not window.start <= day <= window.end:
        return [
            Problem.warning(
                "domain.session.outside_campaign",
                "date",
                date=format_date(day),
                level=level,
                start=format_date(window.start),
                end=format_date(window.end),
            )
        ]
    return []


def has_started_certification(session: Session, candidates: Sequence[Candidate]) -> bool:
    """Pix's ``hasStartedCertifications``: at least one candidate started (removed ones too)."""
    return session.first_started_at is not None or any(
        c.session_id == session.id and (c.started_at is not None or c.assessment_state is not None)
        for c in candidates
    )


def session_can_be_deleted(session: Session, candidates: Sequence[Candidate]) -> list[Problem]:
    """Refused once a certification started (Pix's rule); enrolled candidates only warn."""
    if has_started_certification(session, candidates):
        return [Problem.error("domain.session.delete_started")]
    if session.status is not SessionStatus.CREATED:
        return [Problem.error("domain.session.delete_finalised", status=label(session.status))]
    enrolled = sum(1 for c in candidates if c.session_id == session.id and not c.removed)
    if enrolled:
        return [Problem.warning("domain.session.delete_with_candidates", count=enrolled)]
    return []
