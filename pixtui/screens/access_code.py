"""The access code in large type, for the whole room at once (D5); hidden again on the next key."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.screen import ModalScreen
from textual.widgets import Static

from pixtui.i18n import t
from pixtui.widgets.big_text import BigText


class AccessCodeScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    AccessCodeScreen {
        align: center middle;
        background: $background;
    }
    AccessCodeScreen Static {
        width: auto;
        margin-top: 1;
    }
    AccessCodeScreen #code-plain {
        text-style: bold;
    }
    """

    def __init__(self, code: str, *, ascii_only: bool = False) -> None:
        super().__init__()
        self._code = code
        self._ascii_only = ascii_only

    def compose(self) -> ComposeResult:
        with Middle():
            with Center():
                yield Static(t("room.code.title"))
            with Center():
                yield BigText(self._code or "?", ascii_only=self._ascii_only, id="code-big")
            with Center():
                yield Static(" ".join(self._code), id="code-plain")
            with Center():
                yield Static(t("room.code.hide"))

    def on_key(self, event: events.Key) -> None:
        # Any key hides the code again: the invigilator never has to aim for one.
        event.stop()
        event.prevent_default()
        self.dismiss(None)
