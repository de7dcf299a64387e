"""Pix's enumerations, with Pix's own names as values (reference pix-certification.md)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class SchoolType(StrEnum):
    COLLEGE = "college"
    LYCEE = "lycee"


class SessionStatus(StrEnum):
    """Stored statuses of a Pix session (``SESSION_STATUSES``)."""

    CREATED = "created"
    FINALIZED = "finalized"
    IN_PROCESS = "in_process"
    PROCESSED = "processed"


class AssessmentState(StrEnum):
    """States of a certification assessment (``Assessment.state``); None = not started."""

    STARTED = "started"
    COMPLETED = "completed"
    ENDED_BY_INVIGILATOR = "endedByInvigilator"
    ENDED_DUE_TO_FINALIZATION = "endedDueToFinalization"


FINISHED_STATES = frozenset({AssessmentState.COMPLETED, AssessmentState.ENDED_BY_INVIGILATOR})
"""States the Espace Surveillant shows as "Terminé"."""


class AbortReason(StrEnum):
    CANDIDATE = "candidate"
    TECHNICAL = "technical"


class Certifiability(StrEnum):
    """Pix Orga's Certificabilité column: Certifiable / Non certifiable / Non communiqué."""

    CERTIFIABLE = "certifiable"
    NOT_CERTIFIABLE = "not_certifiable"
    UNKNOWN = "unknown"


class LoginMethod(StrEnum):
    """How a pupil logs into Pix (seed deck, slide "méthode de connexion")."""

    MEDIACENTRE = "mediacentre"
    IDENTIFIANT = "identifiant"
    EMAIL = "email"  # "à éviter" (seed deck)
    # Not a method: Pix Orga's dash ("-") in the column, the learner is not yet linked and must
    # use « J'ai un code » with a campaign code (seed deck). Kept so stored values still read;
    # :func:`pixtui.domain.certifiability.has_login_method` never counts it.
    CODE = "code"


class LiveAlertKind(StrEnum):
    CHALLENGE = "challenge"  # "Signaler un problème avec la question"
    COMPANION = "companion"  # Pix Companion extension not detected


class LiveAlertStatus(StrEnum):
    ONGOING = "ongoing"
    DISMISSED = "dismissed"  # refused: the candidate goes on with the same question
    VALIDATED = "validated"  # an auto-resolved IN_CHALLENGE report, a new question
    CLEARED = "cleared"  # companion alert cleared by the invigilator


class IssueReportCategory(StrEnum):
    OTHER = "OTHER"
    CANDIDATE_INFORMATIONS_CHANGES = "CANDIDATE_INFORMATIONS_CHANGES"
    SIGNATURE_ISSUE = "SIGNATURE_ISSUE"
    CONNECTION_OR_END_SCREEN = "CONNECTION_OR_END_SCREEN"
    IN_CHALLENGE = "IN_CHALLENGE"
    FRAUD = "FRAUD"
    TECHNICAL_PROBLEM = "TECHNICAL_PROBLEM"
    NON_BLOCKING_CANDIDATE_ISSUE = "NON_BLOCKING_CANDIDATE_ISSUE"
    NON_BLOCKING_TECHNICAL_ISSUE = "NON_BLOCKING_TECHNICAL_ISSUE"
    LATE_OR_LEAVING = "LATE_OR_LEAVING"


class IssueReportSubcategory(StrEnum):
    LEFT_EXAM_ROOM = "LEFT_EXAM_ROOM"
    NAME_OR_BIRTHDATE = "NAME_OR_BIRTHDATE"
    EXTRA_TIME_PERCENTAGE = "EXTRA_TIME_PERCENTAGE"
    IMAGE_NOT_DISPLAYING = "IMAGE_NOT_DISPLAYING"
    LINK_NOT_WORKING = "LINK_NOT_WORKING"
    EMBED_NOT_WORKING = "EMBED_NOT_WORKING"
    FILE_NOT_OPENING = "FILE_NOT_OPENING"
    WEBSITE_UNAVAILABLE = "WEBSITE_UNAVAILABLE"
    WEBSITE_BLOCKED = "WEBSITE_BLOCKED"
    EXTRA_TIME_EXCEEDED = "EXTRA_TIME_EXCEEDED"
    SOFTWARE_NOT_WORKING = "SOFTWARE_NOT_WORKING"
    UNINTENTIONAL_FOCUS_OUT = "UNINTENTIONAL_FOCUS_OUT"
    OTHER = "OTHER"
    SKIP_ON_OOPS = "SKIP_ON_OOPS"
    ACCESSIBILITY_ISSUE = "ACCESSIBILITY_ISSUE"


