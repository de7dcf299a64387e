"""Snapshot tests of the after-the-session screens at 80x24 and 120x40, charts included
(frozen clock; results imported from files written by the test)."""

from __future__ import annotations

import pytest

from pixtui.domain.clock import FixedClock
from tests.after.conftest import add_held_session
from tests.after.test_results_import import files
from tests.conftest import FROZEN_NOW

SIZES = [(80, 24), (120, 40)]

# name: (keys, what the snapshot proves, in one line)
SCREENS = {
    "finalisation": (["f7"], "the sessions to finalise, their status and handover whole"),
    "wizard": (
        ["f7", "enter"],
        "the wizard's candidate, state, abort reason and reports whole; footer keeps F1 Aide",
    ),
    "summary": (["f7", "down", "enter"], "a finalised session's summary, nothing cut"),
    "results": (
        ["f8"],
        "classes with named strong/weak competences (cut with …), histogram of the used range",
    ),
    "results_class": (["f8", "enter"], "a class's pupils first, names cut with …, Note whole"),
    "results_scrolled": (
        ["f8", "pagedown"],
        "PageDown scrolls the results at once (no Tab first): competence names cut with …",
    ),
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
    """Each snapshot proves what SCREENS says of it (read as text at 80x24 before accepting)."""
    keys, proves = SCREENS[name]
    assert snap_compare(filled_app, terminal_size=size, press=keys), proves
