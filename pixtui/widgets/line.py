"""A one-line text widget that repaints only itself when its text changes.

``Static.update`` asks for a new layout, and a layout pass makes Textual resend the whole
screen: on a live room that is kilobytes over SSH every minute. Lines that change often use this.
"""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget


class Line(Widget):
    DEFAULT_CSS = """
    Line {
        height: 1;
        width: 1fr;
    }
    """

    text: reactive[Text] = reactive(Text, layout=False)

    def show(self, text: Text | str) -> None:
        """Set the text; nothing is repainted when it did not change."""
        new = text if isinstance(text, Text) else Text(text)
        if new.markup != self.text.markup or new.spans != self.text.spans:
            self.text = new

    def render(self) -> Text:
        return self.text
