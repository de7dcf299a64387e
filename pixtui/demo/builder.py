"""Build the fictional demo collège: school, pupils, sessions, candidates. Pure and deterministic.

Nothing here touches the store or the global random state: one ``random.Random(seed)`` draws
everything (ids included), and "now" comes from the injected clock, so two builds with the same
seed and clock are equal (tests and snapshots rely on it). States are made consistent with the
clock: a session already held has finished candidates, a session to come has none, and today's
rehearsal session shows a room in full swing.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta

from pixtui.demo import names
from pixtui.domain.checklist import default_checklist
from pixtui.domain.clock import SCHOOL_ZONE, Clock, as_utc, at_local
from pixtui.domain.codes import generate_access_code, generate_invigilator_password
from pixtui.domain.enums import (
    AssessmentState,
    Certifiability,
    LiveAlertKind,
    LiveAlertStatus,
    LoginMethod,
    SchoolType,
    SessionStatus,
)
from pixtui.domain.models import (
    CampaignWindow,
    Candidate,
    ChecklistItem,
    Finalization,
    Handover,
    IssueReport,
    LiveAlert,
    PreviousCertification,
    Pupil,
    Resume,
    SchoolSettings,
    Session,
    StatusChange,
    default_campaign_windows,
)
from pixtui.domain.names import person_key
from pixtui.domain.retention import retention_until
from pixtui.domain.sessions import proposed_campaign_window, school_year_start

DEFAULT_SEED = 2026
DEFAULT_ORGANISER = "referent"

# Seed deck calendar (month, day): collège 4 March -> 14 June, lycée 6 November -> 29 March.

CLASS_SIZES = (24, 24, 24, 23, 25)  # 120 pupils; 3E (25) is today's rehearsal class
# Per class: how many pupils are not certifiable / not communicated (80 % / 12 % / 8 % overall).
NOT_CERTIFIABLE_PER_CLASS = (3, 4, 3, 3, 1)
UNKNOWN_PER_CLASS = (2, 2, 2, 2, 2)
# Login methods over the whole school; the rest log in through the Médiacentre (ENT).
LOGIN_QUOTAS = (
    ((), 3),
    ((LoginMethod.CODE,), 2),
    ((LoginMethod.EMAIL,), 5),
    ((LoginMethod.IDENTIFIANT,), 14),
    ((LoginMethod.MEDIACENTRE, LoginMethod.IDENTIFIANT), 8),
)
INE_COUNT = 8
CAMPAIGN_SLOTS = (
    (0.06, time(8, 15)),
    (0.33, time(10, 15)),
    (0.60, time(13, 30)),
    (0.87, time(9, 0)),
)
SCHOOL_DAYS = (0, 1, 3, 4)  # Monday, Tuesday, Thursday, Friday (no Wednesday afternoon lessons)
EXTRA_TIME = 0.33
UAI_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"  # no I, O, Q
# Today's rehearsal room, one role per candidate in this order, then "started" for the rest.
LIVE_ROLES = (
    "absent",
    "absent",
    "absent",
    "present_stale",
    "present",
    "joined",
    "completed",
    "ended",
    "challenge",
    "companion",
    "resume",
    "extra_aid",
    "extra",
    "dismissed",
    "validated",
    "accessible",
    "allophone",
)
NOT_STARTED_ROLES = frozenset({"absent", "present_stale", "present", "joined"})


@dataclass
class DemoData:
    school: SchoolSettings
    pupils: list[Pupil] = field(default_factory=list)
    sessions: list[Session] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)

    def rehearsal_session(self) -> Session:
        return next(s for s in self.sessions if s.rehearsal)

    def candidates_of(self, session: Session) -> list[Candidate]:
        return [c for c in self.candidates if c.session_id == session.id]


def build_demo(
    clock: Clock, seed: int = DEFAULT_SEED, organiser: str = DEFAULT_ORGANISER
) -> DemoData:
    """The demo collège as of ``clock.now()``; ``organiser`` is the login running ``pixtui demo``."""
    return _Builder(clock, seed, organiser).build()


def demo_summary(data: DemoData) -> dict[str, object]:
    """What ``pixtui demo`` prints: how to open today's rehearsal room, and what the store holds."""
    rehearsal = data.rehearsal_session()
    return {
        "school_name": data.school.name,
        "uai": data.school.uai,
        "organisers": list(data.school.organisers),
        "rehearsal_session_number": rehearsal.pix_number,
        "rehearsal_access_code": rehearsal.access_code,
        "rehearsal_invigilator_password": rehearsal.invigilator_password,
        "rehearsal_date": rehearsal.date.isoformat() if rehearsal.date else "",
        "rehearsal_start_time": rehearsal.start_time.strftime("%H:%M")
        if rehearsal.start_time
        else "",
        "rehearsal_site": rehearsal.site,
        "rehearsal_room": rehearsal.room,
        "rehearsal_candidates": len(data.candidates_of(rehearsal)),
        "pupils": len(data.pupils),
        "classes": len({p.division for p in data.pupils}),
        "sessions": len(data.sessions),
        "candidates": len(data.candidates),
    }


