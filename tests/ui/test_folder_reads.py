"""The app on a store folder reads this school year, not the closed ones (issue 12).

The demo collège put into a store folder, plus a session of a school year long closed
(finalised, with a candidate) whose part is then damaged: any screen of today that read it
would fail. Accueil shows what it shows on the single file; the room entry and the
coordination screen work; the closed part is never read. (A write still joins the whole
table of the records it changes, in ``Transaction``: the room's first action reads them.)
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from pixtui.app import PixtuiApp
from pixtui.domain.clock import FixedClock
from pixtui.domain.enums import SessionStatus
from pixtui.domain.models import Candidate, Session
from pixtui.screens.coordination import CoordinationScreen
from pixtui.screens.room_entry import RoomEntryScreen
from pixtui.store import Store
from pixtui.store.parts import part_of
from tests.conftest import DEMO_ACTOR, ROOM_TICK, write_demo_store
from tests.ui.pilot_helpers import notices, screen_text


def _with_a_closed_year(store: Store) -> str:
    with store.transaction("setup") as tx:
        session = tx.sessions.add(
            Session(room="Ancienne", date=date(2024, 1, 15), status=SessionStatus.FINALIZED)
        )
        tx.candidates.add(Candidate(session_id=session.id, last_name="Ancien"))
    return session.id


async def _accueil_text(store: Store, clock: FixedClock) -> str:
    app = PixtuiApp(store, clock, watch_terminal=False, room_tick_seconds=ROOM_TICK)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        return screen_text(app)


async def test_the_app_on_a_folder_leaves_the_closed_years_unread(
    tmp_path: Path, clock: FixedClock
) -> None:
    (tmp_path / "file").mkdir()
    file_store = write_demo_store(tmp_path / "file" / "pixtui.json", clock)
    folder = tmp_path / "folder" / "pixtui.d"
    Store.restore(folder, file_store.path, actor=DEMO_ACTOR, clock=clock)
    store = Store.open(folder, actor=DEMO_ACTOR, clock=clock)
    _with_a_closed_year(file_store)
    closed = _with_a_closed_year(store)
    expected = await _accueil_text(file_store, clock)
    manifest = json.loads((folder / "manifest.json").read_bytes())
    (folder / manifest["parts"][part_of("sessions", {"id": closed})]).write_text("[")

    store = Store.open(folder, actor=DEMO_ACTOR, clock=clock)
    assert await _accueil_text(store, clock) == expected
    app = PixtuiApp(store, clock, watch_terminal=False, room_tick_seconds=ROOM_TICK)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        for key, screen in (("f5", RoomEntryScreen), ("f6", CoordinationScreen)):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, screen)
        assert "184080" in screen_text(app)  # today's rehearsal room
        assert notices(app) == []
    parts = store._parts  # the store's own layer: which part files this process parsed
    assert parts is not None
    assert not any(name.startswith(part_of("sessions", {"id": closed})) for name in parts._parsed)


async def test_a_damaged_closed_year_is_said_when_a_screen_reads_it(
    tmp_path: Path, clock: FixedClock
) -> None:
    """Opening no longer checks the closed years' parts: the screen that reads one (the
    sessions of every year) says in French that the store is damaged, without a crash."""
    (tmp_path / "file").mkdir()
    file_store = write_demo_store(tmp_path / "file" / "pixtui.json", clock)
    folder = tmp_path / "folder" / "pixtui.d"
    Store.restore(folder, file_store.path, actor=DEMO_ACTOR, clock=clock)
    closed = _with_a_closed_year(Store.open(folder, actor=DEMO_ACTOR, clock=clock))
    manifest = json.loads((folder / "manifest.json").read_bytes())
    (folder / manifest["parts"][part_of("sessions", {"id": closed})]).write_text("[")
    store = Store.open(folder, actor=DEMO_ACTOR, clock=clock)
    app = PixtuiApp(store, clock, watch_terminal=False, room_tick_seconds=ROOM_TICK)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("f4")
        await pilot.pause()
        assert any("endommagé" in notice for notice in notices(app))
        await pilot.press("f2")
        await pilot.pause()
        assert "Reste à faire" in screen_text(app)
