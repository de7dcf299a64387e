"""One candidate's accommodations: extra time (rule 6), accessibility, human aid, language (R4, R5)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, Static

from pixtui.domain.problems import Refused
from pixtui.i18n import t
from pixtui.services.enrolment import (
    Accommodations,
    accommodations_of,
    set_accommodations,
)
from pixtui.widgets.checkbox import TickBox
from pixtui.widgets.confirm import ConfirmDialog, discard_or_keep
from pixtui.widgets.field import FormField
from pixtui.widgets.plain import plain

if TYPE_CHECKING:
    from pixtui.app import PixtuiApp

TEXT_FIELDS = ("extra_time", "aid_note", "language_note")


class AccommodationsDialog(ModalScreen[bool]):
    """True when saved."""

    DEFAULT_CSS = """
    AccommodationsDialog {
        align: center middle;
    }
    AccommodationsDialog > Vertical {
        width: 76;
        max-width: 100%;
        height: auto;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    AccommodationsDialog .form-title {
        text-style: bold;
        margin-bottom: 1;
    }
    AccommodationsDialog .form-row {
        height: 1;
    }
    AccommodationsDialog .form-label {
        width: 26;
    }
    AccommodationsDialog Input {
        width: 1fr;
    }
    AccommodationsDialog #acc-error {
        color: $error;
        text-style: bold;
        height: auto;
    }
    AccommodationsDialog #acc-hint {
        color: $text-muted;
        margin-top: 1;
    }
    """

    BINDINGS = [
        Binding(
            "ctrl+s",
            "save",
            t("prep.form.save"),
            tooltip=t("prep.form.save.tip"),
            id="acc-save",
            priority=True,
        ),
        Binding("escape", "cancel", t("binding.cancel"), id="acc-cancel"),
        Binding("up", "app.focus_previous", t("form.key.previous"), show=False, id="acc-up"),
        Binding("down", "app.focus_next", t("form.key.next"), show=False, id="acc-down"),
    ]

    def __init__(self, candidate_id: str) -> None:
        super().__init__()
        self.candidate_id = candidate_id
        self._rev: int | None = None
        self._opened: Accommodations | None = None

    @property
    def pix(self) -> PixtuiApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        candidate = self.pix.snapshot.candidates.get(self.candidate_id)
        form = accommodations_of(candidate) if candidate else Accommodations()
        self._rev = candidate.rev if candidate else None
        name = f"{candidate.first_name} {candidate.last_name}" if candidate else ""
        with Vertical():
            yield Static(plain(t("prep.acc.title", name=name)), classes="form-title")
            with Horizontal(classes="form-row"):
                yield Label(t("prep.acc.extra_time"), classes="form-label")
                yield FormField(
                    form.extra_time,
                    placeholder=t("prep.acc.extra_time.placeholder"),
                    id="acc-extra_time",
                    compact=True,
                    max_length=12,
                )
            yield TickBox(
                t("prep.acc.accessibility"),
                form.accessibility,
                id="acc-accessibility",
                compact=True,
            )
            with Horizontal(classes="form-row"):
                yield Label(t("prep.acc.aid_note"), classes="form-label")
                yield FormField(
                    form.aid_note,
                    placeholder=t("prep.acc.aid_note.placeholder"),
                    id="acc-aid_note",
                    compact=True,
                    max_length=200,
                )
            with Horizontal(classes="form-row"):
                yield Label(t("prep.acc.language_note"), classes="form-label")
                yield FormField(
                    form.language_note,
                    placeholder=t("prep.acc.language_note.placeholder"),
                    id="acc-language_note",
                    compact=True,
                    max_length=200,
                )
            yield Static("", id="acc-error")
            yield Static(t("prep.acc.hint"), id="acc-hint")

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.cursor_blink = False
        self.query_one("#acc-extra_time", Input).focus()
        self._opened = self.form()

    def form(self) -> Accommodations:
        return Accommodations(
            extra_time=self.query_one("#acc-extra_time", Input).value,
            accessibility=self.query_one("#acc-accessibility", Checkbox).value,
            aid_note=self.query_one("#acc-aid_note", Input).value,
            language_note=self.query_one("#acc-language_note", Input).value,
        )

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "acc-language_note":
            self.action_save()
        else:
            self.focus_next()

    def action_save(self, confirmed: bool = False) -> None:
        form = self.form()

        def refused(refusal: Refused) -> None:
            if not refusal.needs_confirmation:
                self.query_one("#acc-error", Static).update(plain(refusal.message))
                return

            # Extra time is sacred: after the start, the old and new end are shown first.
            def answered(yes: bool | None) -> None:
                if yes:
                    self.action_save(confirmed=True)

            self.app.push_screen(
                ConfirmDialog(refusal.message, confirm_label=t("room.extra_time.confirm")),
                answered,
            )

        saved = self.pix.write(
            "candidate.accommodations",
            lambda tx: set_accommodations(
                tx, self.candidate_id, form, rev=self._rev, confirmed=confirmed
            ),
            on_refused=refused,
        )
        if saved is not None:
            self.notify(t("prep.acc.saved", name=f"{saved.first_name} {saved.last_name}"))
            self.dismiss(True)

    def action_cancel(self) -> None:
        discard_or_keep(self, self.form() != self._opened, lambda: self.dismiss(False))
