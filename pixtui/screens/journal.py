"""Journal: the append-only audit trail, newest first (who did what, when, on which record).

Each row names the pupil, the session's Pix number and the E/C code the change added
(:func:`pixtui.services.journal.describe`), so one can tell from the screen who ended whose test.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget
from textual.widgets import Static

from pixtui.domain.timing import format_instant
from pixtui.i18n import t
from pixtui.screens.base import PixScreen
from pixtui.services.journal import action_label, describe
from pixtui.widgets.tables import Column, FittedTable

SHOWN_EVENTS = 500

# At 80 columns every column stays: who, what and whom are cut with « … », the instant, the
# session's number and the code never; they widen with the terminal.
COLUMNS = (
    Column("when", "journal.col.when"),
    Column("who", "journal.col.who", cut=8),
    Column("action", "journal.col.action", cut=14),
    Column("pupil", "journal.col.pupil", cut=14),
    Column("session", "journal.col.session"),
    Column("code", "journal.col.code"),
)


class JournalScreen(PixScreen):
    SECTION = "journal"
    TITLE_KEY = "nav.journal"

    def compose_body(self) -> Iterable[Widget]:
        yield Static(id="journal-summary")
        yield FittedTable(COLUMNS, id="journal-table")

    def on_mount(self) -> None:
        self.query_one(FittedTable).focus()

    def refresh_data(self) -> None:
        events = list(reversed(self.pix.store.journal_tail(SHOWN_EVENTS)))
        snapshot = self.snapshot
        rows = []
        for index, event in enumerate(events):
            subject = describe(event, snapshot)
            cells = (
                format_instant(event.at, year=False, seconds=True),
                event.who,
                action_label(event.action),
                subject.pupil,
                subject.session,
                subject.code,
            )
            rows.append((str(len(events) - index), cells))  # stays as new lines come on top
        self.query_one(FittedTable).fill(rows)
        self.query_one("#journal-summary", Static).update(
            t("journal.summary", count=len(events)) if events else t("journal.none")
        )
