"""Rule 8 (A2, A4, A5): finalising a session as Pix Certif does, and the status pipeline after it.

The referent finalises twice: here, from the room log, then in Pix Certif by keying in the
summary. The rules are Pix's (``finalize-session.js``, ``CertificationReport.js``, reference
§4): no finalisation without a started certification; an abort reason for every unfinished
candidate and none for finished ones; descriptions and the global comment at most 500
characters; only the active finalisation categories C1, C2, C4, C6, C7, C8 may be added, E codes
only come from live alerts the invigilator validated. Once finalised the session is read-only.

Everything here is pure: functions take the records, check or change them in memory, and the
caller saves them in one store transaction with an audit event.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from pixtui.domain.clock import as_utc
from pixtui.domain.enums import (
    FINALISATION_CODES,
    ISSUE_REPORT_CODES,
    AbortReason,
    AssessmentState,
    IssueReportCategory,
    LiveAlertStatus,
    SessionStatus,
)
from pixtui.domain.labels import issue_code_title, label
from pixtui.domain.models import Candidate, Finalization, IssueReport, Session, StatusChange
from pixtui.domain.problems import (
    NeedsConfirmation,
    Problem,
    Refused,
    Severity,
    errors,
    warnings,
)
from pixtui.domain.timing import DEFAULT_TEST_MINUTES, candidate_deadline, format_date
from pixtui.i18n import t

MAX_TEXT_LENGTH = 500  # Pix Certif's limit for a description and for the global comment
QUESTION_NUMBER_RANGE = range(1, 501)  # Pix's bounds for an in-question report

UNCOMPLETED_STATES = frozenset(
    {
        AssessmentState.STARTED,
        AssessmentState.ENDED_BY_INVIGILATOR,
        AssessmentState.ENDED_DUE_TO_FINALIZATION,
    }
)
PIPELINE: tuple[SessionStatus, ...] = (
    SessionStatus.CREATED,
    SessionStatus.FINALIZED,
    SessionStatus.IN_PROCESS,
    SessionStatus.PROCESSED,
)
# Pix Certif shows Créée → Finalisée → Résultats transmis par Pix and deliberately never shows
# "En cours de traitement" (certif/app/models/session.js, statusToDisplayName: in_process is
# displayed "Finalisée"). The processing step is therefore optional: a referent who only sees
# Pix Certif goes from finalised straight to processed.
OPTIONAL_STEPS = frozenset({SessionStatus.IN_PROCESS})


# --- The draft --------------------------------------------------------------------------


@dataclass
class CandidateReport:
    """One line of Pix Certif's finalisation table: a candidate who started the test."""

    candidate_id: str
    last_name: str
    first_name: str
    division: str
    state: AssessmentState
    abort_reason: AbortReason | None = None
    issue_reports: list[IssueReport] = field(default_factory=list)

    @property
    def completed(self) -> bool:
        return self.state is AssessmentState.COMPLETED

    @property
    def uncompleted(self) -> bool:
        return self.state in UNCOMPLETED_STATES

    @property
    def display_name(self) -> str:
        return f"{self.last_name.upper()} {self.first_name}".strip()


