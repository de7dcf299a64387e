"""Sessions: every certification session of the school, today's first."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from textual.widget import Widget
from textual.widgets import DataTable, Static

from pixtui.domain.clock import local_today
from pixtui.domain.labels import label
from pixtui.domain.models import Session
from pixtui.domain.sessions import invigilators_needed
from pixtui.formatting import format_date
from pixtui.i18n import t
from pixtui.screens.base import PixScreen
from pixtui.widgets.tables import RecordTable, keep_cursor, selected_row_key

COLUMNS = ("date", "time", "room", "site", "number", "enrolled", "examiners", "status", "checklist")


def session_order(today: date):
    """Today's sessions first, then the coming ones, then the past ones (latest first)."""

    def key(session: Session) -> tuple:
        day = session.date or date.min
        hour = session.start_time.isoformat() if session.start_time else ""
        if day == today:
            return (0, 0, hour)
        if day > today:
            return (1, day.toordinal(), hour)
        return (2, -day.toordinal(), hour)

    return key


class SessionsScreen(PixScreen):
    SECTION = "sessions"
    TITLE_KEY = "nav.sessions"

    def compose_body(self) -> Iterable[Widget]:
        yield Static(id="sessions-summary")
        yield RecordTable(id="sessions-table")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key in COLUMNS:
            table.add_column(t(f"sessions.col.{key}"), key=key)
        super().on_mount()
        table.focus()

    def refresh_data(self) -> None:
        snap = self.snapshot
        today = local_today(self.pix.clock)
        table = self.query_one(DataTable)
        keep = selected_row_key(table)
        table.clear()
        enrolled: dict[str, int] = {}
        for candidate in snap.candidates.all():
            if not candidate.removed:
                enrolled[candidate.session_id] = enrolled.get(candidate.session_id, 0) + 1
        sessions = sorted(snap.sessions.all(), key=session_order(today))
        per = snap.school.pupils_per_invigilator
        for session in sessions:
            count = enrolled.get(session.id, 0)
            done = sum(item.done for item in session.checklist)
            status = label(session.status)
            if session.rehearsal:
                status = t("sessions.rehearsal", status=status)
            table.add_row(
                format_date(session.date),
                session.start_time.strftime("%H:%M") if session.start_time else "",
                session.room,
                session.site,
                session.pix_number or "–",
                str(count),
                f"{len(session.examiners)}/{invigilators_needed(count, per)}",
                status,
                f"{done}/{len(session.checklist)}" if session.checklist else "–",
                key=session.id,
            )
        self.query_one("#sessions-summary", Static).update(
            t("sessions.summary", count=len(sessions)) if sessions else t("sessions.none")
        )
        keep_cursor(table, keep)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_session()

    def action_open_session(self) -> None:
        key = selected_row_key(self.query_one(DataTable))
        if key:
            from pixtui.screens.session import SessionScreen

            self.app.push_screen(SessionScreen(key))
