"""The demo collège: deterministic, realistic, and consistent with the clock it was built for."""

from __future__ import annotations

import math
import re
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pixtui.demo import DemoData, build_demo, demo_summary
from pixtui.demo.builder import campaign_windows_for, rehearsal_start
from pixtui.domain.clock import SCHOOL_ZONE, FixedClock, local_today
from pixtui.domain.enums import (
    FINISHED_STATES,
    ISSUE_REPORT_CODES,
    AssessmentState,
    Certifiability,
    LiveAlertKind,
    LiveAlertStatus,
    LoginMethod,
    SchoolType,
    SessionStatus,
)
from pixtui.domain.models import Candidate, Pupil, SchoolSettings, Session
from pixtui.domain.names import person_key
from pixtui.domain.serialize import from_record, to_record
from pixtui.domain.sessions import school_year_start

# SPEC §4 rule 4, written out here on purpose (not imported from the code under test).
ACCESS_CODE = re.compile(r"^[BCDFGHJKMPQRTVWXY]{4}[2346789]{2}$")
PASSWORD_CHAR = re.compile(r"^[2-9bcdfghjkmpqrstvwxyBCDFGHJKMPQRSTVWXY!*?]$")
SESSION_NUMBER = re.compile(r"^[1-9][0-9]{5}$")

NOW = datetime(2026, 11, 25, 18, 22, 37, tzinfo=UTC)  # 19:22 in Paris, a Wednesday


@pytest.fixture(scope="module")
def demo() -> DemoData:
    return build_demo(FixedClock(NOW), organiser="mdupont")


def rehearsal_candidates(data: DemoData) -> list[Candidate]:
    return data.candidates_of(data.rehearsal_session())


# --- Determinism ----------------------------------------------------------------------------


def test_two_builds_with_the_same_seed_and_clock_are_equal(demo: DemoData) -> None:
    again = build_demo(FixedClock(NOW), organiser="mdupont")
    assert again == demo
    assert to_record(again.sessions) == to_record(demo.sessions)


def test_write_demo_twice_gives_the_same_files(tmp_path) -> None:
    """The tests' demo stores are copies of one write per instant (tests/conftest.py): sound
    only while writing the demo twice gives the same files, byte for byte, with their modes."""
    from pixtui.services.demo_store import write_demo
    from tests.conftest import _write_demo_files

    clock = FixedClock(NOW)
    for name in ("a", "b", "copy", "copy-again"):
        (tmp_path / name).mkdir()
    write_demo(tmp_path / "a" / "pixtui.json", actor="mdupont", clock=clock)
    write_demo(tmp_path / "b" / "pixtui.json", actor="mdupont", clock=clock)
    _write_demo_files(tmp_path / "copy" / "pixtui.json", clock, "mdupont")
    _write_demo_files(tmp_path / "copy-again" / "pixtui.json", clock, "mdupont")

    def files(root):
        return {
            str(f.relative_to(root)): (f.is_file() and f.read_bytes(), oct(f.stat().st_mode))
            for f in sorted(root.rglob("*"))
        }

    written = files(tmp_path / "a")
    assert "pixtui.json" in written
    assert written == files(tmp_path / "b") == files(tmp_path / "copy")
    assert written == files(tmp_path / "copy-again")


def test_another_seed_gives_another_school_population(demo: DemoData) -> None:
    other = build_demo(FixedClock(NOW), seed=7, organiser="mdupont")
    assert [p.id for p in other.pupils] != [p.id for p in demo.pupils]
    assert {(p.last_name, p.first_name) for p in other.pupils} != {
        (p.last_name, p.first_name) for p in demo.pupils
    }


def test_ids_are_unique_uuid_like_hex(demo: DemoData) -> None:
    ids = [demo.school.id] + [r.id for r in (*demo.pupils, *demo.sessions, *demo.candidates)]
    ids += [a.id for c in demo.candidates for a in c.alerts]
    ids += [r.id for c in demo.candidates for r in c.issue_reports]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[0-9a-f]{32}", i) for i in ids)