# --- Calendar helpers (public: the CLI and tests use them too) ----------------------------


def campaign_windows_for(year_start: int) -> list[CampaignWindow]:
    """This school year's collège and lycée windows, as configured (not proposed): the domain's
    one rule (:func:`pixtui.domain.sessions.proposed_campaign_window`)."""
    day = date(year_start, 9, 1)
    return [
        replace(proposed_campaign_window(level, day), proposed=False)
        for level in (SchoolType.COLLEGE, SchoolType.LYCEE)
    ]


def rehearsal_start(now: datetime) -> datetime:
    """The quarter hour (school time) 10 to 25 minutes before ``now``; local midnight at the latest.

    Working from the UTC instant never lands in a DST gap; the midnight clamp keeps the
    rehearsal on today's local date just after midnight.
    """
    today = now.astimezone(SCHOOL_ZONE).date()
    earlier = (now - timedelta(minutes=10)).astimezone(SCHOOL_ZONE)
    if earlier.date() != today:
        return at_local(today, time(0, 0))
    quarter = earlier.replace(minute=earlier.minute - earlier.minute % 15, second=0, microsecond=0)
    return quarter.astimezone(UTC)


def uai_check_letter(digits: str) -> str:
    """The UAI key: the 7-digit number modulo 23, as a letter of an alphabet without I, O, Q."""
    return UAI_LETTERS[int(digits) % len(UAI_LETTERS)]


def _whole_seconds(instant: datetime) -> datetime:
    return instant.replace(microsecond=0)


# --- The builder --------------------------------------------------------------------------


