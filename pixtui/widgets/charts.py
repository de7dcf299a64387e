"""Charts drawn in the terminal: horizontal bars, score histograms and Pix level bands.

Bars are block characters (with eighth blocks for the remainder) followed by the number they
stand for, so a chart reads the same in 16 colours, in monochrome and with NO_COLOR: colour
only repeats what the length and the label already say.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual.widget import Widget

from pixtui.domain.results import HistogramBin, LevelBand

EIGHTHS = " ▏▎▍▌▋▊▉"
FULL = "█"


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None  # None: nothing to draw (shown as the ``empty`` text)
    text: str  # the number shown after the bar, already formatted


def bar(value: float, maximum: float, width: int) -> str:
    """``value`` out of ``maximum`` as ``width`` cells of blocks (eighths for the rest)."""
    if maximum <= 0 or value <= 0 or width <= 0:
        return ""
    eighths = round(min(value, maximum) / maximum * width * 8)
    if eighths == 0:
        eighths = 1  # a non-zero value always shows
    full, rest = divmod(eighths, 8)
    return FULL * full + (EIGHTHS[rest] if rest else "")


def cut_label(label: str, width: int) -> str:
    """``label`` in ``width`` cells: whole if it fits, else cut and ended with « … »."""
    if cell_len(label) <= width:
        return label
    return set_cell_size(label, max(width - 1, 0)).rstrip() + "…"


def bar_chart(
    rows: Sequence[Bar],
    maximum: float,
    width: int,
    *,
    title: str = "",
    empty: str = "–",
    style: str = "",
) -> Text:
    """One line per row: the label, the bar, the number. ``width`` is the whole line."""
    out = Text()
    if title:
        out.append(title + "\n", style="bold")
    text_width = max((len(r.text) for r in rows), default=0)
    # a label takes at most half of what the number leaves; a longer one ends with « … »
    label_room = max(8, (width - text_width - 3) // 2)
    label_width = min(max((cell_len(r.label) for r in rows), default=0), label_room)
    bar_width = max(4, width - label_width - text_width - 3)
    for index, row in enumerate(rows):
        out.append(cut_label(row.label, label_width).ljust(label_width) + " ")
        if row.value is None:
            out.append(empty.ljust(bar_width))
        else:
            drawn = bar(row.value, maximum, bar_width)
            out.append(drawn, style=style)
            out.append(" " * (bar_width - len(drawn)))
        out.append(" " + row.text.rjust(text_width))
        if index < len(rows) - 1:
            out.append("\n")
    return out


def histogram_rows(bins: Sequence[HistogramBin]) -> list[Bar]:
    return [Bar(b.label, float(b.count), str(b.count)) for b in bins]


def level_rows(levels: Sequence[tuple[LevelBand, int]]) -> list[Bar]:
    return [Bar(f"{band.label} ({band.low}–{band.high})", float(n), str(n)) for band, n in levels]


class BarChart(Widget):
    """A titled bar chart that redraws to its width (histogram, levels, competences)."""

    DEFAULT_CSS = """
    BarChart { height: auto; padding: 0 1; margin-bottom: 1; }
    """

    def __init__(
        self,
        title: str = "",
        rows: Sequence[Bar] = (),
        maximum: float | None = None,
        *,
        id: str | None = None,
        style: str = "",
    ) -> None:
        super().__init__(id=id)
        self._title = title
        self._rows = list(rows)
        self._maximum = maximum
        self._style = style

    def set_data(self, title: str, rows: Sequence[Bar], maximum: float | None = None) -> None:
        self._title = title
        self._rows = list(rows)
        self._maximum = maximum
        self.refresh(layout=True)

    def _max(self) -> float:
        if self._maximum is not None:
            return self._maximum
        return max((r.value or 0 for r in self._rows), default=0) or 1

    def get_content_height(self, container, viewport, width: int) -> int:  # type: ignore[override]
        return len(self._rows) + (1 if self._title else 0)

    def render(self) -> Text:
        width = max(20, self.content_size.width or 60)
        return bar_chart(self._rows, self._max(), width, title=self._title, style=self._style)


def competence_rows(averages: dict[str, float | None], names: dict[str, str]) -> list[Bar]:
    """The 16 competences: code and name, the mean level out of 8 (``–`` when none)."""
    rows = []
    for code, avg in averages.items():
        name = names.get(code, "")
        text = f"{avg:.1f}".replace(".", ",") if avg is not None else "–"
        rows.append(Bar(f"{code} {name}".strip(), avg, text))
    return rows