@dataclass(frozen=True)
class IssueReportCode:
    """One row of Pix's issue report table (reference §4.3)."""

    code: str
    category: IssueReportCategory
    subcategory: IssueReportSubcategory | None
    active: bool
    needs_description: bool
    needs_question_number: bool
    impactful: bool = False


_C = IssueReportCategory
_S = IssueReportSubcategory

ISSUE_REPORT_CODES: dict[str, IssueReportCode] = {
    row.code: row
    for row in (
        IssueReportCode(
            "C1", _C.CANDIDATE_INFORMATIONS_CHANGES, _S.NAME_OR_BIRTHDATE, True, True, False, True
        ),
        IssueReportCode(
            "C2", _C.CANDIDATE_INFORMATIONS_CHANGES, _S.EXTRA_TIME_PERCENTAGE, True, True, False
        ),
        IssueReportCode("C3", _C.LATE_OR_LEAVING, _S.LEFT_EXAM_ROOM, False, False, False),
        IssueReportCode("C4", _C.SIGNATURE_ISSUE, None, True, True, False),
        IssueReportCode("C5", _C.CONNECTION_OR_END_SCREEN, None, False, False, False),
        IssueReportCode("C6", _C.FRAUD, None, True, False, False, True),
        IssueReportCode("C7", _C.NON_BLOCKING_TECHNICAL_ISSUE, None, True, True, False),
        IssueReportCode("C8", _C.NON_BLOCKING_CANDIDATE_ISSUE, None, True, True, False),
        IssueReportCode("A1", _C.TECHNICAL_PROBLEM, None, False, True, False, True),
        IssueReportCode("A2", _C.OTHER, None, False, False, False, True),
        IssueReportCode("E1", _C.IN_CHALLENGE, _S.IMAGE_NOT_DISPLAYING, True, False, True, True),
        IssueReportCode("E2", _C.IN_CHALLENGE, _S.EMBED_NOT_WORKING, True, False, True, True),
        IssueReportCode("E3", _C.IN_CHALLENGE, _S.FILE_NOT_OPENING, True, False, True, True),
        IssueReportCode("E4", _C.IN_CHALLENGE, _S.WEBSITE_UNAVAILABLE, True, False, True, True),
        IssueReportCode("E5", _C.IN_CHALLENGE, _S.WEBSITE_BLOCKED, True, False, True, True),
        IssueReportCode("E6", _C.IN_CHALLENGE, _S.LINK_NOT_WORKING, False, False, True, True),
        IssueReportCode("E7", _C.IN_CHALLENGE, _S.OTHER, False, False, True, True),
        IssueReportCode("E8", _C.IN_CHALLENGE, _S.EXTRA_TIME_EXCEEDED, True, False, True, True),
        IssueReportCode("E9", _C.IN_CHALLENGE, _S.SOFTWARE_NOT_WORKING, True, False, True, True),
        IssueReportCode(
            "E10", _C.IN_CHALLENGE, _S.UNINTENTIONAL_FOCUS_OUT, True, False, True, True
        ),
        IssueReportCode("E11", _C.IN_CHALLENGE, _S.SKIP_ON_OOPS, True, False, True, True),
        IssueReportCode("E12", _C.IN_CHALLENGE, _S.ACCESSIBILITY_ISSUE, True, False, True, True),
    )
}

FINALISATION_CODES = ("C1", "C2", "C4", "C6", "C7", "C8")
"""The only categories V3 finalisation offers; E codes come from live alerts only."""

ALWAYS_VALID_LIVE_REASONS = ("E4", "E5", "E8", "E9", "E11", "E12")
"""Reasons offered for validating any challenge alert (reference §3.5)."""


@dataclass(frozen=True)
class Competence:
    code: str  # "1.1"
    area: int  # 1..5


COMPETENCES: tuple[Competence, ...] = tuple(
    Competence(code, int(code[0]))
    for code in (
        "1.1",
        "1.2",
        "1.3",
        "2.1",
        "2.2",
        "2.3",
        "2.4",
        "3.1",
        "3.2",
        "3.3",
        "3.4",
        "4.1",
        "4.2",
        "4.3",
        "5.1",
        "5.2",
    )
)
AREAS = (1, 2, 3, 4, 5)