def test_every_record_survives_the_store_serialisation(demo: DemoData) -> None:
    assert from_record(SchoolSettings, to_record(demo.school)) == demo.school
    for cls, records in (
        (Pupil, demo.pupils),
        (Session, demo.sessions),
        (Candidate, demo.candidates),
    ):
        for record in records:
            assert from_record(cls, to_record(record)) == record


# --- School and calendar --------------------------------------------------------------------


def test_school_is_a_fictional_college_with_the_current_organiser(demo: DemoData) -> None:
    school = demo.school
    assert "(démo)" in school.name
    assert school.school_type is SchoolType.COLLEGE
    assert re.fullmatch(r"\d{7}[A-Z]", school.uai)
    assert school.uai.startswith("000")  # academy 000 does not exist
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    assert school.uai[-1] == letters[int(school.uai[:7]) % 23]
    assert "mdupont" in school.organisers
    assert len(school.organisers) == len(set(school.organisers))


def test_campaign_windows_follow_the_seed_pattern_for_the_current_year(demo: DemoData) -> None:
    windows = {
        (w.school_type, w.school_year): (w.start, w.end) for w in demo.school.campaign_windows
    }
    assert windows[(SchoolType.COLLEGE, "2026-2027")] == (date(2027, 3, 4), date(2027, 6, 14))
    assert windows[(SchoolType.LYCEE, "2026-2027")] == (date(2026, 11, 6), date(2027, 3, 29))
    # The seed's own 2023-2024 defaults are kept.
    assert windows[(SchoolType.COLLEGE, "2023-2024")] == (date(2024, 3, 4), date(2024, 6, 14))
    assert windows[(SchoolType.LYCEE, "2023-2024")] == (date(2023, 11, 6), date(2024, 3, 29))


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (date(2026, 9, 1), 2026),
        (date(2027, 8, 31), 2026),
        (date(2027, 1, 15), 2026),
        (date(2026, 6, 1), 2025),
    ],
)
def test_school_year_runs_from_september_to_august(day: date, year: int) -> None:
    assert school_year_start(day) == year


def test_a_clock_in_the_seed_year_keeps_one_window_per_level() -> None:
    data = build_demo(FixedClock(datetime(2024, 1, 10, 9, 0, tzinfo=UTC)))
    keys = [(w.school_type, w.school_year) for w in data.school.campaign_windows]
    assert sorted(keys) == [(SchoolType.COLLEGE, "2023-2024"), (SchoolType.LYCEE, "2023-2024")]


# --- Pupils -----------------------------------------------------------------------------------


def test_about_120_pupils_of_3e_in_five_classes(demo: DemoData) -> None:
    assert 115 <= len(demo.pupils) <= 125
    per_class = Counter(p.division for p in demo.pupils)
    assert sorted(per_class) == ["3A", "3B", "3C", "3D", "3E"]
    assert all(20 <= n <= 28 for n in per_class.values())
    assert {p.sex for p in demo.pupils} == {"F", "M"}


def test_birthdates_fit_3e_and_repeaters_are_a_year_older(demo: DemoData) -> None:
    year = school_year_start(local_today(FixedClock(NOW)))
    repeaters = [p for p in demo.pupils if p.previous_certifications]
    assert len(repeaters) >= 2
    for pupil in demo.pupils:
        assert pupil.birthdate is not None
        expected = year - 15 if pupil in repeaters else year - 14
        assert pupil.birthdate.year == expected
    for pupil in repeaters:
        (previous,) = pupil.previous_certifications
        assert previous.status in {"Validée", "Rejetée", "Annulée"}
        assert previous.taken_on < date(year, 9, 1)
        assert previous.session_number and SESSION_NUMBER.match(previous.session_number)


def test_names_have_accents_hyphens_particles_and_long_ones(demo: DemoData) -> None:
    all_text = "".join(p.last_name + p.first_name for p in demo.pupils)
    for letter in "éèëçïœ":
        assert letter in all_text, letter
    assert any("-" in p.first_name for p in demo.pupils)
    assert any("-" in p.last_name for p in demo.pupils)
    assert any(p.last_name == "de La Fontaine" for p in demo.pupils)
    assert any("'" in p.last_name for p in demo.pupils)
    assert any(len(p.last_name) > 30 for p in demo.pupils)
    # A very long name reaches today's room screen too.
    assert any(len(c.last_name) > 30 for c in rehearsal_candidates(demo))


