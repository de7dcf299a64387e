"""The room password's delay cannot be reset by flooding or moving the journal (issue 11.11)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from pixtui.domain.clock import FixedClock
from pixtui.services import room_access
from tests.conftest import rehearsal_session


def _fail(store, session, times: int = 1) -> room_access.AccessDecision:
    decision = room_access.AccessDecision(False)
    for _ in range(times):
        with store.transaction(room_access.FAILED_ACTION) as tx:
            decision = room_access.attempt(tx, session, "mauvais")
    return decision


def _wait(store, session, clock: FixedClock) -> int:
    return room_access.check_wait(store.snapshot().password_failures.get(session.id), clock.now())


def test_three_failures_start_the_delay_and_a_fourth_is_not_even_compared(
    demo_store, clock: FixedClock
) -> None:
    session = rehearsal_session(demo_store)
    assert _fail(demo_store, session, 2).wait_seconds == 0
    assert _fail(demo_store, session).wait_seconds == 5
    with demo_store.transaction(room_access.OK_ACTION) as tx:  # even the right password waits
        decision = room_access.attempt(tx, session, session.invigilator_password)
    assert decision == room_access.AccessDecision(False, 5)
    clock.advance(timedelta(seconds=5))
    with demo_store.transaction(room_access.OK_ACTION) as tx:
        assert room_access.attempt(tx, session, session.invigilator_password).granted
    assert _wait(demo_store, session, clock) == 0
    assert demo_store.snapshot().password_failures.get(session.id).count == 0


def test_200_other_journal_events_do_not_give_fresh_attempts(demo_store, clock: FixedClock) -> None:
    session = rehearsal_session(demo_store)
    _fail(demo_store, session, 3)
    for index in range(200):
        with demo_store.transaction("test.flood") as tx:
            tx.log("document.printed", "session", f"flood-{index}")
    assert _wait(demo_store, session, clock) == 5
    with demo_store.transaction(room_access.FAILED_ACTION) as tx:
        assert room_access.attempt(tx, session, "mauvais").wait_seconds == 5


def test_a_moved_journal_does_not_give_fresh_attempts(demo_store, clock: FixedClock) -> None:
    session = rehearsal_session(demo_store)
    _fail(demo_store, session, 3)
    assert _fail(demo_store, session).wait_seconds == 5  # refused during the wait: not counted
    clock.advance(timedelta(seconds=5))
    assert _fail(demo_store, session).wait_seconds == 10  # the 4th failure
    journal = demo_store.paths.journal
    journal.rename(journal.with_name("ailleurs.jsonl"))
    assert _wait(demo_store, session, clock) == 10
    clock.advance(timedelta(seconds=10))
    assert _fail(demo_store, session).wait_seconds == 20  # the count went on: 5th failure


def test_failures_are_journalled_without_the_typed_text(demo_store) -> None:
    session = rehearsal_session(demo_store)
    _fail(demo_store, session)
    lines = demo_store.paths.journal.read_text(encoding="utf-8")
    assert room_access.FAILED_ACTION in lines and "mauvais" not in lines


def test_the_window_forgets_old_failures(demo_store, clock: FixedClock) -> None:
    session = rehearsal_session(demo_store)
    _fail(demo_store, session, 5)
    clock.advance(room_access.FAILURE_WINDOW + timedelta(seconds=1))
    assert _wait(demo_store, session, clock) == 0
    assert _fail(demo_store, session).wait_seconds == 0  # counted from one again


@pytest.mark.parametrize("other_process", [False, True])
async def test_the_room_screen_enforces_the_delay(
    demo_app, demo_store, clock: FixedClock, other_process: bool
) -> None:
    """Three wrong passwords in the TUI (or from another terminal): the fourth waits."""
    from tests.ui.pilot_helpers import enter_room, notices

    session = rehearsal_session(demo_store)
    async with demo_app.run_test(size=(80, 24), notifications=True) as pilot:
        if other_process:
            _fail(demo_store, session, 3)
        else:
            for _ in range(3):
                await enter_room(pilot, session, password="faux")
                await pilot.press("escape")
                await pilot.pause()
        await enter_room(pilot, session)
        assert any("Trop d'essais" in n for n in notices(demo_app)), notices(demo_app)
        assert demo_app.screen.__class__.__name__ != "RoomScreen"
