"""A one-line text widget that repaints only itself when its text changes.

``Static.update`` asks for a new layout, and a layout pass makes Textual resend the whole
screen: on a live room that is kilobytes over SSH every minute. Lines that change often use this.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

SEPARATOR = " · "

# A part of a line: its text, and 0 when it must stay or 1, 2, … for the parts that leave
# (the highest first) when the line is too narrow for all of them.
Part = tuple[Text, int]


def fit_parts(parts: Sequence[Part], width: int) -> Text:
    """The parts in their order, joined by « · », without the least needed ones when ``width``
    cells cannot hold them all: the highest level leaves first (the last of a level first),
    never a part of level 0; what still does not fit ends with « … »."""
    kept = [(text, level) for text, level in parts if text.plain]

    def length(chosen: Sequence[Part]) -> int:
        return sum(cell_len(text.plain) for text, _ in chosen) + len(SEPARATOR) * max(
            len(chosen) - 1, 0
        )

    while length(kept) > width:
        droppable = [i for i, (_, level) in enumerate(kept) if level]
        if not droppable:
            break
        highest = max(kept[i][1] for i in droppable)
        kept.pop(max(i for i in droppable if kept[i][1] == highest))
    line = Text(no_wrap=True, overflow="ellipsis", end="")
    for index, (text, _) in enumerate(kept):
        if index:
            line.append(SEPARATOR)
        line.append_text(text)
    return line


class Line(Widget):
    DEFAULT_CSS = """
    Line {
        height: 1;
        width: 1fr;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    text: reactive[Text] = reactive(Text, layout=False)
    parts: reactive[tuple[Part, ...]] = reactive(tuple, layout=False)

    def show(self, text: Text | str) -> None:
        """Set the text; nothing is repainted when it did not change."""
        new = text if isinstance(text, Text) else Text(text)
        self.parts = ()
        if new.markup != self.text.markup or new.spans != self.text.spans:
            self.text = new

    def show_parts(self, parts: Sequence[Part]) -> None:
        """Set the line as parts fitted to its width (see :func:`fit_parts`), again on resize;
        nothing is repainted when they did not change."""
        new = tuple(parts)
        if [(text.markup, text.spans, level) for text, level in new] != [
            (text.markup, text.spans, level) for text, level in self.parts
        ]:
            self.parts = new

    def render(self) -> Text:
        if self.parts:
            return fit_parts(self.parts, self.content_size.width)
        return self.text
