"""Small helpers for DataTables that are refilled on every store change."""

from __future__ import annotations

from contextlib import suppress

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable, _data_table
from textual.widgets._data_table import RowDoesNotExist

from pixtui.i18n import t


def _plain_cell_formatter(obj: object, wrap: bool = True, height: int = 0):
    """Textual reads a str cell as markup: a room named « Labo [/i] 2 » would crash every
    table it appears in. pixtui never styles cells with markup (it uses Text), so a str cell
    is plain text."""
    if isinstance(obj, str):
        obj = Text(obj, end="")
    return _markup_cell_formatter(obj, wrap, height)


_markup_cell_formatter = _data_table.default_cell_formatter
_data_table.default_cell_formatter = _plain_cell_formatter  # looked up at call time


class RecordTable(DataTable):
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
