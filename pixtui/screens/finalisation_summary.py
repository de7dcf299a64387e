"""The finalisation summary in Pix Certif's order, to key in, and its export (CSV + text)."""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from pixtui.documents import DocumentError
from pixtui.domain.finalisation import Refused
from pixtui.i18n import t
from pixtui.screens.base import PixScreen
from pixtui.services.finalisation import export_summary, status_lines, summary_for
from pixtui.widgets.dialogs import TextDialog
from pixtui.widgets.plain import plain

DEFAULT_EXPORT_DIR = "~/pixtui-exports"


class FinalisationSummaryScreen(PixScreen):
    SECTION = "finalisation"
    TITLE_KEY = "after.summary.title"

    BINDINGS = [
        Binding("escape", "back", t("binding.back"), id="summary-back"),
        Binding(
            "x",
            "export",
            t("after.summary.binding.export"),
            tooltip=t("after.summary.binding.export.tip"),
            id="summary-export",
        ),
    ]

    def __init__(self, session_id: str) -> None:
        super().__init__()
        self.session_id = session_id

    def compose_body(self) -> Iterable[Widget]:
        with VerticalScroll(id="summary-scroll"):
            yield Static("", id="summary-text")

    def on_mount(self) -> None:
        self.query_one("#summary-scroll").focus()

    def refresh_data(self) -> None:
        try:
            text = summary_for(self.snapshot, self.session_id)
        except Refused as error:
            text = error.problems[0].message
        session = self.snapshot.session(self.session_id)
        if session is not None and status_lines(session):
            text += "\n\n" + t("after.summary.pipeline") + "\n"
            text += "\n".join("  " + line for line in status_lines(session))
        self.query_one("#summary-text", Static).update(plain(text))

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_export(self) -> None:
        def chosen(folder: str | None) -> None:
            if not folder:
                return
            try:
                paths = export_summary(self.pix.store, self.session_id, folder.strip())
            except (DocumentError, Refused) as error:
                message = error.problems[0].message if isinstance(error, Refused) else str(error)
                self.notify(message, severity="warning", timeout=10)
                return
            self.notify(t("after.summary.exported", count=len(paths), folder=str(paths[0].parent)))

        self.app.push_screen(
            TextDialog(
                t("after.summary.export_title"),
                value=DEFAULT_EXPORT_DIR,
                max_length=400,
                check=lambda s: None if s.strip() else t("after.summary.export_empty"),
            ),
            chosen,
        )
