"""Small helpers for DataTables that are refilled on every store change."""

from __future__ import annotations

from contextlib import suppress
from typing import Any

from rich.text import Text
from textual.binding import Binding
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
