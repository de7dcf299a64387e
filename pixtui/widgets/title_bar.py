"""One line at the top: the school, the screen's title, today's date and the time (HH:MM).

The time changes once a minute, so the bar repaints once a minute, not every second.
"""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget


class TitleBar(Widget):
    DEFAULT_CSS = """
    TitleBar {
        height: 1;
        background: $primary;
        color: $text;
        text-style: bold;
    }
    """

    left: reactive[str] = reactive("")
    middle: reactive[str] = reactive("")
    right: reactive[str] = reactive("")

    def render(self) -> Text:
        width = self.size.width or 80
        right = self.right
        room = max(0, width - len(right) - 2)
        left = f" {self.left}"
        if self.middle:
            left = f"{left} · {self.middle}"
        if len(left) > room:
            left = left[: max(0, room - 1)] + "…"
        return Text(left.ljust(room) + " " + right + " ", no_wrap=True)
