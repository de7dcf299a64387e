"""The entities of SPEC §3 as typed dataclasses.

Every stored record carries ``id`` (a UUID string, stable across processes, never a TinyDB
doc id), ``rev`` (bumped by the store on each save, for stale-edit detection) and who changed
it last and when. Pix's names are kept where Pix has them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time
from datetime import date as Date

from pixtui.domain.enums import (
    AbortReason,
    AssessmentState,
    Certifiability,
    LiveAlertKind,
    LiveAlertStatus,
    LoginMethod,
    SchoolType,
    SessionStatus,
)


def new_id() -> str:
    return uuid.uuid4().hex


@dataclass
class Record:
    """Fields every stored entity has; managed by the store, not by callers."""

    id: str = field(default_factory=new_id)
    rev: int = 0
    updated_at: datetime | None = None
    updated_by: str | None = None


# --- School -----------------------------------------------------------------------------


@dataclass
class CampaignWindow:
    """The certification window of one level for one school year (seed deck dates)."""

    school_type: SchoolType
    school_year: str  # "2023-2024"
    start: date
    end: date
    proposed: bool = False  # pixtui's guess (pixtui init), still to confirm on Accueil (C)


def default_campaign_windows() -> list[CampaignWindow]:
    return [
        CampaignWindow(SchoolType.COLLEGE, "2023-2024", date(2024, 3, 4), date(2024, 6, 14)),
        CampaignWindow(SchoolType.LYCEE, "2023-2024", date(2023, 11, 6), date(2024, 3, 29)),
    ]


@dataclass
class ChecklistItem:
    """One preparation or after-session step (B2-B6, D1 materials, A1), with who and when."""

    key: str
    done: bool = False
    by: str | None = None
    at: datetime | None = None
    note: str = ""


@dataclass
class SchoolSettings(Record):
    name: str = ""
    uai: str = ""
    school_type: SchoolType = SchoolType.COLLEGE
    campaign_windows: list[CampaignWindow] = field(default_factory=default_campaign_windows)
    retention_years: int = 5
    spacing_days: int = 15
    pupils_per_invigilator: int = 20
    test_minutes: int = 105
    slot_minutes: int = 120
    organisers: list[str] = field(default_factory=list)
    timezone: str = "Europe/Paris"
    # B2 per class: key = the class (division), done = pupils told the conditions, with who/when.
    informed_classes: list[ChecklistItem] = field(default_factory=list)
    # The campaign planner's inputs typed on its screen (issue 16), kept as the lines typed, in
    # the CSV files' own format so one validator reads both (pixtui.imports.planning).
    planning_rooms: str = ""
    planning_slots: str = ""
    planning_invigilators: str = ""


# --- Pupils -----------------------------------------------------------------------------


@dataclass
class PreviousCertification:
    """A certification the pupil already took (R2: repeating pupils)."""

    taken_on: date
    status: str = ""  # Pix's "Statut": Validée / Rejetée / Annulée
    score: int | None = None
    session_number: str | None = None


@dataclass
class Pupil(Record):
    """A Pix Orga learner of the school."""

    last_name: str = ""
    first_name: str = ""
    birthdate: date | None = None
    sex: str | None = None  # "M" / "F"
    division: str = ""  # the class, e.g. "3A"
    certifiability: Certifiability = Certifiability.UNKNOWN
    certifiability_date: date | None = None
    certifiable_competences: int | None = None
    login_methods: list[LoginMethod] = field(default_factory=list)
    ine: str | None = None
    mef_code: str | None = None
    previous_certifications: list[PreviousCertification] = field(default_factory=list)
    follow_up: str = ""  # R6: what is done for a non-certifiable pupil
    left_school: bool = False  # missing from the latest full list (never deleted)


# --- Sessions ---------------------------------------------------------------------------


@dataclass
class StatusChange:
    status: SessionStatus
    at: datetime
    by: str


@dataclass
class Finalization:
    """What Pix Certif's "Finaliser la session" form holds (reference §4.1)."""

    finalized_at: datetime | None = None
    finalized_by: str | None = None
    has_incident: bool = False
    has_joining_issue: bool = False
    examiner_global_comment: str = ""


@dataclass
class Handover:
    """A1: the session's documents handed to the administration."""

    at: datetime
    by: str
    to: str


