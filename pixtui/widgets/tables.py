"""Small helpers for DataTables that are refilled on every store change."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.widgets import DataTable
from textual.widgets.data_table import CellType, ColumnKey, RowDoesNotExist, RowKey

from pixtui.domain.text import safe_text
from pixtui.i18n import t


def plain(cell: object) -> object:
    """A str cell as plain text: Textual reads a str cell as markup, and a room named
    « Labo [/i] 2 » would crash every table it appears in. pixtui never styles cells with
    markup (it uses Text). Control characters are dropped (:func:`safe_text`). A cell
    narrower than its text ends with "…", never cut silently."""
    if isinstance(cell, str):
        return Text(safe_text(cell), end="", no_wrap=True, overflow="ellipsis")
    if isinstance(cell, Text) and cell.overflow is None:
        cell = cell.copy()
        cell.no_wrap = True
        cell.overflow = "ellipsis"
    return cell


Cell = str | Text


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

    AHEAD = 40  # a tall terminal's screenful, and the next one
    # DataTable's own keys, first adding the rows they will reach (Textual's actions are not
    # overridden: a test keeps them intact).
    BINDINGS = [
        Binding(
            "pagedown", "page_down_lazy", t("table.page_down"), show=False, id="table-page-down"
        ),
        Binding(
            "ctrl+end",
            "scroll_bottom_lazy",
            t("table.bottom"),
            show=False,
            id="table-bottom",
        ),
    ]

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

    def action_page_down_lazy(self) -> None:
        self._add_up_to(self.cursor_row + self.size.height + self.AHEAD)
        self.action_page_down()

    def action_scroll_bottom_lazy(self) -> None:
        self._add(len(self._pending))
        self.action_scroll_bottom()


class RowTable(PlainTable):
    """A row-cursor table where Début and Fin go to the first and last record."""

    BINDINGS = [
        Binding("home", "first_row", t("table.first"), show=False, id="table-first"),
        Binding("end", "last_row", t("table.last"), show=False, id="table-last"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row")

    def action_first_row(self) -> None:
        """Début: the first record (DataTable's own Home scrolls sideways)."""
        self.scroll_x = 0
        self.move_cursor(row=0, animate=False)

    def action_last_row(self) -> None:
        self.scroll_x = 0
        self.move_cursor(row=max(self.row_count - 1, 0), animate=False)


class RecordTable(RowTable):
    """A row-cursor table whose Entrée opens the record (the screen handles RowSelected)."""

    BINDINGS = [
        Binding("enter", "select_cursor", t("table.open"), id="table-open"),
    ]


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


# --- tables that choose their columns by width -------------------------------------------

CELL_PADDING = 1  # DataTable's default, on each side of a cell


@dataclass(frozen=True)
class Column:
    """A column of a :class:`FittedTable`.

    ``drop``: 0 for a column that decides an action (always shown); 1, 2, … for the others,
    the highest dropped first when the terminal is too narrow (they come back when it widens,
    or on → : see :func:`column_views`).
    ``cut``: for names, the narrowest width they may be cut to (with "…") before any column is
    dropped; 0 for a column that is never cut.
    ``anchor``: the column says which record the row is (a name, a room): it stays when → shows
    the columns that did not fit. Without any anchor in a table, its first column is one.
    """

    key: str
    label_key: str
    drop: int = 0
    cut: int = 0
    anchor: bool = False


def _width(cell: Cell) -> int:
    return cell.cell_len if isinstance(cell, Text) else cell_len(cell)


def fit_columns(columns: Sequence[Column], natural: Sequence[int], room: int) -> dict[str, int]:
    """The columns shown in ``room`` cells and their widths, in the columns' order.

    ``natural`` is each column's widest cell (header included). Names are cut first (down to
    their ``cut``), then droppable columns leave, the highest ``drop`` first; a header is never
    narrower than its label because ``natural`` counts it and only names are cut.
    """
    pad = 2 * CELL_PADDING
    shown = list(range(len(columns)))

    def least(index: int) -> int:
        column = columns[index]
        return min(natural[index], column.cut) if column.cut else natural[index]

    droppable = sorted(
        (i for i, c in enumerate(columns) if c.drop), key=lambda i: (columns[i].drop, i)
    )
    while sum(least(i) + pad for i in shown) > room and droppable:
        shown.remove(droppable.pop())
    widths = {i: least(i) for i in shown}
    spare = room - sum(w + pad for w in widths.values())
    hungry = [i for i in shown if widths[i] < natural[i]]
    while spare > 0 and hungry:  # cut columns share what is left, one cell each in turn
        for i in list(hungry):
            if spare <= 0:
                break
            widths[i] += 1
            spare -= 1
            if widths[i] >= natural[i]:
                hungry.remove(i)
    return {columns[i].key: widths[i] for i in shown}


def column_views(
    columns: Sequence[Column], natural: Sequence[int], room: int
) -> list[dict[str, int]]:
    """The sets of columns → steps through, each laid out as :func:`fit_columns` does.

    The first is :func:`fit_columns`' choice. When it leaves columns out, each next set holds
    the anchors (the row's identity), then as many of the columns not yet seen as fit (the
    least dropped first), then, in the room left, the columns that decide an action: every
    column comes back on some →, except one too wide to stand beside the anchors."""
    pad = 2 * CELL_PADDING
    first = fit_columns(columns, natural, room)
    views = [first]
    anchors = [i for i, c in enumerate(columns) if c.anchor] or [0]

    def least(index: int) -> int:
        column = columns[index]
        return (min(natural[index], column.cut) if column.cut else natural[index]) + pad

    unseen = sorted(
        (i for i, c in enumerate(columns) if c.key not in first and i not in anchors),
        key=lambda i: (columns[i].drop, i),
    )
    deciding = [i for i, c in enumerate(columns) if not c.drop and i not in anchors]
    while unseen:
        used = sum(least(i) for i in anchors)
        page = []
        for index in unseen:
            if used + least(index) <= room:
                page.append(index)
                used += least(index)
        if not page:
            break  # what is left does not fit beside the anchors at this width
        unseen = [i for i in unseen if i not in page]
        for index in deciding:
            if index not in page and used + least(index) <= room:
                page.append(index)
                used += least(index)
        shown = sorted(anchors + page)
        views.append(fit_columns([columns[i] for i in shown], [natural[i] for i in shown], room))
    return views


def room_of(table: DataTable) -> int:
    """The cells a table has for its columns (before its first layout: the terminal's)."""
    width = table.size.width or table.app.size.width - 2
    # the vertical scrollbar's columns are kept even when every row fits (no jump)
    return max(width - table.styles.scrollbar_size_vertical, 10)


def header_widths(columns: Sequence[Column], widest: dict[str, int]) -> list[int]:
    """Each column's natural width: its widest cell (``widest``, by column key) or its header."""
    return [max(cell_len(t(c.label_key)), widest.get(c.key, 0)) for c in columns]


MORE = "more-columns"  # the key of the narrow last column saying « → » shows others
MORE_WIDTH = 1 + 2 * CELL_PADDING


class ColumnViewsTable(PlainTable):
    """What the two fitted tables share: → and ← step through the sets of columns of
    :func:`column_views` when the width leaves some out; otherwise they scroll sideways, as
    DataTable's own → and ← do in a row table.

    Then a last, narrow column headed « → » says so on the table itself: the footers of the
    screens with the widest tables (Élèves, Sessions, Enrolment) have no room left at 80
    columns for one more key. F1 lists the key (« → Colonnes »)."""

    BINDINGS = [
        Binding(
            "right",
            "next_columns",
            t("table.columns.next"),
            show=False,
            id="table-columns-next",
        ),
        Binding(
            "left",
            "previous_columns",
            t("table.columns.previous"),
            show=False,
            id="table-columns-previous",
        ),
        # when every column is shown: DataTable's own actions (a row table scrolls sideways)
        Binding(
            "right", "cursor_right", t("table.scroll_right"), show=False, id="table-scroll-right"
        ),
        Binding("left", "cursor_left", t("table.scroll_left"), show=False, id="table-scroll-left"),
    ]

    fit_spec: tuple[Column, ...]

    def __init__(self, *, id: str | None = None, cursor_type: str = "row") -> None:
        super().__init__(id=id, cursor_type=cursor_type)  # type: ignore[arg-type]
        self._views: list[dict[str, int]] = []
        self._view = 0  # which of the views is shown

    @property
    def hides_columns(self) -> bool:
        """Some columns are left out at this width (→ shows them)."""
        return len(self._views) > 1

    def _choose_layout(self, natural: Sequence[int]) -> dict[str, int]:
        """The columns and widths to show now: the current view of those the width allows."""
        hid = self.hides_columns
        room = room_of(self)
        self._views = column_views(self.fit_spec, natural, room)
        if len(self._views) > 1:  # the « → » column takes its place
            self._views = column_views(self.fit_spec, natural, room - MORE_WIDTH)
        if self._view >= len(self._views):
            self._view = 0
        if hid != self.hides_columns:
            self.refresh_bindings()  # « → Colonnes » appears or leaves
        return self._views[self._view]

    def _add_columns(self, layout: dict[str, int]) -> None:
        """The columns of ``layout`` (cleared before), then « → » when some are left out."""
        for column in self.fit_spec:
            if column.key in layout:
                self.add_column(t(column.label_key), key=column.key, width=layout[column.key])
        if self.hides_columns:
            self.add_column(t("table.columns.more"), key=MORE, width=1)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("next_columns", "previous_columns"):
            return self.hides_columns  # False: → falls to the sideways scroll
        return super().check_action(action, parameters)

    def action_next_columns(self) -> None:
        self._step_view(1)

    def action_previous_columns(self) -> None:
        self._step_view(-1)

    def _step_view(self, step: int) -> None:
        if self.hides_columns:
            self._view = (self._view + step) % len(self._views)
            self._relayout()

    def _relayout(self) -> None:
        """Show the rows again in the columns of the current view (the cursor stays)."""
        raise NotImplementedError


class FittedTable(RowTable, ColumnViewsTable):
    """A record table that shows the columns that fit its width (see :func:`fit_columns`);
    → shows those left out (see :class:`ColumnViewsTable`).

    The screen gives every row's cells for every column; the table keeps them and re-lays
    itself out when the terminal is resized. The cursor stays on the same record.
    """

    def __init__(self, columns: Sequence[Column], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.fit_spec = tuple(columns)
        self._records: list[tuple[str, Sequence[Cell]]] = []
        self._layout: dict[str, int] = {}
        self._natural: Sequence[int] | None = None

    def fill(
        self, rows: Iterable[tuple[str, Sequence[Cell]]], *, natural: Sequence[int] | None = None
    ) -> None:
        """Show ``rows`` (key, cells of every column). ``natural``: the widths to lay out for,
        from :meth:`measure` over a larger set (a filter typed then keeps the columns still)."""
        self._records = list(rows)
        self._natural = natural
        self._show(force=True)

    def measure(self, rows: Iterable[Sequence[Cell]]) -> list[int]:
        """Each column's widest cell over ``rows``, its header included."""
        natural = [cell_len(t(c.label_key)) for c in self.fit_spec]
        for cells in rows:
            for index, cell in enumerate(cells):
                width = _width(cell)
                if width > natural[index]:
                    natural[index] = width
        return natural

    def _show(self, *, force: bool = False) -> None:
        natural = self._natural or self.measure(cells for _, cells in self._records)
        more = self.hides_columns
        layout = self._choose_layout(natural)
        keep = selected_row_key(self)
        if layout != self._layout or more != self.hides_columns:
            self.clear(columns=True)
            self._add_columns(layout)
            self._layout = layout
        elif not force:
            return
        else:
            self.clear()
        wanted = [i for i, c in enumerate(self.fit_spec) if c.key in layout]
        for key, cells in self._records:
            self.add_row(*(cells[i] for i in wanted), key=key)
        keep_cursor(self, keep)

    def on_resize(self, event: events.Resize) -> None:
        if self._records:
            self._show()

    def _relayout(self) -> None:
        self._show()

    @property
    def shown_columns(self) -> list[str]:
        return list(self._layout)


class FittedRecordTable(FittedTable):
    """A :class:`FittedTable` whose Entrée opens the record (shown in the footer)."""

    BINDINGS = [
        Binding("enter", "select_cursor", t("table.open"), id="table-open"),
    ]


class FittedLazyTable(LazyTable, ColumnViewsTable):
    """A :class:`LazyTable` whose columns are chosen by width like a :class:`FittedTable`'s
    (→ shows those left out).

    The screen gives every row's key, a function making one row's cells for every column of
    ``columns`` and each column's widest cell over all the rows (computed from the records, not
    by formatting every row): the layout depends on the whole list, so a filter typed keeps the
    columns still. Only the rows near the cursor are formatted and added, as in LazyTable. On a
    resize the columns are chosen again and the cursor stays on its record.
    """

    def __init__(self, columns: Sequence[Column], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.fit_spec = tuple(columns)
        self._layout: dict[str, int] = {}
        self._wanted: list[int] = []
        self._natural: list[int] | None = None
        self._keys: list[str] = []
        self._all_cells: Callable[[str], Sequence[CellType]] = lambda _key: ()

    def show_fitted(
        self,
        keys: Sequence[str],
        cells: Callable[[str], Sequence[CellType]],
        widest: dict[str, int],
        keep: str | None = None,
    ) -> None:
        """Replace the rows (see :meth:`LazyTable.show_rows`); ``widest``: by column key, the
        widest cell of that column over every row the list can show."""
        self._natural = header_widths(self.fit_spec, widest)
        self._keys = list(keys)
        self._all_cells = cells
        self._lay_out()
        self.show_rows(self._keys, self._shown_cells, keep=keep)

    def _shown_cells(self, key: str) -> list[CellType]:
        cells = self._all_cells(key)
        return [cells[i] for i in self._wanted]

    def _lay_out(self) -> bool:
        """Choose the columns for the present width; True when they changed."""
        if self._natural is None:
            return False
        more = self.hides_columns
        layout = self._choose_layout(self._natural)
        if layout == self._layout and more == self.hides_columns:
            return False
        self._pending = []  # clearing moves the cursor: nothing to add meanwhile
        self.clear(columns=True)
        self._add_columns(layout)
        self._layout = layout
        self._wanted = [i for i, c in enumerate(self.fit_spec) if c.key in layout]
        return True

    def on_resize(self, event: events.Resize) -> None:
        self._relayout()

    def _relayout(self) -> None:
        keep = selected_row_key(self)
        if self._lay_out():
            self.show_rows(self._keys, self._shown_cells, keep=keep)

    @property
    def shown_columns(self) -> list[str]:
        return list(self._layout)
