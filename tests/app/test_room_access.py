"""The invigilator password: constant-time check, growing delay after 3 failures."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pixtui.domain.models import Event, Session
from pixtui.services import room_access

NOW = datetime(2027, 3, 18, 8, 0, tzinfo=UTC)


def failure(minutes_ago: float, session_id: str = "s1") -> Event:
    return Event(
        at=NOW - timedelta(minutes=minutes_ago),
        who="x",
        action=room_access.FAILED_ACTION,
        record_type="session",
        record_id=session_id,
    )


def test_password_is_case_sensitive_and_trimmed() -> None:
    session = Session(invigilator_password="p95Kbk")
    assert room_access.password_matches(session, " p95Kbk ")
    assert not room_access.password_matches(session, "P95KBK")
    assert not room_access.password_matches(Session(invigilator_password=""), "")


def test_delay_grows_after_three_failures() -> None:
    assert [room_access.delay_after(n) for n in range(7)] == [0, 0, 0, 5, 10, 20, 40]
    assert room_access.delay_after(50) == room_access.MAX_DELAY_SECONDS


def test_wait_counts_only_this_session_recent_failures_since_last_success() -> None:
    two = [failure(3), failure(2), failure(1, "other")]
    assert room_access.check_wait(two, "s1", NOW) == 0  # two free attempts used, a third is free
    events = [*two, failure(0.05)]  # third failure 3 s ago: 5 s delay → 2 s left
    assert room_access.check_wait(events, "s1", NOW) == 2
    events.append(failure(0.02))  # fourth failure 1.2 s ago: 10 s delay → 9 s left
    assert room_access.check_wait(events, "s1", NOW) == 9
    ok = Event(at=NOW, who="x", action=room_access.OK_ACTION, record_id="s1")
    assert room_access.check_wait([*events, ok], "s1", NOW) == 0
    old = [failure(40), failure(39), failure(38), failure(37)]
    assert room_access.check_wait(old, "s1", NOW) == 0


def test_sixteen_colour_terminals_are_recognised() -> None:
    from pixtui.terminal import sixteen_colours

    assert sixteen_colours({"TERM": "linux"})
    assert sixteen_colours({"TERM": "xterm"})  # PuTTY's default
    assert not sixteen_colours({"TERM": "xterm-256color"})
    assert not sixteen_colours({"TERM": "xterm", "COLORTERM": "truecolor"})
    assert not sixteen_colours({})  # headless, CI: no TERM
    assert sixteen_colours({"TERM": "xterm-256color"}, "standard")  # TEXTUAL_COLOR_SYSTEM
