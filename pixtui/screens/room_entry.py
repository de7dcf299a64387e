"""Salle, first step: choose one of today's sessions and type its invigilator password."""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget
from textual.widgets import DataTable, Static

from pixtui.domain.clock import local_today
from pixtui.domain.labels import label
from pixtui.domain.timing import format_time
from pixtui.i18n import t
from pixtui.screens.base import PixScreen
from pixtui.services import room_access
from pixtui.widgets.password_dialog import PasswordDialog
from pixtui.widgets.tables import Column, FittedRecordTable, FittedTable, selected_row_key


class RoomEntryScreen(PixScreen):
    SECTION = "salle"
    TITLE_KEY = "nav.room"

    def compose_body(self) -> Iterable[Widget]:
        yield Static(t("room.entry.intro"), id="room-entry-intro")
        yield Static(t("room.entry.none"), id="room-entry-none")
        yield FittedRecordTable(
            [
                Column("time", "room.entry.col.time"),
                Column("room", "room.entry.col.room", cut=8),
                Column("number", "room.entry.col.number"),
                Column("examiners", "room.entry.col.examiners", drop=1, cut=12),
                Column("status", "room.entry.col.status"),
            ],
            id="room-sessions",
        )

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.focus()
        if self.pix.room_number:
            self.call_after_refresh(self._enter_by_number, self.pix.room_number)

    def refresh_data(self) -> None:
        today = local_today(self.pix.clock)
        table = self.query_one(FittedTable)
        rows: list[tuple[str, tuple[str, ...]]] = []
        sessions = self.snapshot.sessions_where(lambda day, _status: day == today)
        for session in sorted(sessions, key=lambda s: (s.start_time is None, s.start_time)):
            status = t("home.today.rehearsal") if session.rehearsal else label(session.status)
            cells = (
                format_time(session.start_time),
                session.room,
                session.pix_number or "–",
                ", ".join(session.examiners),
                status,
            )
            rows.append((session.id, cells))
        table.fill(rows)
        table.display = bool(sessions)
        self.query_one("#room-entry-none", Static).display = not sessions

    def _enter_by_number(self, number: str) -> None:
        self.pix.room_number = None
        for session in self.snapshot.sessions.all():
            if session.pix_number == number.strip():
                self.ask_password(session.id)
                return
        self.notify(t("room.entry.unknown_number", number=number), severity="error")

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_enter_room()

    def action_enter_room(self) -> None:
        key = selected_row_key(self.query_one(DataTable))
        if key:
            self.ask_password(key)

    def ask_password(self, session_id: str, error: str = "") -> None:
        session = self.snapshot.session(session_id)
        if session is None:
            return
        wait = room_access.check_wait(self.snapshot.password_failure(session_id), self.now())
        if wait:
            self.notify(t("room.password.wait", seconds=wait), severity="warning")
            return
        prompt = t("room.password.prompt", number=session.pix_number or "–", room=session.room)
        if session.rehearsal:
            # Training: the newcomer who ran « pixtui demo --open » never saw the printed password.
            prompt += "\n" + t(
                "room.password.rehearsal_hint", password=session.invigilator_password
            )

        def answered(typed: str | None) -> None:
            if typed is None:
                return
            matches = room_access.password_matches(session, typed)
            action = room_access.OK_ACTION if matches else room_access.FAILED_ACTION
            decision = self.pix.write(action, lambda tx: room_access.attempt(tx, session, typed))
            if decision is None:
                return
            if decision.granted:
                self.pix.show_room(session_id)
            elif decision.wait_seconds:
                self.notify(
                    t("room.password.wait", seconds=decision.wait_seconds), severity="warning"
                )
            else:
                self.ask_password(session_id, error=t("room.password.wrong"))

        self.app.push_screen(PasswordDialog(prompt, error), answered)
