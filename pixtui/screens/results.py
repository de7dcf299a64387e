"""Résultats: the whole school's certification results, classes compared, charts, R3.

``i`` imports Pix Orga's per-class files (several at once); nothing is written before the
person has read what was found and accepted it, then everything goes in one transaction.
Entrée on a class opens it; ``p`` opens the results of one session.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable
from pathlib import Path

from textual import on
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import DataTable, Static

from pixtui.domain.results import compare_classes, r3_explanation, summarise
from pixtui.domain.timing import format_date
from pixtui.i18n import t
from pixtui.screens.base import PixScreen
from pixtui.screens.results_class import (
    PAGE_BINDINGS,
    ResultsGroupScreen,
    chart_widgets,
    competence_label,
    counts_line,
    scroll_page,
    update_charts,
)
from pixtui.services.results import (
    IMPORT_ACTION,
    ResultsPreview,
    apply_results,
    describe_preview,
    prepare_results,
)
from pixtui.widgets.confirm import ConfirmDialog
from pixtui.widgets.dialogs import ChoiceDialog, TextDialog
from pixtui.widgets.tables import Column, FittedRecordTable, FittedTable, selected_row_key

# At 80 columns the class and its strong and weak competences (names cut with « … ») stay;
# the gap to the school, then the mean, then the rate come back from wider terminals.
COLUMNS = (
    Column("division", "after.results.col.division"),
    Column("count", "after.results.col.count"),
    Column("validated", "after.results.col.validated"),
    Column("rate", "after.results.col.rate", drop=1),
    Column("mean", "after.results.col.mean", drop=2),
    Column("delta", "after.results.col.delta", drop=3),
    Column("strongest", "after.results.col.strongest", cut=14),
    Column("weakest", "after.results.col.weakest", cut=14),
)


def _fmt(value: float | None, signed: bool = False) -> str:
    if value is None:
        return "–"
    return f"{value:+.0f}" if signed else f"{value:.0f}"


class ResultsScreen(PixScreen):
    SECTION = "resultats"
    TITLE_KEY = "nav.results"

    BINDINGS = [
        Binding(
            "i",
            "import",
            t("after.results.binding.import"),
            tooltip=t("after.results.binding.import.tip"),
            id="results-import",
        ),
        Binding(
            "enter",
            "open_class",
            t("after.results.binding.class"),
            tooltip=t("after.results.binding.class.tip"),
            id="results-class",
        ),
        Binding(
            "p",
            "open_session",
            t("after.results.binding.session"),
            tooltip=t("after.results.binding.session.tip"),
            id="results-session",
        ),
        *PAGE_BINDINGS,
    ]

    def compose_body(self) -> Iterable[Widget]:
        with VerticalScroll(id="results-scroll"):
            yield Static("", id="results-counts")
            yield FittedRecordTable(COLUMNS, id="results-table")
            yield from chart_widgets(summarise("", []), "school")
            yield Static(r3_explanation(), id="results-r3", classes="hint")

    def on_mount(self) -> None:
        table = self.query_one("#results-table", DataTable)
        # inside a scrolling column a table must size to its rows, or it shows none
        table.styles.height = "auto"
        table.styles.max_height = 14
        table.focus()

    def refresh_data(self) -> None:
        results = self.snapshot.results.all()
        summary = summarise(t("after.results.school"), results)
        counts = self.query_one("#results-counts", Static)
        counts.update(counts_line(summary) if results else t("after.results.none"))
        update_charts(self, summary, "school")
        rows = []
        for row in compare_classes(results):
            rate = f"{row.validated_rate * 100:.0f} %" if row.validated_rate is not None else "–"
            cells = (
                row.division,
                str(row.certifications),
                str(row.validated),
                rate,
                _fmt(row.mean_score),
                _fmt(row.delta_to_school, signed=True),
                competence_label(row.strongest),
                competence_label(row.weakest),
            )
            rows.append((row.division, cells))
        self.query_one("#results-table", FittedTable).fill(rows)

    @on(DataTable.RowSelected, "#results-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_class()

    def action_open_class(self) -> None:
        key = selected_row_key(self.query_one("#results-table", DataTable))
        if key is None:
            self.notify(t("after.results.no_class"), severity="warning")
            return
        self.app.push_screen(ResultsGroupScreen("class", key))

    def action_results_page(self, direction: int) -> None:
        scroll_page(self, "results-scroll", direction)

    def action_open_session(self) -> None:
        sessions = [s for s in self.snapshot.sessions.all() if s.pix_number and not s.rehearsal]
        if not sessions:
            self.notify(t("after.results.no_session"), severity="warning")
            return
        sessions.sort(key=lambda s: s.date.toordinal() if s.date else 0)
        options = [
            (s.id, f"{s.pix_number} · {format_date(s.date)} · {s.room}" if s.date else s.pix_number)
            for s in sessions
        ]
        self.app.push_screen(
            ChoiceDialog(t("after.results.session_title"), options),
            lambda key: self.app.push_screen(ResultsGroupScreen("session", key)) if key else None,
        )

    # --- import ------------------------------------------------------------------------------

    def action_import(self) -> None:
        def check(text: str) -> str | None:
            try:
                names = shlex.split(text)
            except ValueError:
                return t("after.import.bad_list")
            if not names:
                return t("after.import.no_file")
            missing = [n for n in names if not Path(n).expanduser().is_file()]
            if missing:
                return t("after.import.missing", name=missing[0])
            return None

        self.app.push_screen(
            TextDialog(
                t("after.import.files_title"), placeholder=t("after.import.files_hint"), check=check
            ),
            lambda text: self._prepare(shlex.split(text)) if text else None,
        )

    def _prepare(self, names: list[str], division: str | None = None) -> None:
        paths = [Path(n).expanduser() for n in names]
        preview = prepare_results(paths, self.snapshot.pupils.all(), division=division)
        if preview.unreadable:
            self.notify("\n".join(describe_preview(preview)), severity="warning", timeout=12)
            return
        if not preview.results:
            self.notify(t("after.cli.results_empty"), severity="warning")
            return
        if preview.without_class and division is None:
            self.app.push_screen(
                TextDialog(
                    t("after.import.class_title"),
                    max_length=20,
                    check=lambda s: None if s.strip() else t("after.import.class_empty"),
                ),
                lambda typed: self._prepare(names, typed.strip()) if typed else None,
            )
            return
        self._confirm(preview)

    def _confirm(self, preview: ResultsPreview) -> None:
        question = "\n".join(
            [*describe_preview(preview, self.snapshot), "", t("after.import.question")]
        )

        def answered(ok: bool | None) -> None:
            if not ok:
                return
            outcome = self.pix.write(IMPORT_ACTION, lambda tx: apply_results(tx, preview))
            if outcome is not None:
                self.notify(outcome.message())

        self.app.push_screen(
            ConfirmDialog(question, confirm_label=t("after.import.accept")), answered
        )