def test_some_last_names_are_shared_inside_one_class(demo: DemoData) -> None:
    shared = Counter((p.division, p.last_name) for p in demo.pupils)
    assert any(n >= 2 for n in shared.values())
    # Never the same person twice (same names and birthdate).
    identities = Counter((person_key(p.last_name, p.first_name), p.birthdate) for p in demo.pupils)
    assert max(identities.values()) == 1


def test_certifiability_is_mixed_with_dates(demo: DemoData) -> None:
    counts = Counter(p.certifiability for p in demo.pupils)
    total = len(demo.pupils)
    assert 0.75 <= counts[Certifiability.CERTIFIABLE] / total <= 0.85
    assert 0.08 <= counts[Certifiability.NOT_CERTIFIABLE] / total <= 0.16
    assert 0.05 <= counts[Certifiability.UNKNOWN] / total <= 0.11
    today = local_today(FixedClock(NOW))
    for pupil in demo.pupils:
        if pupil.certifiability is Certifiability.UNKNOWN:
            assert pupil.certifiability_date is None and pupil.certifiable_competences is None
            continue
        assert pupil.certifiability_date is not None and pupil.certifiability_date <= today
        assert pupil.certifiable_competences is not None
        # SPEC rule 1: certifiable from 5 competences.
        assert (pupil.certifiable_competences >= 5) == (
            pupil.certifiability is Certifiability.CERTIFIABLE
        )
    not_certifiable = [p for p in demo.pupils if p.certifiability is Certifiability.NOT_CERTIFIABLE]
    assert 0 < sum(1 for p in not_certifiable if p.follow_up) < len(not_certifiable) + 1
    assert all(
        not p.follow_up
        for p in demo.pupils
        if p.certifiability is not Certifiability.NOT_CERTIFIABLE
    )


def test_login_methods_are_mixed_mostly_mediacentre(demo: DemoData) -> None:
    methods = Counter(tuple(p.login_methods) for p in demo.pupils)
    with_mediacentre = sum(1 for p in demo.pupils if LoginMethod.MEDIACENTRE in p.login_methods)
    assert with_mediacentre > len(demo.pupils) / 2
    assert methods[(LoginMethod.IDENTIFIANT,)] > 0
    assert 0 < methods[(LoginMethod.EMAIL,)] <= 10
    assert 0 < methods[()] <= 6


def test_a_few_pupils_have_an_ine(demo: DemoData) -> None:
    ines = [p.ine for p in demo.pupils if p.ine]
    assert 0 < len(ines) < len(demo.pupils) / 4
    assert all(re.fullmatch(r"\d{10}[A-Z]", ine) for ine in ines)


# --- Sessions ---------------------------------------------------------------------------------


def test_five_sessions_four_in_the_window_and_one_rehearsal_today(demo: DemoData) -> None:
    assert len(demo.sessions) == 5
    rehearsals = [s for s in demo.sessions if s.rehearsal]
    assert len(rehearsals) == 1
    today = local_today(FixedClock(NOW))
    assert rehearsals[0].date == today
    window = campaign_windows_for(2026)[0]
    campaign = [s for s in demo.sessions if not s.rehearsal]
    assert all(s.date is not None and window.start <= s.date <= window.end for s in campaign)
    assert all(s.date != today for s in campaign)
    days = [s.date for s in campaign]
    assert days == sorted(days) and len(set(days)) == 4
    assert all(s.date is not None and s.date.weekday() < 5 for s in campaign)


def test_codes_passwords_and_numbers_have_pix_formats(demo: DemoData) -> None:
    numbers = [s.pix_number for s in demo.sessions]
    assert all(n is not None and SESSION_NUMBER.match(n) for n in numbers)
    assert len(set(numbers)) == len(numbers)
    codes = [s.access_code for s in demo.sessions]
    assert len(set(codes)) == len(codes)
    for session in demo.sessions:
        assert ACCESS_CODE.match(session.access_code), session.access_code
        password = session.invigilator_password
        assert len(password) == 6 and len(set(password)) == 6, password
        assert all(PASSWORD_CHAR.match(ch) for ch in password), password


