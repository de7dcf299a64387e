"""Enrolment: pick a session's candidates class by class, keyboard only (B4, rules 1 and 5).

Espace selects one pupil, T the whole class, C changes the class, I enrols the selection.
Every pupil shows certifiability, other sessions and previous certifications; refused pupils
(duplicates, closed session) cannot be selected; warnings (non-certifiable or unknown, less
than 15 days apart, left the school) are listed in a confirmation before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import DataTable, Static

from pixtui.domain.enums import Certifiability
from pixtui.domain.labels import label
from pixtui.domain.names import name_key
from pixtui.formatting import format_date
from pixtui.i18n import t
from pixtui.screens.base import PixScreen
from pixtui.services.enrolment import (
    PupilChoice,
    Refused,
    check_enrolment,
    divisions,
    enrol_pupils,
    enrolment_choices,
    still_selectable,
)
from pixtui.services.sessions import confirmation_text
from pixtui.widgets.confirm import ConfirmDialog, discard_or_keep
from pixtui.widgets.dialogs import ChoiceDialog
from pixtui.widgets.tables import Column, FittedTable, selected_row_key

# At 80 columns: the choice, the names (cut), certifiability and what to know; the other
# sessions and earlier certifications come back from 100 columns.
COLUMNS = (
    Column("mark", "prep.enrol.col.mark", anchor=True),
    Column("last_name", "prep.enrol.col.last_name", cut=10, anchor=True),
    Column("first_name", "prep.enrol.col.first_name", cut=8, anchor=True),
    Column("certifiability", "prep.enrol.col.certifiability"),
    Column("others", "prep.enrol.col.others", drop=2),
    Column("previous", "prep.enrol.col.previous", drop=1),
    Column("note", "prep.enrol.col.note", cut=20),
)


class EnrolmentScreen(PixScreen):
    SECTION = "sessions"
    TITLE_KEY = "prep.enrol.title"

    DEFAULT_CSS = """
    EnrolmentScreen #enrol-header {
        height: auto;
        padding: 0 1;
    }
    EnrolmentScreen #enrol-detail {
        height: 2;
        padding: 0 1;
        background: $boost;
    }
    """

    BINDINGS = [
        Binding("escape", "back", t("binding.back"), id="enrol-back"),
        Binding(
            "space",
            "select_pupil",
            t("prep.enrol.binding.toggle"),
            tooltip=t("prep.enrol.binding.toggle.tip"),
            id="enrol-toggle",
        ),
        Binding(
            "t",
            "select_class",
            t("prep.enrol.binding.class"),
            tooltip=t("prep.enrol.binding.class.tip"),
            id="enrol-whole-class",
        ),
        Binding(
            "c",
            "choose_class",
            t("prep.enrol.binding.choose"),
            tooltip=t("prep.enrol.binding.choose.tip"),
            id="enrol-choose-class",
        ),
        Binding(
            "i",
            "enrol",
            t("prep.enrol.binding.enrol"),
            tooltip=t("prep.enrol.binding.enrol.tip"),
            id="enrol-confirm",
        ),
    ]

    def __init__(self, session_id: str, division: str | None = None) -> None:
        super().__init__()
        self.session_id = session_id
        self.division = division or ""
        self.selected: set[str] = set()
        self._choices: dict[str, PupilChoice] = {}

    def compose_body(self) -> Iterable[Widget]:
        yield Static(id="enrol-header")
        yield FittedTable(COLUMNS, id="enrol-table")
        yield Static(id="enrol-detail")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        if not self.division:
            classes = divisions(self.snapshot.pupils.all())
            self.division = classes[0] if classes else ""
        table.focus()

    def title_text(self) -> str:
        session = self.snapshot.session(self.session_id)
        if session is None:
            return t(self.TITLE_KEY)
        return t("prep.enrol.title_with_room", room=session.room, date=format_date(session.date))

    # --- showing ---------------------------------------------------------------------------

    def refresh_data(self) -> None:
        snap = self.snapshot
        choices = enrolment_choices(snap, self.session_id, self.division, self.now())
        self._choices = {c.pupil.id: c for c in choices}
        # every class's choice is kept; a pupil enrolled meanwhile (here or by someone else)
        # leaves it
        self.selected = still_selectable(snap, self.session_id, self.selected, self.now())
        self.query_one(FittedTable).fill([(c.pupil.id, self._cells(c)) for c in choices])
        self._update_header()
        self._update_detail()

    def _cells(self, choice: PupilChoice) -> tuple:
        pupil = choice.pupil
        if choice.enrolled:
            mark = Text(t("prep.enrol.mark.enrolled"), style="green")
        elif choice.refused:
            mark = Text(t("prep.enrol.mark.refused"), style="red")
        else:
            mark = Text("[x]" if pupil.id in self.selected else "[ ]", style="bold")
        certif = Text(label(pupil.certifiability))
        if pupil.certifiability is not Certifiability.CERTIFIABLE:
            certif.stylize("yellow")
        others = ", ".join(format_date(s.date) for s in choice.other_sessions) or "–"
        previous = ", ".join(format_date(p.taken_on) for p in pupil.previous_certifications) or "–"
        return (mark, pupil.last_name, pupil.first_name, certif, others, previous, choice.note)

    def _update_header(self) -> None:
        snap = self.snapshot
        session = snap.session(self.session_id)
        enrolled = sum(1 for c in snap.candidates_of([self.session_id]) if not c.removed)
        in_class = sum(1 for c in self._choices.values() if c.enrolled)
        text = Text()
        text.append(t("prep.enrol.class", division=self.division or "–"), style="bold")
        text.append(
            "  "
            + t(
                "prep.enrol.counts",
                pupils=len(self._choices),
                in_class=in_class,
                selected=len(self.selected),
                enrolled=enrolled,
            )
        )
        if session is None:
            text = Text(t("session.gone"))
        self.query_one("#enrol-header", Static).update(text)

    def _update_detail(self) -> None:
        key = selected_row_key(self.query_one(DataTable))
        choice = self._choices.get(key) if key else None
        text = Text()
        if choice is not None:
            for problem in choice.problems:
                style = {"error": "bold red", "warning": "yellow"}.get(problem.severity.value, "")
                if text:
                    text.append("  ")
                text.append(problem.message, style=style)
            if not choice.problems:
                text.append(t("prep.enrol.detail_ok"))
        self.query_one("#enrol-detail", Static).update(text)

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._update_detail()

    def _redraw_marks(self) -> None:
        table = self.query_one(DataTable)
        for pupil_id, choice in self._choices.items():
            table.update_cell(pupil_id, "mark", self._cells(choice)[0])
        self._update_header()

    # --- selecting ---------------------------------------------------------------------------

    def action_select_pupil(self) -> None:
        """Space: add the pupil under the cursor to the selection, or take them out (not
        ``action_toggle``, which is Textual's own action for a widget attribute)."""
        key = selected_row_key(self.query_one(DataTable))
        choice = self._choices.get(key) if key else None
        if choice is None:
            return
        if not choice.selectable:
            reason = t("prep.enrol.already") if choice.enrolled else choice.problems[0].message
            self.notify(reason, severity="warning")
            return
        self.selected ^= {choice.pupil.id}
        self._redraw_marks()
        self.query_one(DataTable).action_cursor_down()

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_select_pupil()

    def action_select_class(self) -> None:
        """Every selectable pupil of the class in the selection, or all out (not
        ``action_toggle_class``, the name of Textual's action for CSS classes)."""
        selectable = {pid for pid, c in self._choices.items() if c.selectable}
        if not selectable:
            self.notify(t("prep.enrol.class_nobody"), severity="warning")
            return
        if selectable <= self.selected:
            self.selected -= selectable
        else:
            self.selected |= selectable
        self._redraw_marks()

    def action_choose_class(self) -> None:
        snap = self.snapshot
        options = []
        for division in divisions(snap.pupils.all()):
            count = len(
                self.selected
                & {p.id for p in snap.pupils.all() if name_key(p.division) == name_key(division)}
            )
            options.append(
                (
                    division,
                    t("prep.enrol.class_option", division=division, selected=count)
                    if count
                    else division,
                )
            )
        self.app.push_screen(ChoiceDialog(t("prep.enrol.choose_title"), options), self._set_class)

    def _set_class(self, division: str | None) -> None:
        if division:
            self.division = division
            self.refresh_data()
            table = self.query_one(DataTable)
            if table.row_count:
                table.move_cursor(row=0)

    # --- enrolling ---------------------------------------------------------------------------

    def action_enrol(self) -> None:
        if not self.selected:
            self.notify(t("prep.enrol.none_selected"), severity="warning")
            return
        ids = sorted(self.selected)
        try:
            check = check_enrolment(self.snapshot, self.session_id, ids, self.now())
        except Refused as refusal:
            self.notify(refusal.message, severity="warning")
            return
        if not check.accepted:
            message = " ".join(p.message for _, problems in check.refused for p in problems)
            self.notify(message, severity="warning", timeout=10)
            return
        if check.warnings:
            question = confirmation_text(
                check.warnings, "prep.enrol.confirm_question", count=len(check.accepted)
            )
            self.app.push_screen(
                ConfirmDialog(question, confirm_label=t("prep.enrol.confirm_label")),
                lambda ok: self._enrol(ids, confirmed=True) if ok else None,
            )
            return
        self._enrol(ids, confirmed=False)

    def _enrol(self, ids: list[str], *, confirmed: bool) -> None:
        now = self.now()
        added = self.pix.write(
            "candidate.enrol",
            lambda tx: enrol_pupils(tx, self.session_id, ids, now=now, confirmed=confirmed),
        )
        if added is None:
            return
        skipped = len(ids) - len(added)
        self.selected.clear()
        message = t("prep.enrol.done", count=len(added))
        if skipped:
            message += " " + t("prep.enrol.skipped", count=skipped)
        self.notify(message)
        self.refresh_data()

    def action_back(self) -> None:
        self.leave(self.app.pop_screen)

    def leave(self, then: Callable[[], object]) -> None:
        """Échap or F4 with pupils chosen and not enrolled: asked first (the choice would be lost)."""
        words = (
            t("prep.enrol.discard.question", count=len(self.selected)),
            t("prep.enrol.discard.confirm"),
            t("prep.enrol.discard.keep"),
        )
        discard_or_keep(self, bool(self.selected), then, words=words)
