"""Journal (F9) at 80x24: each row names the pupil, the session number and the E/C code, so one
can find from the screen who ended whose test (issue 13)."""

from __future__ import annotations

from pixtui.app import PixtuiApp
from pixtui.domain.room import SessionPhase, session_phase
from pixtui.i18n import t
from pixtui.screens.journal import JournalScreen
from pixtui.services import room
from tests.conftest import ROOM_TICK
from tests.ui.pilot_helpers import screen_text

SIZE = (80, 24)
LONG_LAST = "Andrianantenaina-Rakotomalala"


def _session_with_number(store):
    snap = store.snapshot()
    for session in snap.sessions.all():
        if session_phase(session) is not SessionPhase.RUNNING or not session.pix_number:
            continue
        candidates = [
            c
            for c in snap.candidates.where(session_id=session.id)
            if not c.removed and c.started_at and not c.ended_at
        ]
        if len(candidates) >= 2:
            return session, candidates[:2]
    raise AssertionError("the demo has a running numbered session")


async def test_rows_name_the_pupil_the_session_and_the_code(demo_store, clock) -> None:
    session, (first, second) = _session_with_number(demo_store)
    with demo_store.transaction("test: long name") as tx:
        tx.candidates.update(first.id, lambda c: setattr(c, "last_name", LONG_LAST))
    with demo_store.transaction("room.incident") as tx:
        room.add_incident(
            tx, session.id, first.id, "C6", "Coupure réseau", now=clock.now(), by="prof.martin"
        )
    with demo_store.transaction("room.end_test") as tx:
        room.end_test(tx, session.id, second.id, now=clock.now(), by="prof.martin")
    app = PixtuiApp(demo_store, clock, watch_terminal=False, room_tick_seconds=ROOM_TICK)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
        lines = screen_text(app).splitlines()
    ended = next(line for line in lines if t("journal.action.room.end_test")[:10] in line)
    assert second.last_name[:8] in ended and session.pix_number in ended
    incident = next(line for line in lines if t("journal.action.room.incident")[:10] in line)
    assert "Andrianantena" in incident and "…" in incident  # cut with "…", never silently
    assert session.pix_number in incident and "C6" in incident
    assert all(len(line) <= 80 for line in lines)


async def test_a_purged_pupil_says_so(demo_store, clock) -> None:
    session, (first, _second) = _session_with_number(demo_store)
    with demo_store.transaction("room.end_test") as tx:
        room.end_test(tx, session.id, first.id, now=clock.now(), by="prof.martin")
    anonymous = t("results.retention.anonymous")
    with demo_store.transaction("test: as the purge leaves it") as tx:
        tx.candidates.update(
            first.id,
            lambda c: (setattr(c, "last_name", anonymous), setattr(c, "first_name", anonymous)),
        )
    app = PixtuiApp(demo_store, clock, watch_terminal=False, room_tick_seconds=ROOM_TICK)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f9")
        await pilot.pause()
        text = screen_text(app)
    ended = next(
        line for line in text.splitlines() if t("journal.action.room.end_test")[:10] in line
    )
    assert t("journal.pupil.erased") in ended and first.last_name not in ended