def test_sessions_are_complete_and_staffed(demo: DemoData) -> None:
    for session in demo.sessions:
        assert session.site and session.room and session.examiners
        assert session.start_time is not None and session.start_time.second == 0
        enrolled = len(demo.candidates_of(session))
        assert 20 <= enrolled <= 25
        assert len(session.examiners) >= math.ceil(enrolled / 20)  # SPEC rule 3
        assert session.status_history and session.status_history[0].status is SessionStatus.CREATED
        assert session.status_history[-1].status is session.status
    sites = {s.site for s in demo.sessions} | {s.room for s in demo.sessions}
    assert {"Bâtiment B", "Salle 112", "CDI"} <= sites


def test_candidates_are_enrolled_class_by_class_without_duplicates(demo: DemoData) -> None:
    pupils = {p.id: p for p in demo.pupils}
    sessions_of_pupil: Counter[str] = Counter()
    for session in demo.sessions:
        candidates = demo.candidates_of(session)
        assert len({c.division for c in candidates}) == 1
        identities = [(person_key(c.last_name, c.first_name), c.birthdate) for c in candidates]
        assert len(identities) == len(set(identities))
        for candidate in candidates:
            pupil = pupils[candidate.pupil_id or ""]
            sessions_of_pupil[pupil.id] += 1
            assert (
                candidate.last_name,
                candidate.first_name,
                candidate.birthdate,
                candidate.division,
            ) == (pupil.last_name, pupil.first_name, pupil.birthdate, pupil.division)
            # R6: never enrolled silently.
            assert pupil.certifiability is not Certifiability.NOT_CERTIFIABLE
            if pupil.certifiability is Certifiability.UNKNOWN or pupil.previous_certifications:
                assert candidate.enrolment_note
    assert max(sessions_of_pupil.values()) == 1


def test_accommodations_are_present(demo: DemoData) -> None:
    ratios = {c.extra_time_ratio for c in demo.candidates}
    assert ratios == {0.0, 0.33}
    for session in demo.sessions:
        extra = [c for c in demo.candidates_of(session) if c.extra_time_ratio]
        assert 2 <= len(extra) <= 4
    assert any(c.accessibility_adjustment for c in demo.candidates)
    assert any("AESH" in c.aid_note or "AVS" in c.aid_note for c in demo.candidates)
    assert sum(1 for c in demo.candidates if c.language_note) >= 2


# --- States -----------------------------------------------------------------------------------


def assert_consistent(data: DemoData, now: datetime) -> None:
    """The domain's invariants for every candidate and session, at ``now``."""
    for candidate in data.candidates:
        stamps = [
            candidate.identity_checked_at,
            candidate.signed_at,
            candidate.authorized_at,
            candidate.joined_at,
            candidate.started_at,
            candidate.ended_at,
        ]
        assert all(s is None or (s.tzinfo is not None and s <= now) for s in stamps)
        if candidate.identity_checked_at and candidate.signed_at:
            assert candidate.identity_checked_at <= candidate.signed_at
        state = candidate.assessment_state
        if state is None:
            assert candidate.started_at is None and candidate.ended_at is None
            assert not candidate.alerts and not candidate.resumes
            assert candidate.authorized_to_start == (candidate.authorized_at is not None)
            continue
        assert candidate.started_at is not None and candidate.joined_at is not None
        assert candidate.joined_at <= candidate.started_at
        assert candidate.signed_at is not None and candidate.signed_at <= candidate.started_at
        if state in FINISHED_STATES:
            assert candidate.ended_at is not None and candidate.started_at <= candidate.ended_at
            assert not candidate.authorized_to_start
            assert all(a.status is not LiveAlertStatus.ONGOING for a in candidate.alerts)
        else:
            assert state is AssessmentState.STARTED and candidate.ended_at is None
        assert (candidate.ended_by is not None) == (state is AssessmentState.ENDED_BY_INVIGILATOR)
        assert candidate.abort_reason is None
        # Authorised again after a start only to resume (rule 7: within 24 h of the start).
        assert candidate.authorized_to_start == bool(candidate.resumes)
        for resume in candidate.resumes:
            assert candidate.started_at <= resume.authorized_at <= now
            assert resume.authorized_at - candidate.started_at < timedelta(hours=24)
        for alert in candidate.alerts:
            assert alert.raised_at is not None and candidate.started_at <= alert.raised_at <= now
            if alert.status is LiveAlertStatus.ONGOING:
                assert alert.handled_at is None
            else:
                assert alert.handled_at is not None and alert.raised_at <= alert.handled_at <= now
            if alert.kind is LiveAlertKind.CHALLENGE:
                assert alert.question_number is not None and alert.question_number >= 1
        for report in candidate.issue_reports:
            row = ISSUE_REPORT_CODES[report.code]
            assert row.active
            assert not row.needs_question_number or report.question_number is not None
            assert not row.needs_description or report.description
            assert len(report.description) <= 500
    for session in data.sessions:
        starts = [c.started_at for c in data.candidates_of(session) if c.started_at]
        assert session.first_started_at == (min(starts) if starts else None)
        assert all(change.at <= now for change in session.status_history)
        if session.status is SessionStatus.FINALIZED:
            assert (
                session.finalization is not None and session.finalization.finalized_at is not None
            )
            assert session.finalization.finalized_at <= now and starts
            assert session.retention_until is not None and session.date is not None
            assert session.retention_until.year == session.date.year + 5
            assert all(
                c.assessment_state is None or c.assessment_state in FINISHED_STATES
                for c in data.candidates_of(session)
            )


