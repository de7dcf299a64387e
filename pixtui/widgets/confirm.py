"""A typed yes/no dialog, asked before anything irreversible."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Static

from pixtui.i18n import t
from pixtui.widgets.plain import plain


class ConfirmDialog(ModalScreen[bool]):
    """Answers True only when the user explicitly chooses the confirming button.

    The safe answer has the focus first, so a stray Entrée never confirms a destructive action.
    """

    DEFAULT_CSS = """
    ConfirmDialog {
        align: center middle;
    }
    ConfirmDialog > Vertical {
        width: 64;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: thick $warning;
        background: $surface;
        padding: 1 2;
    }
    ConfirmDialog #question-scroll {
        height: auto;
        max-height: 14;
        margin-bottom: 1;
    }
    ConfirmDialog Horizontal {
        height: auto;
        align-horizontal: right;
    }
    ConfirmDialog Button {
        margin-left: 2;
    }
    """

    BINDINGS = [
        Binding("escape", "answer(False)", t("binding.cancel"), id="confirm-cancel"),
        Binding(
            "left,up",
            "app.focus_previous",
            t("binding.confirm.previous"),
            show=False,
            id="confirm-previous",
        ),
        Binding(
            "right,down",
            "app.focus_next",
            t("binding.confirm.next"),
            show=False,
            id="confirm-next",
        ),
        Binding(
            "pageup",
            "scroll_question(-1)",
            t("binding.confirm.page_up"),
            show=False,
            id="confirm-page-up",
        ),
        Binding(
            "pagedown",
            "scroll_question(1)",
            t("binding.confirm.page_down"),
            show=False,
            id="confirm-page-down",
        ),
    ]

    def __init__(
        self,
        question: str,
        *,
        confirm_label: str | None = None,
        cancel_label: str | None = None,
        destructive: bool = False,
    ) -> None:
        super().__init__()
        self._question = question
        self._confirm_label = confirm_label or t("dialog.yes")
        self._cancel_label = cancel_label or t("dialog.no")
        self._destructive = destructive

    def compose(self) -> ComposeResult:
        with Vertical():
            # a long question (many warnings) scrolls with Page préc./suiv.: the buttons stay
            # in sight at 80x24
            with VerticalScroll(id="question-scroll", can_focus=False):
                yield Static(plain(self._question), id="question")
            with Horizontal():
                yield Button(self._cancel_label, id="cancel")
                yield Button(
                    self._confirm_label,
                    id="confirm",
                    variant="error" if self._destructive else "primary",
                )

    def on_mount(self) -> None:
        self.query_one("#cancel", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)

    def action_scroll_question(self, pages: int) -> None:
        scroll = self.query_one("#question-scroll", VerticalScroll)
        scroll.scroll_relative(y=pages * max(scroll.size.height - 1, 1), animate=False)


def discard_or_keep(
    screen: Screen[Any],
    changed: bool,
    discard: Callable[[], object],
    *,
    words: tuple[str, str, str] | None = None,
) -> None:
    """Échap on a form: close at once when nothing was changed, else ask before losing what was
    typed (the safe answer, « Continuer la saisie », has the focus). ``words``: another
    question, its confirm and its keep labels (enrolment's selection)."""
    if not changed:
        discard()
        return

    def answered(yes: bool | None) -> None:
        if yes:
            discard()

    question, confirm, keep = words or (
        t("prep.form.discard.question"),
        t("prep.form.discard.confirm"),
        t("prep.form.discard.keep"),
    )
    screen.app.push_screen(
        ConfirmDialog(question, confirm_label=confirm, cancel_label=keep, destructive=True),
        answered,
    )
