"""Rule 9 (A3): how long a session's personal data is kept, and the purge that follows.

The purge is two steps on purpose: :func:`purge_plan` only *reads* and lists what would go
(the dry run the referent sees), :func:`apply_purge` then anonymises exactly what the plan
listed. Anonymising rather than deleting keeps exam records countable: states, abort
reasons, issue codes, scores and classes stay, so campaign statistics survive the purge.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from pixtui.domain.clock import as_utc
from pixtui.domain.models import Candidate, Pupil, Session
from pixtui.domain.results import CertificationResult
from pixtui.domain.timing import format_date, shift_years
from pixtui.i18n import t

DEFAULT_RETENTION_YEARS = 5


def retention_until(session_date: date, years: int = DEFAULT_RETENTION_YEARS) -> date:
    """The last day the session's documents must be kept: the ``years``-th anniversary.

    A 29 February session has no anniversary in a common year: 1 March is used, so data is
    never purged before the full period has run (28 February would be one day early).
    """
    if years < 0:
        raise ValueError("retention years must not be negative")
    kept = shift_years(session_date, years)
    if kept.day != session_date.day:  # 29 February -> 28 in a common year: one day early
        kept += timedelta(days=1)
    return kept


def session_retention_until(session: Session, years: int = DEFAULT_RETENTION_YEARS) -> date | None:
    """The session's own retention date if one was recorded, else computed from its date."""
    if session.retention_until is not None:
        return session.retention_until
    if session.date is None:
        return None
    return retention_until(session.date, years)


def is_expired(session: Session, today: date, years: int = DEFAULT_RETENTION_YEARS) -> bool:
    """Expired the day after its retention date; a session without a date never expires."""
    until = session_retention_until(session, years)
    return until is not None and today > until


def expired_sessions(
    sessions: Iterable[Session], today: date, years: int = DEFAULT_RETENTION_YEARS
) -> list[Session]:
    """Sessions whose retention period is over, oldest first (purged ones included)."""
    expired = [s for s in sessions if is_expired(s, today, years)]
    return sorted(expired, key=lambda s: (s.date or date.min, s.id))


def sessions_expiring_within(
    sessions: Iterable[Session], today: date, days: int, years: int = DEFAULT_RETENTION_YEARS
) -> list[Session]:
    """Sessions not yet expired whose retention ends in the next ``days`` days (the reminder)."""
    out = []
    for session in sessions:
        until = session_retention_until(session, years)
        if until is not None and today <= until and (until - today).days <= days:
            out.append(session)
    return sorted(out, key=lambda s: (s.date or date.min, s.id))


# --- What is personal data here -----------------------------------------------------------

CANDIDATE_FIELDS = (
    "last_name",
    "first_name",
    "birthdate",
    "extra_time_ratio",  # extra time and aid reveal a disability: health data of a minor
    "accessibility_adjustment",
    "aid_note",
    "language_note",
    "enrolment_note",
    "issue_reports.description",  # free text written about the pupil; the codes stay
)
PUPIL_FIELDS = (
    "last_name",
    "first_name",
    "birthdate",
    "sex",
    "ine",
    "mef_code",
    "login_methods",
    "follow_up",
)
SESSION_FIELDS = (
    "description",  # observations may name pupils
    "finalization.examiner_global_comment",
    "checklist.note",
)
RESULT_FIELDS = ("last_name", "first_name", "birthdate", "birthplace", "external_id")
# ``pupil_id`` links are kept on purpose: a pupil still at school when their session expires
# must still be found (and purged) once they leave; after that the link points to nobody.


@dataclass(frozen=True)
class PurgeItem:
    """One record the purge would anonymise, with what is shown before confirming."""

    record_type: str  # "session", "candidate", "pupil", "result"
    record_id: str
    label: str  # e.g. "DUPONT Léa (3A)", shown in the dry run
    fields: tuple[str, ...]


@dataclass
class PurgePlan:
    today: date
    sessions: list[PurgeItem] = field(default_factory=list)
    candidates: list[PurgeItem] = field(default_factory=list)
    pupils: list[PurgeItem] = field(default_factory=list)
    results: list[PurgeItem] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.sessions or self.candidates or self.pupils or self.results)

    def ids(self, record_type: str) -> set[str]:
        items = {
            "session": self.sessions,
            "candidate": self.candidates,
            "pupil": self.pupils,
            "result": self.results,
        }[record_type]
        return {item.record_id for item in items}

    def lines(self) -> list[str]:
        """The dry run as French lines: a summary, then every record that would be touched."""
        if self.is_empty:
            return [t("results.retention.nothing", today=format_date(self.today))]
        out = [
            t(
                "results.retention.summary",
                sessions=len(self.sessions),
                candidates=len(self.candidates),
                pupils=len(self.pupils),
                results=len(self.results),
            )
        ]
        for title_key, items in (
            ("results.retention.section_sessions", self.sessions),
            ("results.retention.section_candidates", self.candidates),
            ("results.retention.section_pupils", self.pupils),
            ("results.retention.section_results", self.results),
        ):
            if items:
                out.append(t(title_key))
                out.extend(f"  {item.label}" for item in items)
        return out


def _person_label(last: str, first: str, division: str) -> str:
    name = f"{last.upper()} {first}".strip()
    return f"{name} ({division})" if division else name


def _session_label(session: Session) -> str:
    day = format_date(session.date) or "?"
    number = session.pix_number or "—"
    return t("results.retention.session_label", number=number, date=day, room=session.room or "—")