def test_states_are_consistent_with_now(demo: DemoData) -> None:
    assert_consistent(demo, NOW)


def test_future_sessions_have_nobody_in_the_room(demo: DemoData) -> None:
    for session in demo.sessions:
        if session.rehearsal:
            continue
        assert session.status is SessionStatus.CREATED
        for candidate in demo.candidates_of(session):
            assert candidate.authorized_at is None and candidate.assessment_state is None


def test_the_rehearsal_room_is_alive(demo: DemoData) -> None:
    session = demo.rehearsal_session()
    candidates = rehearsal_candidates(demo)
    assert 22 <= len(candidates) <= 26
    start = datetime.combine(session.date, session.start_time, tzinfo=SCHOOL_ZONE)
    assert start.minute % 15 == 0
    assert timedelta(0) < NOW - start <= timedelta(minutes=25)

    states = Counter(c.assessment_state for c in candidates)
    absent = [c for c in candidates if c.assessment_state is None and not c.authorized_to_start]
    present = [c for c in candidates if c.assessment_state is None and c.authorized_to_start]
    assert len(absent) >= 2
    assert len(present) >= 2
    stale = [
        c for c in present if c.authorized_at and NOW - c.authorized_at >= timedelta(minutes=20)
    ]
    assert len(stale) == 1
    assert states[AssessmentState.STARTED] >= len(candidates) // 2
    assert states[AssessmentState.COMPLETED] == 1
    assert states[AssessmentState.ENDED_BY_INVIGILATOR] == 1

    started = [c for c in candidates if c.assessment_state is AssessmentState.STARTED]
    assert len({c.started_at for c in started}) == len(started)
    assert sum(1 for c in started if c.extra_time_ratio == 0.33) == 2
    ongoing = [
        (a.kind, a) for c in started for a in c.alerts if a.status is LiveAlertStatus.ONGOING
    ]
    kinds = Counter(kind for kind, _ in ongoing)
    assert kinds == {LiveAlertKind.CHALLENGE: 1, LiveAlertKind.COMPANION: 1}
    challenge = next(a for kind, a in ongoing if kind is LiveAlertKind.CHALLENGE)
    assert challenge.question_number is not None
    assert sum(1 for c in started if c.authorized_to_start and c.resumes) == 1


def test_held_sessions_are_finished_and_finalised() -> None:
    now = datetime(2027, 6, 21, 9, 0, tzinfo=UTC)  # after the whole collège window
    data = build_demo(FixedClock(now))
    assert_consistent(data, now)
    campaign = [s for s in data.sessions if not s.rehearsal]
    assert all(s.status is SessionStatus.FINALIZED for s in campaign)
    for session in campaign:
        candidates = data.candidates_of(session)
        assert session.handover is not None and session.handover.at <= now
        assert any(c.assessment_state is None for c in candidates)  # a few absentees
        assert sum(1 for c in candidates if c.assessment_state is AssessmentState.COMPLETED) >= 15


