"""Snapshot tests of the after-the-session screens at 80x24 and 120x40, charts included
(frozen clock; results imported from files written by the test)."""

from __future__ import annotations

import pytest

from pixtui.domain.clock import FixedClock
from tests.after.conftest import add_held_session
from tests.after.test_results_import import files
from tests.conftest import FROZEN_NOW

SIZES = [(80, 24), (120, 40)]

SCREENS = {
    "finalisation": ["f7"],
    "wizard": ["f7", "enter"],
    "summary": ["f7", "down", "enter"],
    "results": ["f8"],
    "results_class": ["f8", "enter"],
    "results_scrolled": ["f8", "tab", "pagedown"],
}


@pytest.fixture
def filled_app(after_store, tmp_path):
    from pixtui.app import PixtuiApp
    from pixtui.services.results import apply_results, prepare_results

    add_held_session(after_store)
    paths, _ = files(after_store, tmp_path)
    preview = prepare_results(paths, after_store.snapshot().pupils.all(), division="3A")
    with after_store.transaction("import.results") as tx:
        apply_results(tx, preview)
    return PixtuiApp(after_store, FixedClock(FROZEN_NOW), watch_terminal=False)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", list(SCREENS))
def test_screen(snap_compare, filled_app, name, size):
    assert snap_compare(filled_app, terminal_size=size, press=SCREENS[name])
