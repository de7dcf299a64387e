"""The session form: create or edit a session, every rule checked as the user types.

ERRORs are listed under the fields and refuse the save; WARNINGs are listed too and the save
asks an explicit confirmation that repeats them. An edit carries the revision the form was
opened on, so a save over someone else's change is refused with who and when.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, Static

from pixtui.domain.clock import local_today
from pixtui.domain.finalisation import edit_problems
from pixtui.domain.problems import Problem, Severity, errors, warnings
from pixtui.i18n import t
from pixtui.services.sessions import (
    FORM_FIELDS,
    Refused,
    SessionDraft,
    check_draft,
    confirmation_text,
    draft_from_session,
    rehearsal_codes,
    save_draft,
)
from pixtui.widgets.checkbox import TickBox
from pixtui.widgets.confirm import ConfirmDialog, discard_or_keep
from pixtui.widgets.field import FormField

if TYPE_CHECKING:
    from pixtui.app import PixtuiApp


class SessionFormScreen(ModalScreen[str | None]):
    """Returns the saved session's id, or None when cancelled."""

    DEFAULT_CSS = """
    SessionFormScreen {
        align: center middle;
    }
    SessionFormScreen > VerticalScroll {
        width: 100;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    SessionFormScreen .form-title {
        text-style: bold;
    }
    SessionFormScreen .form-row {
        height: 1;
    }
    SessionFormScreen .form-label {
        width: 26;
    }
    SessionFormScreen Input {
        width: 1fr;
    }
    SessionFormScreen Checkbox {
        height: 1;
    }
    SessionFormScreen #form-problems {
        height: auto;
        margin-top: 1;
    }
    SessionFormScreen #form-hint {
        color: $text-muted;
    }
    """

    BINDINGS = [
        Binding(
            "ctrl+s",
            "save",
            t("prep.form.save"),
            tooltip=t("prep.form.save.tip"),
            id="session-form-save",
            priority=True,
        ),
        Binding(
            "escape",
            "cancel",
            t("binding.cancel"),
            tooltip=t("prep.form.cancel.tip"),
            id="session-form-cancel",
        ),
        Binding(
            "up", "app.focus_previous", t("form.key.previous"), show=False, id="session-form-up"
        ),
        Binding("down", "app.focus_next", t("form.key.next"), show=False, id="session-form-down"),
    ]

    def __init__(self, session_id: str | None = None) -> None:
        super().__init__()
        self.session_id = session_id
        self._rev: int | None = None
        self._draft = SessionDraft()
        self._opened: SessionDraft | None = None
        # A field's problems are shown once it has been left (or held a value on opening), and
        # all of them once a save was tried: a new form does not open on five « Refusé ».
        self._judged: set[str] = set()
        self._save_tried = False
        self._read_only: list[Problem] = []  # a finalised session opens read-only

    @property
    def pix(self) -> PixtuiApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        snapshot = self.pix.snapshot
        if self.session_id:
            session = snapshot.session(self.session_id)
            if session is not None:
                self._draft = draft_from_session(session)
                self._rev = session.rev
                self._read_only = edit_problems(session)
        self._judged = {name for name in FORM_FIELDS if getattr(self._draft, name).strip()}
        if self._read_only:
            title = t("prep.form.title_read_only")
        else:
            title = t("prep.form.title_edit" if self.session_id else "prep.form.title_new")
        # Not focusable itself: Entrée on the last field goes back to the first, not to the frame
        # (where the next letters would go nowhere).
        with VerticalScroll(can_focus=False):
            yield Static(title, classes="form-title")
            for name in FORM_FIELDS:
                with Horizontal(classes="form-row"):
                    yield Label(t(f"prep.form.field.{name}"), classes="form-label")
                    yield FormField(
                        value=getattr(self._draft, name),
                        placeholder=t(f"prep.form.placeholder.{name}"),
                        id=f"field-{name}",
                        compact=True,
                        max_length=500 if name == "description" else 120,
                        disabled=bool(self._read_only),
                    )
            yield TickBox(
                t("prep.form.field.rehearsal"),
                self._draft.rehearsal,
                id="field-rehearsal",
                compact=True,
                disabled=bool(self._read_only),
            )
            yield Static(t("prep.form.hint"), id="form-hint")
            yield Static(id="form-problems")

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.cursor_blink = False
        if not self._read_only:
            self.query_one("#field-site", Input).focus()
        self._opened = self.draft()
        self._show_problems()

    # --- reading the form ----------------------------------------------------------------

    def draft(self) -> SessionDraft:
        values = {name: self.query_one(f"#field-{name}", Input).value for name in FORM_FIELDS}
        return SessionDraft(**values, rehearsal=self.query_one("#field-rehearsal", Checkbox).value)

    def problems(self) -> list[Problem]:
        today = local_today(self.pix.clock)
        return check_draft(self.pix.snapshot, self.draft(), self.session_id, today)

    def _shown(self, problem: Problem) -> bool:
        if self._save_tried:
            return True
        if problem.field is None:
            return bool(self._judged)
        return problem.field in self._judged

    def _show_problems(self) -> None:
        if self._read_only:
            self.query_one("#form-problems", Static).update(
                Text("\n".join(p.message for p in self._read_only), style="bold")
            )
            return
        every = self.problems()
        found = [p for p in every if self._shown(p)]
        found.sort(key=lambda p: p.severity is not Severity.ERROR)  # refusals first
        text = Text()
        for problem in found:
            if problem.severity is Severity.INFO:
                continue
            style = "bold red" if problem.severity is Severity.ERROR else "yellow"
            mark = t(
                "prep.form.error_mark"
                if problem.severity is Severity.ERROR
                else "prep.form.warning_mark"
            )
            if text:
                text.append("\n")
            text.append(f"{mark} ", style=style)
            text.append(problem.message)
        if not text and len(found) == len(every):
            text.append(t("prep.form.all_good"))
        self.query_one("#form-problems", Static).update(text)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self._show_problems()

    @on(Input.Blurred)
    def _left(self, event: Input.Blurred) -> None:
        event.stop()
        if event.input.id and event.input.id.startswith("field-"):
            self._judged.add(event.input.id.removeprefix("field-"))
            self._show_problems()

    @on(Input.Submitted)
    def _next(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @on(Checkbox.Changed, "#field-rehearsal")
    def _rehearsal(self, event: Checkbox.Changed) -> None:
        event.stop()
        if event.value:
            # Rehearsal codes are generated here, in Pix's formats, so the user sees them.
            code, password = rehearsal_codes()
            for name, value in (("access_code", code), ("invigilator_password", password)):
                field = self.query_one(f"#field-{name}", Input)
                if not field.value.strip():
                    field.value = value
                    self._judged.add(name)
        self._show_problems()

    # --- saving ----------------------------------------------------------------------------

    def action_save(self) -> None:
        if self._read_only:
            self.notify(self._read_only[0].message, severity="warning", timeout=10)
            return
        self._save_tried = True
        found = self.problems()
        if errors(found):
            self._show_problems()
            self.notify(t("prep.form.has_errors", count=len(errors(found))), severity="warning")
            return
        if warnings(found):
            question = confirmation_text(warnings(found), "prep.form.confirm_warnings")
            self.app.push_screen(
                ConfirmDialog(question, confirm_label=t("prep.form.save_anyway")),
                lambda ok: self._save(confirmed=True) if ok else None,
            )
            return
        self._save(confirmed=False)

    def _save(self, *, confirmed: bool) -> None:
        draft = self.draft()
        today = local_today(self.pix.clock)
        action = "session.update" if self.session_id else "session.create"

        def refused(refusal: Refused) -> None:
            self._show_problems()
            self.notify(refusal.message, severity="warning", timeout=10)

        saved = self.pix.write(
            action,
            lambda tx: save_draft(
                tx,
                draft,
                session_id=self.session_id,
                rev=self._rev,
                today=today,
                confirmed=confirmed,
            ),
            on_refused=refused,
        )
        if saved is not None:
            self.notify(t("prep.form.saved", room=saved.room))
            self.dismiss(saved.id)

    def action_cancel(self) -> None:
        discard_or_keep(self, self.draft() != self._opened, lambda: self.dismiss(None))
