"""The room's two header lines at 80 columns: every counter the invigilator needs is whole
(présents, en cours, terminés, the last end, what is to handle), whatever the glyph set, with 40
candidates, alerts, an overtime, a resume request and the read-only badge."""

from __future__ import annotations

from datetime import timedelta

import pytest
from rich.text import Text

from pixtui.app import PixtuiApp
from pixtui.domain.enums import AssessmentState
from pixtui.widgets.line import fit_parts
from tests.conftest import rehearsal_session
from tests.ui.pilot_helpers import keys_for, screen_text
from tests.ui.test_80x24 import make_realistic


def crowd_the_room(store, clock) -> None:
    """40 candidates (long names), the demo's two alerts, one pupil past their own end and one
    asking to resume."""
    make_realistic(store, clock)
    session = rehearsal_session(store)
    now = clock.now()
    with store.transaction("test: overtime and resume") as tx:
        running = [
            c
            for c in tx.candidates.where(session_id=session.id)
            if c.assessment_state is AssessmentState.STARTED and not c.alerts
        ]
        late, resume = running[-1], running[-2]
        tx.candidates.update(
            late.id, lambda c: setattr(c, "started_at", now - timedelta(minutes=150))
        )
        tx.candidates.update(
            resume.id, lambda c: setattr(c, "resume_requested_at", now - timedelta(minutes=1))
        )


def header_lines(app) -> tuple[str, str, str]:
    lines = screen_text(app).splitlines()
    return lines[2], lines[3], lines[4]


@pytest.mark.parametrize("glyphs", ["unicode", "linux", "ascii"])
async def test_every_counter_whole_at_80_columns(
    demo_store, clock, monkeypatch: pytest.MonkeyPatch, glyphs: str
) -> None:
    """At 80x24 in each glyph set: présents/inscrits, en cours, terminés and the last end are
    whole on line 2, the slot's end on line 1, and « À traiter (4) » counts the alerts, the
    overtime and the resume request on the line below."""
    monkeypatch.setenv("PIXTUI_GLYPHS", glyphs)
    crowd_the_room(demo_store, clock)
    session = rehearsal_session(demo_store)
    app = PixtuiApp(demo_store, clock, watch_terminal=False, room_tick_seconds=0.05)
    async with app.run_test(size=(80, 24)) as pilot:
        for key in ["f5", "home", "enter", *keys_for(session.invigilator_password), "enter"]:
            await pilot.press(key)
            await pilot.pause()
        first, second, attention = header_lines(app)
        assert "fin créneau 11:30" in first
        assert "prés. 37/40 · en cours 32 · term. 2 · " in second
        assert "dernière fin 11:52 (2 h 13)" in second
        assert not second.rstrip().endswith("…")
        assert attention.startswith("À traiter (4)")
        # wider, the alert counts come back in the header
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        first, second, _ = header_lines(app)
        assert "Alertes 2 · Dépassés 1 · Reprises 1" in second
        assert "Bâtiment B · Salle informatique 204" in first


async def test_read_only_badge_keeps_the_counters(demo_store, clock) -> None:
    """A second invigilator watching (read-only): the badge takes room on line 1, not line 2."""
    crowd_the_room(demo_store, clock)
    from pixtui.screens.room import RoomScreen

    session = rehearsal_session(demo_store)
    app = PixtuiApp(demo_store, clock, watch_terminal=False, room_tick_seconds=0.05)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(RoomScreen(session.id, read_only=True))
        await pilot.pause()
        await pilot.pause()
        first, second, _ = header_lines(app)
        assert "LECTURE SEULE" in first.upper() and "fin créneau 11:30" in first
        assert "prés. 37/40 · en cours 32 · term. 2" in second


def test_parts_leave_highest_level_first_level_zero_stays() -> None:
    parts = [
        (Text("09:40"), 0),
        (Text("prés. 3/4"), 0),
        (Text("Alertes 2"), 2),
        (Text("Reprises 1"), 2),
        (Text("Bâtiment B"), 1),
        (Text("fin 11:52"), 0),
    ]
    assert fit_parts(parts, 200).plain == (
        "09:40 · prés. 3/4 · Alertes 2 · Reprises 1 · Bâtiment B · fin 11:52"
    )
    # the last of the highest level leaves first
    assert fit_parts(parts, 56).plain == "09:40 · prés. 3/4 · Alertes 2 · Bâtiment B · fin 11:52"
    assert fit_parts(parts, 43).plain == "09:40 · prés. 3/4 · Bâtiment B · fin 11:52"
    assert fit_parts(parts, 30).plain == "09:40 · prés. 3/4 · fin 11:52"
    # level 0 never leaves: what does not fit is cut by the widget (with « … »)
    assert fit_parts(parts, 10).plain == "09:40 · prés. 3/4 · fin 11:52"
