"""Asks for a session's invigilator password (typed text hidden)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from pixtui.i18n import t
from pixtui.widgets.plain import plain


class PasswordDialog(ModalScreen[str | None]):
    DEFAULT_CSS = """
    PasswordDialog {
        align: center middle;
    }
    PasswordDialog > Vertical {
        width: 60;
        max-width: 100%;
        height: auto;
        border: thick $primary;
        background: $surface;
        padding: 1 2;
    }
    PasswordDialog Input {
        margin-top: 1;
    }
    """

    BINDINGS = [Binding("escape", "cancel", t("binding.cancel"), id="password-cancel")]

    def __init__(self, prompt: str, error: str = "") -> None:
        super().__init__()
        self._prompt = prompt
        self._error = error

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(plain(self._prompt))
            if self._error:
                yield Static(plain(self._error), id="password-error", classes="error-text")
            yield Input(password=True, placeholder=t("room.password.placeholder"), id="password")

    def on_mount(self) -> None:
        field = self.query_one(Input)
        field.cursor_blink = False
        field.focus()

    @on(Input.Submitted, "#password")
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
