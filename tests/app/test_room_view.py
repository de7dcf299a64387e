"""What the room grid shows, derived from stored instants and "now" (never counted down)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from pixtui.domain.enums import AssessmentState, LiveAlertKind
from pixtui.domain.models import Candidate, LiveAlert, Session
from pixtui.domain.room import RoomState
from pixtui.services.room_view import format_minutes, header_view, room_tiles, tile_view

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
    # 105 min × 1.33 = 139 min 39 s → 09:00 + 2 h 19 min 39 s = 11:19 (Paris)
    assert tile.end == "11:19"
    assert tile.start == "09:00"
    assert tile.short_tag == "+33"
    assert "+33 %" in tile.tags


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
    assert during.countdown == "fin dans 1 h 45"
    assert not during.slot_over
    assert (during.counters.enrolled, during.counters.present, during.counters.started) == (3, 2, 1)
    after = header_view(session, candidates, START + timedelta(minutes=130), 120)
    assert after.slot_over
    assert after.countdown == "créneau fini depuis 10 min"
    assert "123456" in during.title and "Salle 112" in during.title
