"""Sessions: every certification session of the school, today's first; create, edit, delete."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import DataTable, Static

from pixtui.domain.clock import local_today
from pixtui.domain.labels import label
from pixtui.domain.models import Session
from pixtui.domain.problems import errors, warnings
from pixtui.domain.sessions import invigilators_needed
from pixtui.domain.timing import format_time
from pixtui.formatting import format_date
from pixtui.i18n import t
from pixtui.screens.base import PixScreen
from pixtui.services.sessions import (
    confirmation_text,
    delete_session,
    deletion_problems,
)
from pixtui.widgets.confirm import ConfirmDialog
from pixtui.widgets.tables import (
    Column,
    FittedRecordTable,
    FittedTable,
    keep_cursor,
    selected_row_key,
)

# At 80 columns: when, where, the Pix number, how many, the status (a rehearsal says so) and
# the preparation; the site and the invigilators come back from 100 columns.
COLUMNS = (
    Column("date", "sessions.col.date"),
    Column("time", "sessions.col.time"),
    Column("room", "sessions.col.room", cut=12),
    Column("site", "sessions.col.site", drop=2, cut=8),
    Column("number", "sessions.col.number"),
    Column("enrolled", "sessions.col.enrolled"),
    Column("examiners", "sessions.col.examiners", drop=1),
    Column("status", "sessions.col.status"),
    Column("checklist", "sessions.col.checklist"),
)


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

    BINDINGS = [
        Binding(
            "n",
            "new_session",
            t("prep.sessions.binding.new"),
            tooltip=t("prep.sessions.binding.new.tip"),
            id="sessions-new",
        ),
        Binding(
            "m",
            "edit_session",
            t("prep.sessions.binding.edit"),
            tooltip=t("prep.sessions.binding.edit.tip"),
            id="sessions-edit",
        ),
        Binding(
            "s",
            "delete_session",
            t("prep.sessions.binding.delete"),
            tooltip=t("prep.sessions.binding.delete.tip"),
            id="sessions-delete",
        ),
        Binding(
            "p",
            "plan_campaign",
            t("sessions.binding.plan"),
            tooltip=t("sessions.binding.plan.tip"),
            id="sessions-plan",
        ),
    ]

    def compose_body(self) -> Iterable[Widget]:
        yield Static(id="sessions-summary")
        yield FittedRecordTable(COLUMNS, id="sessions-table")

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()

    def refresh_data(self) -> None:
        snap = self.snapshot
        today = local_today(self.pix.clock)
        rows = []
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
            needed = invigilators_needed(count, per)
            examiners = f"{len(session.examiners)}/{needed}"
            if len(session.examiners) < needed:
                examiners += " !"  # rule 3: fewer names than needed
            cells = (
                format_date(session.date),
                format_time(session.start_time),
                session.room,
                session.site,
                session.pix_number or "–",
                str(count),
                examiners,
                status,
                f"{done}/{len(session.checklist)}" if session.checklist else "–",
            )
            rows.append((session.id, cells))
        self.query_one(FittedTable).fill(rows)
        self.query_one("#sessions-summary", Static).update(
            t("sessions.summary", count=len(sessions)) if sessions else t("prep.sessions.none")
        )

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_session()

    def _selected(self) -> str | None:
        return selected_row_key(self.query_one(DataTable))

    def action_open_session(self) -> None:
        key = self._selected()
        if key:
            from pixtui.screens.session import SessionScreen

            self.app.push_screen(SessionScreen(key))

    def action_plan_campaign(self) -> None:
        from pixtui.screens.planner import PlannerScreen

        self.app.push_screen(PlannerScreen())

    def action_new_session(self) -> None:
        from pixtui.screens.session_form import SessionFormScreen

        def created(session_id: str | None) -> None:
            if session_id:
                self.refresh_data()
                keep_cursor(self.query_one(DataTable), session_id)

        self.app.push_screen(SessionFormScreen(None), created)

    def action_edit_session(self) -> None:
        key = self._selected()
        if not key:
            self.notify(t("prep.sessions.none_selected"), severity="warning")
            return
        from pixtui.screens.session_form import SessionFormScreen

        self.app.push_screen(SessionFormScreen(key))

    def action_delete_session(self) -> None:
        key = self._selected()
        session = self.snapshot.session(key) if key else None
        if session is None:
            self.notify(t("prep.sessions.none_selected"), severity="warning")
            return
        found = deletion_problems(self.snapshot, session.id)
        if errors(found):
            self.notify(" ".join(p.message for p in errors(found)), severity="warning", timeout=10)
            return
        name = t(
            "prep.sessions.name",
            room=session.room,
            date=format_date(session.date),
            time=format_time(session.start_time),
        )
        question = confirmation_text(warnings(found), "prep.sessions.delete_question", name=name)
        self.app.push_screen(
            ConfirmDialog(
                question.strip(), confirm_label=t("prep.sessions.delete_confirm"), destructive=True
            ),
            lambda ok: self._delete(session.id) if ok else None,
        )

    def _delete(self, session_id: str) -> None:
        done = self.pix.write(
            "session.delete", lambda tx: delete_session(tx, session_id, confirmed=True)
        )
        if done is not None:
            self.notify(t("prep.sessions.deleted", room=done.room))
