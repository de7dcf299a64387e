"""→ and ← show the columns a table leaves out at its width (issue 13: « the others come back
from 100 columns, or on → »), and scroll sideways as before where nothing is left out."""

from __future__ import annotations

from textual.app import App
from textual.widgets import DataTable

from pixtui.screens.pupils import PupilsScreen
from pixtui.widgets.tables import MORE, Column, FittedTable, column_views, selected_row_key
from tests.ui.pilot_helpers import screen_text
from tests.ui.test_80x24 import cut_parts

COLUMNS = [
    Column("name", "x", cut=8, anchor=True),
    Column("class", "x"),
    Column("birth", "x", drop=2),
    Column("status", "x"),
    Column("note", "x", drop=1, cut=6),
]
NATURAL = [40, 6, 10, 20, 30]


def test_one_view_when_everything_fits() -> None:
    assert [list(v) for v in column_views(COLUMNS, NATURAL, 200)] == [
        ["name", "class", "birth", "status", "note"]
    ]


def test_the_next_views_keep_the_anchor_and_show_what_was_left_out() -> None:
    views = column_views(COLUMNS, NATURAL, 56)
    assert [list(v) for v in views] == [
        ["name", "class", "status", "note"],  # fit_columns' choice: the birthdate left out
        ["name", "class", "birth", "status"],  # the name, the birthdate, then what decides
    ]
    narrow = column_views(COLUMNS, NATURAL, 44)
    assert [list(v) for v in narrow] == [
        ["name", "class", "status"],
        ["name", "class", "birth", "note"],  # the least dropped first, both fit beside the name
    ]
    for view in (*views, *narrow):
        assert sum(width + 2 for width in view.values()) <= 56


async def test_right_shows_the_pupils_other_columns_and_keeps_the_cursor(demo_app) -> None:
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3", "down", "down", "down")
        await pilot.pause()
        screen = demo_app.screen
        assert isinstance(screen, PupilsScreen)
        table = screen.query_one("#pupils-table", DataTable)
        pupil = selected_row_key(table)
        header = screen_text(demo_app).splitlines()[4]
        assert "Naissance" not in header and "Connexion" in header
        assert header.rstrip().endswith("→")
        await pilot.press("right")
        await pilot.pause()
        header = screen_text(demo_app).splitlines()[4]
        assert "Naissance" in header and "Relevée le" in header and "Nom" in header
        assert selected_row_key(table) == pupil
        assert cut_parts(demo_app) == []
        await pilot.press("right")  # round again: the first columns
        await pilot.pause()
        assert "Connexion" in screen_text(demo_app).splitlines()[4]
        await pilot.press("left")  # and back
        await pilot.pause()
        assert "Naissance" in screen_text(demo_app).splitlines()[4]
        assert selected_row_key(table) == pupil


async def test_a_wide_terminal_shows_every_column_and_no_arrow(demo_app) -> None:
    async with demo_app.run_test(size=(120, 30)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        table = demo_app.screen.query_one("#pupils-table", DataTable)
        keys = [column.key.value for column in table.ordered_columns]
        assert "birthdate" in keys and MORE not in keys
        await pilot.press("right")
        await pilot.pause()
        assert [column.key.value for column in table.ordered_columns] == keys


class _TooWideApp(App):
    """A table whose columns all decide (none may leave) and are wider than the screen."""

    def compose(self):
        yield FittedTable([Column(f"c{n}", "x") for n in range(4)], id="wide")

    def on_mount(self) -> None:
        table = self.query_one(FittedTable)
        table.fill([("row", ["a" * 30] * 4)])
        table.focus()


async def test_right_still_scrolls_a_table_with_nothing_left_out() -> None:
    async with _TooWideApp().run_test(size=(80, 10)) as pilot:
        await pilot.pause()
        table = pilot.app.query_one(FittedTable)
        assert not table.hides_columns and table.scroll_x == 0
        await pilot.press("right")
        await pilot.pause()
        assert table.scroll_x > 0
        await pilot.press("left")
        await pilot.pause()
        assert table.scroll_x == 0
