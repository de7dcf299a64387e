"""The one helper for user text in widgets: never read as markup, never a control character.

Textual reads a ``str`` given to a Static, a Label or a notice as markup: a room named
« Labo [/] » crashed the dialog showing it, and « [b]x » styled it. Anything holding user text
(names, rooms, notes, paths, a number typed on the command line, or a catalogue sentence
with such text inside) goes to a widget as ``plain(text)``.
"""

from __future__ import annotations

from rich.text import Text

from pixtui.domain.text import safe_text


def plain(text: str, style: str = "") -> Text:
    """``text`` as a Rich Text: shown exactly as typed (controls and bidi overrides removed)."""
    return Text(safe_text(text, multiline=True), style=style)
