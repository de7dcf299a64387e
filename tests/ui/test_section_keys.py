"""A section's F-key from a screen opened in that section goes back to its first screen, each
screen closing as it closes itself: the room asks first, as on Échap (issue 13: F4 did nothing
from a session's detail)."""

from __future__ import annotations

from pixtui.screens.room import RoomScreen
from pixtui.screens.room_entry import RoomEntryScreen
from pixtui.widgets.confirm import ConfirmDialog
from tests.conftest import rehearsal_session
from tests.ui.pilot_helpers import enter_room, screen_text


async def test_f5_in_the_room_asks_before_leaving_it(demo_app, demo_store) -> None:
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await enter_room(pilot, rehearsal_session(demo_store))
        assert isinstance(demo_app.screen, RoomScreen)
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(demo_app.screen, ConfirmDialog)
        assert "Quitter l'écran de salle ?" in screen_text(demo_app)
        await pilot.press("enter")  # the focused, safe answer: stay
        await pilot.pause()
        assert isinstance(demo_app.screen, RoomScreen)
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("right", "enter")
        await pilot.pause()
        assert isinstance(demo_app.screen, RoomEntryScreen)
        assert len(demo_app.screen_stack) == 1


async def test_a_dialog_on_top_is_left_to_be_answered(demo_app) -> None:
    """F4 under the new-session form (a modal) keeps what was typed: nothing closes."""
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4", "n")
        await pilot.pause()
        form = demo_app.screen
        await pilot.press("S", "a", "l", "f4")
        await pilot.pause()
        assert demo_app.screen is form
