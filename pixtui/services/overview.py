"""What the home screen (Accueil) shows: the school, today's sessions, counts, what is left to do."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pixtui.domain.certifiability import has_login_method
from pixtui.domain.enums import Certifiability, LoginMethod, SessionStatus
from pixtui.domain.models import Candidate, Pupil, Session
from pixtui.domain.problems import Severity
from pixtui.domain.room import room_counters
from pixtui.domain.sessions import (
    campaign_window_for,
    in_current_campaign,
    invigilators_needed,
    proposed_campaign_window,
)
from pixtui.domain.timing import format_date, format_day_month, format_time
from pixtui.i18n import t
from pixtui.services.current import current_pupils


@dataclass(frozen=True)
class TodaySession:
    session: Session
    enrolled: int
    present: int
    in_progress: int  # started and not finished (« en cours »)
    finished: int
    alerts: int


@dataclass(frozen=True)
class PupilCounts:
    total: int = 0
    certifiable: int = 0
    not_certifiable: int = 0
    unknown: int = 0
    no_login: int = 0
    email_login: int = 0
    classes: int = 0


@dataclass(frozen=True)
class SessionCounts:
    total: int = 0
    upcoming: int = 0
    to_finalise: int = 0
    finalised: int = 0
    processed: int = 0
    enrolled_pupils: int = 0


@dataclass(frozen=True)
class Todo:
    severity: Severity
    text: str


@dataclass(frozen=True)
class HomeOverview:
    campaign: str
    today: list[TodaySession]
    pupils: PupilCounts
    sessions: SessionCounts
    todos: list[Todo] = field(default_factory=list)


def _session_day(session: Session) -> date:
    return session.date or date.min


def build_overview(snapshot: Any, today: date) -> HomeOverview:
    school = snapshot.school
    pupils: list[Pupil] = current_pupils(snapshot)  # those who left are not converted
    # this school year's campaign only: five years of sessions and candidates are kept (on
    # a store folder, the parts of the finalised sessions of past years are not even read)
    sessions: list[Session] = snapshot.sessions_where(
        lambda day, status: in_current_campaign(day, status is SessionStatus.CREATED, today)
    )
    candidates: list[Candidate] = [
        c for c in snapshot.candidates_of(s.id for s in sessions) if not c.removed
    ]
    by_session: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        by_session.setdefault(candidate.session_id, []).append(candidate)

    return HomeOverview(
        campaign=_campaign_line(school, today),
        today=_today_sessions(sessions, by_session, today),
        pupils=_pupil_counts(pupils),
        sessions=_session_counts(sessions, candidates, today),
        todos=_todos(school, pupils, sessions, by_session, candidates, today),
    )


def _campaign_line(school: Any, today: date) -> str:
    window = campaign_window_for(school, today)
    if window is None or window.proposed:
        # no confirmed window this school year: Accueil proposes the current one (C confirms)
        proposal = window or proposed_campaign_window(school.school_type, today)
        return t(
            "home.campaign.proposed",
            year=proposal.school_year,
            start=format_date(proposal.start),
            end=format_date(proposal.end),
        )
    dates = {"start": format_date(window.start), "end": format_date(window.end)}
    if today < window.start:
        return t("home.campaign.before", days=(window.start - today).days, **dates)
    if today > window.end:
        return t("home.campaign.after", **dates)
    return t("home.campaign.during", days=(window.end - today).days, **dates)


def _today_sessions(
    sessions: list[Session], by_session: dict[str, list[Candidate]], today: date
) -> list[TodaySession]:
    rows = []
    for session in sorted(sessions, key=lambda s: (s.start_time is None, s.start_time)):
        if session.date != today:
            continue
        counters = room_counters(by_session.get(session.id, []))
        rows.append(
            TodaySession(
                session,
                counters.enrolled,
                counters.present,
                counters.in_progress,
                counters.finished,
                counters.alerts,
            )
        )
    return rows


def _pupil_counts(pupils: list[Pupil]) -> PupilCounts:
    return PupilCounts(
        total=len(pupils),
        certifiable=sum(p.certifiability is Certifiability.CERTIFIABLE for p in pupils),
        not_certifiable=sum(p.certifiability is Certifiability.NOT_CERTIFIABLE for p in pupils),
        unknown=sum(p.certifiability is Certifiability.UNKNOWN for p in pupils),
        no_login=sum(not has_login_method(p) for p in pupils),
        email_login=sum(p.login_methods == [LoginMethod.EMAIL] for p in pupils),
        classes=len({p.division for p in pupils}),
    )


def _session_counts(
    sessions: list[Session], candidates: list[Candidate], today: date
) -> SessionCounts:
    real = [s for s in sessions if not s.rehearsal]
    real_ids = {s.id for s in real}  # once, not once per candidate (10,000 on a big lycée)
    return SessionCounts(
        total=len(real),
        upcoming=sum(_session_day(s) >= today and s.status is SessionStatus.CREATED for s in real),
        to_finalise=sum(
            _session_day(s) < today and s.status is SessionStatus.CREATED for s in real
        ),
        finalised=sum(
            s.status in (SessionStatus.FINALIZED, SessionStatus.IN_PROCESS) for s in real
        ),
        processed=sum(s.status is SessionStatus.PROCESSED for s in real),
        enrolled_pupils=len(
            {c.pupil_id for c in candidates if c.pupil_id and c.session_id in real_ids}
        ),
    )


def _todos(
    school: Any,
    pupils: list[Pupil],
    sessions: list[Session],
    by_session: dict[str, list[Candidate]],
    candidates: list[Candidate],
    today: date,
) -> list[Todo]:
    todos: list[Todo] = []
    unknown = sum(p.certifiability is Certifiability.UNKNOWN for p in pupils)
    if unknown:
        todos.append(Todo(Severity.WARNING, t("home.todo.unknown", count=unknown)))
    no_follow_up = sum(
        p.certifiability is Certifiability.NOT_CERTIFIABLE and not p.follow_up for p in pupils
    )
    if no_follow_up:
        todos.append(Todo(Severity.WARNING, t("home.todo.follow_up", count=no_follow_up)))
    no_login = sum(not has_login_method(p) for p in pupils)
    if no_login:
        todos.append(Todo(Severity.WARNING, t("home.todo.no_login", count=no_login)))
    real_ids = {s.id for s in sessions if not s.rehearsal}
    enrolled = {c.pupil_id for c in candidates if c.session_id in real_ids}
    not_enrolled = sum(
        p.certifiability is Certifiability.CERTIFIABLE and p.id not in enrolled for p in pupils
    )
    if not_enrolled:
        todos.append(Todo(Severity.INFO, t("home.todo.not_enrolled", count=not_enrolled)))
    per = school.pupils_per_invigilator
    for session in sorted(sessions, key=_session_day):
        if session.rehearsal:
            continue
        name = _session_name(session)
        if session.status is SessionStatus.CREATED and _session_day(session) >= today:
            if not session.pix_number:
                todos.append(Todo(Severity.WARNING, t("home.todo.no_number", session=name)))
            count = len(by_session.get(session.id, []))
            needed = invigilators_needed(count, per)
            if len(session.examiners) < needed:
                todos.append(
                    Todo(
                        Severity.WARNING,
                        t(
                            "home.todo.invigilators",
                            session=name,
                            needed=needed,
                            count=len(session.examiners),
                        ),
                    )
                )
            pending = sum(not item.done for item in session.checklist)
            if pending:
                todos.append(
                    Todo(Severity.INFO, t("home.todo.checklist", session=name, count=pending))
                )
        elif session.status is SessionStatus.CREATED and _session_day(session) < today:
            todos.append(Todo(Severity.WARNING, t("home.todo.finalise", session=name)))
        if session.retention_until and session.retention_until < today and not session.purged_at:
            todos.append(Todo(Severity.WARNING, t("home.todo.purge", session=name)))
    return todos


def _session_name(session: Session) -> str:
    day = format_day_month(session.date) or "?"
    hour = format_time(session.start_time) or "?"
    return t("session.short_name", day=day, time=hour, room=session.room)