@dataclass
class FinalisationDraft:
    """What the finalisation wizard edits before :func:`finalise` applies it."""

    session_id: str
    session_status: SessionStatus
    reports: list[CandidateReport] = field(default_factory=list)
    # Pix Certif's box (hasIncident): « Malgré un incident survenu pendant la session, les
    # candidats ont pu terminer leur test de certification. Un temps supplémentaire a été
    # accordé à un ou plusieurs candidats. » Never pre-ticked (Pix: « it should not check the
    # checkboxes by default »); only suggested, with its reasons (:func:`incident_time_grants`).
    has_incident: bool = False
    has_joining_issue: bool = False  # « … présents en session … mais n'ont pas pu rejoindre »
    examiner_global_comment: str = ""
    incident_reasons: list[str] = field(default_factory=list)  # why the box is suggested

    def report(self, candidate_id: str) -> CandidateReport:
        for report in self.reports:
            if report.candidate_id == candidate_id:
                return report
        raise KeyError(candidate_id)

    def add_issue(
        self,
        candidate_id: str,
        code: str,
        description: str = "",
        at: datetime | None = None,
        by: str | None = None,
    ) -> IssueReport:
        """Add a report typed at finalisation (from the paper PV d'incident); checked later by
        :func:`finalisation_problems`, so the wizard can show every problem at once."""
        issue = IssueReport(
            code=code.strip().upper(),
            description=description,
            created_at=as_utc(at) if at else None,
            created_by=by,
            source="finalisation",
        )
        self.report(candidate_id).issue_reports.append(issue)
        return issue

    def remove_issue(self, candidate_id: str, issue_id: str) -> None:
        report = self.report(candidate_id)
        report.issue_reports = [i for i in report.issue_reports if i.id != issue_id]


def _pix_order(candidate: Candidate) -> tuple[str, str, str]:
    # Pix lists certification reports by lower-cased last name, then first name
    return (candidate.last_name.lower(), candidate.first_name.lower(), candidate.id)


def _live_reports(candidate: Candidate) -> list[IssueReport]:
    """Validated challenge alerts not yet recorded as issue reports (Pix auto-creates one)."""
    recorded = {(r.code, r.question_number) for r in candidate.issue_reports if r.source == "live"}
    out: list[IssueReport] = []
    for alert in candidate.alerts:
        if alert.status is not LiveAlertStatus.VALIDATED or not alert.reason_code:
            continue
        key = (alert.reason_code, alert.question_number)
        if key in recorded:
            continue
        recorded.add(key)
        out.append(
            IssueReport(
                code=alert.reason_code,
                question_number=alert.question_number,
                created_at=alert.handled_at,
                created_by=alert.handled_by,
                source="live",
            )
        )
    return out


def draft_from_room(session: Session, candidates: Iterable[Candidate]) -> FinalisationDraft:
    """The finalisation pre-filled from the room log.

    Candidates who never started are not in Pix's finalisation and are left out. Incident
    notes and validated live alerts become issue reports; abort reasons chosen in the room
    are kept, except on completed tests where Pix would refuse them. The incident box is never
    pre-ticked (a missed signature is no incident that extra time made up for); its reasons
    are given when extra time was granted after an incident. A reopened session keeps the
    flags and comment typed at the previous finalisation.
    """
    mine = [c for c in candidates if c.session_id == session.id and not c.removed]
    started = sorted((c for c in mine if c.assessment_state is not None), key=_pix_order)
    reports = []
    for candidate in started:
        state = candidate.assessment_state
        assert state is not None
        issues = copy.deepcopy(candidate.issue_reports) + _live_reports(candidate)
        reports.append(
            CandidateReport(
                candidate_id=candidate.id,
                last_name=candidate.last_name,
                first_name=candidate.first_name,
                division=candidate.division,
                state=state,
                abort_reason=None if state is AssessmentState.COMPLETED else candidate.abort_reason,
                issue_reports=issues,
            )
        )
    previous = session.finalization
    return FinalisationDraft(
        session_id=session.id,
        session_status=session.status,
        reports=reports,
        has_incident=previous.has_incident if previous else False,
        has_joining_issue=previous.has_joining_issue if previous else False,
        examiner_global_comment=previous.examiner_global_comment if previous else "",
        incident_reasons=[g.reason for g in incident_time_grants(started)],
    )


@dataclass(frozen=True)
class IncidentTimeGrant:
    """A candidate who met an incident and then worked past their own end time: extra time
    was granted after an incident, which is what Pix Certif's incident box declares."""

    candidate_id: str
    name: str
    incident: str  # "C7 · Incident technique non bloquant", "E4 …", or a resume
    minutes_over: int

    @property
    def reason(self) -> str:
        return t(
            "results.final.incident_reason",
            name=self.name,
            incident=self.incident,
            minutes=self.minutes_over,
        )