def purge_plan(
    sessions: Sequence[Session],
    candidates: Sequence[Candidate],
    pupils: Sequence[Pupil],
    today: date,
    years: int = DEFAULT_RETENTION_YEARS,
    results: Sequence[CertificationResult] = (),
) -> PurgePlan:
    """What a purge would anonymise today. Reads only: nothing is changed.

    - every expired session not purged yet, and all its candidates;
    - pupils who left the school and whose every session has expired (a pupil still at
      school, or with a session still in its retention period, is kept; a pupil who left
      without ever sitting a session is not this rule's business: the pupil-list import
      handles departures);
    - certification results of those sessions (by Pix session number) or of those pupils.
    """
    plan = PurgePlan(today=today)
    expired = [s for s in expired_sessions(sessions, today, years) if s.purged_at is None]
    expired_ids = {s.id for s in expired}
    all_expired_ids = {s.id for s in sessions if is_expired(s, today, years)}
    for session in expired:
        plan.sessions.append(
            PurgeItem("session", session.id, _session_label(session), SESSION_FIELDS)
        )

    for candidate in candidates:
        if candidate.session_id in expired_ids and not _candidate_anonymised(candidate):
            label = _person_label(candidate.last_name, candidate.first_name, candidate.division)
            plan.candidates.append(PurgeItem("candidate", candidate.id, label, CANDIDATE_FIELDS))

    sessions_of_pupil: dict[str, set[str]] = {}
    for candidate in candidates:
        if candidate.pupil_id:
            sessions_of_pupil.setdefault(candidate.pupil_id, set()).add(candidate.session_id)
    purged_pupils: set[str] = set()
    for pupil in pupils:
        their_sessions = sessions_of_pupil.get(pupil.id, set())
        if (
            pupil.left_school
            and their_sessions
            and their_sessions <= all_expired_ids
            and not _pupil_anonymised(pupil)
        ):
            label = _person_label(pupil.last_name, pupil.first_name, pupil.division)
            plan.pupils.append(PurgeItem("pupil", pupil.id, label, PUPIL_FIELDS))
            purged_pupils.add(pupil.id)

    expired_numbers = {s.pix_number for s in sessions if s.id in all_expired_ids and s.pix_number}
    for result in results:
        if _result_anonymised(result):
            continue
        if result.session_number in expired_numbers or (
            result.pupil_id is not None and result.pupil_id in purged_pupils
        ):
            label = _person_label(result.last_name, result.first_name, result.division)
            plan.results.append(PurgeItem("result", result.id, label, RESULT_FIELDS))
    return plan


def _candidate_anonymised(candidate: Candidate) -> bool:
    return (
        candidate.last_name == anonymous_name()
        and not candidate.first_name
        and candidate.birthdate is None
    )


def _pupil_anonymised(pupil: Pupil) -> bool:
    return pupil.last_name == anonymous_name() and not pupil.first_name and pupil.birthdate is None


def _result_anonymised(result: CertificationResult) -> bool:
    return (
        result.last_name == anonymous_name() and not result.first_name and result.birthdate is None
    )


def anonymous_name() -> str:
    """What replaces a last name after the purge (the first name becomes empty)."""
    return t("results.retention.anonymous")


@dataclass(frozen=True)
class PurgeReport:
    at: datetime
    by: str
    sessions: int
    candidates: int
    pupils: int
    results: int

    def message(self) -> str:
        return t(
            "results.retention.done",
            sessions=self.sessions,
            candidates=self.candidates,
            pupils=self.pupils,
            results=self.results,
        )


def apply_purge(
    plan: PurgePlan,
    sessions: Iterable[Session],
    candidates: Iterable[Candidate],
    pupils: Iterable[Pupil],
    at: datetime,
    by: str,
    results: Iterable[CertificationResult] = (),
) -> PurgeReport:
    """Anonymise, in place, exactly the records listed in ``plan``; the caller saves them and
    writes the audit event. Counts, states, codes, scores and classes are kept."""
    at = as_utc(at)
    anonymous = anonymous_name()
    counts = {"session": 0, "candidate": 0, "pupil": 0, "result": 0}

    session_ids = plan.ids("session")
    for session in sessions:
        if session.id in session_ids:
            session.description = ""
            if session.finalization is not None:
                session.finalization.examiner_global_comment = ""
            for item in session.checklist:
                item.note = ""
            session.purged_at = at
            session.updated_at, session.updated_by = at, by
            counts["session"] += 1

    candidate_ids = plan.ids("candidate")
    for candidate in candidates:
        if candidate.id in candidate_ids:
            candidate.last_name, candidate.first_name, candidate.birthdate = anonymous, "", None
            candidate.extra_time_ratio = 0.0
            candidate.accessibility_adjustment = False
            candidate.aid_note = candidate.language_note = candidate.enrolment_note = ""
            for report in candidate.issue_reports:
                report.description = ""
            candidate.updated_at, candidate.updated_by = at, by
            counts["candidate"] += 1

    pupil_ids = plan.ids("pupil")
    for pupil in pupils:
        if pupil.id in pupil_ids:
            pupil.last_name, pupil.first_name, pupil.birthdate = anonymous, "", None
            pupil.sex = pupil.ine = pupil.mef_code = None
            pupil.login_methods = []
            pupil.follow_up = ""
            pupil.updated_at, pupil.updated_by = at, by
            counts["pupil"] += 1

    result_ids = plan.ids("result")
    for result in results:
        if result.id in result_ids:
            result.last_name, result.first_name, result.birthdate = anonymous, "", None
            result.birthplace = result.external_id = ""
            result.updated_at, result.updated_by = at, by
            counts["result"] += 1

    return PurgeReport(
        at, by, counts["session"], counts["candidate"], counts["pupil"], counts["result"]
    )
