"""Journal: the append-only audit trail, newest first (who did what, when, on which record)."""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget
from textual.widgets import DataTable, Static

from pixtui.domain.timing import format_instant
from pixtui.i18n import CATALOGUE, t
from pixtui.screens.base import PixScreen
from pixtui.widgets.tables import PlainTable

SHOWN_EVENTS = 500


def action_label(action: str) -> str:
    key = f"journal.action.{action}"
    return t(key) if key in CATALOGUE else action


def _record_label(record_type: str) -> str:
    key = f"journal.record.{record_type}"
    return t(key) if key in CATALOGUE else record_type


class JournalScreen(PixScreen):
    SECTION = "journal"
    TITLE_KEY = "nav.journal"

    def compose_body(self) -> Iterable[Widget]:
        yield Static(id="journal-summary")
        yield PlainTable(id="journal-table", cursor_type="row")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key in ("when", "who", "action", "record"):
            table.add_column(t(f"journal.col.{key}"), key=key)
        table.focus()

    def refresh_data(self) -> None:
        events = list(reversed(self.pix.store.journal_tail(SHOWN_EVENTS)))
        table = self.query_one(DataTable)
        table.clear()
        for event in events:
            table.add_row(
                format_instant(event.at, seconds=True),
                event.who,
                action_label(event.action),
                _record_label(event.record_type),
            )
        self.query_one("#journal-summary", Static).update(
            t("journal.summary", count=len(events)) if events else t("journal.none")
        )
