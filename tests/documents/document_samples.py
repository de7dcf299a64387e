"""Sample school, sessions and candidates shared by the document tests and the previews."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from pixtui.domain.clock import FixedClock, at_local
from pixtui.domain.enums import AbortReason, AssessmentState, LiveAlertKind, LiveAlertStatus
from pixtui.domain.models import (
    Candidate,
    Finalization,
    IssueReport,
    LiveAlert,
    SchoolSettings,
    Session,
)

DAY = date(2024, 3, 18)
CLOCK = FixedClock(datetime(2024, 3, 15, 16, 30, tzinfo=UTC))

LONG_LAST = "De La Roche-Fontaine-Saint-Éloi-Œttinger-Marchal Van Der Brœck Y Villanueva"
LONG_FIRST = "Marie-Éléonore-Anne-Bérénice-Clothilde"


def school() -> SchoolSettings:
    return SchoolSettings(name="Collège Jean-Moulin d'Œting", uai="0251234X")


def session(
    number: str | None = "123456",
    *,
    start: time = time(14, 0),
    room: str = "Salle B12 (informatique)",
    day: date = DAY,
) -> Session:
    return Session(
        id=f"s-{number}-{start.hour}",
        pix_number=number,
        site="Bâtiment principal",
        room=room,
        date=day,
        start_time=start,
        examiners=["Mme Lefèvre", "M. Nguyễn"],
        description="Prévoir des écouteurs.",
        access_code="BCDF23",
        invigilator_password="k7!Qx9",
    )


_LAST = [
    "Dupont",
    "Lefèvre",
    "Ñúñez",
    "Œuvray",
    "Martin",
    "Bernard",
    "Thomas",
    "Petit",
    "Robert",
    "Richard",
    "Durand",
    "Dubois",
    "Moreau",
    "Laurent",
    "Simon",
    "Michel",
    "Garçon",
    "Lévêque",
    "D'Artagnan",
    "Zoë-Noël",
]
_FIRST = ["Éloïse", "Zoé", "Noël", "Jérôme", "Anaïs", "Chloé", "Maël", "Inès", "Léa", "Hélène"]


def candidates(count: int, session_id: str = "s-123456-14") -> list[Candidate]:
    people: list[Candidate] = []
    for index in range(count):
        people.append(
            Candidate(
                id=f"c{index:03d}",
                session_id=session_id,
                last_name=_LAST[index % len(_LAST)] + ("" if index < len(_LAST) else f"-{index}"),
                first_name=_FIRST[index % len(_FIRST)],
                birthdate=date(2009, 1 + index % 12, 1 + index % 28),
                division=f"3{'ABCD'[index % 4]}",
                extra_time_ratio=0.33 if index % 7 == 2 else 0.0,
                aid_note="AESH présente (lecture des consignes)" if index == 9 else "",
                accessibility_adjustment=index == 16,
                language_note="arabophone, consignes lues lentement" if index == 4 else "",
            )
        )
    return people


def long_name_candidate(session_id: str = "s-123456-14") -> Candidate:
    return Candidate(
        id="c-long",
        session_id=session_id,
        last_name=LONG_LAST,
        first_name=LONG_FIRST,
        birthdate=date(2009, 12, 31),
        division="3E-option-européenne-allemand",
        extra_time_ratio=0.5,
        aid_note="AVS pour la manipulation de la souris et la lecture de toutes les consignes "
        "des questions longues, avec pauses autorisées " * 3,
    )


def room_log(people: list[Candidate], day: date = DAY) -> list[Candidate]:
    """Add a morning of incidents to a few candidates (issue reports and live alerts)."""
    start = at_local(day, time(14, 10))
    people[0].assessment_state = AssessmentState.COMPLETED
    people[0].started_at = start
    people[0].issue_reports.append(
        IssueReport(
            code="C7",
            description="Le poste s'est figé ; l'élève a changé d'ordinateur à 14 h 35.",
            created_at=at_local(day, time(14, 36)),
            created_by="lefevre",
            source="room",
        )
    )
    people[1].assessment_state = AssessmentState.ENDED_BY_INVIGILATOR
    people[1].abort_reason = AbortReason.TECHNICAL
    people[1].started_at = start
    people[1].alerts.append(
        LiveAlert(
            kind=LiveAlertKind.CHALLENGE,
            status=LiveAlertStatus.VALIDATED,
            raised_at=at_local(day, time(14, 50)),
            question_number=12,
            handled_at=at_local(day, time(14, 52)),
            handled_by="lefevre",
            reason_code="E4",
        )
    )
    people[1].alerts.append(
        LiveAlert(
            kind=LiveAlertKind.CHALLENGE,
            status=LiveAlertStatus.DISMISSED,
            raised_at=at_local(day, time(15, 0)),
            question_number=14,
            handled_at=at_local(day, time(15, 1)),
            handled_by="lefevre",
        )
    )
    people[2].assessment_state = AssessmentState.COMPLETED
    people[2].started_at = start
    people[2].alerts.append(
        LiveAlert(
            kind=LiveAlertKind.CHALLENGE,
            status=LiveAlertStatus.VALIDATED,
            raised_at=at_local(day, time(15, 20)),
            question_number=27,
            handled_at=at_local(day, time(15, 21)),
            reason_code="E8",
        )
    )
    # The room screen may also record a validated alert as an issue report: printed once.
    people[2].issue_reports.append(
        IssueReport(
            code="E8", question_number=27, created_at=at_local(day, time(15, 21)), source="live"
        )
    )
    people[3].issue_reports.append(
        IssueReport(
            code="C1",
            description="Prénom mal orthographié : « Jérome » au lieu de « Jérôme ».",
            created_at=at_local(day, time(14, 5)),
            source="room",
        )
    )
    return people


def finalized(session_: Session) -> Session:
    session_.finalization = Finalization(
        finalized_at=datetime(2024, 3, 18, 16, 40, tzinfo=UTC),
        finalized_by="referent",
        has_incident=True,
        has_joining_issue=False,
        examiner_global_comment="=Coupure réseau de 5 minutes ; session sinon calme.",
    )
    return session_
