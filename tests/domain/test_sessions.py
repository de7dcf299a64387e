"""Rules 2 and 3: session validation, campaign window, room overlap, invigilators, deletion."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from hypothesis import given
from hypothesis import strategies as st

from pixtui.domain.enums import AssessmentState, SchoolType, SessionStatus
from pixtui.domain.models import CampaignWindow, Candidate, SchoolSettings, Session
from pixtui.domain.problems import Severity, errors, keys, warnings
from pixtui.domain.sessions import (
    campaign_window_for,
    invigilators_needed,
    parse_date,
    parse_time,
    school_year_of,
    session_can_be_deleted,
    split_examiners,
    validate_date_text,
    validate_session,
    validate_time_text,
)

SCHOOL = SchoolSettings(name="Collège Jean Moulin", school_type=SchoolType.COLLEGE)
TODAY = date(2024, 3, 1)


def good_session(**kw) -> Session:
    base = dict(
        site="Collège Jean Moulin",
        room="Salle 12",
        date=date(2024, 3, 12),
        start_time=time(8, 0),
        examiners=["Mme Martin"],
    )
    return Session(**(base | kw))


def check(session: Session, others=(), count: int = 0, today: date = TODAY):
    return validate_session(
        session, school=SCHOOL, others=list(others), today=today, candidate_count=count
    )


def test_a_good_session_has_no_problem() -> None:
    assert check(good_session()) == []


def test_required_fields() -> None:
    problems = check(good_session(site=" ", room="", examiners=["  "], date=None, start_time=None))
    assert keys(problems) == [
        "domain.session.site_required",
        "domain.session.room_required",
        "domain.session.examiners_required",
        "domain.session.date_required",
        "domain.session.time_required",
    ]
    assert all(p.severity is Severity.ERROR for p in problems)
    assert problems[0].message == "Le nom du site est obligatoire."
    assert [p.field for p in problems] == ["site", "room", "examiners", "date", "start_time"]


def test_school_year() -> None:
    assert school_year_of(date(2026, 10, 1)) == "2026-2027"
    assert school_year_of(date(2027, 8, 31)) == "2026-2027"
    assert school_year_of(date(2026, 9, 1)) == "2026-2027"
    assert school_year_of(date(2024, 3, 12)) == "2023-2024"


def test_campaign_window_by_level_and_year() -> None:
    window = campaign_window_for(SCHOOL, date(2024, 5, 1))
    assert window is not None and window.start == date(2024, 3, 4)
    lycee = SchoolSettings(school_type=SchoolType.LYCEE)
    assert campaign_window_for(lycee, date(2024, 1, 10)).end == date(2024, 3, 29)  # type: ignore[union-attr]
    assert campaign_window_for(SCHOOL, date(2025, 3, 10)) is None


def test_outside_the_campaign_window_warns() -> None:
    (p,) = check(good_session(date=date(2024, 6, 20)), today=TODAY)
    assert p.severity is Severity.WARNING and p.field == "date"
    assert p.message == (
        "Le 20/06/2024 est hors de la période de certification Collège (du 04/03/2024 au 14/06/2024)."
    )
    assert check(good_session(date=date(2024, 6, 14))) == []  # last day included


def test_no_window_for_the_year_warns() -> None:
    (p,) = check(good_session(date=date(2025, 3, 10)))
    assert p.key == "domain.session.no_campaign_window"
    assert "2024-2025" in p.message and "Collège" in p.message
    school = SchoolSettings(
        school_type=SchoolType.COLLEGE,
        campaign_windows=[
            CampaignWindow(SchoolType.COLLEGE, "2024-2025", date(2025, 3, 3), date(2025, 6, 13))
        ],
    )
    assert (
        validate_session(
            good_session(date=date(2025, 3, 10)), school=school, others=[], today=TODAY
        )
        == []
    )


def test_past_session_warns_unless_it_was_run() -> None:
    (p,) = check(good_session(date=date(2024, 3, 5)), today=date(2024, 3, 6))
    assert p.key == "domain.session.in_the_past"
    assert p.message == "La date du 05/03/2024 est déjà passée."
    run = good_session(date=date(2024, 3, 5), first_started_at=datetime(2024, 3, 5, 7, tzinfo=UTC))
    assert check(run, today=date(2024, 3, 6)) == []
    finalised = good_session(date=date(2024, 3, 5), status=SessionStatus.FINALIZED)
    assert check(finalised, today=date(2024, 3, 6)) == []
    assert check(good_session(date=date(2024, 3, 12)), today=date(2024, 3, 12)) == []  # today


def test_same_room_overlap_is_refused() -> None:
    other = good_session(start_time=time(9, 30), room="salle  12")  # same room, typed differently
    (p,) = check(good_session(), others=[other])
    assert p.severity is Severity.ERROR and p.key == "domain.session.room_taken"
    assert (
        p.message
        == "La salle Salle 12 est déjà occupée par une autre session le 12/03/2024 à 09:30."
    )


def test_no_overlap_when_slots_touch_or_rooms_differ() -> None:
    back_to_back = good_session(start_time=time(10, 0))  # 8:00 + 120 min slot
    assert check(good_session(), others=[back_to_back]) == []
    other_room = good_session(room="Salle 14")
    assert check(good_session(), others=[other_room]) == []
    other_site = good_session(site="Annexe")
    assert check(good_session(), others=[other_site]) == []
    other_day = good_session(date=date(2024, 3, 13))
    assert check(good_session(), others=[other_day]) == []
    session = good_session()
    assert check(session, others=[session]) == []  # itself, while editing
    assert check(session, others=[good_session(date=None)]) == []


def test_invigilators_needed() -> None:
    assert invigilators_needed(0) == 0
    assert invigilators_needed(1) == 1
    assert invigilators_needed(20) == 1
    assert invigilators_needed(21) == 2
    assert invigilators_needed(40, per=15) == 3


def test_too_few_invigilators_warns() -> None:
    assert check(good_session(), count=20) == []
    (p,) = check(good_session(), count=21)
    assert p.severity is Severity.WARNING and p.key == "domain.session.invigilators_short"
    assert p.message == "21 candidats demandent 2 surveillants (un pour 20) ; 1 indiqué."
    assert check(good_session(examiners=["Mme Martin", "M. Durand"]), count=21) == []


def test_codes_are_validated_when_present() -> None:
    assert (
        check(good_session(pix_number="12345", access_code="bcdf23", invigilator_password="b3!K*9"))
        == []
    )
    problems = check(
        good_session(pix_number="12-45", access_code="ABCD23", invigilator_password="aaaaaa")
    )
    assert keys(problems) == [
        "domain.pix_number.digits",
        "domain.access_code.letters",
        "domain.password.chars",
        "domain.password.repeated",
    ]
    assert errors(problems) == problems


def test_session_deletion() -> None:
    session = good_session()
    waiting = Candidate(session_id=session.id)
    (p,) = session_can_be_deleted(session, [waiting])
    assert p.severity is Severity.WARNING
    assert p.message == "1 candidat est inscrit à cette session : il sera désinscrit."
    assert session_can_be_deleted(session, []) == []
    started = Candidate(session_id=session.id, assessment_state=AssessmentState.STARTED)
    (p,) = session_can_be_deleted(session, [waiting, started])
    assert p.severity is Severity.ERROR
    assert (
        p.message
        == "Cette session ne peut plus être supprimée : une certification y a déjà démarré."
    )
    # A removed candidate who had started still counts: exam records.
    started.removed = True
    assert errors(session_can_be_deleted(session, [started]))
    # A candidate of another session does not.
    assert (
        session_can_be_deleted(session, [Candidate(session_id="x", started_at=datetime.now(UTC))])
        == []
    )
    assert warnings(session_can_be_deleted(good_session(), [])) == []


def test_split_examiners() -> None:
    assert split_examiners("Mme Martin, M. Durand ;Mme Petit\n") == [
        "Mme Martin",
        "M. Durand",
        "Mme Petit",
    ]
    assert split_examiners(" ,; ") == []


def test_parse_date() -> None:
    assert parse_date("12/03/2024") == date(2024, 3, 12)
    assert parse_date(" 2/3/2024 ") == date(2024, 3, 2)
    assert parse_date("12.03.2024") == date(2024, 3, 12)
    assert parse_date("2024-03-12") == date(2024, 3, 12)
    assert parse_date("31/02/2024") is None
    assert parse_date("12/03/24") is None
    assert parse_date("") is None
    assert parse_date("29/02/2024") == date(2024, 2, 29)
    assert parse_date("29/02/2023") is None
    assert parse_date("١٢/٠٣/٢٠٢٤") is None  # only ASCII digits


def test_parse_time() -> None:
    assert parse_time("08:30") == time(8, 30)
    assert parse_time("8:30") == time(8, 30)
    assert parse_time("8h30") == time(8, 30)
    assert parse_time("14h") == time(14, 0)
    assert parse_time("14H05") == time(14, 5)
    assert parse_time("24:00") is None
    assert parse_time("12:60") is None
    assert parse_time("9:") is None
    assert parse_time("9") is None
    assert parse_time("") is None


def test_date_and_time_messages() -> None:
    (p,) = validate_date_text("31/02/2024")
    assert (
        p.message
        == "« 31/02/2024 » n'est pas une date valable : saisissez-la au format JJ/MM/AAAA."
    )
    assert keys(validate_date_text("")) == ["domain.session.date_required"]
    assert validate_date_text("01/03/2024") == []
    (p,) = validate_time_text("25:00")
    assert p.message.startswith("« 25:00 » n'est pas une heure valable")
    assert validate_time_text("8h") == []


@given(st.dates(min_value=date(1000, 1, 1)))
def test_parse_date_round_trips(day: date) -> None:
    assert parse_date(day.strftime("%d/%m/%Y")) == day
    assert parse_date(day.isoformat()) == day


@given(st.text(max_size=12))
def test_parsers_never_raise(text: str) -> None:
    parse_date(text)
    parse_time(text)
    validate_date_text(text)
    validate_time_text(text)


@given(st.times())
def test_parse_time_round_trips(moment: time) -> None:
    assert parse_time(moment.strftime("%H:%M")) == moment.replace(second=0, microsecond=0)
