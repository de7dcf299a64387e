"""The invigilator password: constant-time check, growing delay after 3 failures."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pixtui.domain.models import PasswordFailures, Session
from pixtui.services import room_access

NOW = datetime(2027, 3, 18, 8, 0, tzinfo=UTC)


def failures(count: int, minutes_ago: float) -> PasswordFailures:
    return PasswordFailures(id="s1", count=count, last_at=NOW - timedelta(minutes=minutes_ago))


def test_password_is_case_sensitive_and_trimmed() -> None:
    session = Session(invigilator_password="p95Kbk")
    assert room_access.password_matches(session, " p95Kbk ")
    assert not room_access.password_matches(session, "P95KBK")
    assert not room_access.password_matches(Session(invigilator_password=""), "")


def test_delay_grows_after_three_failures() -> None:
    assert [room_access.delay_after(n) for n in range(7)] == [0, 0, 0, 5, 10, 20, 40]
    assert room_access.delay_after(50) == room_access.MAX_DELAY_SECONDS


def test_wait_counts_the_session_recent_failures() -> None:
    assert room_access.check_wait(None, NOW) == 0
    assert room_access.check_wait(failures(2, 1), NOW) == 0  # two used, a third is free
    assert room_access.check_wait(failures(3, 0.05), NOW) == 2  # 5 s delay, 3 s ago
    assert room_access.check_wait(failures(4, 0.02), NOW) == 9  # 10 s delay, 1.2 s ago
    assert room_access.check_wait(failures(0, 0), NOW) == 0  # cleared by a success
    assert room_access.check_wait(failures(9, 31), NOW) == 0  # the window has passed


def test_sixteen_colour_terminals_are_recognised() -> None:
    from pixtui.terminal import sixteen_colours

    assert sixteen_colours({"TERM": "linux"})
    assert sixteen_colours({"TERM": "xterm"})  # PuTTY's default
    assert not sixteen_colours({"TERM": "xterm-256color"})
    assert not sixteen_colours({"TERM": "xterm", "COLORTERM": "truecolor"})
    assert not sixteen_colours({})  # headless, CI: no TERM
    assert sixteen_colours({"TERM": "xterm-256color"}, "standard")  # TEXTUAL_COLOR_SYSTEM
