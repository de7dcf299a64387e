"""Small helpers for DataTables that are refilled on every store change."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import suppress
from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.widgets import DataTable
from textual.widgets.data_table import CellType, ColumnKey, RowDoesNotExist, RowKey

from pixtui.domain.text import safe_text
from pixtui.i18n import t


def plain(cell: object) -> object:
    """A str cell as plain text: Textual reads a str cell as markup, and a room named
    « Labo [/i] 2 » would crash every table it appears in. pixtui never styles cells with
    markup (it uses Text). Control characters are dropped (:func:`safe_text`)."""
    return Text(safe_text(cell), end="") if isinstance(cell, str) else cell


class PlainTable(DataTable):
    """pixtui's DataTable: every str cell is plain text, never markup (see :func:`plain`).

    Through DataTable's public methods: ``add_rows`` and ``update_cell_at`` go through the
    two overridden here. Every table of pixtui is one (a test checks the sources)."""

    def add_row(
        self,
        *cells: CellType,
        height: int | None = 1,
        key: str | None = None,
        label: Any = None,
    ) -> RowKey:
        return super().add_row(*map(plain, cells), height=height, key=key, label=label)

    def update_cell(
        self,
        row_key: RowKey | str,
        column_key: ColumnKey | str,
        value: CellType,
        *,
        update_width: bool = False,
    ) -> None:
        super().update_cell(row_key, column_key, plain(value), update_width=update_width)


class LazyTable(PlainTable):
    """A table of thousands of rows that adds them to the DataTable only as the cursor nears
    them. DataTable measures every cell it is given (2,000 pupils: about half a second, on every
    refill); a screenful and some rows ahead cost a few milliseconds.

    :meth:`show_rows` takes every row's key, in order, and a function making one row's cells.
    Rows are added AHEAD at a time: when the cursor comes within AHEAD // 2 of the last added
    row, on Page suivante, and all of them on Ctrl+Fin. The mouse wheel scrolls the rows added
    so far (pixtui is used with the keyboard). :attr:`total_rows` counts them all."""

    AHEAD = 100

    def __init__(self, *, id: str | None = None, cursor_type: str = "row") -> None:
        super().__init__(id=id, cursor_type=cursor_type)  # type: ignore[arg-type]
        self._pending: list[str] = []
        self._make_cells: Callable[[str], Sequence[CellType]] = lambda _key: ()

    @property
    def total_rows(self) -> int:
        return self.row_count + len(self._pending)

    def show_rows(
        self,
        keys: Sequence[str],
        cells: Callable[[str], Sequence[CellType]],
        keep: str | None = None,
    ) -> None:
        """Replace the rows; the cursor stays on ``keep`` if it is still there."""
        self._pending = []  # clear() moves the cursor: nothing to add meanwhile
        self.clear()
        self._pending = list(keys)
        self._make_cells = cells
        wanted = self.AHEAD
        if keep is not None:
            with suppress(ValueError):
                wanted = self._pending.index(keep) + self.AHEAD
        self._add(wanted)
        keep_cursor(self, keep)

    def _add(self, count: int) -> None:
        batch, self._pending = self._pending[:count], self._pending[count:]
        pending, self._pending = self._pending, []  # adding a row may move the cursor
        for key in batch:
            self.add_row(*self._make_cells(key), key=key)
        self._pending = pending

    def _add_up_to(self, rows: int) -> None:
        if self._pending and rows > self.row_count:
            self._add(rows - self.row_count)

    def watch_cursor_coordinate(self, old: Coordinate, new: Coordinate) -> None:
        super().watch_cursor_coordinate(old, new)
        self._add_up_to(new.row + self.AHEAD // 2 + 1)

    def action_page_down(self) -> None:
        self._add_up_to(self.cursor_row + self.size.height + self.AHEAD)
        super().action_page_down()

    def action_scroll_bottom(self) -> None:
        self._add(len(self._pending))
        super().action_scroll_bottom()


class RecordTable(PlainTable):
    """A row-cursor table whose Entrée opens the record (the screen handles RowSelected)."""

    BINDINGS = [
        Binding("enter", "select_cursor", t("table.open"), id="table-open"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row")


def selected_row_key(table: DataTable) -> str | None:
    if not table.row_count:
        return None
    return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value


def keep_cursor(table: DataTable, key: str | None) -> None:
    """Put the cursor back on the same record after the rows were rebuilt."""
    if key is None:
        return
    # If the record went away, the cursor stays where it is.
    with suppress(RowDoesNotExist):
        table.move_cursor(row=table.get_row_index(key), animate=False)
