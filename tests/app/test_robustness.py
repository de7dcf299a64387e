"""What a user can do to pixtui must never show a traceback or leak data on the screen."""

from __future__ import annotations

import pytest

from pixtui.domain.enums import SessionStatus
from pixtui.screens.room import RoomScreen
from tests.conftest import ROOM_TICK, rehearsal_session


async def test_markup_in_user_text_does_not_crash_any_table(demo_app, demo_store) -> None:
    session = rehearsal_session(demo_store)
    with demo_store.transaction("session.update") as tx:
        tx.sessions.update(session.id, lambda s: setattr(s, "room", "Labo [/i] 2 [b]"))
    async with demo_app.run_test(size=(80, 24)) as pilot:
        for key in ("f2", "f4", "f5", "f6", "f7"):
            await pilot.press(key)
            await pilot.pause()
        assert demo_app.return_code is None  # still running: no crash
        assert demo_app.screen.query("DataTable")


async def test_a_damaged_store_under_a_running_room_keeps_the_last_data(
    demo_app, demo_store
) -> None:
    session = rehearsal_session(demo_store)
    async with demo_app.run_test(size=(80, 24), notifications=True) as pilot:
        demo_app.show_room(session.id)
        await pilot.pause()
        demo_store.path.write_bytes(b'{"_meta": {"schema_vers')  # someone damages the file
        # The room's timer (injected, ROOM_TICK) re-times meanwhile; the app's poll runs now
        # instead of within its second.
        demo_app.poll_store()
        await pilot.pause(ROOM_TICK * 5)
        assert isinstance(demo_app.screen, RoomScreen)
        assert demo_app.return_code is None
        assert any("abîmé" in n.message or "endommag" in n.message for n in demo_app._notifications)


async def test_a_finalised_session_room_refuses_every_action(demo_app, demo_store) -> None:
    session = rehearsal_session(demo_store)
    with demo_store.transaction("test.finalise") as tx:
        tx.sessions.update(session.id, lambda s: setattr(s, "status", SessionStatus.FINALIZED))
    counter = demo_store.snapshot().counter
    async with demo_app.run_test(size=(80, 24)) as pilot:
        demo_app.show_room(session.id)
        await pilot.pause()
        for key in ("i", "s", "r", "x", "o"):
            await pilot.press(key)
            await pilot.pause()
            if not isinstance(demo_app.screen, RoomScreen):
                await pilot.press("down", "enter")  # pick an option in the dialog it opened
                await pilot.pause()
            while not isinstance(demo_app.screen, RoomScreen):
                await pilot.press("escape")
                await pilot.pause()
    assert demo_store.snapshot().counter == counter  # nothing written


def test_a_crash_log_has_no_local_values(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pixtui.crash import write_crash_log

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    secret = "Maëlle Cœurdevey"

    def fails(name: str) -> None:
        raise ValueError("boom")

    try:
        fails(secret)
    except ValueError as error:
        path = write_crash_log(error)
    text = path.read_text(encoding="utf-8")
    assert "ValueError: boom" in text and secret not in text
    assert (path.stat().st_mode & 0o777) == 0o600
