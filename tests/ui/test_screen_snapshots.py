"""Snapshots (frozen clock, realistic data: long names and room, 40 candidates, two alerts) of
Coordination, Journal, Help and the room entry, at 80x24 (PuTTY's size) and 120x30. Update with
``--snapshot-update``, then read each as text (pilot_helpers.screen_text) before accepting it."""

from __future__ import annotations

import pytest

from pixtui.app import PixtuiApp
from pixtui.domain.clock import FixedClock
from pixtui.services import room
from tests.conftest import rehearsal_session
from tests.ui.test_80x24 import make_realistic, visit

SIZES = pytest.mark.parametrize("size", ((80, 24), (120, 30)), ids=("80x24", "120x30"))


def keys(*pressed: str):
    async def run_before(pilot) -> None:
        await visit(pilot, list(pressed))

    return run_before


def room_day(store, clock: FixedClock) -> None:
    """The realistic room, where an invigilator ended one test and reported an incident (C6)."""
    make_realistic(store, clock)
    session = rehearsal_session(store)
    running = [
        c
        for c in store.snapshot().candidates.where(session_id=session.id)
        if c.started_at and not c.ended_at and not c.alerts
    ]
    with store.transaction("room.end_test") as tx:
        room.end_test(tx, session.id, running[0].id, now=clock.now(), by="prof.martin")
    with store.transaction("room.incident") as tx:
        room.add_incident(
            tx, session.id, running[1].id, "C6", "Coupure réseau", now=clock.now(), by="mdupont"
        )


@SIZES
def test_coordination(snap_compare, demo_app: PixtuiApp, clock, size) -> None:
    """Coordination keeps Fin., Alertes and Dernière fin in sight, the room's name cut with « … »."""
    room_day(demo_app.store, clock)
    assert snap_compare(demo_app, run_before=keys("f6"), terminal_size=size)


@SIZES
def test_journal(snap_compare, demo_app: PixtuiApp, clock, size) -> None:
    """Journal rows name the pupil, the session's number and the code (C6), nothing cut silently."""
    room_day(demo_app.store, clock)
    assert snap_compare(demo_app, run_before=keys("f9"), terminal_size=size)


@SIZES
def test_help_in_the_room(snap_compare, demo_app: PixtuiApp, clock, size) -> None:
    """F1 in the room: its keys and the grid's glyph legend, in a window that scrolls, footer whole."""
    room_day(demo_app.store, clock)
    assert snap_compare(demo_app, run_before=keys("ROOM", "f1"), terminal_size=size)


@SIZES
def test_room_entry(snap_compare, demo_app: PixtuiApp, clock, size) -> None:
    """F5: today's session with its time, cut room name, number and status, and Entrée to enter."""
    room_day(demo_app.store, clock)
    assert snap_compare(demo_app, run_before=keys("f5"), terminal_size=size)