@dataclass
class Session(Record):
    pix_number: str | None = None  # "N° de session", typed from Pix Certif
    site: str = ""  # Pix "address", "Nom du site"
    room: str = ""
    date: date | None = None  # local date at the school
    start_time: time | None = None  # local "Heure de début"
    examiners: list[str] = field(default_factory=list)  # "Surveillant(s)"
    description: str = ""  # "Observations"
    access_code: str = ""
    invigilator_password: str = ""
    status: SessionStatus = SessionStatus.CREATED
    status_history: list[StatusChange] = field(default_factory=list)
    rehearsal: bool = False
    planned: bool = False  # created by the campaign planner (re-applying a plan may change it)
    checklist: list[ChecklistItem] = field(default_factory=list)
    first_started_at: datetime | None = None
    finalization: Finalization | None = None
    handover: Handover | None = None
    retention_until: Date | None = None  # (``date`` is the field above, inside this class)
    ended_at: datetime | None = None  # end of session declared in the room
    ended_by: str | None = None
    # A rehearsal's simulated pupils run somewhere at this speed (0: none, 1: real time); other
    # processes then say that the times they show are simulated ones.
    simulation_speed: int = 0
    purged_at: datetime | None = None


# --- Candidates -------------------------------------------------------------------------


@dataclass
class LiveAlert:
    """A live alert ("signalement en direct") raised during the test."""

    id: str = field(default_factory=new_id)
    kind: LiveAlertKind = LiveAlertKind.CHALLENGE
    status: LiveAlertStatus = LiveAlertStatus.ONGOING
    raised_at: datetime | None = None
    question_number: int | None = None
    has_image: bool = False
    has_embed: bool = False
    is_focus: bool = False
    has_attachment: bool = False
    handled_at: datetime | None = None
    handled_by: str | None = None
    reason_code: str | None = None  # an E code when validated


@dataclass
class IssueReport:
    """A "signalement" with Pix's category, subcategory and code (C1…, E1…)."""

    id: str = field(default_factory=new_id)
    code: str = ""
    description: str = ""
    question_number: int | None = None
    created_at: datetime | None = None
    created_by: str | None = None
    source: str = "room"  # "live" (validated alert), "room" (incident note), "finalisation"


@dataclass
class Resume:
    """An "Autoriser la reprise du test" given by the invigilator."""

    authorized_at: datetime
    by: str
    resumed_at: datetime | None = None


@dataclass
class Candidate(Record):
    """A pupil enrolled in a session. Identity is copied at enrolment, as Pix does."""

    session_id: str = ""
    pupil_id: str | None = None
    last_name: str = ""
    first_name: str = ""
    birthdate: date | None = None
    division: str = ""
    extra_time_ratio: float = 0.0  # 33 % stored as 0.33, like Pix
    accessibility_adjustment: bool = False
    aid_note: str = ""  # human aid (AVS/AESH)
    language_note: str = ""  # non-French-speaking pupil
    enrolment_note: str = ""  # e.g. repeating pupil, override of certifiability
    # Presence (D1, D3)
    identity_checked_at: datetime | None = None
    identity_checked_by: str | None = None
    signed_at: datetime | None = None
    signed_by: str | None = None
    authorized_to_start: bool = False
    authorized_at: datetime | None = None
    authorized_by: str | None = None
    joined_at: datetime | None = None  # D4: connecting to Pix
    # Assessment (D6, D7)
    assessment_state: AssessmentState | None = None
    started_at: datetime | None = None
    ended_at: datetime | None = None
    ended_by: str | None = None
    resumes: list[Resume] = field(default_factory=list)
    resume_requested_at: datetime | None = None  # the pupil closed the window and asks to resume
    # The last change of extra time once the test had started (shown in the room, journalled).
    extra_time_changed_at: datetime | None = None
    extra_time_changed_by: str | None = None
    extra_time_before: float | None = None
    alerts: list[LiveAlert] = field(default_factory=list)
    abort_reason: AbortReason | None = None
    issue_reports: list[IssueReport] = field(default_factory=list)
    removed: bool = False  # soft delete: exam records never vanish


# --- Journal ----------------------------------------------------------------------------


@dataclass
class PasswordFailures(Record):
    """Failed invigilator-password attempts on one session; ``id`` is the session's id.

    A record of its own in the store, not lines counted in the journal: 200 other events, or a
    journal moved away, never give fresh attempts.
    """

    count: int = 0  # failures since the last success (or since the window ran out)
    last_at: datetime | None = None


@dataclass
class Event:
    """One line of the append-only audit journal."""

    at: datetime
    who: str
    action: str
    record_type: str = ""
    record_id: str = ""
    before: dict | None = None
    after: dict | None = None
    counter: int | None = None  # the store's change counter after the transaction
