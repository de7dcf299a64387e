"""Finalisation: the sessions held and waiting to be finalised in Pix Certif.

The finalisation wizard itself is the "after the session" work (issue 6); until it lands this
screen lists what is waiting, and says so plainly.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget
from textual.widgets import DataTable, Static

from pixtui.domain.clock import local_today
from pixtui.domain.labels import label
from pixtui.formatting import format_date
from pixtui.i18n import t
from pixtui.screens.base import PixScreen


class FinalisationScreen(PixScreen):
    SECTION = "finalisation"
    TITLE_KEY = "nav.finalisation"

    def compose_body(self) -> Iterable[Widget]:
        yield Static(t("finalisation.coming"), id="finalisation-coming", classes="notice")
        yield DataTable(id="finalisation-table", cursor_type="row")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key in ("date", "time", "room", "number", "status"):
            table.add_column(t(f"sessions.col.{key}"), key=key)

    def refresh_data(self) -> None:
        today = local_today(self.pix.clock)
        table = self.query_one(DataTable)
        table.clear()
        held = [
            s
            for s in self.snapshot.sessions.all()
            if s.date and s.date <= today and not s.rehearsal
        ]
        for session in sorted(held, key=lambda s: (s.date, s.start_time)):
            table.add_row(
                format_date(session.date),
                session.start_time.strftime("%H:%M") if session.start_time else "",
                session.room,
                session.pix_number or "–",
                label(session.status),
                key=session.id,
            )
