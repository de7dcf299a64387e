"""Coordination: every room of the day at once, live (SPEC §5.3)."""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget
from textual.widgets import DataTable, Static

from pixtui.domain.clock import local_today
from pixtui.domain.room import room_counters
from pixtui.domain.timing import format_clock, format_time, latest_deadline
from pixtui.i18n import t
from pixtui.screens.base import PixScreen
from pixtui.widgets.tables import Column, FittedRecordTable, FittedTable, selected_row_key

COLUMNS = (
    "time",
    "room",
    "number",
    "examiners",
    "enrolled",
    "present",
    "started",
    "finished",
    "alerts",
    "last_end",
)
# At 80 columns the counts and the last end decide what to do; the number and the
# invigilators come back from 100 columns.
FIT: dict[str, dict[str, int]] = {
    "room": {"cut": 8},
    "number": {"drop": 2},
    "examiners": {"drop": 1, "cut": 12},
}


class CoordinationScreen(PixScreen):
    SECTION = "coordination"
    TITLE_KEY = "nav.coordination"

    def compose_body(self) -> Iterable[Widget]:
        yield Static(id="coordination-summary")
        yield FittedRecordTable(
            [Column(key, f"coordination.col.{key}", **FIT.get(key, {})) for key in COLUMNS],
            id="rooms-table",
        )

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()

    def refresh_data(self) -> None:
        snap = self.snapshot
        today = local_today(self.pix.clock)
        sessions = sorted(
            snap.sessions_where(lambda day, _status: day == today),
            key=lambda s: (s.start_time is None, s.start_time, s.room),
        )
        table = self.query_one(FittedTable)
        rows = []
        total_alerts = 0
        for session in sessions:
            candidates = [c for c in snap.candidates_of([session.id]) if not c.removed]
            counters = room_counters(candidates)
            total_alerts += counters.alerts
            last = latest_deadline(candidates, snap.school.test_minutes)
            cells = (
                format_time(session.start_time),
                session.room,
                session.pix_number or "–",
                ", ".join(session.examiners),
                str(counters.enrolled),
                str(counters.present),
                str(counters.in_progress),
                str(counters.finished),
                f"! {counters.alerts}" if counters.alerts else "0",
                format_clock(last) if last else "–",
            )
            rows.append((session.id, cells))
        table.fill(rows)
        summary = (
            t(
                "coordination.summary",
                rooms=len(sessions),
                alerts=total_alerts,
            )
            if sessions
            else t("coordination.none")
        )
        self.query_one("#coordination-summary", Static).update(summary)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_room()

    def action_open_room(self) -> None:
        """Organisers watch a room read-only without its password; others type it (SPEC §5.3)."""
        key = selected_row_key(self.query_one(DataTable))
        if not key:
            return
        if self.pix.is_organiser:
            self.pix.show_room(key, read_only=True)
        else:
            self.pix.open_room(key)
