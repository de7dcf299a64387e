"""Rules 5 and 6: enrolment checks, extra time, removal of a candidate."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pixtui.domain.clock import at_local
from pixtui.domain.enrolment import (
    ExtraTimeError,
    can_remove_candidate,
    candidate_from_pupil,
    enrolment_problems,
    parse_extra_time,
    validate_extra_time_percent,
)
from pixtui.domain.enums import AssessmentState, Certifiability, LoginMethod, SessionStatus
from pixtui.domain.models import (
    Candidate,
    PreviousCertification,
    Pupil,
    SchoolSettings,
    Session,
)
from pixtui.domain.problems import Severity, keys

SCHOOL = SchoolSettings()
NOW = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)


def pupil(**kw) -> Pupil:
    base = dict(
        last_name="Lefèvre",
        first_name="Jean-Noël",
        birthdate=date(2010, 5, 4),
        division="3A",
        certifiability=Certifiability.CERTIFIABLE,
        login_methods=[LoginMethod.MEDIACENTRE],
    )
    return Pupil(**(base | kw))


def session(**kw) -> Session:
    base = dict(
        site="Collège",
        room="Salle 12",
        date=date(2024, 3, 12),
        start_time=time(8, 0),
        examiners=["Mme Martin"],
    )
    return Session(**(base | kw))


def problems_for(p: Pupil, s: Session, *, candidates=(), others=(), now=NOW, school=SCHOOL):
    return enrolment_problems(
        p,
        s,
        session_candidates=list(candidates),
        other_enrolments=list(others),
        school=school,
        now=now,
    )


def test_a_certifiable_pupil_enrols_without_problem() -> None:
    assert problems_for(pupil(), session()) == []


def test_duplicate_in_the_session_is_refused() -> None:
    p, s = pupil(), session()
    # Same person typed differently, another pupil record (e.g. imported twice).
    twin = Candidate(
        session_id=s.id, last_name="LEFEVRE", first_name="jean noel", birthdate=date(2010, 5, 4)
    )
    (problem,) = problems_for(p, s, candidates=[twin])
    assert problem.severity is Severity.ERROR
    assert problem.message == (
        "Jean-Noël Lefèvre est déjà inscrit(e) à cette session (mêmes nom, prénom et date de naissance)."
    )
    # Another birthdate: a namesake, allowed.
    namesake = Candidate(
        session_id=s.id, last_name="Lefèvre", first_name="Jean-Noël", birthdate=date(2010, 6, 1)
    )
    assert problems_for(p, s, candidates=[namesake]) == []
    # Same pupil id: refused even if the names changed since.
    renamed = Candidate(session_id=s.id, pupil_id=p.id, last_name="Autre", first_name="Nom")
    assert keys(problems_for(p, s, candidates=[renamed])) == ["domain.enrol.duplicate"]
    # A removed candidate can be enrolled again.
    twin.removed = True
    assert problems_for(p, s, candidates=[twin]) == []


def test_finalised_session_refuses_enrolment() -> None:
    (problem,) = problems_for(pupil(), session(status=SessionStatus.FINALIZED))
    assert problem.severity is Severity.ERROR
    assert problem.message == "Les inscriptions sont closes : la session est « Finalisée »."


def test_enrolment_closes_24_hours_after_the_first_start() -> None:
    first = datetime(2024, 3, 12, 7, 0, tzinfo=UTC)
    s = session(first_started_at=first)
    assert problems_for(pupil(), s, now=first + timedelta(hours=23, minutes=59)) == []
    (problem,) = problems_for(pupil(), s, now=first + timedelta(hours=24))
    assert problem.key == "domain.enrol.session_expired"
    assert "plus de 24 heures" in problem.message


def test_not_certifiable_and_unknown_warn() -> None:
    (problem,) = problems_for(pupil(certifiability=Certifiability.NOT_CERTIFIABLE), session())
    assert problem.severity is Severity.WARNING and problem.key == "domain.pupil.not_certifiable"
    (problem,) = problems_for(pupil(certifiability=Certifiability.UNKNOWN), session())
    assert problem.severity is Severity.WARNING
    assert problem.key == "domain.pupil.certifiability_unknown"


def test_left_school_warns() -> None:
    (problem,) = problems_for(pupil(left_school=True), session())
    assert problem.severity is Severity.WARNING
    assert (
        problem.message
        == "Jean-Noël Lefèvre ne figure plus dans la dernière liste d'élèves importée."
    )


def test_two_sessions_less_than_15_days_apart_warn() -> None:
    p, s = pupil(), session(date=date(2024, 3, 12))
    earlier = session(date=date(2024, 2, 27))  # 14 days before
    enrolled = Candidate(session_id=earlier.id, pupil_id=p.id)
    (problem,) = problems_for(p, s, others=[(earlier, enrolled)])
    assert problem.severity is Severity.WARNING
    assert problem.message == (
        "Jean-Noël Lefèvre est déjà inscrit(e) à une session le 27/02/2024 : "
        "il faut laisser au moins 15 jours entre deux sessions."
    )
    # 15 days apart is fine.
    ok = session(date=date(2024, 2, 26))
    assert problems_for(p, s, others=[(ok, Candidate(session_id=ok.id, pupil_id=p.id))]) == []
    # Someone else's enrolment does not count; nor a removed one.
    other_pupil = Candidate(
        session_id=earlier.id, pupil_id="someone", last_name="X", first_name="Y"
    )
    assert problems_for(p, s, others=[(earlier, other_pupil)]) == []
    enrolled.removed = True
    assert problems_for(p, s, others=[(earlier, enrolled)]) == []
    # The spacing is a school setting.
    wide = SchoolSettings(spacing_days=30)
    assert keys(problems_for(p, s, others=[(ok, Candidate(pupil_id=p.id))], school=wide)) == [
        "domain.enrol.too_close"
    ]


def test_previous_certification_informs() -> None:
    p = pupil(
        previous_certifications=[
            PreviousCertification(taken_on=date(2023, 4, 3), status="Validée", score=212),
            PreviousCertification(taken_on=date(2022, 4, 3)),
        ]
    )
    (problem,) = problems_for(p, session())
    assert problem.severity is Severity.INFO
    assert problem.message == (
        "Jean-Noël Lefèvre a déjà passé une certification Pix le 03/04/2023 (statut : Validée)."
    )


def test_candidate_copies_the_identity() -> None:
    p = pupil(last_name=" Lefèvre ", first_name="Jean-Noël ", division=" 3A")
    c = candidate_from_pupil(p, "S1")
    assert (c.session_id, c.pupil_id, c.last_name, c.first_name, c.birthdate, c.division) == (
        "S1",
        p.id,
        "Lefèvre",
        "Jean-Noël",
        date(2010, 5, 4),
        "3A",
    )
    assert c.extra_time_ratio == 0.0 and c.assessment_state is None
    p.last_name = "Changed"
    assert c.last_name == "Lefèvre"  # a copy, as Pix does


def test_candidate_removal_until_the_session_starts() -> None:
    s = session(date=date(2024, 3, 12), start_time=time(8, 0))
    start = at_local(date(2024, 3, 12), time(8, 0))
    c = Candidate(session_id=s.id)
    assert can_remove_candidate(c, s, start - timedelta(seconds=1)) == []
    (problem,) = can_remove_candidate(c, s, start)
    assert problem.key == "domain.enrol.remove_after_start"
    assert problem.message.startswith("La session a commencé")
    early = session(first_started_at=start - timedelta(hours=1))
    assert keys(can_remove_candidate(c, early, start - timedelta(hours=2))) == [
        "domain.enrol.remove_after_start"
    ]
    started = Candidate(session_id=s.id, assessment_state=AssessmentState.STARTED)
    assert keys(can_remove_candidate(started, s, NOW)) == ["domain.enrol.remove_started"]
    (problem,) = can_remove_candidate(c, session(status=SessionStatus.PROCESSED), NOW)
    assert problem.message == (
        "Ce candidat ne peut plus être désinscrit : la session est « Résultats transmis par Pix »."
    )


@pytest.mark.parametrize(
    ("text", "ratio"),
    [
        ("33", 0.33),
        ("33 %", 0.33),
        ("33%", 0.33),
        ("+33 %", 0.33),
        (" 50 ", 0.5),
        ("0", 0.0),
        ("", 0.0),
        ("100", 1.0),
        ("999", 9.99),
        ("33,0", 0.33),
        ("25.0 %", 0.25),
    ],
)
def test_parse_extra_time(text: str, ratio: float) -> None:
    assert parse_extra_time(text) == ratio


def test_parse_extra_time_refusals() -> None:
    with pytest.raises(ExtraTimeError) as info:
        parse_extra_time("0,33")
    assert str(info.value) == (
        "Le temps majoré se saisit en pourcentage : tapez 33 pour 33 % (et non « 0,33 »)."
    )
    assert info.value.problem.field == "extra_time"
    with pytest.raises(ExtraTimeError) as info:
        parse_extra_time("33,5")
    assert info.value.problem.key == "domain.extra_time.integer"
    with pytest.raises(ExtraTimeError) as info:
        parse_extra_time("tiers temps")
    assert info.value.problem.key == "domain.extra_time.invalid"
    with pytest.raises(ExtraTimeError) as info:
        parse_extra_time("1000")
    assert str(info.value) == "Le temps majoré doit être compris entre 0 % et 999 % (1000 % saisi)."
    with pytest.raises(ExtraTimeError):
        parse_extra_time("٣٣")  # only ASCII digits
    with pytest.raises(ValueError):  # ExtraTimeError is a ValueError
        parse_extra_time("-5")


def test_validate_extra_time_percent() -> None:
    assert validate_extra_time_percent(0) == []
    assert validate_extra_time_percent(33) == []
    assert validate_extra_time_percent(999) == []
    assert keys(validate_extra_time_percent(-1)) == ["domain.extra_time.range"]
    assert keys(validate_extra_time_percent(999.5)) == ["domain.extra_time.range"]


@given(st.integers(min_value=0, max_value=999), st.sampled_from(["{}", "{} %", "{}%", "+{} %"]))
def test_parse_extra_time_round_trip(percent: int, pattern: str) -> None:
    assert parse_extra_time(pattern.format(percent)) == round(percent / 100, 4)


@given(st.text(max_size=10))
def test_parse_extra_time_only_raises_extra_time_errors(text: str) -> None:
    try:
        ratio = parse_extra_time(text)
    except ExtraTimeError as error:
        assert error.problem.severity is Severity.ERROR and error.problem.message
    else:
        assert 0 <= ratio <= 9.99


def test_a_certifiability_from_an_earlier_school_year_is_named_with_its_date() -> None:
    from pixtui.domain.certifiability import certifiability_from_earlier_year

    last_june = pupil(certifiability_date=date(2023, 6, 20))
    this_year = pupil(certifiability_date=date(2023, 9, 1))
    assert certifiability_from_earlier_year(last_june, date(2024, 3, 1))
    assert not certifiability_from_earlier_year(this_year, date(2024, 3, 1))
    assert not certifiability_from_earlier_year(last_june, date(2023, 8, 31))  # same year
    assert not certifiability_from_earlier_year(pupil(), date(2024, 3, 1))  # no date: not said
    problems = problems_for(last_june, session())
    assert keys(problems) == ["domain.pupil.certifiability_earlier_year"]
    assert problems[0].severity is Severity.WARNING  # said, never refused
    assert "20/06/2023" in problems[0].message and "2022-2023" in problems[0].message
    assert problems_for(this_year, session()) == []