class _Builder:
    def __init__(self, clock: Clock, seed: int, organiser: str) -> None:
        self.rng = random.Random(seed)
        self.now = _whole_seconds(as_utc(clock.now()))
        self.today = self.now.astimezone(SCHOOL_ZONE).date()  # one reading of the clock
        self.year = school_year_start(self.today)
        self.organiser = organiser
        self.used_numbers: set[str] = set()
        self.used_codes: set[str] = set()
        self.settings = self.school()  # first: later draws read its rules (20 per invigilator…)

    def new_id(self) -> str:
        return f"{self.rng.getrandbits(128):032x}"

    def build(self) -> DemoData:
        school = self.settings
        pupils = self.pupils()
        sessions: list[Session] = []
        candidates: list[Candidate] = []
        *campaign_classes, rehearsal_class = names.CLASSES
        for index, ((day, start), division) in enumerate(
            zip(self.campaign_dates(), campaign_classes, strict=True)
        ):
            session, enrolled = self.campaign_session(
                index, day, start, _enrollable(pupils, division)
            )
            sessions.append(session)
            candidates += enrolled
        session, enrolled = self.rehearsal(_enrollable(pupils, rehearsal_class))
        sessions.append(session)
        candidates += enrolled
        return DemoData(school, pupils, sessions, candidates)

    # School ------------------------------------------------------------------------------

    def school(self) -> SchoolSettings:
        windows = default_campaign_windows()
        known = {(w.school_type, w.school_year) for w in windows}
        windows += [
            w
            for w in campaign_windows_for(self.year)
            if (w.school_type, w.school_year) not in known
        ]
        organisers = [self.organiser] + [
            o for o in (names.SECOND_ORGANISER,) if o != self.organiser
        ]
        return SchoolSettings(
            id=self.new_id(),
            name=names.SCHOOL_NAME,
            uai=names.SCHOOL_UAI_DIGITS + uai_check_letter(names.SCHOOL_UAI_DIGITS),
            school_type=SchoolType.COLLEGE,
            campaign_windows=windows,
            organisers=organisers,
        )

    # Pupils ------------------------------------------------------------------------------

    def pupils(self) -> list[Pupil]:
        rng = self.rng
        birth_year = self.year - 14  # 3e: 14 during the school year
        twins = self.birthdate(birth_year)
        # Placed on purpose so every class shows a hard case; the rest is drawn at random.
        showcase: dict[str, list[tuple[str, str, str, date | None]]] = {
            "3A": [
                ("Andrianantenaina-Rakotoarimanana", "Nathanaël", "M", None),
                ("de La Fontaine", "Côme", "M", None),
            ],
            "3B": [("Nguyen", "Thaïs", "F", twins), ("Nguyen", "Maël", "M", twins)],
            "3C": [("Martin", "Léa", "F", None), ("Martin", "Jean-Baptiste", "M", None)],
            "3D": [("Crèvecœur", "François", "M", None), ("d'Almeida", "Anaïs", "F", None)],
            "3E": [
                ("de Saint-Exupéry-Larochefoucauld", "Marie-Éléonore", "F", None),
                ("Cœurdevey", "Maëlle", "F", None),
                ("Benaïssa", "Ismaël", "M", None),
            ],
        }
        reserved = {last for rows in showcase.values() for last, *_ in rows}
        free_names = [n for n in names.LAST_NAMES if n not in reserved]
        last_pool: list[str] = []
        taken: set[str] = set()
        pupils: list[Pupil] = []
        ordinary: list[Pupil] = []
        for index, (division, size) in enumerate(zip(names.CLASSES, CLASS_SIZES, strict=True)):
            drawn: list[tuple[str, str, str, date | None]] = []
            while len(showcase[division]) + len(drawn) < size:
                if not last_pool:  # more pupils than names: a few names come back, as in life
                    last_pool = rng.sample(free_names, len(free_names))
                sex = rng.choice("FM")
                firsts = names.GIRLS_FIRST_NAMES if sex == "F" else names.BOYS_FIRST_NAMES
                last, first = last_pool.pop(), rng.choice(firsts)
                if person_key(last, first) not in taken:
                    taken.add(person_key(last, first))
                    drawn.append((last, first, sex, None))
            special = [self.pupil(row, division, birth_year) for row in showcase[division]]
            others = [self.pupil(row, division, birth_year) for row in drawn]
            self.certifiability(special, others, index)
            pupils += special + others
            ordinary += others
        self.repeaters(ordinary)
        self.login_methods(pupils)
        for pupil in rng.sample(pupils, INE_COUNT):
            pupil.ine = f"{rng.randrange(10**9, 10**10)}{rng.choice(UAI_LETTERS)}"
        pupils.sort(key=lambda p: (p.division, person_key(p.last_name, p.first_name)))
        return pupils

    def pupil(
        self, row: tuple[str, str, str, date | None], division: str, birth_year: int
    ) -> Pupil:
        last, first, sex, birthdate = row
        return Pupil(
            id=self.new_id(),
            last_name=last,
            first_name=first,
            birthdate=birthdate or self.birthdate(birth_year),
            sex=sex,
            division=division,
        )

    def birthdate(self, year: int) -> date:
        return date(year, 1, 1) + timedelta(days=self.rng.randrange(365))

    def certifiability(self, special: list[Pupil], others: list[Pupil], index: int) -> None:
        """Quotas of non-certifiable and unknown go to drawn pupils; showcased ones sit the test."""
        rng = self.rng
        not_certifiable, unknown = NOT_CERTIFIABLE_PER_CLASS[index], UNKNOWN_PER_CLASS[index]
        states = [Certifiability.NOT_CERTIFIABLE] * not_certifiable + [
            Certifiability.UNKNOWN
        ] * unknown
        states += [Certifiability.CERTIFIABLE] * (len(others) - len(states))
        rng.shuffle(states)
        for pupil, state in zip(
            special + others, [Certifiability.CERTIFIABLE] * len(special) + states, strict=True
        ):
            pupil.certifiability = state
            if state is Certifiability.UNKNOWN:
                continue  # "Non communiqué": no date, no count
            pupil.certifiability_date = self.today - timedelta(days=rng.randint(5, 45))
            if state is Certifiability.CERTIFIABLE:
                pupil.certifiable_competences = rng.randint(5, 16)
            else:
                pupil.certifiable_competences = rng.randint(0, 4)
                if rng.random() < 0.7:
                    pupil.follow_up = rng.choice(names.FOLLOW_UP_NOTES)

    def repeaters(self, ordinary: list[Pupil]) -> None:
        """Two certifiable pupils repeating 3e, one validated and one rejected last year (R2)."""
        rng = self.rng
        last_window = campaign_windows_for(self.year - 1)[0]
        outcomes = (("Validée", rng.randint(120, 260)), ("Rejetée", None))
        for division, (status, score) in zip(("3B", "3D"), outcomes, strict=True):
            pupil = next(
                p
                for p in ordinary
                if p.division == division and p.certifiability is Certifiability.CERTIFIABLE
            )
            pupil.birthdate = self.birthdate(self.year - 15)
            taken_on = last_window.start + timedelta(days=rng.randint(10, 80))
            number = str(rng.randint(100000, 999999))
            pupil.previous_certifications = [PreviousCertification(taken_on, status, score, number)]

    def login_methods(self, pupils: list[Pupil]) -> None:
        order = self.rng.sample(pupils, len(pupils))
        position = 0
        for methods, count in LOGIN_QUOTAS:
            for pupil in order[position : position + count]:
                pupil.login_methods = list(methods)
            position += count
        for pupil in order[position:]:
            pupil.login_methods = [LoginMethod.MEDIACENTRE]

    # Sessions ----------------------------------------------------------------------------

    def campaign_dates(self) -> list[tuple[date, time]]:
        """Four school days spread over this year's collège window, never today (the rehearsal's)."""
        window = campaign_windows_for(self.year)[0]
        span = (window.end - window.start).days
        dates: list[tuple[date, time]] = []
        for fraction, start in CAMPAIGN_SLOTS:
            day = window.start + timedelta(days=round(fraction * span))
            while (
                day.weekday() not in SCHOOL_DAYS
                or day == self.today
                or (dates and day <= dates[-1][0])
            ):
                day += timedelta(days=1)
            dates.append((day, start))
        return dates

    def new_session(self, day: date, start: time, room: names.Room, size: int) -> Session:
        rng = self.rng
        number = str(rng.randint(100000, 999999))
        while number in self.used_numbers:
            number = str(rng.randint(100000, 999999))
        self.used_numbers.add(number)
        code = generate_access_code(rng)
        while code in self.used_codes:
            code = generate_access_code(rng)
        self.used_codes.add(code)
        invigilators = rng.sample(
            names.TEACHERS, math.ceil(size / self.settings.pupils_per_invigilator)
        )
        created_at = min(self.now, at_local(day, start)) - timedelta(
            days=rng.randint(12, 30), hours=rng.randint(0, 6)
        )
        return Session(
            id=self.new_id(),
            pix_number=number,
            site=room.site,
            room=room.room,
            date=day,
            start_time=start,
            examiners=[t.name for t in invigilators],
            access_code=code,
            invigilator_password=generate_invigilator_password(rng),
            status=SessionStatus.CREATED,
            status_history=[StatusChange(SessionStatus.CREATED, created_at, self.organiser)],
            checklist=self.checklist(day, created_at),
        )

    def checklist(self, day: date, created_at: datetime) -> list[ChecklistItem]:
        """Done as a referent would have: created and enrolled in Pix Certif at once, the room
        and the documents ready once the session's day has come (the handover comes later)."""
        items = default_checklist()
        for index, item in enumerate(items):
            prepared = item.key in ("created_in_pix_certif", "pupils_enrolled_in_pix") or (
                day <= self.today and item.key != "documents_handed"
            )
            if prepared:
                item.done, item.by = True, self.organiser
                item.at = min(self.now, created_at + timedelta(hours=1 + index))
        return items

    def enrol(self, session: Session, pupils: list[Pupil]) -> list[Candidate]:
        """Certifiable pupils, and "Non communiqué" ones with an explicit note (R6: never silently)."""
        candidates: list[Candidate] = []
        for pupil in pupils:
            note = ""
            if pupil.certifiability is Certifiability.UNKNOWN:
                note = names.UNKNOWN_OVERRIDE_NOTE
            elif pupil.previous_certifications:
                note = names.REPEATING_NOTE
            candidates.append(
                Candidate(
                    id=self.new_id(),
                    session_id=session.id,
                    pupil_id=pupil.id,
                    last_name=pupil.last_name,
                    first_name=pupil.first_name,
                    birthdate=pupil.birthdate,
                    division=pupil.division,
                    enrolment_note=note,
                )
            )
        return candidates

    def campaign_session(
        self, index: int, day: date, start: time, pupils: list[Pupil]
    ) -> tuple[Session, list[Candidate]]:
        session = self.new_session(day, start, names.ROOMS[index % len(names.ROOMS)], len(pupils))
        session.description = names.SESSION_DESCRIPTIONS[index % len(names.SESSION_DESCRIPTIONS)]
        candidates = self.enrol(session, pupils)
        # Two with 33 % extra time (one with an AESH), one accessibility adjustment, one allophone.
        chosen = self.rng.sample(candidates, 4)
        chosen[0].extra_time_ratio = chosen[1].extra_time_ratio = EXTRA_TIME
        chosen[0].aid_note = self.rng.choice(names.AID_NOTES)
        chosen[2].accessibility_adjustment = True
        if index == 1:
            chosen[3].language_note = self.rng.choice(names.LANGUAGE_NOTES)
        if day < self.today:
            self.held(session, candidates)
        return session, candidates

    def welcome(self, candidate: Candidate, authorized_at: datetime) -> None:
        """D1 and D3: identity checked, signed, then presence confirmed at ``authorized_at``."""
        candidate.identity_checked_at = authorized_at - timedelta(seconds=self.rng.randint(60, 180))
        candidate.signed_at = candidate.identity_checked_at + timedelta(
            seconds=self.rng.randint(15, 50)
        )
        candidate.authorized_to_start = True
        candidate.authorized_at = authorized_at

    def held(self, session: Session, candidates: list[Candidate]) -> None:
        """A session of an earlier day: everyone present finished; finalised the next evening."""
        rng = self.rng
        assert session.date is not None and session.start_time is not None
        start = at_local(session.date, session.start_time)
        absent = set(rng.sample(range(len(candidates)), 2))
        for position, candidate in enumerate(candidates):
            if position in absent:
                continue
            self.welcome(candidate, start - timedelta(minutes=rng.randint(2, 8)))
            candidate.authorized_to_start = False  # Pix resets it on start
            candidate.joined_at = start + timedelta(minutes=rng.randint(1, 5))
            candidate.started_at = candidate.joined_at + timedelta(seconds=rng.randint(30, 240))
            minutes = rng.randint(55, self.settings.test_minutes) * (1 + candidate.extra_time_ratio)
            candidate.ended_at = candidate.started_at + timedelta(minutes=round(minutes))
            candidate.assessment_state = AssessmentState.COMPLETED
        present = [c for c in candidates if c.started_at is not None and c.ended_at is not None]
        session.first_started_at = min(c.started_at for c in present if c.started_at)
        session.ended_at = max(c.ended_at for c in present if c.ended_at) + timedelta(minutes=5)
        finalized_at = at_local(session.date + timedelta(days=1), time(17, 30))
        if finalized_at > self.now:
            return
        invigilator = _login_of(session.examiners[0])
        session.handover = Handover(
            session.ended_at + timedelta(minutes=10), invigilator, names.HANDOVER_TO
        )
        for item in session.checklist:
            if item.key == "documents_handed":
                item.done, item.by, item.at = True, invigilator, session.handover.at
        session.finalization = Finalization(finalized_at=finalized_at, finalized_by=self.organiser)
        session.status = SessionStatus.FINALIZED
        session.status_history.append(
            StatusChange(SessionStatus.FINALIZED, finalized_at, self.organiser)
        )
        session.retention_until = retention_until(session.date, self.settings.retention_years)

    # Today's rehearsal -----------------------------------------------------------------------

    def rehearsal(self, pupils: list[Pupil]) -> tuple[Session, list[Candidate]]:
        start = rehearsal_start(self.now)
        local_start = start.astimezone(SCHOOL_ZONE)
        session = self.new_session(
            local_start.date(),
            time(local_start.hour, local_start.minute),
            names.REHEARSAL_ROOM,
            len(pupils),
        )
        session.rehearsal = True
        session.description = names.REHEARSAL_DESCRIPTION
        candidates = self.enrol(session, pupils)
        self.live_room(session, candidates, start)
        return session, candidates

    def live_room(self, session: Session, candidates: list[Candidate], start: datetime) -> None:
        """Candidates in every state the room screen must show, each consistent with "now"."""
        rng, now = self.rng, self.now
        invigilator = _login_of(session.examiners[0])
        order = rng.sample(candidates, len(candidates))
        roles = list(LIVE_ROLES[: len(order)]) + ["started"] * max(0, len(order) - len(LIVE_ROLES))
        # Start times spread over the time since the session began; the earliest ones are
        # given to the roles listed first (finished ones).
        started_count = sum(1 for role in roles if role not in NOT_STARTED_ROLES)
        shares = iter(sorted(rng.uniform(0.05, 0.85) for _ in range(started_count)))
        for candidate, role in zip(order, roles, strict=True):
            if role == "absent":
                continue
            if role == "present_stale":  # rule 7: confirmed 20 minutes ago and still not started
                self.welcome(candidate, now - timedelta(minutes=20))
                continue
            if role in ("present", "joined"):
                self.welcome(candidate, now - timedelta(minutes=rng.randint(2, 6)))
                if role == "joined":
                    candidate.joined_at = now - timedelta(seconds=rng.randint(20, 90))
                continue
            started_at = _whole_seconds(start + (now - start) * next(shares))
            self.welcome(candidate, min(started_at, start) - timedelta(minutes=rng.randint(1, 6)))
            candidate.authorized_to_start = False  # Pix resets the authorisation on start
            candidate.joined_at = started_at - timedelta(seconds=rng.randint(15, 60))
            candidate.started_at = started_at
            candidate.assessment_state = AssessmentState.STARTED
            self.live_role(candidate, role, invigilator)
        starts = [c.started_at for c in candidates if c.started_at is not None]
        session.first_started_at = min(starts) if starts else None

    def live_role(self, candidate: Candidate, role: str, invigilator: str) -> None:
        """What happened to a started candidate since the start, between ``started_at`` and now."""
        rng, now = self.rng, self.now
        assert candidate.started_at is not None
        started_at = candidate.started_at

        def during(share: float) -> datetime:
            return _whole_seconds(started_at + (now - started_at) * share)

        if role == "completed":
            candidate.assessment_state = AssessmentState.COMPLETED
            candidate.ended_at = during(0.9)
        elif role == "ended":
            candidate.assessment_state = AssessmentState.ENDED_BY_INVIGILATOR
            candidate.ended_at = during(0.6)
            candidate.ended_by = invigilator
            candidate.issue_reports.append(
                IssueReport(
                    id=self.new_id(),
                    code="C8",
                    description=names.ENDED_BY_INVIGILATOR_NOTE,
                    created_at=candidate.ended_at,
                    created_by=invigilator,
                    source="room",
                )
            )
        elif role == "challenge":
            candidate.alerts.append(
                LiveAlert(
                    id=self.new_id(),
                    kind=LiveAlertKind.CHALLENGE,
                    status=LiveAlertStatus.ONGOING,
                    raised_at=during(0.8),
                    question_number=rng.randint(4, 14),
                    has_image=True,
                )
            )
        elif role == "companion":
            candidate.alerts.append(
                LiveAlert(
                    id=self.new_id(),
                    kind=LiveAlertKind.COMPANION,
                    status=LiveAlertStatus.ONGOING,
                    raised_at=during(0.7),
                )
            )
        elif role == "resume":  # closed the window: allowed back in, not back yet
            candidate.authorized_to_start = True
            candidate.authorized_at = during(0.85)
            candidate.resumes.append(Resume(candidate.authorized_at, invigilator))
        elif role in ("extra_aid", "extra"):
            candidate.extra_time_ratio = EXTRA_TIME
            if role == "extra_aid":
                candidate.aid_note = rng.choice(names.AID_NOTES)
        elif role == "dismissed":  # refused: same question goes on
            candidate.alerts.append(
                LiveAlert(
                    id=self.new_id(),
                    kind=LiveAlertKind.CHALLENGE,
                    status=LiveAlertStatus.DISMISSED,
                    raised_at=during(0.3),
                    question_number=rng.randint(2, 6),
                    handled_at=during(0.4),
                    handled_by=invigilator,
                )
            )
        elif role == "validated":  # web site down: validated with E4, a new question given
            question = rng.randint(2, 8)
            handled_at = during(0.5)
            candidate.alerts.append(
                LiveAlert(
                    id=self.new_id(),
                    kind=LiveAlertKind.CHALLENGE,
                    status=LiveAlertStatus.VALIDATED,
                    raised_at=during(0.4),
                    question_number=question,
                    handled_at=handled_at,
                    handled_by=invigilator,
                    reason_code="E4",
                )
            )
            candidate.issue_reports.append(
                IssueReport(
                    id=self.new_id(),
                    code="E4",
                    question_number=question,
                    created_at=handled_at,
                    created_by=invigilator,
                    source="live",
                )
            )
        elif role == "accessible":
            candidate.accessibility_adjustment = True
        elif role == "allophone":
            candidate.language_note = rng.choice(names.LANGUAGE_NOTES)


def _login_of(examiner: str) -> str:
    return next(t.login for t in names.TEACHERS if t.name == examiner)


def _enrollable(pupils: list[Pupil], division: str) -> list[Pupil]:
    """The pupils of a class who may be enrolled: all but the non-certifiable ones (R6)."""
    return [
        p
        for p in pupils
        if p.division == division and p.certifiability is not Certifiability.NOT_CERTIFIABLE
    ]
