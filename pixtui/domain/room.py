"""The invigilator's room logic (SPEC §5.1, reference §3.3-3.5): states, sorting and actions.

Pure functions on :class:`Candidate` objects. Each action checks Pix's rule, then mutates the
candidate in place, or raises :class:`RoomActionRefused` carrying a French :class:`Problem`;
the caller saves the candidate (one store transaction) and journals the action.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from pixtui.domain.clock import as_utc
from pixtui.domain.enums import (
    ALWAYS_VALID_LIVE_REASONS,
    FINALISATION_CODES,
    FINISHED_STATES,
    ISSUE_REPORT_CODES,
    AbortReason,
    AssessmentState,
    LiveAlertKind,
    LiveAlertStatus,
)
from pixtui.domain.finalisation import is_read_only
from pixtui.domain.labels import issue_code_title
from pixtui.domain.models import Candidate, IssueReport, LiveAlert, Resume, Session
from pixtui.domain.names import name_key
from pixtui.domain.problems import Problem, Refused
from pixtui.domain.timing import (
    DEFAULT_TEST_MINUTES,
    MAXIMAL_TEST_DURATION,
    allotted_time,
    candidate_deadline,
    format_clock,
    format_extra_time,
    overtime,
    presence_confirmation_stale,
)
from pixtui.i18n import t

DESCRIPTION_MAX_CHARS = 500
QUESTION_NUMBER_MAX = 500  # Pix's bound for an IN_CHALLENGE report

ENDED_STATES = FINISHED_STATES | {AssessmentState.ENDED_DUE_TO_FINALIZATION}


class RoomActionRefused(Refused):
    """An invigilator action Pix would refuse; ``problem.message`` is the sentence to show."""


def _refuse(key: str, /, **params: object) -> RoomActionRefused:
    return RoomActionRefused(Problem.error(key, **params))


# --- States ---------------------------------------------------------------------------------------


class RoomState(StrEnum):
    """What the grid shows, in attention order: the first ones need the invigilator now."""

    COMPANION_ALERT = "companion_alert"  # Pix Companion extension not detected: candidate blocked
    ALERT = "alert"  # a question alert waits for "Gérer le signalement"
    OVERTIME = "overtime"  # past the personal end time and still running
    RESUME_REQUESTED = "resume_requested"  # closed the window: asks the invigilator to resume
    WAITING_RESUME = "waiting_resume"  # authorised to resume, not yet back in
    IN_PROGRESS = "in_progress"
    PRESENT = "present"  # presence confirmed, not started
    ABSENT = "absent"
    FINISHED = "finished"


ATTENTION_ORDER: tuple[RoomState, ...] = tuple(RoomState)


def attention_rank(state: RoomState) -> int:
    return ATTENTION_ORDER.index(state)


def ongoing_alert(candidate: Candidate, kind: LiveAlertKind) -> LiveAlert | None:
    for alert in candidate.alerts:
        if alert.kind is kind and alert.status is LiveAlertStatus.ONGOING:
            return alert
    return None


def pending_resume(candidate: Candidate) -> Resume | None:
    if candidate.resumes and candidate.resumes[-1].resumed_at is None:
        return candidate.resumes[-1]
    return None


def is_started(candidate: Candidate) -> bool:
    return candidate.assessment_state is AssessmentState.STARTED


def is_ended(candidate: Candidate) -> bool:
    return candidate.assessment_state in ENDED_STATES


def room_state(
    candidate: Candidate, now: datetime, test_minutes: int = DEFAULT_TEST_MINUTES
) -> RoomState:
    if is_ended(candidate):
        return RoomState.FINISHED
    if is_started(candidate):
        # The companion alert takes priority in Pix too: the candidate cannot go on at all.
        if ongoing_alert(candidate, LiveAlertKind.COMPANION):
            return RoomState.COMPANION_ALERT
        if ongoing_alert(candidate, LiveAlertKind.CHALLENGE):
            return RoomState.ALERT
        if overtime(candidate, now, test_minutes):
            return RoomState.OVERTIME
        if candidate.resume_requested_at is not None and not pending_resume(candidate):
            return RoomState.RESUME_REQUESTED
        if candidate.authorized_to_start or pending_resume(candidate):
            return RoomState.WAITING_RESUME
        return RoomState.IN_PROGRESS
    return RoomState.PRESENT if candidate.authorized_to_start else RoomState.ABSENT


@dataclass(frozen=True)
class RoomStatus:
    state: RoomState
    stale: bool = False  # PRESENT for more than 15 minutes without a start (Pix expires it)


def room_status(
    candidate: Candidate, now: datetime, test_minutes: int = DEFAULT_TEST_MINUTES
) -> RoomStatus:
    state = room_state(candidate, now, test_minutes)
    stale = state is RoomState.PRESENT and presence_confirmation_stale(candidate, now)
    return RoomStatus(state, stale)


def sort_for_attention(
    candidates: Iterable[Candidate], now: datetime, test_minutes: int = DEFAULT_TEST_MINUTES
) -> list[Candidate]:
    """Alerts first … finished last; by last name then first name inside a state."""
    return sorted(
        candidates,
        key=lambda c: (
            attention_rank(room_state(c, now, test_minutes)),
            name_key(c.last_name),
            name_key(c.first_name),
        ),
    )


class GlyphSet(StrEnum):
    """Which characters the terminal can draw (see :func:`pixtui.terminal.glyph_set`)."""

    UNICODE = "unicode"  # PuTTY, xterm, any UTF-8 terminal with a full font
    LINUX = "linux"  # the Linux console fonts (Lat15, Terminus): Latin-1 plus a few signs
    ASCII = "ascii"


# Glyphs next to the state label (never colour alone), per glyph set. The LINUX column uses
# only characters of the Lat15 console font (checked against its table in the tests); ASCII
# is for anything else. Each column gives every state its own glyph.
_GLYPHS: dict[RoomState, tuple[str, str, str]] = {
    RoomState.COMPANION_ALERT: ("‼", "‼", "E"),
    RoomState.ALERT: ("▲", "▲", "!"),
    RoomState.OVERTIME: ("»", "»", "+"),
    RoomState.RESUME_REQUESTED: ("¿", "¿", "r"),
    RoomState.WAITING_RESUME: ("◄", "◀", "<"),
    RoomState.IN_PROGRESS: ("►", "▶", ">"),
    RoomState.PRESENT: ("•", "•", "o"),
    RoomState.ABSENT: ("·", "·", "."),
    RoomState.FINISHED: ("√", "■", "v"),
}
_STALE_GLYPH = ("?", "?", "?")
_COLUMN = {GlyphSet.UNICODE: 0, GlyphSet.LINUX: 1, GlyphSet.ASCII: 2}


def glyph(
    state: RoomState,
    *,
    ascii_only: bool = False,
    stale: bool = False,
    glyphs: GlyphSet = GlyphSet.UNICODE,
) -> str:
    column = _COLUMN[GlyphSet.ASCII if ascii_only else glyphs]
    triple = _STALE_GLYPH if stale and state is RoomState.PRESENT else _GLYPHS[state]
    return triple[column]


def glyph_legend(glyphs: GlyphSet) -> list[tuple[str, str]]:
    """(glyph, state name) for every state, in attention order (the F1 legend)."""
    legend = [(glyph(state, glyphs=glyphs), state_label(state)) for state in RoomState]
    present = legend.index(
        (glyph(RoomState.PRESENT, glyphs=glyphs), state_label(RoomState.PRESENT))
    )
    legend.insert(
        present + 1,
        (
            glyph(RoomState.PRESENT, glyphs=glyphs, stale=True),
            state_label(RoomState.PRESENT, stale=True),
        ),
    )
    return legend


def state_label(state: RoomState, *, stale: bool = False) -> str:
    if stale and state is RoomState.PRESENT:
        return t("domain.room_state.present_stale")
    return t(f"domain.room_state.{state.value}")


@dataclass(frozen=True)
class RoomCounters:
    enrolled: int = 0
    present: int = 0  # came in: presence confirmed or started (Pix's "présents")
    started: int = 0  # started at some point, finished ones included
    finished: int = 0
    alerts: int = 0  # candidates with an ongoing alert of any kind

    @classmethod
    def of(cls, candidates: Iterable[Candidate]) -> RoomCounters:
        enrolled = present = started = finished = alerts = 0
        for c in candidates:
            if c.removed:
                continue
            enrolled += 1
            has_started = c.assessment_state is not None or c.started_at is not None
            present += has_started or c.authorized_to_start
            started += has_started
            finished += is_ended(c)
            alerts += is_started(c) and any(a.status is LiveAlertStatus.ONGOING for a in c.alerts)
        return cls(enrolled, present, started, finished, alerts)

    @property
    def in_progress(self) -> int:
        """Started and not finished: what "en cours" means on every screen."""
        return self.started - self.finished


def room_counters(candidates: Iterable[Candidate]) -> RoomCounters:
    return RoomCounters.of(candidates)


# --- Actions ---------------------------------------------------------------------------------


def _check_enrolled(c: Candidate) -> None:
    if c.removed:
        raise _refuse("domain.room.removed")


def check_identity(c: Candidate, at: datetime, by: str | None = None) -> None:
    """D1: identity checked. Sets a state: checking again keeps the first mark (who and when)."""
    _check_enrolled(c)
    if c.identity_checked_at is None:
        c.identity_checked_at, c.identity_checked_by = as_utc(at), by


def undo_identity(c: Candidate) -> None:
    """Undo a wrong identity mark (its own confirmed action, never a toggle)."""
    _check_enrolled(c)
    c.identity_checked_at = c.identity_checked_by = None


def mark_signed(c: Candidate, at: datetime, by: str | None = None) -> None:
    """D1: signed the attendance sheet (feuille d'émargement). Sets a state, like identity."""
    _check_enrolled(c)
    if c.signed_at is None:
        c.signed_at, c.signed_by = as_utc(at), by


def undo_signed(c: Candidate) -> None:
    _check_enrolled(c)
    c.signed_at = c.signed_by = None


def confirm_presence(c: Candidate, at: datetime, by: str | None = None) -> None:
    """D3 "Confirmer la présence": authorised to start. Sets a state: a second invigilator
    confirming the same pupil leaves it confirmed; confirming again renews only a stale one."""
    _check_enrolled(c)
    if is_ended(c):
        raise _refuse("domain.room.already_finished")
    if is_started(c):
        raise _refuse("domain.room.presence_started")
    if c.authorized_to_start and not presence_confirmation_stale(c, at):
        return  # already confirmed and still valid: nothing to do
    c.authorized_to_start = True
    c.authorized_at = as_utc(at)
    c.authorized_by = by


def cancel_presence(c: Candidate) -> None:
    """ "Annuler la confirmation" (its own confirmed action)."""
    _check_enrolled(c)
    if c.assessment_state is not None:
        raise _refuse("domain.room.cancel_started")
    if not c.authorized_to_start:
        raise _refuse("domain.room.cancel_not_confirmed")
    c.authorized_to_start = False
    c.authorized_at = None
    c.authorized_by = None


def mark_joined(c: Candidate, at: datetime) -> None:
    """D4: the candidate is logging into Pix (optional step before the start)."""
    _check_enrolled(c)
    if c.joined_at is None:
        c.joined_at = as_utc(at)


def mark_started(c: Candidate, at: datetime) -> None:
    """D6: the test started (now, or at a typed time). Like Pix, the authorisation is used up."""
    _check_enrolled(c)
    if is_ended(c):
        raise _refuse("domain.room.already_finished")
    if is_started(c):
        raise _refuse("domain.room.already_started")
    if not c.authorized_to_start:
        raise _refuse("domain.room.start_not_present")
    at = as_utc(at)
    c.assessment_state = AssessmentState.STARTED
    c.started_at = at
    c.joined_at = c.joined_at or at
    c.authorized_to_start = False


def record_first_start(session: Session, at: datetime) -> None:
    """The session's first start (closes enrolment 24 h later, forbids deletion)."""
    at = as_utc(at)
    if session.first_started_at is None or at < as_utc(session.first_started_at):
        session.first_started_at = at


@dataclass(frozen=True)
class QuestionFlags:
    """What the question holds; it decides which E reasons can validate its alert."""

    has_image: bool = False
    has_embed: bool = False
    is_focus: bool = False
    has_attachment: bool = False


def raise_alert(
    c: Candidate,
    kind: LiveAlertKind,
    question_number: int | None,
    flags: QuestionFlags | None,
    at: datetime,
) -> LiveAlert:
    """A live alert from the candidate's screen (or the rehearsal simulator)."""
    _check_enrolled(c)
    if not is_started(c):
        raise _refuse("domain.room.alert_not_started")
    if ongoing_alert(c, kind):
        raise _refuse("domain.room.alert_already")
    flags = flags or QuestionFlags()
    if kind is LiveAlertKind.CHALLENGE and (
        question_number is None or not 1 <= question_number <= QUESTION_NUMBER_MAX
    ):
        raise _refuse("domain.room.question_number", max=QUESTION_NUMBER_MAX)
    alert = LiveAlert(
        kind=kind,
        raised_at=as_utc(at),
        question_number=question_number if kind is LiveAlertKind.CHALLENGE else None,
        has_image=flags.has_image,
        has_embed=flags.has_embed,
        is_focus=flags.is_focus,
        has_attachment=flags.has_attachment,
    )
    c.alerts.append(alert)
    return alert


def _e_number(code: str) -> int:
    return int(code[1:])


def allowed_live_reasons(alert: LiveAlert) -> list[str]:
    """E4, E5, E8, E9, E11, E12 always; E1 image, E2 embed, E3 attachment, E10 focus; by number."""
    reasons = set(ALWAYS_VALID_LIVE_REASONS)
    if alert.has_image:
        reasons.add("E1")
    if alert.has_embed:
        reasons.add("E2")
    if alert.has_attachment:
        reasons.add("E3")
    if alert.is_focus:
        reasons.add("E10")
    return sorted(reasons, key=_e_number)


def _find_alert(c: Candidate, alert_id: str, kind: LiveAlertKind) -> LiveAlert:
    for alert in c.alerts:
        if alert.id == alert_id and alert.kind is kind:
            if alert.status is not LiveAlertStatus.ONGOING:
                raise _refuse("domain.room.alert_handled")
            return alert
    raise _refuse("domain.room.alert_unknown")


def validate_alert(
    c: Candidate, alert_id: str, reason_code: str, at: datetime, by: str
) -> IssueReport:
    """Validate a question alert with an E reason: the candidate gets a new question, and an
    auto-resolved IN_CHALLENGE report (source "live") is recorded for the finalisation."""
    _check_enrolled(c)
    alert = _find_alert(c, alert_id, LiveAlertKind.CHALLENGE)
    reason = reason_code.strip().upper()
    allowed = allowed_live_reasons(alert)
    if reason not in allowed:
        raise _refuse("domain.room.reason_not_allowed", code=reason, allowed=", ".join(allowed))
    at = as_utc(at)
    alert.status = LiveAlertStatus.VALIDATED
    alert.handled_at, alert.handled_by, alert.reason_code = at, by, reason
    report = IssueReport(
        code=reason,
        question_number=alert.question_number,
        created_at=at,
        created_by=by,
        source="live",
    )
    c.issue_reports.append(report)
    return report


def refuse_alert(c: Candidate, alert_id: str, at: datetime, by: str) -> None:
    """Refuse ("dismiss"): the candidate goes on with the same question."""
    _check_enrolled(c)
    alert = _find_alert(c, alert_id, LiveAlertKind.CHALLENGE)
    alert.status = LiveAlertStatus.DISMISSED
    alert.handled_at, alert.handled_by = as_utc(at), by


def clear_companion_alert(c: Candidate, alert_id: str, at: datetime, by: str) -> None:
    """ "Confirmer la présence de l'extension": the candidate refreshes the page and goes on."""
    _check_enrolled(c)
    alert = _find_alert(c, alert_id, LiveAlertKind.COMPANION)
    alert.status = LiveAlertStatus.CLEARED
    alert.handled_at, alert.handled_by = as_utc(at), by


def authorize_resume(c: Candidate, at: datetime, by: str) -> Resume:
    """ "Autoriser la reprise du test": only for a started test, less than 24 h after its start.

    Refused while an alert is ongoing: a resume does not handle it, and Pix invigilators who
    believed it did left candidates blocked (reference §7).
    """
    _check_enrolled(c)
    if is_ended(c):
        raise _refuse("domain.room.already_finished")
    if not is_started(c) or c.started_at is None:
        raise _refuse("domain.room.resume_not_started")
    at = as_utc(at)
    if at - as_utc(c.started_at) >= MAXIMAL_TEST_DURATION:
        raise _refuse("domain.room.resume_too_late", start=format_clock(c.started_at))
    if any(a.status is LiveAlertStatus.ONGOING for a in c.alerts):
        raise _refuse("domain.room.resume_alert_first")
    if pending_resume(c):
        raise _refuse("domain.room.resume_pending")
    resume = Resume(authorized_at=at, by=by)
    c.resumes.append(resume)
    c.resume_requested_at = None
    c.authorized_to_start = True
    c.authorized_at = at
    return resume


def request_resume(c: Candidate, at: datetime) -> None:
    """The pupil closed the window and asks to resume (the rehearsal's pupils; stored so that
    every process shows it until an invigilator authorises the resume)."""
    _check_enrolled(c)
    if not is_started(c):
        raise _refuse("domain.room.resume_not_started")
    if c.resume_requested_at is None:
        c.resume_requested_at = as_utc(at)


def mark_resumed(c: Candidate, at: datetime) -> None:
    """The candidate is back in the test; the authorisation is used up, as on a start."""
    _check_enrolled(c)
    resume = pending_resume(c)
    if resume is None or not is_started(c):
        raise _refuse("domain.room.resumed_not_authorised")
    resume.resumed_at = as_utc(at)
    c.authorized_to_start = False


def end_test(c: Candidate, at: datetime, by: str) -> None:
    """ "Terminer le test" (irreversible: the caller asks for a confirmation first)."""
    _check_enrolled(c)
    if is_ended(c):
        raise _refuse("domain.room.already_finished")
    if not is_started(c):
        raise _refuse("domain.room.end_not_started")
    c.assessment_state = AssessmentState.ENDED_BY_INVIGILATOR
    c.ended_at, c.ended_by = as_utc(at), by
    c.authorized_to_start = False


def mark_completed(c: Candidate, at: datetime) -> None:
    """The candidate answered the last question."""
    _check_enrolled(c)
    if is_ended(c):
        raise _refuse("domain.room.already_finished")
    if not is_started(c):
        raise _refuse("domain.room.end_not_started")
    c.assessment_state = AssessmentState.COMPLETED
    c.ended_at = as_utc(at)
    c.authorized_to_start = False


def add_incident(
    c: Candidate,
    code: str,
    description: str,
    at: datetime,
    by: str,
) -> IssueReport:
    """An incident for the PV and the finalisation: a C code Pix still accepts (C1, C2, C4,
    C6, C7, C8), with a description (≤ 500 characters) when the code requires one."""
    _check_enrolled(c)
    code = code.strip().upper()
    if code not in FINALISATION_CODES:
        raise _refuse("domain.room.incident_code", code=code, allowed=", ".join(FINALISATION_CODES))
    text = description.strip()
    if ISSUE_REPORT_CODES[code].needs_description and not text:
        raise _refuse("domain.room.incident_description", title=issue_code_title(code))
    if len(text) > DESCRIPTION_MAX_CHARS:
        raise _refuse("domain.room.incident_too_long", max=DESCRIPTION_MAX_CHARS, length=len(text))
    report = IssueReport(
        code=code, description=text, created_at=as_utc(at), created_by=by, source="room"
    )
    c.issue_reports.append(report)
    return report


def set_abort_reason(c: Candidate, reason: AbortReason | None) -> None:
    """ "Raison de l'abandon": for a started test not completed (still running or ended by the
    invigilator or by the finalisation); never for a completed one. ``None`` clears it."""
    _check_enrolled(c)
    if reason is None:
        c.abort_reason = None
        return
    if c.assessment_state is None:
        raise _refuse("domain.room.abort_not_started")
    if c.assessment_state is AssessmentState.COMPLETED:
        raise _refuse("domain.room.abort_completed")
    c.abort_reason = reason


# --- Extra time once the test has started ---------------------------------------------------


def extra_time_change(
    c: Candidate, ratio: float, test_minutes: int = DEFAULT_TEST_MINUTES
) -> Problem | None:
    """A change of extra time after the start moves the pupil's legal end: a WARNING to
    confirm, naming the old and the new personal end. None before the start or if unchanged."""
    if c.started_at is None or abs(ratio - c.extra_time_ratio) < 1e-9:
        return None
    start = as_utc(c.started_at)
    old_end = candidate_deadline(c, test_minutes) or start
    new_end = old_end - allotted_time(c.extra_time_ratio, test_minutes)
    new_end += allotted_time(ratio, test_minutes)
    return Problem.warning(
        "room.extra_time.change",
        None,
        name=f"{c.last_name} {c.first_name}",
        old=format_extra_time(c.extra_time_ratio) or t("room.extra_time.none"),
        new=format_extra_time(ratio) or t("room.extra_time.none"),
        old_end=format_clock(old_end),
        new_end=format_clock(new_end),
    )


def set_extra_time(c: Candidate, ratio: float, at: datetime, by: str | None) -> None:
    """Set the ratio; after the start, remember the change (shown in the room, journalled)."""
    if abs(ratio - c.extra_time_ratio) < 1e-9:
        return
    if c.started_at is not None:
        c.extra_time_before = c.extra_time_ratio
        c.extra_time_changed_at, c.extra_time_changed_by = as_utc(at), by
    c.extra_time_ratio = ratio


def unfinished_at_end(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Who is still running when the session ends: each needs an abort reason at finalisation."""
    return _by_name(c for c in candidates if not c.removed and is_started(c))


def past_own_end(
    candidates: Sequence[Candidate], now: datetime, test_minutes: int = DEFAULT_TEST_MINUTES
) -> list[Candidate]:
    """Still running after their personal end (start + test × (1 + extra time)), by name."""
    return _by_name(c for c in unfinished_at_end(candidates) if overtime(c, now, test_minutes))


def inside_own_time(
    candidates: Sequence[Candidate], now: datetime, test_minutes: int = DEFAULT_TEST_MINUTES
) -> list[Candidate]:
    """Still running and still inside their own time: the end of the slot does not end them."""
    return _by_name(c for c in unfinished_at_end(candidates) if not overtime(c, now, test_minutes))


def _by_name(candidates: Iterable[Candidate]) -> list[Candidate]:
    return sorted(candidates, key=lambda c: (name_key(c.last_name), name_key(c.first_name)))


# --- The session's lifecycle ------------------------------------------------------------------


class SessionPhase(StrEnum):
    BEFORE = "before"  # nobody has started yet
    RUNNING = "running"  # a first start happened
    ENDED = "ended"  # "Fin de session" declared: no new presence, no new start
    FINALISED = "finalised"  # keyed into Pix Certif: the room log is read-only


def session_phase(session: Session) -> SessionPhase:
    if is_read_only(session):
        return SessionPhase.FINALISED
    if session.ended_at is not None:
        return SessionPhase.ENDED
    if session.first_started_at is not None:
        return SessionPhase.RUNNING
    return SessionPhase.BEFORE


def entries_closed(session: Session, now: datetime) -> bool:
    """Pix refuses to confirm a presence (and to let anyone in) once the session is 24 h past
    its first start (Pix PRs #16957 and #17009)."""
    first = session.first_started_at
    return first is not None and as_utc(now) - as_utc(first) >= MAXIMAL_TEST_DURATION