def _first_incident(candidate: Candidate) -> str | None:
    """What went wrong for the candidate during the test, as the room recorded it."""
    reports = [r for r in candidate.issue_reports if r.source in ("room", "live")]
    codes = [r.code for r in reports] + [
        a.reason_code
        for a in candidate.alerts
        if a.status is LiveAlertStatus.VALIDATED and a.reason_code
    ]
    if codes:
        return issue_code_title(codes[0])
    if candidate.resumes:
        return t("results.final.incident_resume")
    return None


def incident_time_grants(
    candidates: Iterable[Candidate], test_minutes: int = DEFAULT_TEST_MINUTES
) -> list[IncidentTimeGrant]:
    """Candidates who met an incident (a room report, a validated live alert, a resume) and
    finished after their personal end time: the reasons to suggest the incident box."""
    out: list[IncidentTimeGrant] = []
    for candidate in sorted(candidates, key=_pix_order):
        deadline = candidate_deadline(candidate, test_minutes)
        if deadline is None or candidate.ended_at is None:
            continue
        over = as_utc(candidate.ended_at) - deadline
        incident = _first_incident(candidate)
        if incident is None or over < timedelta(minutes=1):
            continue
        name = f"{candidate.last_name.upper()} {candidate.first_name}".strip()
        out.append(IncidentTimeGrant(candidate.id, name, incident, int(over.total_seconds() // 60)))
    return out


# --- The rules --------------------------------------------------------------------------


def issue_report_problems(issue: IssueReport, who: str, field_name: str) -> list[Problem]:
    """Pix's rules for one report: known code, allowed origin, required data, 500 characters."""
    code = issue.code.strip().upper()
    row = ISSUE_REPORT_CODES.get(code)
    if row is None:
        return [Problem.error("results.final.unknown_code", field_name, code=code or "?", name=who)]
    out: list[Problem] = []
    if row.category is IssueReportCategory.IN_CHALLENGE:
        if issue.source != "live":
            out.append(
                Problem.error("results.final.e_code_live_only", field_name, code=code, name=who)
            )
        if issue.question_number not in QUESTION_NUMBER_RANGE:
            out.append(
                Problem.error("results.final.question_number", field_name, code=code, name=who)
            )
    elif code not in FINALISATION_CODES:
        out.append(
            Problem.error(
                "results.final.code_not_offered",
                field_name,
                code=code,
                name=who,
                codes=", ".join(FINALISATION_CODES),
            )
        )
    description = issue.description.strip()
    if (
        row.needs_description
        and not description
        and row.category is not IssueReportCategory.IN_CHALLENGE
    ):
        out.append(
            Problem.error("results.final.description_required", field_name, code=code, name=who)
        )
    if len(description) > MAX_TEXT_LENGTH:
        out.append(
            Problem.error(
                "results.final.description_too_long",
                field_name,
                code=code,
                name=who,
                length=len(description),
                limit=MAX_TEXT_LENGTH,
            )
        )
    return out


def finalisation_problems(draft: FinalisationDraft) -> list[Problem]:
    """Every reason the draft cannot be finalised yet (ERROR), what to confirm (WARNING) and
    what will happen (INFO), in the order of the wizard."""
    out: list[Problem] = []
    if draft.session_status is not SessionStatus.CREATED:
        out.append(Problem.error("results.final.already_finalised"))
    if not draft.reports:
        out.append(Problem.error("results.final.no_started"))
    for report in draft.reports:
        who = report.display_name
        reason_field = f"abort_reason:{report.candidate_id}"
        if report.uncompleted and report.abort_reason is None:
            out.append(Problem.error("results.final.abort_reason_missing", reason_field, name=who))
        if report.completed and report.abort_reason is not None:
            out.append(
                Problem.error("results.final.abort_reason_on_completed", reason_field, name=who)
            )
        for issue in report.issue_reports:
            out.extend(issue_report_problems(issue, who, f"issue:{report.candidate_id}:{issue.id}"))
        if report.state is AssessmentState.STARTED:
            out.append(Problem.info("results.final.will_end", reason_field, name=who))
    comment = draft.examiner_global_comment.strip()
    if len(comment) > MAX_TEXT_LENGTH:
        out.append(
            Problem.error(
                "results.final.comment_too_long",
                "examiner_global_comment",
                length=len(comment),
                limit=MAX_TEXT_LENGTH,
            )
        )
    if draft.incident_reasons and not draft.has_incident:
        out.append(
            Problem.warning(
                "results.final.incident_suggested",
                "has_incident",
                reasons=" ; ".join(draft.incident_reasons),
            )
        )
    return out


def _stale_draft_problems(
    session: Session, candidates: Sequence[Candidate], draft: FinalisationDraft
) -> list[Problem]:
    """The room may have moved on since the draft was made (a candidate started or finished)."""
    if draft.session_id != session.id:
        return [Problem.error("results.final.wrong_session")]
    now = {
        c.id: c.assessment_state
        for c in candidates
        if c.session_id == session.id and not c.removed and c.assessment_state is not None
    }
    drafted = {r.candidate_id: r.state for r in draft.reports}
    if now != drafted:
        return [Problem.error("results.final.stale_draft")]
    return []


# --- Applying it ------------------------------------------------------------------------


def finalise(
    session: Session,
    candidates: Sequence[Candidate],
    draft: FinalisationDraft,
    at: datetime,
    by: str,
    accept_warnings: bool = False,
) -> list[Problem]:
    """Finalise ``session`` with ``draft``: changes the records in memory, returns the infos.

    Raises :class:`Refused` with the errors, or with the warnings when they were not
    accepted. Still-started candidates become ``endedDueToFinalization`` (as Pix does);
    abort reasons and issue reports are written on the candidates; the session gets its
    :class:`Finalization`, the FINALIZED status and a history line, and is read-only after.
    """
    at = as_utc(at)
    checked = copy.copy(draft)
    checked.session_status = session.status  # the draft's snapshot may be old
    problems = _stale_draft_problems(session, candidates, draft) + finalisation_problems(checked)
    if errors(problems):
        raise Refused(errors(problems))
    if warnings(problems) and not accept_warnings:
        raise NeedsConfirmation(warnings(problems))

    by_id = {c.id: c for c in candidates}
    for report in draft.reports:
        candidate = by_id[report.candidate_id]
        candidate.abort_reason = report.abort_reason
        candidate.issue_reports = copy.deepcopy(report.issue_reports)
        for issue in candidate.issue_reports:
            issue.description = issue.description.strip()
            if issue.created_at is None:
                issue.created_at, issue.created_by = at, by
        if candidate.assessment_state is AssessmentState.STARTED:
            candidate.assessment_state = AssessmentState.ENDED_DUE_TO_FINALIZATION
            candidate.ended_at, candidate.ended_by = at, by
        candidate.updated_at, candidate.updated_by = at, by

    session.finalization = Finalization(
        finalized_at=at,
        finalized_by=by,
        has_incident=draft.has_incident,
        has_joining_issue=draft.has_joining_issue,
        examiner_global_comment=draft.examiner_global_comment.strip(),
    )
    _record_status(session, SessionStatus.FINALIZED, at, by)
    return [p for p in problems if p.severity is Severity.INFO]


def reopen(session: Session, at: datetime, by: str, organisers: Iterable[str]) -> StatusChange:
    """Organiser action: back from FINALIZED to CREATED to correct the finalisation here
    before it is keyed into Pix Certif. Tests ended by the finalisation stay ended (Pix never
    restarts an ended assessment); flags and comment are kept for the next draft."""
    at = as_utc(at)
    if by not in set(organisers):
        raise Refused([Problem.error("results.final.reopen_organiser_only")])
    if session.status is not SessionStatus.FINALIZED:
        raise Refused(
            [
                Problem.error(
                    "results.final.reopen_not_finalised", None, status=label(session.status)
                )
            ]
        )
    if session.finalization is not None:
        session.finalization.finalized_at = None
        session.finalization.finalized_by = None
    return _record_status(session, SessionStatus.CREATED, at, by)


def is_read_only(session: Session) -> bool:
    """A finalised (or later) session can no longer be edited: enrolment, room, reports."""
    return session.status is not SessionStatus.CREATED


def edit_problems(session: Session) -> list[Problem]:
    """The error any editing action shows on a finalised session (empty when editable)."""
    if not is_read_only(session):
        return []
    return [Problem.error("results.final.read_only", None, status=label(session.status))]


# --- The status pipeline ------------------------------------------------------------------


def status_change_problems(
    session: Session, new_status: SessionStatus, at: datetime
) -> list[Problem]:
    """Why ``session`` cannot go to ``new_status`` now: forward only, one step at a time, the
    optional processing step (:data:`OPTIONAL_STEPS`) may be skipped."""
    current, target = PIPELINE.index(session.status), PIPELINE.index(new_status)
    names = {"current": label(session.status), "target": label(new_status)}
    if target == current:
        return [Problem.error("results.status.same", None, **names)]
    if target < current:
        return [Problem.error("results.status.backwards", None, **names)]
    skipped = PIPELINE[current + 1 : target]
    if any(step not in OPTIONAL_STEPS for step in skipped):
        expected = label(next(step for step in skipped if step not in OPTIONAL_STEPS))
        return [Problem.error("results.status.skip", None, expected=expected, **names)]
    if new_status is SessionStatus.FINALIZED and (
        session.finalization is None or session.finalization.finalized_at is None
    ):
        return [Problem.error("results.status.use_finalisation")]
    if session.status_history:
        last = session.status_history[-1].at
        if as_utc(at) < last:
            return [Problem.error("results.status.before_previous", None, **names)]
    return []


def advance_status(
    session: Session, new_status: SessionStatus, at: datetime, by: str
) -> StatusChange:
    """Record the next step (finalised → [in process] → processed) with its date and who.

    ``at`` is when it happened (the referent may record it later); raises :class:`Refused`.
    """
    problems = status_change_problems(session, new_status, at)
    if problems:
        raise Refused(problems)
    return _record_status(session, new_status, as_utc(at), by)


def next_status(session: Session) -> SessionStatus | None:
    """The next step as Pix Certif shows it (optional steps skipped); None at the end."""
    for status in PIPELINE[PIPELINE.index(session.status) + 1 :]:
        if status not in OPTIONAL_STEPS:
            return status
    return None


def _record_status(session: Session, status: SessionStatus, at: datetime, by: str) -> StatusChange:
    change = StatusChange(status=status, at=at, by=by)
    session.status = status
    session.status_history.append(change)
    session.updated_at, session.updated_by = at, by
    return change


# --- The summary to key into Pix Certif ---------------------------------------------------


@dataclass(frozen=True)
class SummaryRow:
    section: str  # "uncompleted", "completed", "complementary", "comment", "in_pix", "counts"
    label: str
    value: str
    candidate_id: str | None = None


def _issue_text(issue: IssueReport) -> str:
    text = issue_code_title(issue.code)
    if issue.question_number is not None:
        text += " " + t("results.summary.question", number=issue.question_number)
    if issue.source == "live":
        text += " " + t("results.summary.live")
    if issue.description.strip():
        text += " — " + issue.description.strip()
    return text


def _yes_no(value: bool) -> str:
    return t("results.summary.yes") if value else t("results.summary.no")


def _already_in_pix(issue: IssueReport) -> bool:
    """A live alert the invigilator validated: Pix recorded it (auto-resolved), and Pix
    Certif's V3 finalisation offers only C1, C2, C4, C6, C7, C8: nothing to type."""
    return issue.source == "live"


def _counts_text(issues: Sequence[IssueReport]) -> str:
    counts = Counter(i.code for i in issues)
    ordered = [code for code in ISSUE_REPORT_CODES if code in counts]
    if not ordered:
        return t("results.summary.no_report")
    detail = ", ".join(f"{code} × {counts[code]}" for code in ordered)
    return t("results.summary.count_total", detail=detail, total=len(issues))


def finalisation_summary(
    session: Session, candidates: Sequence[Candidate], draft: FinalisationDraft | None = None
) -> list[SummaryRow]:
    """The finalisation in Pix Certif's order, ready to key in.

    First the candidates who did not finish (each needs « Raison de l'abandon »), then the
    finished candidates who have reports to type (the others need nothing), both sorted as
    Pix lists them; then the two complementary checkboxes and the global comment. Validated
    live alerts (E codes) come apart, « déjà dans Pix, rien à saisir », and the two are
    counted apart. Made from ``draft`` when given, else from the records.
    """
    draft = draft or draft_from_room(session, candidates)
    rows: list[SummaryRow] = []
    to_type = [i for r in draft.reports for i in r.issue_reports if not _already_in_pix(i)]
    in_pix = [i for r in draft.reports for i in r.issue_reports if _already_in_pix(i)]
    for report in draft.reports:
        if not report.uncompleted:
            continue
        reason = (
            label(report.abort_reason) if report.abort_reason else t("results.summary.no_reason")
        )
        rows.append(
            SummaryRow(
                "uncompleted",
                report.display_name,
                t("results.summary.abort_reason", reason=reason),
                report.candidate_id,
            )
        )
        rows.extend(
            SummaryRow("uncompleted", report.display_name, _issue_text(i), report.candidate_id)
            for i in report.issue_reports
            if not _already_in_pix(i)
        )
    for report in draft.reports:
        if report.uncompleted:
            continue
        rows.extend(
            SummaryRow("completed", report.display_name, _issue_text(i), report.candidate_id)
            for i in report.issue_reports
            if not _already_in_pix(i)
        )
    rows.append(
        SummaryRow("complementary", t("results.summary.has_incident"), _yes_no(draft.has_incident))
    )
    rows.append(
        SummaryRow(
            "complementary",
            t("results.summary.has_joining_issue"),
            _yes_no(draft.has_joining_issue),
        )
    )
    comment = draft.examiner_global_comment.strip()
    rows.append(
        SummaryRow("comment", t("results.summary.comment"), comment or t("results.summary.empty"))
    )
    for report in draft.reports:
        rows.extend(
            SummaryRow("in_pix", report.display_name, _issue_text(i), report.candidate_id)
            for i in report.issue_reports
            if _already_in_pix(i)
        )
    rows.append(SummaryRow("counts", t("results.summary.counts_to_type"), _counts_text(to_type)))
    rows.append(SummaryRow("counts", t("results.summary.counts_in_pix"), _counts_text(in_pix)))
    return rows


SECTION_KEYS = {
    "uncompleted": "results.summary.section_uncompleted",
    "completed": "results.summary.section_completed",
    "complementary": "results.summary.section_complementary",
    "comment": "results.summary.section_comment",
    "in_pix": "results.summary.section_in_pix",
    "counts": "results.summary.section_counts",
}


def summary_text(session: Session, rows: Sequence[SummaryRow]) -> str:
    """The summary as plain text (to print or keep next to Pix Certif's form)."""
    day = format_date(session.date) or "—"
    lines = [
        t(
            "results.summary.title",
            number=session.pix_number or "—",
            date=day,
            room=session.room or "—",
        )
    ]
    section = None
    for row in rows:
        if row.section != section:
            section = row.section
            lines.append("")
            lines.append(t(SECTION_KEYS[section]))
        lines.append(f"  {row.label} : {row.value}")
    lines.append("")
    lines.append(t("results.summary.keep_documents"))
    return "\n".join(lines)
