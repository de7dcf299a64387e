"""Snapshot tests of the "before the session" screens at 80x24 and 120x40 (frozen clock)."""

from __future__ import annotations

import shutil

import pytest

from tests.prep.conftest import EXAMPLES

SIZES = [(80, 24), (120, 40)]

# Each screen is reached by key presses from the start screen.
SCREENS = {
    "pupils": ["f3"],
    "pupils_by_class": ["f3", "v"],
    "sessions": ["f4"],
    "session": ["f4", "down", "enter"],
    "session_checklist": ["f4", "down", "enter", "c"],
    "session_form": ["f4", "n"],
    "session_form_edit": ["f4", "down", "m"],
    "enrolment": ["f4", "down", "enter", "i"],
    "accommodations": ["f4", "down", "enter", "a"],
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", list(SCREENS))
def test_screen(snap_compare, demo_app, name, size):
    assert snap_compare(demo_app, terminal_size=size, press=SCREENS[name])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_import_review(snap_compare, demo_app, tmp_path, monkeypatch, size):
    shutil.copy(EXAMPLES / "liste_cassee.csv", tmp_path / "liste.csv")
    monkeypatch.chdir(tmp_path)

    async def read(pilot) -> None:
        await pilot.press("f3", "i", *"liste.csv", "enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(demo_app, terminal_size=size, run_before=read)
