"""Session: one session's preparation — details, candidates and their accommodations, the
checklist (B2-B6, D1, A1) with who and when, enrolment, and the documents' export."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import DataTable, Static

from pixtui.domain.labels import label
from pixtui.domain.names import name_key
from pixtui.domain.problems import Refused
from pixtui.domain.sessions import invigilators_needed
from pixtui.domain.timing import format_extra_time, format_instant, format_time
from pixtui.formatting import format_date
from pixtui.i18n import t
from pixtui.screens.base import PixScreen
from pixtui.services.enrolment import (
    EXTRA_TIME_PRESET,
    remove_candidate,
    set_extra_time,
)
from pixtui.services.sessions import checklist_items, toggle_checklist_item
from pixtui.widgets.confirm import ConfirmDialog
from pixtui.widgets.dialogs import TextDialog
from pixtui.widgets.tables import Column, FittedTable, selected_row_key

DEFAULT_EXPORT_DIR = "~/pixtui-exports"


class SessionScreen(PixScreen):
    SECTION = "sessions"
    TITLE_KEY = "session.title"

    DEFAULT_CSS = """
    SessionScreen #candidates-table {
        height: 1fr;
    }
    SessionScreen #checklist-table {
        height: 1fr;
        display: none;
    }
    SessionScreen.show-checklist #checklist-table {
        display: block;
    }
    SessionScreen.show-checklist #candidates-table {
        display: none;
    }
    SessionScreen #candidates-title, SessionScreen #checklist-title {
        height: 1;
        padding: 0 1;
        text-style: bold;
    }
    """

    BINDINGS = [
        Binding("escape", "back", t("binding.back"), id="session-back"),
        Binding(
            "i",
            "enrol",
            t("prep.session.binding.enrol"),
            tooltip=t("prep.session.binding.enrol.tip"),
            id="session-enrol",
        ),
        Binding(
            "t",
            "preset_extra_time",
            t("prep.session.binding.tiers"),
            tooltip=t("prep.session.binding.tiers.tip"),
            id="session-extra-time",
        ),
        Binding(
            "a",
            "accommodations",
            t("prep.session.binding.accommodations"),
            tooltip=t("prep.session.binding.accommodations.tip"),
            id="session-accommodations",
        ),
        Binding(
            "r",
            "remove",
            t("prep.session.binding.remove"),
            tooltip=t("prep.session.binding.remove.tip"),
            id="session-remove",
            show=False,  # rarer, and 80 columns are full: listed in F1 Aide
        ),
        Binding(
            "x",
            "export",
            t("prep.session.binding.export"),
            tooltip=t("prep.session.binding.export.tip"),
            id="session-export",
        ),
        Binding(
            "m",
            "edit",
            t("prep.session.binding.edit"),
            tooltip=t("prep.session.binding.edit.tip"),
            id="session-edit",
            show=False,
        ),
        Binding(
            "c",
            "checklist",
            t("prep.session.binding.checklist"),
            tooltip=t("prep.session.binding.checklist.tip"),
            id="session-checklist",
        ),
        Binding("f5", "open_room", t("session.binding.room"), id="session-room", show=False),
    ]

    def __init__(self, session_id: str) -> None:
        super().__init__()
        self.session_id = session_id

    def compose_body(self) -> Iterable[Widget]:
        yield Static(id="session-details")
        yield Static(id="candidates-title")
        yield FittedTable(
            [
                Column("last_name", "session.col.last_name", cut=10, anchor=True),
                Column("first_name", "session.col.first_name", cut=8, anchor=True),
                Column("division", "session.col.division"),
                Column("birthdate", "session.col.birthdate", drop=1),
                Column("extra_time", "session.col.extra_time"),
                Column("notes", "session.col.notes", cut=12),
            ],
            id="candidates-table",
        )
        yield FittedTable(
            [
                Column("done", "prep.session.checklist.col.done"),
                Column("step", "prep.session.checklist.col.step", cut=24),
                Column("by", "prep.session.checklist.col.by", cut=10),
            ],
            id="checklist-table",
        )
        yield Static(t("prep.session.checklist_title"), id="checklist-title")

    def on_mount(self) -> None:
        table = self.query_one("#candidates-table", DataTable)
        table.focus()

    def title_text(self) -> str:
        session = self.snapshot.session(self.session_id)
        return t("session.title_with_room", room=session.room) if session else t(self.TITLE_KEY)

    def refresh_data(self) -> None:
        snap = self.snapshot
        session = snap.session(self.session_id)
        if session is None:
            self.query_one("#session-details", Static).update(t("session.gone"))
            self.query_one("#candidates-table", FittedTable).fill([])
            self.query_one("#checklist-table", FittedTable).fill([])
            return
        candidates = [c for c in snap.candidates_of([session.id]) if not c.removed]
        candidates.sort(key=lambda c: (name_key(c.last_name), name_key(c.first_name)))
        needed = invigilators_needed(len(candidates), snap.school.pupils_per_invigilator)
        details = Text()
        details.append(
            t(
                "session.details",
                number=session.pix_number or "–",
                site=session.site,
                room=session.room,
                date=format_date(session.date),
                time=format_time(session.start_time),
                status=label(session.status),
            ),
            style="bold",
        )
        details.append(
            "\n"
            + t(
                "prep.session.examiners",
                names=", ".join(session.examiners) or "–",
                count=len(session.examiners),
                needed=needed,
            )
        )
        if len(session.examiners) < needed:
            details.append(" " + t("prep.session.examiners_short"), style="bold yellow")
        self.query_one("#session-details", Static).update(details)
        extra = sum(1 for c in candidates if c.extra_time_ratio)
        self.query_one("#candidates-title", Static).update(
            t("prep.session.candidates_title", count=len(candidates), extra=extra)
        )
        rows = []
        for candidate in candidates:
            # Accommodations only: the enrolment note (why an override) is not one.
            notes = [n for n in (candidate.aid_note, candidate.language_note) if n]
            if candidate.accessibility_adjustment:
                notes.insert(0, t("session.accessibility"))
            cells = (
                candidate.last_name,
                candidate.first_name,
                candidate.division,
                format_date(candidate.birthdate),
                format_extra_time(candidate.extra_time_ratio) if candidate.extra_time_ratio else "",
                " · ".join(notes),
            )
            rows.append((candidate.id, cells))
        self.query_one("#candidates-table", FittedTable).fill(rows)
        self._fill_checklist(session)

    def _fill_checklist(self, session) -> None:
        rows = []
        items = checklist_items(session)
        for item in items:
            who = ""
            if item.done and item.by and item.at:
                who = t(
                    "prep.session.checklist.by",
                    by=item.by,
                    at=format_instant(item.at, year=False),
                )
            rows.append(
                (item.key, (Text("[x]" if item.done else "[ ]"), t("checklist." + item.key), who))
            )
        self.query_one("#checklist-table", FittedTable).fill(rows)
        done = sum(item.done for item in items)
        key = (
            "prep.session.checklist_back"
            if self.has_class("show-checklist")
            else ("prep.session.checklist_title_count")
        )
        self.query_one("#checklist-title", Static).update(t(key, done=done, total=len(items)))

    # --- the checklist -----------------------------------------------------------------------

    def action_checklist(self) -> None:
        self.toggle_class("show-checklist")
        self.refresh_bindings()
        target = "#checklist-table" if self.has_class("show-checklist") else "#candidates-table"
        self.query_one(target, DataTable).focus()
        session = self.snapshot.session(self.session_id)
        if session is not None:
            self._fill_checklist(session)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The candidate keys act on the candidates' list: dimmed while the checklist is shown.
        if action in {"preset_extra_time", "accommodations", "remove"}:
            return None if self.has_class("show-checklist") else True
        return True

    @on(DataTable.RowSelected, "#checklist-table")
    def _toggle_item(self, event: DataTable.RowSelected) -> None:
        event.stop()
        key = event.row_key.value
        if key is None:
            return
        done = self.pix.write(
            "session.checklist", lambda tx: toggle_checklist_item(tx, self.session_id, key)
        )
        if done is not None:
            state = t("prep.session.checklist.done" if done else "prep.session.checklist.undone")
            self.notify(
                t("prep.session.checklist.toggled", step=t("checklist." + key), state=state)
            )

    def on_key(self, event) -> None:
        # Espace coche aussi, comme dans la liste d'inscription.
        if event.key == "space" and self.focused is self.query_one("#checklist-table", DataTable):
            event.stop()
            self.query_one("#checklist-table", DataTable).action_select_cursor()

    # --- candidates --------------------------------------------------------------------------

    def _refuse_if_finalised(self) -> bool:
        """A finalised session is read-only (rule 8): say so instead of opening a form."""
        from pixtui.domain.finalisation import edit_problems

        session = self.snapshot.session(self.session_id)
        problems = edit_problems(session) if session is not None else []
        if problems:
            self.notify(problems[0].message, severity="warning", timeout=8)
        return bool(problems)

    def _candidate_id(self) -> str | None:
        table = self.query_one("#candidates-table", DataTable)
        key = selected_row_key(table)
        if key is None:
            self.notify(t("prep.session.no_candidate"), severity="warning")
        return key

    @on(DataTable.RowSelected, "#candidates-table")
    def _open_candidate(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_accommodations()

    def action_enrol(self) -> None:
        if self._refuse_if_finalised():
            return
        from pixtui.screens.enrolment import EnrolmentScreen

        self.app.push_screen(EnrolmentScreen(self.session_id))

    def action_preset_extra_time(self) -> None:
        """T sets the third of time (33 %): a state, never a toggle. Removing or changing it is
        A's form. After the start, the change is confirmed with the old and new end."""
        if self._refuse_if_finalised():
            return
        key = self._candidate_id()
        candidate = self.snapshot.candidates.get(key) if key else None
        if key is None or candidate is None:
            return
        if candidate.extra_time_ratio == EXTRA_TIME_PRESET:
            name = f"{candidate.first_name} {candidate.last_name}"
            value = format_extra_time(EXTRA_TIME_PRESET)
            self.notify(t("room.extra_time.already", name=name, value=value))
            return
        self._set_extra_time(key, EXTRA_TIME_PRESET, confirmed=False)

    def _set_extra_time(self, key: str, ratio: float, *, confirmed: bool) -> None:
        def refused(refusal: Refused) -> None:
            if not refusal.needs_confirmation:
                self.notify(refusal.message, severity="warning")
                return

            def answered(yes: bool | None) -> None:
                if yes:
                    self._set_extra_time(key, ratio, confirmed=True)

            self.app.push_screen(
                ConfirmDialog(refusal.message, confirm_label=t("room.extra_time.confirm")),
                answered,
            )

        saved = self.pix.write(
            "candidate.extra_time",
            lambda tx: set_extra_time(tx, key, ratio, confirmed=confirmed),
            on_refused=refused,
        )
        if saved is not None:
            name = f"{saved.first_name} {saved.last_name}"
            value = format_extra_time(ratio) or t("prep.session.no_extra_time")
            self.notify(t("prep.session.extra_time_set", name=name, value=value))

    def action_accommodations(self) -> None:
        if self._refuse_if_finalised():
            return
        key = self._candidate_id()
        if key is None:
            return
        from pixtui.screens.accommodations import AccommodationsDialog

        self.app.push_screen(AccommodationsDialog(key))

    def action_remove(self) -> None:
        if self._refuse_if_finalised():
            return
        key = self._candidate_id()
        candidate = self.snapshot.candidates.get(key) if key else None
        if candidate is None:
            return
        name = f"{candidate.first_name} {candidate.last_name}"
        self.app.push_screen(
            ConfirmDialog(
                t("prep.session.remove_question", name=name),
                confirm_label=t("prep.session.remove_confirm"),
                destructive=True,
            ),
            lambda ok: self._remove(candidate.id, name) if ok else None,
        )

    def _remove(self, candidate_id: str, name: str) -> None:
        now = self.now()
        done = self.pix.write(
            "candidate.remove", lambda tx: remove_candidate(tx, candidate_id, now=now)
        )
        if done is not None:
            self.notify(t("prep.session.removed", name=name))

    # --- session -----------------------------------------------------------------------------

    def action_edit(self) -> None:
        if self._refuse_if_finalised():
            return
        from pixtui.screens.session_form import SessionFormScreen

        self.app.push_screen(SessionFormScreen(self.session_id))

    def action_export(self) -> None:
        self.app.push_screen(
            TextDialog(
                t("prep.session.export_title"),
                value=DEFAULT_EXPORT_DIR,
                placeholder=DEFAULT_EXPORT_DIR,
                max_length=400,
                check=lambda text: None if text.strip() else t("prep.session.export_empty"),
            ),
            self._export,
        )

    def _export(self, folder: str | None) -> None:
        if not folder:
            return
        from pixtui.documents.errors import DocumentError
        from pixtui.services.exports import export_session
        from pixtui.store import StoreError

        try:
            paths = export_session(
                self.pix.store,
                self.session_id,
                Path(folder.strip()).expanduser(),
                clock=self.pix.clock,
            )
        except (DocumentError, StoreError) as error:  # both carry one French sentence
            message = str(error)
            self.notify(
                t("prep.session.export_failed", reason=message), severity="error", timeout=15
            )
            return
        names = "\n".join(str(p) for p in paths)
        self.notify(t("prep.session.exported", count=len(paths), paths=names), timeout=15)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_open_room(self) -> None:
        self.pix.open_room(self.session_id)
