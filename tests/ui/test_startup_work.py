"""What start-up does before the first screen shows (issue 12: start-up ≤ 1.3x a bare app)."""

from __future__ import annotations

import pytest

from pixtui.app import PixtuiApp
from pixtui.screens.home import HomeScreen
from pixtui.screens.pupils import PupilsScreen
from pixtui.screens.room_entry import RoomEntryScreen
from tests.conftest import ROOM_TICK
from tests.fresh_imports import modules_after
from tests.ui.pilot_helpers import screen_text


@pytest.fixture
def css_refreshes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    original = PixtuiApp.refresh_css

    def counting(self: PixtuiApp, *args: object, **kwargs: object) -> None:
        calls.append(1)
        original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(PixtuiApp, "refresh_css", counting)
    return calls


async def test_the_start_section_comes_with_the_app_and_styles_are_parsed_once(
    demo_app: PixtuiApp, css_refreshes: list[int]
) -> None:
    """Switching from Textual's empty default screen to Accueil in on_mount re-parsed every
    stylesheet twice; Accueil is now the app's first screen."""
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(demo_app.screen, HomeScreen) and demo_app.current_mode == "accueil"
        assert len(css_refreshes) <= 1
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(demo_app.screen, PupilsScreen)


async def test_pixtui_salle_starts_on_the_room_entry(demo_store, clock) -> None:
    app = PixtuiApp(
        demo_store, clock, start_mode="salle", watch_terminal=False, room_tick_seconds=ROOM_TICK
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RoomEntryScreen) and app.current_mode == "salle"


async def test_pixtui_salle_with_a_number_asks_that_rooms_password(demo_store, clock) -> None:
    """The room entry is now composed with the app, before the app's own on_mount: the number
    given on the command line still leads to that session's password."""
    session = next(s for s in demo_store.snapshot().sessions.all() if s.rehearsal)
    app = PixtuiApp(
        demo_store,
        clock,
        start_mode="salle",
        room_number=session.pix_number,
        watch_terminal=False,
        room_tick_seconds=ROOM_TICK,
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert not isinstance(app.screen, RoomEntryScreen)  # the password dialog is on top
        assert session.pix_number in screen_text(app)
        assert app.room_number is None


def test_the_start_up_path_leaves_rarely_used_modules_unimported() -> None:
    """What the TUI imports before Accueil shows; these load when first used (codes are made
    by the CSPRNG's hashlib, a settings file is parsed by tomllib, relativedelta moves campaign
    windows, statistics summarise results): each cost 1-8 ms at every start-up."""
    loaded = modules_after(
        "import pixtui.cli\n"
        "pixtui.cli.parse_tui_words(['--store', 'x.json'])\n"
        "import pixtui.app, pixtui.commands.room, pixtui.screens.home, pixtui.store\n"
    )
    assert loaded & {"secrets", "hmac", "tomllib", "dateutil", "statistics"} == set()
    assert "pixtui.app" in loaded  # the check sees what the code imported
