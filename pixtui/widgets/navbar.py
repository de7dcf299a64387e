"""The line of sections (F2…F9) at the top of every screen, the current one highlighted."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from pixtui.bindings import SECTIONS
from pixtui.i18n import t


class NavBar(Widget):
    DEFAULT_CSS = """
    NavBar {
        height: 1;
        background: $panel;
        color: $text;
    }
    """

    current: reactive[str] = reactive("accueil")

    def __init__(self, current: str, *, compact: bool = False) -> None:
        super().__init__()
        self.set_reactive(NavBar.current, current)
        self._compact = compact

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        width = self.size.width or 80
        # Short labels when the terminal is narrow: every section must stay visible at 80 columns.
        short = width < 110
        for section in SECTIONS:
            label = t(section.label_key + (".short" if short else ""))
            key = section.key.upper()
            if text:
                text.append(" ")
            if section.mode == self.current:
                text.append(f"{key} {label}", style="reverse bold")
            else:
                text.append(key, style="bold")
                text.append(f" {label}")
        return text
