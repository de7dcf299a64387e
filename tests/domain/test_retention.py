"""Retention (rule 9): dates, expiry, the dry-run plan and the anonymising purge."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pixtui.domain.enums import AbortReason, AssessmentState
from pixtui.domain.models import Candidate, ChecklistItem, Finalization, IssueReport, Pupil, Session
from pixtui.domain.results import CertificationResult, ResultStatus
from pixtui.domain.retention import (
    apply_purge,
    expired_sessions,
    is_expired,
    purge_plan,
    retention_until,
    sessions_expiring_within,
)
from pixtui.domain.serialize import to_record
from pixtui.i18n import set_language

NOW = datetime(2029, 6, 1, 9, 0, tzinfo=UTC)
TODAY = NOW.date()


@pytest.fixture(autouse=True)
def french() -> None:
    set_language("fr")


# --- dates ------------------------------------------------------------------------------


def test_retention_is_the_anniversary() -> None:
    assert retention_until(date(2024, 4, 4), 5) == date(2029, 4, 4)
    assert retention_until(date(2024, 4, 4), 0) == date(2024, 4, 4)


def test_29_february_never_purges_early() -> None:
    assert retention_until(date(2024, 2, 29), 5) == date(2029, 3, 1)
    assert retention_until(date(2024, 2, 29), 4) == date(2028, 2, 29)  # a leap year again


def test_negative_years_are_a_programming_error() -> None:
    with pytest.raises(ValueError):
        retention_until(date(2024, 1, 1), -1)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)), st.integers(0, 30))
def test_retention_is_never_shorter_than_the_period(day: date, years: int) -> None:
    until = retention_until(day, years)
    assert until.year == day.year + years
    assert (until.month, until.day) >= (day.month, day.day)
    assert (until - day).days >= 365 * years


def test_expired_the_day_after_retention_and_sorted() -> None:
    older = Session(date=date(2023, 5, 1))
    younger = Session(date=date(2024, 5, 31))
    recent = Session(date=date(2024, 6, 2))
    undated = Session(date=None)
    assert not is_expired(younger, date(2029, 5, 31))
    assert is_expired(younger, date(2029, 6, 1))
    assert expired_sessions([recent, younger, undated, older], TODAY) == [older, younger]


def test_recorded_retention_date_wins_and_years_are_configurable() -> None:
    kept_longer = Session(date=date(2020, 1, 10), retention_until=date(2030, 1, 10))
    assert not is_expired(kept_longer, TODAY)
    assert is_expired(Session(date=date(2026, 1, 10)), TODAY, years=3)
    assert not is_expired(Session(date=date(2026, 1, 10)), TODAY)


def test_reminder_lists_sessions_about_to_expire() -> None:
    soon = Session(date=date(2024, 6, 20))
    later = Session(date=date(2024, 12, 1))
    gone = Session(date=date(2024, 1, 1))
    assert sessions_expiring_within([later, soon, gone], TODAY, days=30) == [soon]


# --- plan and purge ---------------------------------------------------------------------


@dataclasses.dataclass
class World:
    sessions: list[Session]
    candidates: list[Candidate]
    pupils: list[Pupil]
    results: list[CertificationResult]


def world() -> World:
    old = Session(
        pix_number="7001",
        room="Salle 12",
        date=date(2024, 4, 4),
        description="Léa Durand arrivée en retard.",
        checklist=[ChecklistItem(key="room_ready", done=True, by="ref", note="Clé chez Mme Roux")],
        finalization=Finalization(examiner_global_comment="Malaise de Noé Martin à 10 h."),
    )
    new = Session(pix_number="9001", room="Salle 3", date=date(2026, 3, 10))
    lea = Pupil(
        last_name="Durand",
        first_name="Léa",
        birthdate=date(2010, 2, 14),
        division="3A",
        left_school=True,
        ine="123456789AB",
        sex="F",
    )
    noe = Pupil(
        last_name="Martin",
        first_name="Noé",
        birthdate=date(2010, 7, 1),
        division="3A",
        left_school=True,
    )
    ines = Pupil(
        last_name="Benali",
        first_name="Inès",
        birthdate=date(2009, 11, 3),
        division="3A",
        left_school=False,
    )
    candidates = [
        Candidate(
            session_id=old.id,
            pupil_id=lea.id,
            last_name="Durand",
            first_name="Léa",
            birthdate=lea.birthdate,
            division="3A",
            extra_time_ratio=0.33,
            aid_note="AESH",
            assessment_state=AssessmentState.COMPLETED,
            issue_reports=[IssueReport(code="C8", description="Léa a pleuré.")],
        ),
        Candidate(
            session_id=old.id,
            pupil_id=noe.id,
            last_name="Martin",
            first_name="Noé",
            birthdate=noe.birthdate,
            division="3A",
            assessment_state=AssessmentState.ENDED_BY_INVIGILATOR,
            abort_reason=AbortReason.TECHNICAL,
        ),
        Candidate(
            session_id=old.id,
            pupil_id=ines.id,
            last_name="Benali",
            first_name="Inès",
            birthdate=ines.birthdate,
            division="3A",
            assessment_state=AssessmentState.COMPLETED,
        ),
        # Noé sat again later: his pupil record must stay while that session is kept
        Candidate(
            session_id=new.id,
            pupil_id=noe.id,
            last_name="Martin",
            first_name="Noé",
            birthdate=noe.birthdate,
            division="2B",
            assessment_state=AssessmentState.COMPLETED,
        ),
    ]
    results = [
        CertificationResult(
            first_name="Léa",
            last_name="Durand",
            birthdate=lea.birthdate,
            division="3A",
            status=ResultStatus.VALIDATED,
            score=312,
            session_number="7001",
            pupil_id=lea.id,
            competence_levels={"1.1": 3},
        ),
        CertificationResult(
            first_name="Noé",
            last_name="Martin",
            birthdate=noe.birthdate,
            division="2B",
            status=ResultStatus.VALIDATED,
            score=200,
            session_number="9001",
            pupil_id=noe.id,
        ),
    ]
    return World([old, new], candidates, [lea, noe, ines], results)


def snapshot(w: World) -> list[object]:
    return [to_record(x) for x in (*w.sessions, *w.candidates, *w.pupils, *w.results)]


def plan_of(w: World):  # noqa: ANN201 - a PurgePlan
    return purge_plan(w.sessions, w.candidates, w.pupils, TODAY, results=w.results)


def test_dry_run_lists_what_would_go_and_changes_nothing() -> None:
    w = world()
    before = snapshot(w)
    plan = plan_of(w)
    assert snapshot(w) == before
    assert plan.ids("session") == {w.sessions[0].id}
    assert plan.ids("candidate") == {c.id for c in w.candidates[:3]}
    assert plan.ids("pupil") == {w.pupils[0].id}  # Léa left; Noé has a kept session; Inès stays
    assert plan.ids("result") == {w.results[0].id}
    lines = plan.lines()
    assert lines[0].startswith("La purge anonymisera 1 session, 3 candidats, 1 élève")
    assert "  DURAND Léa (3A)" in lines
    assert any("Session 7001 du 04/04/2024" in line for line in lines)


def test_after_the_purge_no_name_or_birthdate_of_the_expired_session_remains() -> None:
    w = world()
    plan = plan_of(w)
    report = apply_purge(
        plan, w.sessions, w.candidates, w.pupils, NOW, "referent", results=w.results
    )
    assert (report.sessions, report.candidates, report.pupils, report.results) == (1, 3, 1, 1)
    assert "3 candidats" in report.message()

    old = w.sessions[0]
    purged = [w.sessions[0], *w.candidates[:3], w.pupils[0], w.results[0]]
    text = repr([to_record(x) for x in purged])
    for secret in (
        "Durand",
        "Léa",
        "Martin",
        "Noé",
        "Benali",
        "Inès",
        "Roux",
        "2010-02-14",
        "2010-07-01",
        "2009-11-03",
        "123456789AB",
        "AESH",
        "pleuré",
    ):
        assert secret not in text, secret
    # counts and statistics survive
    assert old.purged_at == NOW
    assert [c.assessment_state for c in w.candidates[:3]] == [
        AssessmentState.COMPLETED,
        AssessmentState.ENDED_BY_INVIGILATOR,
        AssessmentState.COMPLETED,
    ]
    assert w.candidates[1].abort_reason is AbortReason.TECHNICAL
    assert [i.code for i in w.candidates[0].issue_reports] == ["C8"]
    assert all(c.division == "3A" for c in w.candidates[:3])
    assert w.candidates[0].extra_time_ratio == 0.0
    assert w.candidates[0].pupil_id == w.pupils[0].id  # kept: points to an anonymised pupil
    assert w.results[0].score == 312 and w.results[0].competence_levels == {"1.1": 3}
    assert w.candidates[0].last_name == "Anonyme" and w.candidates[0].updated_by == "referent"
    # what is still within its retention period is untouched
    assert w.candidates[3].last_name == "Martin" and w.candidates[3].birthdate is not None
    assert w.pupils[1].last_name == "Martin" and w.pupils[2].last_name == "Benali"
    assert w.results[1].last_name == "Martin"


def test_a_second_plan_is_empty_and_says_so() -> None:
    w = world()
    apply_purge(plan_of(w), w.sessions, w.candidates, w.pupils, NOW, "referent", results=w.results)
    plan = plan_of(w)
    assert plan.is_empty
    assert plan.lines() == [
        "Aucune donnée personnelle à effacer au 01/06/2029 : aucune session n'a dépassé sa durée de conservation."
    ]


def test_purge_touches_only_what_the_plan_listed() -> None:
    w = world()
    plan = purge_plan(w.sessions, w.candidates, w.pupils, date(2029, 4, 4), results=w.results)
    assert plan.is_empty  # the last day of retention: nothing yet
    late = Candidate(session_id=w.sessions[0].id, last_name="Nouveau", first_name="Cas")
    real_plan = plan_of(w)
    apply_purge(real_plan, w.sessions, [*w.candidates, late], w.pupils, NOW, "referent")
    assert late.last_name == "Nouveau"  # not shown in the dry run, so not purged


def test_pupil_without_any_session_is_not_this_rules_business() -> None:
    w = world()
    never = Pupil(last_name="Sans", first_name="Session", left_school=True)
    plan = purge_plan(w.sessions, w.candidates, [*w.pupils, never], TODAY)
    assert never.id not in plan.ids("pupil")


def test_purge_needs_an_aware_instant() -> None:
    w = world()
    with pytest.raises(ValueError):
        apply_purge(
            plan_of(w), w.sessions, w.candidates, w.pupils, datetime(2029, 6, 1), "referent"
        )


def test_a_pupil_who_leaves_after_the_purge_is_purged_next_time() -> None:
    w = world()
    ines = w.pupils[2]
    apply_purge(plan_of(w), w.sessions, w.candidates, w.pupils, NOW, "referent", results=w.results)
    assert ines.last_name == "Benali"  # still at school: kept
    ines.left_school = True
    plan = plan_of(w)
    assert plan.ids("pupil") == {ines.id} and plan.ids("candidate") == set()
    apply_purge(plan, w.sessions, w.candidates, w.pupils, NOW, "referent", results=w.results)
    assert ines.last_name == "Anonyme" and ines.birthdate is None
