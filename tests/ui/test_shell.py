"""The application shell by key presses: sections, help, palette, quitting, French only, live."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from pixtui.app import PixtuiApp
from pixtui.domain.clock import FixedClock
from pixtui.i18n import t
from pixtui.screens.coordination import CoordinationScreen
from pixtui.screens.finalisation import FinalisationScreen
from pixtui.screens.help import HelpScreen
from pixtui.screens.home import HomeScreen
from pixtui.screens.journal import JournalScreen
from pixtui.screens.pupils import PupilsScreen
from pixtui.screens.results import ResultsScreen
from pixtui.screens.room_entry import RoomEntryScreen
from pixtui.screens.sessions import SessionsScreen
from pixtui.widgets.confirm import ConfirmDialog
from pixtui.widgets.palette import PixCommandPalette

from .pilot_helpers import english_left, screen_text, wait_until

SIZE = (80, 24)
SECTIONS = (
    ("f2", "accueil", HomeScreen),
    ("f3", "eleves", PupilsScreen),
    ("f4", "sessions", SessionsScreen),
    ("f5", "salle", RoomEntryScreen),
    ("f6", "coordination", CoordinationScreen),
    ("f7", "finalisation", FinalisationScreen),
    ("f8", "resultats", ResultsScreen),
    ("f9", "journal", JournalScreen),
)
WORKER = Path(__file__).with_name("store_writer.py")
REPO_ROOT = Path(__file__).resolve().parents[2]


async def test_opens_on_accueil(demo_app: PixtuiApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(demo_app.screen, HomeScreen)
        assert demo_app.current_mode == "accueil"
        text = screen_text(demo_app)
        assert demo_app.store.snapshot().school.name in text
        assert t("home.today.title") in text


@pytest.mark.parametrize("size", ((80, 24), (120, 40)))
async def test_function_keys_reach_every_section_in_french(
    demo_app: PixtuiApp, size: tuple[int, int]
) -> None:
    async with demo_app.run_test(size=size) as pilot:
        # F9 first, so that F2 is a real move back to Accueil.
        for key, mode, screen_class in (*SECTIONS[1:], SECTIONS[0]):
            await pilot.press(key)
            await pilot.pause()
            assert type(demo_app.screen) is screen_class, key
            assert demo_app.current_mode == mode
            text = screen_text(demo_app)
            assert english_left(text) == [], (key, text)
            # The navigation bar shows every section at this width, the title says where we are.
            for other_key, _, _ in SECTIONS:
                assert other_key.upper() in text.splitlines()[1]
            assert t(f"nav.{_nav_key(mode)}") in text.splitlines()[0]


def _nav_key(mode: str) -> str:
    return {
        "accueil": "home",
        "eleves": "pupils",
        "salle": "room",
        "resultats": "results",
    }.get(mode, mode)


async def test_f1_lists_french_keys_and_escape_closes(demo_app: PixtuiApp) -> None:
    async with demo_app.run_test(size=(100, 40)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(demo_app.screen, HelpScreen)
        text = screen_text(demo_app)
        assert t("help.title") in text
        for key, mode, _ in SECTIONS:
            name = t(f"nav.{_nav_key(mode)}")
            assert f"{key.upper()}" in text and t("help.go", name=name) in text
        assert t("help.quit") in text and t("help.palette") in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(demo_app.screen, HomeScreen)


async def test_help_has_no_english(demo_app: PixtuiApp) -> None:
    async with demo_app.run_test(size=(100, 40)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert english_left(screen_text(demo_app)) == []


async def test_quit_asks_first(demo_app: PixtuiApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(demo_app.screen, ConfirmDialog)
        text = screen_text(demo_app)
        assert t("quit.question").split("?")[0] in text and english_left(text) == []
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(demo_app.screen, HomeScreen) and demo_app.is_running
        # A stray Entrée answers the safe button, which has the focus.
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(demo_app.screen, HomeScreen) and demo_app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("right", "enter")  # to the confirming button, then press it
        await pilot.pause()
    assert demo_app.return_code == 0
    assert not demo_app.is_running


async def test_quit_from_a_dialog_asks_once(demo_app: PixtuiApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("ctrl+q")  # already asking: no second dialog on top
        await pilot.pause()
        assert sum(isinstance(s, ConfirmDialog) for s in demo_app.screen_stack) == 1


async def test_palette_is_french(demo_app: PixtuiApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(demo_app.screen, PixCommandPalette)
        assert demo_app.screen.query_one(Input).placeholder == t("palette.placeholder")
        text = screen_text(demo_app)
        assert t("palette.placeholder") in text and english_left(text) == []
        await pilot.press("q", "w", "x", "z")
        # Textual waits a moment before saying nothing matches.
        await wait_until(pilot, lambda: t("palette.no_matches") in screen_text(demo_app))
        text = screen_text(demo_app)
        assert t("palette.no_matches") in text and english_left(text) == []
        for _ in range(4):
            await pilot.press("backspace")
        await pilot.press(*"journal", "enter")
        await wait_until(pilot, lambda: isinstance(demo_app.screen, JournalScreen))
        assert isinstance(demo_app.screen, JournalScreen)


async def test_ctrl_c_shows_the_french_hint(demo_app: PixtuiApp) -> None:
    async with demo_app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("ctrl+c")
        await pilot.pause()
        text = screen_text(demo_app)
        assert t("quit.hint").split(",")[0] in text
        assert english_left(text) == []
        assert demo_app.is_running and isinstance(demo_app.screen, HomeScreen)


def _write_in_another_process(store_path: Path, instant: str, action: str, record: str) -> None:
    done = subprocess.run(
        [sys.executable, str(WORKER), str(store_path), instant, action, record],
        env={"PYTHONPATH": str(REPO_ROOT), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 0, done.stderr


def _today_row(app: PixtuiApp) -> list[str]:
    table = app.screen.query_one("#today-sessions", DataTable)
    return [str(cell) for cell in table.get_row_at(0)]


async def test_another_process_change_shows_within_two_seconds(
    demo_app: PixtuiApp, clock: FixedClock
) -> None:
    store = demo_app.store
    session = next(s for s in store.snapshot().sessions.all() if s.rehearsal)
    absent = next(
        c
        for c in store.snapshot().candidates.where(session_id=session.id)
        if not c.authorized_to_start and c.assessment_state is None
    )
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        columns = [str(c.label) for c in demo_app.screen.query_one(DataTable).columns.values()]
        present = columns.index(t("home.today.col.present"))
        before = int(_today_row(demo_app)[present])
        _write_in_another_process(
            store.path, clock.now().isoformat(), "confirm_presence", absent.id
        )
        written = time.monotonic()
        # No key press: only the app's own polling can bring the change in.
        while int(_today_row(demo_app)[present]) == before and time.monotonic() - written < 2.0:
            await pilot.pause(0.1)
        assert int(_today_row(demo_app)[present]) == before + 1
        assert time.monotonic() - written < 2.0
