"""Finalisation: the sessions held, their place in the pipeline, and what to do next.

Entrée opens the wizard (a session not finalised yet) or the summary (a finalised one); the
pipeline keys record « en cours de traitement » then « résultats transmis », the handover of
the documents (A1) and, for an organiser, reopening a finalised session.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import DataTable, Static

from pixtui.domain.clock import local_today
from pixtui.domain.enums import SessionStatus
from pixtui.domain.finalisation import next_status
from pixtui.domain.labels import label
from pixtui.domain.timing import format_instant
from pixtui.formatting import format_date
from pixtui.i18n import t
from pixtui.screens.base import PixScreen
from pixtui.services.finalisation import (
    HANDOVER_ACTION,
    REOPEN_ACTION,
    STATUS_ACTION,
    apply_handover,
    apply_reopen,
    apply_status,
    handover_problems,
)
from pixtui.widgets.confirm import ConfirmDialog
from pixtui.widgets.dialogs import TextDialog
from pixtui.widgets.plain import plain
from pixtui.widgets.tables import Column, FittedRecordTable, FittedTable, selected_row_key


class FinalisationScreen(PixScreen):
    SECTION = "finalisation"
    TITLE_KEY = "nav.finalisation"

    BINDINGS = [
        Binding(
            "enter",
            "open",
            t("after.final.binding.open"),
            tooltip=t("after.final.binding.open.tip"),
            id="final-open",
        ),
        Binding(
            "s",
            "advance",
            t("after.final.binding.advance"),
            tooltip=t("after.final.binding.advance.tip"),
            id="final-advance",
        ),
        Binding(
            "d",
            "handover",
            t("after.final.binding.handover"),
            tooltip=t("after.final.binding.handover.tip"),
            id="final-handover",
        ),
        Binding(
            "o",
            "reopen",
            t("after.final.binding.reopen"),
            tooltip=t("after.final.binding.reopen.tip"),
            id="final-reopen",
        ),
    ]

    def compose_body(self) -> Iterable[Widget]:
        yield Static(t("after.final.hint"), id="finalisation-hint", classes="hint")
        yield FittedRecordTable(
            [
                Column("date", "after.final.col.date"),
                Column("room", "after.final.col.room", cut=8),
                Column("number", "after.final.col.number"),
                Column("status", "after.final.col.status"),
                Column("since", "after.final.col.since", drop=1),
                Column("handover", "after.final.col.handover", cut=10),
            ],
            id="finalisation-table",
        )
        yield Static("", id="finalisation-detail")

    def on_mount(self) -> None:
        self.query_one("#finalisation-table", DataTable).focus()

    def refresh_data(self) -> None:
        today = local_today(self.pix.clock)
        rows = []
        held = [
            s
            for s in self.snapshot.sessions.all()
            if s.date and s.date <= today and not s.rehearsal
        ]
        # the ones still to act on first, latest day first within each group
        held.sort(key=lambda s: (s.status is SessionStatus.PROCESSED, -s.date.toordinal()))
        for session in held:
            since = session.status_history[-1] if session.status_history else None
            handover = session.handover
            cells = (
                format_date(session.date),
                session.room,
                session.pix_number or "–",
                label(session.status),
                f"{format_instant(since.at, year=False)} {since.by}" if since else "–",
                t("after.final.handover_cell", to=handover.to) if handover else "–",
            )
            rows.append((session.id, cells))
        self.query_one("#finalisation-table", FittedTable).fill(rows)
        self._show_detail()
        if not held:
            self.query_one("#finalisation-detail", Static).update(t("after.final.none"))

    @on(DataTable.RowHighlighted, "#finalisation-table")
    def _highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        from pixtui.services.finalisation import status_lines

        session = self._selected(quiet=True)
        detail = self.query_one("#finalisation-detail", Static)
        if session is None:
            detail.update("")
            return
        lines = status_lines(session) or [t("after.final.no_history")]
        upcoming = next_status(session)
        if session.status is SessionStatus.CREATED:
            lines.append(t("after.final.next_wizard"))
        elif upcoming is not None:
            lines.append(t("after.final.next_step", status=label(upcoming)))
        detail.update(plain("\n".join(lines)))

    def _selected(self, quiet: bool = False):
        key = selected_row_key(self.query_one("#finalisation-table", DataTable))
        session = self.snapshot.session(key) if key else None
        if session is None and not quiet:
            self.notify(t("after.final.no_session"), severity="warning")
        return session

    @on(DataTable.RowSelected, "#finalisation-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        session = self._selected()
        if session is None:
            return
        if session.status is SessionStatus.CREATED:
            from pixtui.screens.finalisation_wizard import FinalisationWizardScreen

            self.app.push_screen(FinalisationWizardScreen(session.id))
        else:
            from pixtui.screens.finalisation_summary import FinalisationSummaryScreen

            self.app.push_screen(FinalisationSummaryScreen(session.id))

    def action_advance(self) -> None:
        session = self._selected()
        if session is None:
            return
        upcoming = next_status(session)
        if session.status is SessionStatus.CREATED:
            self.notify(t("results.status.use_finalisation"), severity="warning")
            return
        if upcoming is None:
            self.notify(t("after.final.at_end"), severity="warning")
            return
        question = t(
            "after.final.advance_question",
            number=session.pix_number or "–",
            status=label(upcoming),
        )

        def answered(ok: bool | None) -> None:
            if ok:
                self._write(STATUS_ACTION, lambda tx: apply_status(tx, session.id, upcoming))

        self.app.push_screen(ConfirmDialog(question), answered)

    def action_handover(self) -> None:
        session = self._selected()
        if session is None:
            return
        if session.status is SessionStatus.CREATED:
            self.notify(t("after.handover.not_finalised"), severity="warning")
            return

        def check(text: str) -> str | None:
            problems = handover_problems(text)
            return problems[0].message if problems else None

        def typed(to: str | None) -> None:
            if to:
                self._write(HANDOVER_ACTION, lambda tx: apply_handover(tx, session.id, to))

        self.app.push_screen(
            TextDialog(
                t("after.final.handover_title"),
                placeholder=t("after.final.handover_hint"),
                max_length=80,
                check=check,
            ),
            typed,
        )

    def action_reopen(self) -> None:
        session = self._selected()
        if session is None:
            return
        if not self.pix.is_organiser:
            self.notify(t("results.final.reopen_organiser_only"), severity="warning")
            return
        if session.status is not SessionStatus.FINALIZED:
            self.notify(
                t("results.final.reopen_not_finalised", status=label(session.status)),
                severity="warning",
            )
            return
        question = t("after.final.reopen_question", number=session.pix_number or "–")

        def answered(ok: bool | None) -> None:
            if ok:
                self._write(REOPEN_ACTION, lambda tx: apply_reopen(tx, session.id))

        self.app.push_screen(
            ConfirmDialog(
                question, confirm_label=t("after.final.reopen_confirm"), destructive=True
            ),
            answered,
        )

    def _write(self, action: str, change) -> None:
        if self.pix.write(action, change) is not None:
            self.notify(t("after.final.saved"))
