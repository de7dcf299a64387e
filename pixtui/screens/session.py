"""Session: one session's preparation (details, candidates, checklist).

Creating, editing and enrolling are the "before the session" work (issue 3); this screen shows
what the store holds for the session.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import DataTable, Static

from pixtui.domain.labels import label
from pixtui.domain.names import name_key
from pixtui.domain.timing import format_extra_time
from pixtui.formatting import format_date
from pixtui.i18n import t
from pixtui.screens.base import PixScreen


class SessionScreen(PixScreen):
    SECTION = "sessions"
    TITLE_KEY = "session.title"

    BINDINGS = [
        Binding("escape", "back", t("binding.back"), id="session-back"),
        Binding("f5", "open_room", t("session.binding.room"), id="session-room"),
    ]

    def __init__(self, session_id: str) -> None:
        super().__init__()
        self.session_id = session_id

    def compose_body(self) -> Iterable[Widget]:
        yield Static(id="session-details")
        yield DataTable(id="candidates-table", cursor_type="row")
        yield Static(id="session-checklist")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key in ("last_name", "first_name", "division", "birthdate", "extra_time", "notes"):
            table.add_column(t(f"session.col.{key}"), key=key)
        super().on_mount()
        table.focus()

    def title_text(self) -> str:
        session = self.snapshot.sessions.get(self.session_id)
        return t("session.title_with_room", room=session.room) if session else t(self.TITLE_KEY)

    def refresh_data(self) -> None:
        snap = self.snapshot
        session = snap.sessions.get(self.session_id)
        if session is None:
            self.query_one("#session-details", Static).update(t("session.gone"))
            return
        details = Text()
        details.append(
            t(
                "session.details",
                number=session.pix_number or "–",
                site=session.site,
                room=session.room,
                date=format_date(session.date),
                time=session.start_time.strftime("%H:%M") if session.start_time else "",
                status=label(session.status),
            ),
            style="bold",
        )
        details.append("\n" + t("session.examiners", names=", ".join(session.examiners) or "–"))
        self.query_one("#session-details", Static).update(details)
        table = self.query_one(DataTable)
        table.clear()
        candidates = [c for c in snap.candidates.where(session_id=session.id) if not c.removed]
        candidates.sort(key=lambda c: (name_key(c.last_name), name_key(c.first_name)))
        for candidate in candidates:
            notes = [n for n in (candidate.aid_note, candidate.language_note) if n]
            if candidate.accessibility_adjustment:
                notes.insert(0, t("session.accessibility"))
            table.add_row(
                candidate.last_name,
                candidate.first_name,
                candidate.division,
                format_date(candidate.birthdate),
                format_extra_time(candidate.extra_time_ratio) if candidate.extra_time_ratio else "",
                " · ".join(notes),
                key=candidate.id,
            )
        checklist = Text(
            t(
                "session.checklist",
                done=sum(i.done for i in session.checklist),
                total=len(session.checklist),
            )
        )
        for item in session.checklist:
            mark = "[x]" if item.done else "[ ]"
            checklist.append(f"\n{mark} {t('checklist.' + item.key)}")
        self.query_one("#session-checklist", Static).update(checklist)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_open_room(self) -> None:
        self.pix.open_room(self.session_id)