def test_a_session_held_yesterday_is_not_finalised_yet() -> None:
    window = campaign_windows_for(2026)[0]
    probe = build_demo(FixedClock(datetime(2027, 6, 21, 9, 0, tzinfo=UTC)))
    held_on = [s.date for s in probe.sessions if not s.rehearsal][1]
    assert held_on is not None and window.start <= held_on
    now = datetime.combine(held_on + timedelta(days=1), time(10, 0), tzinfo=SCHOOL_ZONE).astimezone(
        UTC
    )
    data = build_demo(FixedClock(now))
    assert_consistent(data, now)
    yesterday = next(s for s in data.sessions if s.date == held_on)
    assert yesterday.status is SessionStatus.CREATED and yesterday.first_started_at is not None
    later = [s for s in data.sessions if not s.rehearsal and s.date and s.date > held_on]
    assert all(s.first_started_at is None for s in later)


# --- Today's date in Paris --------------------------------------------------------------------


@pytest.mark.parametrize(
    "now",
    [
        datetime(2026, 11, 25, 23, 30, tzinfo=UTC),  # 00:30 on the 26th in Paris (winter)
        datetime(2027, 5, 10, 23, 30, tzinfo=UTC),  # 01:30 on the 11th in Paris (summer)
        datetime(
            2027, 5, 10, 22, 5, tzinfo=UTC
        ),  # 00:05 in Paris: the start is clamped to midnight
        datetime(2027, 3, 28, 1, 5, tzinfo=UTC),  # 03:05 just after the spring-forward gap
        datetime(2026, 10, 25, 1, 5, tzinfo=UTC),  # 02:05, second pass of the autumn hour
    ],
)
def test_the_rehearsal_is_on_the_local_date_in_paris(now: datetime) -> None:
    data = build_demo(FixedClock(now))
    session = data.rehearsal_session()
    assert session.date == now.astimezone(SCHOOL_ZONE).date()
    assert_consistent(data, now)


@settings(max_examples=60, deadline=None)
@given(
    st.datetimes(
        min_value=datetime(2024, 1, 1), max_value=datetime(2031, 12, 31), timezones=st.just(UTC)
    )
)
def test_any_clock_gives_a_consistent_demo(now: datetime) -> None:
    data = build_demo(FixedClock(now), seed=now.minute)
    session = data.rehearsal_session()
    assert session.date == local_today(FixedClock(now))
    start = rehearsal_start(now)
    assert start <= now <= start + timedelta(minutes=25)
    assert start.astimezone(SCHOOL_ZONE).time() == session.start_time
    assert_consistent(data, now)


# --- Summary ----------------------------------------------------------------------------------


def test_summary_gives_what_pixtui_demo_prints(demo: DemoData) -> None:
    summary = demo_summary(demo)
    session = demo.rehearsal_session()
    assert summary["rehearsal_session_number"] == session.pix_number
    assert summary["rehearsal_access_code"] == session.access_code
    assert summary["rehearsal_invigilator_password"] == session.invigilator_password
    assert summary["rehearsal_date"] == "2026-11-25"
    assert summary["rehearsal_start_time"] == session.start_time.strftime("%H:%M")
    assert summary["rehearsal_candidates"] == len(rehearsal_candidates(demo))
    assert summary["pupils"] == len(demo.pupils)
    assert summary["classes"] == 5
    assert summary["sessions"] == 5
    assert summary["candidates"] == len(demo.candidates)
    assert summary["school_name"] == demo.school.name


def test_on_a_planned_campaign_day_that_session_moves_and_only_the_rehearsal_is_today() -> None:
    probe = build_demo(FixedClock(datetime(2026, 11, 25, 12, 0, tzinfo=UTC)))
    planned = [s.date for s in probe.sessions if not s.rehearsal][2]
    assert planned is not None
    now = datetime.combine(planned, time(11, 0), tzinfo=SCHOOL_ZONE).astimezone(UTC)
    data = build_demo(FixedClock(now))
    assert [s.rehearsal for s in data.sessions if s.date == planned] == [True]
    assert len({s.date for s in data.sessions}) == 5
    assert_consistent(data, now)
