"""Typed modal dialogs: pick one option, or type one line (validated before closing)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from pixtui.i18n import t
from pixtui.widgets.plain import plain

_DIALOG_CSS = """
{name} {{
    align: center middle;
}}
{name} > Vertical {{
    width: 76;
    max-width: 100%;
    height: auto;
    max-height: 100%;
    border: thick $primary;
    background: $surface;
    padding: 0 1;
}}
{name} .dialog-title {{
    text-style: bold;
    margin-bottom: 1;
}}
{name} OptionList {{
    height: auto;
    max-height: 14;
}}
{name} #dialog-note {{
    height: auto;
    max-height: 5;
}}
{name} .error-text {{
    color: $error;
    text-style: bold;
}}
"""


class ChoiceDialog(ModalScreen[str | None]):
    """Returns the chosen option's id, or None on Échap."""

    DEFAULT_CSS = _DIALOG_CSS.format(name="ChoiceDialog")
    BINDINGS = [Binding("escape", "cancel", t("binding.cancel"), id="choice-cancel")]

    def __init__(self, title: str, options: Sequence[tuple[str, str]], *, note: str = "") -> None:
        super().__init__()
        self._title = title
        self._options = list(options)
        self._note = note

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(plain(self._title), classes="dialog-title")
            if self._note:
                # at most 5 lines, so the options stay in sight at 80x24; a longer note shows
                # a scrollbar and scrolls once Tab has put the focus on it
                with VerticalScroll(id="dialog-note"):
                    yield Static(plain(self._note))
            yield OptionList(*[Option(Text(text), id=key) for key, text in self._options])

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class PathSuggester(Suggester):
    """The import prompt's completion: the rest of the path shown dimmed, → accepts it."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)  # the folder may change

    async def get_suggestion(self, value: str) -> str | None:
        from pixtui.imports.paths import complete_path

        return complete_path(value)


class TextDialog(ModalScreen[str | None]):
    """One line of text; ``check`` returns a French error sentence or None when acceptable."""

    DEFAULT_CSS = _DIALOG_CSS.format(name="TextDialog")
    BINDINGS = [Binding("escape", "cancel", t("binding.cancel"), id="text-cancel")]

    def __init__(
        self,
        title: str,
        *,
        placeholder: str = "",
        value: str = "",
        max_length: int = 0,
        check: Callable[[str], str | None] | None = None,
        suggester: Suggester | None = None,
    ) -> None:
        super().__init__()
        self._suggester = suggester
        self._title = title
        self._placeholder = placeholder
        self._value = value
        self._max_length = max_length
        self._check = check

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(plain(self._title), classes="dialog-title")
            yield Input(
                value=self._value,
                placeholder=self._placeholder,
                max_length=self._max_length,
                suggester=self._suggester,
                id="dialog-input",
            )
            yield Static("", id="dialog-error", classes="error-text")

    def on_mount(self) -> None:
        field = self.query_one(Input)
        field.cursor_blink = False
        field.focus()

    @on(Input.Submitted, "#dialog-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        problem = self._check(event.value) if self._check else None
        if problem:
            self.query_one("#dialog-error", Static).update(plain(problem))
            return
        self.dismiss(event.value)

    @on(Input.Changed, "#dialog-input")
    def _changed(self, event: Input.Changed) -> None:
        """A refusal is about the text that was submitted: typing the next one clears it."""
        event.stop()
        self.query_one("#dialog-error", Static).update("")

    def action_cancel(self) -> None:
        self.dismiss(None)
