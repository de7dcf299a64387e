"""Large block letters for the access code, readable from the back of the room."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

# 5 rows per glyph; only the characters of Pix access codes (and a few for safety).
_FONT: dict[str, tuple[str, ...]] = {
    "B": ("████ ", "█   █", "████ ", "█   █", "████ "),
    "C": (" ████", "█    ", "█    ", "█    ", " ████"),
    "D": ("████ ", "█   █", "█   █", "█   █", "████ "),
    "F": ("█████", "█    ", "████ ", "█    ", "█    "),
    "G": (" ████", "█    ", "█  ██", "█   █", " ████"),
    "H": ("█   █", "█   █", "█████", "█   █", "█   █"),
    "J": ("  ███", "    █", "    █", "█   █", " ███ "),
    "K": ("█   █", "█  █ ", "███  ", "█  █ ", "█   █"),
    "M": ("█   █", "██ ██", "█ █ █", "█   █", "█   █"),
    "P": ("████ ", "█   █", "████ ", "█    ", "█    "),
    "Q": (" ███ ", "█   █", "█   █", "█  █ ", " ██ █"),
    "R": ("████ ", "█   █", "████ ", "█  █ ", "█   █"),
    "T": ("█████", "  █  ", "  █  ", "  █  ", "  █  "),
    "V": ("█   █", "█   █", "█   █", " █ █ ", "  █  "),
    "W": ("█   █", "█   █", "█ █ █", "██ ██", "█   █"),
    "X": ("█   █", " █ █ ", "  █  ", " █ █ ", "█   █"),
    "Y": ("█   █", " █ █ ", "  █  ", "  █  ", "  █  "),
    "2": (" ███ ", "█   █", "  ██ ", " █   ", "█████"),
    "3": ("████ ", "    █", " ███ ", "    █", "████ "),
    "4": ("█  █ ", "█  █ ", "█████", "   █ ", "   █ "),
    "6": (" ███ ", "█    ", "████ ", "█   █", " ███ "),
    "7": ("█████", "    █", "   █ ", "  █  ", "  █  "),
    "8": (" ███ ", "█   █", " ███ ", "█   █", " ███ "),
    "9": (" ███ ", "█   █", " ████", "    █", " ███ "),
    " ": ("     ",) * 5,
}
_ASCII_BLOCK = "#"


def big_lines(text: str, *, ascii_only: bool = False) -> list[str]:
    """The five lines of ``text`` in block letters; unknown characters are left blank."""
    rows = ["", "", "", "", ""]
    for char in text.upper():
        glyph = _FONT.get(char, _FONT[" "])
        for i in range(5):
            rows[i] += glyph[i] + "  "
    if ascii_only:
        rows = [row.replace("█", _ASCII_BLOCK) for row in rows]
    return [row.rstrip() for row in rows]


class BigText(Widget):
    DEFAULT_CSS = """
    BigText {
        width: auto;
        height: 5;
    }
    """

    def __init__(self, text: str, *, ascii_only: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = text
        self._ascii_only = ascii_only

    def render(self) -> Text:
        return Text("\n".join(big_lines(self._text, ascii_only=self._ascii_only)), style="bold")
