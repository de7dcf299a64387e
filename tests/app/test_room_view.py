"""What the room grid shows, derived from stored instants and "now" (never counted down)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from pixtui.domain.enums import AssessmentState, LiveAlertKind
from pixtui.domain.models import Candidate, LiveAlert, Session
from pixtui.domain.room import RoomState
from pixtui.services.room_view import (
    attention_line,
    format_minutes,
    header_view,
    room_tiles,
    tile_view,
)

START = datetime(2027, 3, 18, 8, 0, tzinfo=UTC)  # 09:00 in Paris


def running(name: str, ratio: float = 0.0, started: datetime = START) -> Candidate:
    return Candidate(
        last_name=name,
        first_name="Léa",
        division="3A",
        extra_time_ratio=ratio,
        assessment_state=AssessmentState.STARTED,
        started_at=started,
    )


def test_minutes_display() -> None:
    assert format_minutes(timedelta(minutes=74, seconds=5)) == "1 h 14"
    assert format_minutes(timedelta(minutes=74, seconds=5), round_up=True) == "1 h 15"
    assert format_minutes(timedelta(seconds=59), round_up=True) == "1 min"
    assert format_minutes(timedelta(0)) == "0 min"


def test_personal_end_includes_extra_time() -> None:
    tile = tile_view(running("Durand", 0.33), START + timedelta(minutes=10), 105)
    # 105 min × 1.33 = 139.65 min, rounded up: 140 min → 09:00 + 2 h 20 = 11:20 (Paris)
    assert tile.end == "11:20"
    assert tile.start == "09:00"
    assert tile.short_tag == "+33%"
    assert "+33 %" in tile.tags


def test_the_tag_shows_the_whole_percentage() -> None:
    """Issue 9 fault 3: +100 % read "+10" and +200 % "+20" (cut to 3 characters)."""
    assert tile_view(running("A", 1.0), START, 105).short_tag == "+100%"
    assert tile_view(running("A", 2.0), START, 105).short_tag == "+200%"
    assert tile_view(running("A", 0.335), START, 105).short_tag == "+33,5%"


def test_a_finished_row_shows_when_it_finished_and_no_alert() -> None:
    c = running("Durand")
    c.alerts.append(LiveAlert(kind=LiveAlertKind.CHALLENGE, question_number=3, raised_at=START))
    c.assessment_state = AssessmentState.ENDED_BY_INVIGILATOR
    c.ended_at = START + timedelta(minutes=47)
    tile = tile_view(c, START + timedelta(hours=3), 105)
    assert tile.state is RoomState.FINISHED
    assert tile.end == "09:47"  # not the planned 10:45
    assert tile.alert == ""


def test_attention_line_names_alerts_overtime_and_resume_requests() -> None:
    late = running("Martin")
    asks = running("Durand", ratio=1.0)
    asks.resume_requested_at = START + timedelta(minutes=5)
    alerted = running("Zola")
    alerted.alerts.append(
        LiveAlert(kind=LiveAlertKind.CHALLENGE, question_number=12, raised_at=START)
    )
    quiet = running("Aubert", ratio=1.0)
    tiles = room_tiles([quiet, late, asks, alerted], START + timedelta(minutes=110), 105)
    line = attention_line(tiles)
    assert "ZOLA Léa Q12 !" in line and "MARTIN Léa +5 min" in line
    assert "DURAND Léa Demande à reprendre" in line
    assert "AUBERT" not in line
    assert attention_line(room_tiles([quiet], START, 105)) == ""


def test_remaining_is_recomputed_from_the_start_not_counted_down() -> None:
    candidate = running("Durand")
    at_10 = tile_view(candidate, START + timedelta(minutes=10), 105)
    # A process that was asleep for an hour shows the right value at once.
    at_70 = tile_view(candidate, START + timedelta(minutes=70), 105)
    assert at_10.clock == "1 h 35"
    assert at_70.clock == "35 min"


def test_overtime_state_and_text() -> None:
    tile = tile_view(running("Durand"), START + timedelta(minutes=117), 105)
    assert tile.state is RoomState.OVERTIME
    assert tile.clock == "+12 min"


def test_alerts_show_instead_of_the_clock_and_sort_first() -> None:
    quiet = running("Aubert")
    alerted = running("Zola")
    alerted.alerts.append(
        LiveAlert(kind=LiveAlertKind.CHALLENGE, question_number=12, raised_at=START)
    )
    tiles = room_tiles([quiet, alerted], START + timedelta(minutes=20), 105)
    assert [tile.name for tile in tiles] == ["ZOLA Léa", "AUBERT Léa"]
    assert tiles[0].alert == "Q12 !"
    assert tiles[0].state is RoomState.ALERT


def test_removed_candidates_are_not_shown() -> None:
    gone = running("Parti")
    gone.removed = True
    assert room_tiles([gone], START, 105) == []


def test_ascii_glyphs_for_limited_terminals() -> None:
    tile = tile_view(running("Durand"), START, 105, ascii_only=True)
    assert tile.glyph.isascii()


def test_header_countdown_and_counters() -> None:
    session = Session(
        pix_number="123456",
        site="Bât. B",
        room="Salle 112",
        date=date(2027, 3, 18),
        start_time=time(9, 0),
        examiners=["M. Lenoir"],
    )
    candidates = [
        running("A"),
        Candidate(last_name="B", authorized_to_start=True),
        Candidate(last_name="C"),
    ]
    during = header_view(session, candidates, START + timedelta(minutes=15), 120)
    assert (during.slot_end, during.countdown) == (
        "fin créneau 11:00",
        "dernière fin 10:45 (1 h 30)",
    )
    assert not during.slot_over
    assert (during.counters.enrolled, during.counters.present, during.counters.started) == (3, 2, 1)
    assert "123456" in during.title and "Salle 112" in during.place
    before = header_view(session, candidates, START - timedelta(minutes=16), 120)
    assert before.countdown == "début dans 16 min"


def test_header_counts_down_to_the_last_personal_end() -> None:
    """Issue 9 fault 1: the header counted down to the slot end, never to the last own end."""
    session = Session(date=date(2027, 3, 18), start_time=time(9, 0))
    candidates = [running("A"), running("B", 2.0)]  # +200 %: 105 × 3 = 315 min → 14:15
    after = header_view(session, candidates, START + timedelta(minutes=130), 120)
    assert after.slot_over
    assert (after.slot_end, after.countdown) == ("fin créneau 11:00", "dernière fin 14:15 (3 h 05)")
    assert after.overtime == 1  # A is past their own end, B is not
    session.ended_at = START + timedelta(minutes=131)
    closed = header_view(session, candidates, START + timedelta(minutes=140), 120)
    assert closed.countdown == "session close à 11:11"


def test_an_accelerated_rehearsal_is_said_in_other_processes() -> None:
    """A rehearsal run faster than 1x elsewhere: times shown here are simulated ones."""
    session = Session(date=date(2027, 3, 18), start_time=time(9, 0), rehearsal=True)
    assert not header_view(session, [], START, 120).simulated
    session.simulation_speed = 30
    assert header_view(session, [], START, 120).simulated
    session.rehearsal = False  # never said of a real session
    assert not header_view(session, [], START, 120).simulated
