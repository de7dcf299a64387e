"""The room grid: one tile per candidate, attention first, as many columns as fit.

Built on the Line API so that an update repaints only the lines whose text changed: with 30
candidates running, the minute-precision countdowns change a few lines a minute, not the grid.
The widget never touches the store; the screen gives it ``TileView``s and reads ``selected_id``.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from pixtui.domain.room import RoomState
from pixtui.i18n import t
from pixtui.services.room_view import TileView

STATE_CLASSES = {state: f"roomgrid--{state.value.replace('_', '-')}" for state in RoomState}


@dataclass(frozen=True)
class Column:
    """One column of the grid: which tile field, how wide, which side it keeps to."""

    field: str  # a TileView attribute ("clock" shows the alert when there is one)
    width: int  # in terminal columns; for the flexible column, its minimum
    right: bool = False
    flexible: bool = False  # takes whatever width is left


# THE widths of the grid: every layout decision below is derived from these two tables.
# A value never exceeds its column (the longest state label is 22, "+1 h 05" or "Q500 !" 8,
# a whole extra-time tag "+33,5%" 6), so the question number, the time left and the tags
# are never cut; only names get an ellipsis.
WIDE_TABLE = (
    Column("glyph", 1),
    Column("state_label", 22),
    Column("name", 24, flexible=True),
    Column("division", 6),
    Column("tags", 16),
    Column("start", 5, right=True),
    Column("end", 5, right=True),
    Column("clock", 8, right=True),
    Column("checks", 5),
)
TILE_TABLE = (
    Column("glyph", 1),
    Column("name", 10, flexible=True),
    Column("short_tag", 6),
    Column("division", 3),
    Column("end", 5, right=True),
    Column("clock", 7, right=True),  # "+1 h 05", "Q500 !", "Ext. !"
)
GAP = 1  # blank columns between two columns, and after a tile


def _fit(text: str, width: int) -> str:
    if width <= 0:
        return ""
    if len(text) <= width:
        return text.ljust(width)
    return text[: width - 1] + "…"


def table_width(table: tuple[Column, ...]) -> int:
    return sum(column.width for column in table) + GAP * (len(table) - 1)


WIDE_MIN_WIDTH = table_width(WIDE_TABLE)  # one full row per candidate from here
TILE_MIN_WIDTH = table_width(TILE_TABLE) + GAP


def column_widths(table: tuple[Column, ...], width: int) -> list[int]:
    """The widths at ``width`` terminal columns: the flexible column takes what is left."""
    extra = max(width - table_width(table), 0)
    return [column.width + (extra if column.flexible else 0) for column in table]


def row_text(table: tuple[Column, ...], values: dict[str, str], width: int) -> str:
    cells = []
    for column, size in zip(table, column_widths(table, width), strict=True):
        text = _fit(values.get(column.field, ""), size)
        cells.append(text.rstrip().rjust(size) if column.right else text)
    return _fit((" " * GAP).join(cells), width)


def tile_values(tile: TileView) -> dict[str, str]:
    return {
        "glyph": tile.glyph,
        "state_label": tile.state_label,
        "name": tile.name,
        "division": tile.division,
        "tags": tile.tags,
        "short_tag": tile.short_tag,
        "start": tile.start,
        "end": tile.end,
        "clock": tile.alert or tile.clock,
        "checks": tile.checks,
    }


@dataclass(frozen=True)
class Layout:
    wide: bool
    columns: int
    tile_width: int


class RoomGrid(ScrollView, can_focus=True):
    COMPONENT_CLASSES = {"roomgrid--cursor", "roomgrid--header", *STATE_CLASSES.values()}

    DEFAULT_CSS = """
    RoomGrid {
        height: 1fr;
        scrollbar-size-vertical: 1;
    }
    RoomGrid > .roomgrid--cursor { text-style: reverse bold; }
    RoomGrid > .roomgrid--header { text-style: bold underline; }
    /* Every state differs by glyph AND by attribute (bold, dim, underline, reverse), so that
       without colour (NO_COLOR, a monochrome console) no two states look alike. */
    RoomGrid > .roomgrid--companion-alert { color: $error; text-style: bold reverse underline; }
    RoomGrid > .roomgrid--alert { color: $error; text-style: bold reverse; }
    RoomGrid > .roomgrid--overtime { color: $warning; text-style: bold underline; }
    RoomGrid > .roomgrid--resume-requested { color: $accent; text-style: reverse; }
    RoomGrid > .roomgrid--waiting-resume { color: $accent; text-style: underline; }
    RoomGrid > .roomgrid--in-progress { text-style: none; }
    RoomGrid > .roomgrid--present { color: $success; text-style: bold; }
    RoomGrid > .roomgrid--absent { text-style: dim; }
    RoomGrid > .roomgrid--finished { text-style: dim underline; }
    /* NO_COLOR turns red into a dark grey: the rows that need the invigilator must not fade. */
    App:nocolor RoomGrid > .roomgrid--companion-alert,
    App:nocolor RoomGrid > .roomgrid--alert,
    App:nocolor RoomGrid > .roomgrid--overtime,
    App:nocolor RoomGrid > .roomgrid--resume-requested,
    App:nocolor RoomGrid > .roomgrid--waiting-resume,
    App:nocolor RoomGrid > .roomgrid--present { color: $foreground; }
    """

    BINDINGS = [
        Binding("up", "move(0, -1)", t("grid.key.up"), show=False, id="grid-up"),
        Binding("down", "move(0, 1)", t("grid.key.down"), show=False, id="grid-down"),
        Binding("left", "move(-1, 0)", t("grid.key.left"), show=False, id="grid-left"),
        Binding("right", "move(1, 0)", t("grid.key.right"), show=False, id="grid-right"),
        Binding("home", "first", t("grid.key.first"), show=False, id="grid-first"),
        Binding("end", "last", t("grid.key.last"), show=False, id="grid-last"),
    ]

    class SelectionChanged(Message):
        """The cursor moved to another candidate (or the one under it changed)."""

        def __init__(self, candidate_id: str | None) -> None:
            super().__init__()
            self.candidate_id = candidate_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._tiles: list[TileView] = []
        self._index = 0
        self._selected_id: str | None = None
        self._lines: list[list[tuple[str, str]]] = []  # per row: (text, component class)
        self._layout = Layout(False, 1, 40)

    # --- data -------------------------------------------------------------------------

    @property
    def selected_id(self) -> str | None:
        return self._selected_id

    @property
    def tiles(self) -> list[TileView]:
        return self._tiles

    def show(self, tiles: list[TileView]) -> None:
        """New data: the cursor stays on the same candidate, only changed lines repaint."""
        self._tiles = tiles
        ids = [tile.id for tile in tiles]
        if self._selected_id in ids:
            self._index = ids.index(self._selected_id)
        else:
            self._index = min(self._index, max(len(tiles) - 1, 0))
        self._selected_id = ids[self._index] if ids else None
        self._rebuild()

    def select(self, candidate_id: str) -> None:
        ids = [tile.id for tile in self._tiles]
        if candidate_id in ids:
            self._set_index(ids.index(candidate_id))

    # --- layout and painting ------------------------------------------------------------

    def _choose_layout(self) -> Layout:
        width = max(self.scrollable_content_region.width, 1)
        height = max(self.scrollable_content_region.height, 1)
        count = len(self._tiles)
        if width >= WIDE_MIN_WIDTH and count + 1 <= height:
            return Layout(True, 1, width)
        columns = max(1, width // TILE_MIN_WIDTH)
        return Layout(False, columns, width // columns)

    def _rebuild(self) -> None:
        self._layout = self._choose_layout()
        columns = self._layout.columns
        rows = -(-len(self._tiles) // columns) if self._tiles else 0
        new_lines: list[list[tuple[str, str]]] = []
        if self._layout.wide:
            new_lines.append([(self._wide_header(), "roomgrid--header")])
        for row in range(rows):
            cells = []
            for col in range(columns):
                index = row * columns + col
                if index >= len(self._tiles):
                    break
                tile = self._tiles[index]
                text = self._wide_text(tile) if self._layout.wide else self._tile_text(tile)
                style = "roomgrid--cursor" if index == self._index else STATE_CLASSES[tile.state]
                cells.append((text, style))
            new_lines.append(cells)
        old = self._lines
        self._lines = new_lines
        self.virtual_size = Size(self.scrollable_content_region.width, len(new_lines))
        for y, line in enumerate(new_lines):
            if y >= len(old) or old[y] != line:
                self.refresh_line(y)
        if len(old) > len(new_lines):
            self.refresh_lines(len(new_lines), len(old) - len(new_lines))

    def _tile_text(self, tile: TileView) -> str:
        width = self._layout.tile_width - GAP
        return row_text(TILE_TABLE, tile_values(tile), width) + " " * GAP

    def _wide_header(self) -> str:
        headers = {column.field: t(f"room.grid.col.{column.field}") for column in WIDE_TABLE}
        headers["glyph"] = ""
        return row_text(WIDE_TABLE, headers, self._layout.tile_width)

    def _wide_text(self, tile: TileView) -> str:
        return row_text(WIDE_TABLE, tile_values(tile), self._layout.tile_width)

    def on_resize(self) -> None:
        self._lines = []
        self._rebuild()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        row = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        if row >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        segments = []
        for text, component in self._lines[row]:
            style: Style = self.get_component_rich_style(component)
            segments.append(Segment(text, self.rich_style + style))
        return Strip(segments).adjust_cell_length(width, self.rich_style)

    # --- the cursor ---------------------------------------------------------------------

    def _set_index(self, index: int) -> None:
        if not self._tiles:
            return
        index = max(0, min(index, len(self._tiles) - 1))
        if index == self._index and self._selected_id == self._tiles[index].id:
            return
        self._index = index
        self._selected_id = self._tiles[index].id
        self._rebuild()
        row = index // self._layout.columns + (1 if self._layout.wide else 0)
        self.scroll_to_region(Region(0, row, 1, 1), animate=False)
        self.post_message(self.SelectionChanged(self._selected_id))

    def action_move(self, dx: int, dy: int) -> None:
        self._set_index(self._index + dx + dy * self._layout.columns)

    def action_first(self) -> None:
        self._set_index(0)

    def action_last(self) -> None:
        self._set_index(len(self._tiles) - 1)
