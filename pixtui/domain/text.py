"""Text that came from people or files, made safe to show or write anywhere.

One home for the rule: a name, a room or a comment may hold terminal controls (ESC starts
colour, cursor and title sequences; ENQ makes PuTTY type its answerback; C1 controls are ESC's
8-bit twins) or Unicode bidi overrides that show text in another order than it is stored.
Imports refuse lines holding them; everything pixtui writes (TUI, notices, CLI, CSV, PDF)
passes through :func:`safe_text`, so a record written before that rule, or by hand in the
JSON file, is never written raw either.
"""

from __future__ import annotations

import re

# C0 (tab, line feed and carriage return apart), DEL, C1; the bidi embeddings, overrides,
# isolates and marks; U+2028/2029 (line and paragraph separators).
CONTROL_CLASS = (
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029"
)
_CONTROLS = re.compile(f"[{CONTROL_CLASS}]")
_LINE_BREAKS = re.compile(r"\r\n|[\r\n\t]")


def has_controls(text: str) -> bool:
    """True when ``text`` holds a control or bidi character (tab and line breaks are not)."""
    return _CONTROLS.search(text) is not None


def safe_text(text: str, *, multiline: bool = False) -> str:
    """``text`` without controls and bidi characters; tabs and line breaks become spaces.

    With ``multiline``, line breaks are kept (as ``\\n``) for texts shown on several lines.
    """
    clean = _CONTROLS.search(text) is None and "\t" not in text and "\r" not in text
    if clean and (multiline or "\n" not in text):
        return text  # the common case, on every text read from the store: no copy
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    else:
        text = _LINE_BREAKS.sub(" ", text)
    return _CONTROLS.sub("", text)


def strip_controls(text: str) -> str:
    """``text`` without controls and bidi characters, its tabs and line breaks kept as they are
    (a stream of several lines: what the command line prints)."""
    return _CONTROLS.sub("", text)
