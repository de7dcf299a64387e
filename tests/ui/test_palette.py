"""The command palette finds a session by its Pix number and a pupil by name, accents and
case ignored, and opens them (issue 13)."""

from __future__ import annotations

import unicodedata

from pixtui.app import PixtuiApp
from pixtui.screens.pupils import PupilsScreen
from pixtui.screens.session import SessionScreen
from pixtui.widgets.palette import PixCommandPalette
from pixtui.widgets.tables import selected_row_key
from tests.ui.pilot_helpers import screen_text

SIZE = (80, 24)


def _bare(text: str) -> str:
    """Lower case without accents: what a user types on a keyboard without them."""
    return "".join(
        c for c in unicodedata.normalize("NFD", text.lower()) if unicodedata.category(c) != "Mn"
    )


async def _pick(pilot, typed: str, shown: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(pilot.app.screen, PixCommandPalette)
    await pilot.press(*typed)
    for _ in range(20):
        await pilot.pause(0.1)
        if shown in screen_text(pilot.app):
            break
    assert shown in screen_text(pilot.app)
    await pilot.press("enter")
    for _ in range(5):
        await pilot.pause()


async def test_a_session_by_its_number(demo_app: PixtuiApp) -> None:
    session = next(s for s in demo_app.store.snapshot().sessions.all() if s.pix_number)
    async with demo_app.run_test(size=SIZE) as pilot:
        await _pick(pilot, session.pix_number[:5], f"n° {session.pix_number}")
        assert isinstance(demo_app.screen, SessionScreen)
        assert demo_app.screen.session_id == session.id
        assert demo_app.current_mode == "sessions"


async def test_a_pupil_by_name_without_accents(demo_app: PixtuiApp) -> None:
    pupils = demo_app.store.snapshot().pupils.all()
    pupil = next(p for p in pupils if _bare(p.first_name) != p.first_name.lower())
    typed = f"{_bare(pupil.first_name)} {_bare(pupil.last_name)[:4]}"
    async with demo_app.run_test(size=SIZE) as pilot:
        await _pick(pilot, typed, pupil.last_name)
        assert isinstance(demo_app.screen, PupilsScreen)
        assert selected_row_key(demo_app.screen.query_one("#pupils-table")) == pupil.id
