"""One group of results (a class or a Pix session): counts, score histogram, Pix levels,
the 16 competences, and each pupil's line with R3 explained where it applies."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import DataTable, Static

from pixtui.domain.results import (
    MAX_COMPETENCE_LEVEL,
    CertificationResult,
    GroupSummary,
    certified_competences,
    fewer_than_five_explanation,
    r3_explanation,
    result_level_label,
    summarise,
)
from pixtui.i18n import t
from pixtui.screens.base import PixScreen
from pixtui.services.results import results_of_class, results_of_session, status_word
from pixtui.widgets.charts import BarChart, competence_rows, histogram_rows, level_rows
from pixtui.widgets.tables import RecordTable


def _number(value: float | None) -> str:
    return f"{value:.0f}" if value is not None else "–"


def counts_line(summary: GroupSummary) -> str:
    s = summary.statuses
    return t(
        "after.results.counts",
        total=s.total,
        validated=s.validated,
        rejected=s.rejected,
        cancelled=s.cancelled,
        mean=_number(summary.scores.mean),
        median=_number(summary.scores.median),
        fewer=summary.fewer_than_five,
    )


def competence_names() -> dict[str, str]:
    from pixtui.domain.results import COMPETENCE_CODES

    return {code: t(f"domain.competence.{code}") for code in COMPETENCE_CODES}


def chart_widgets(summary: GroupSummary, prefix: str) -> list[Widget]:
    return [
        BarChart(
            t("after.results.histogram"),
            histogram_rows(summary.histogram),
            id=f"{prefix}-histogram",
        ),
        BarChart(t("after.results.levels"), level_rows(summary.levels), id=f"{prefix}-levels"),
        BarChart(
            t("after.results.competences"),
            competence_rows(summary.competences, competence_names()),
            maximum=MAX_COMPETENCE_LEVEL,
            id=f"{prefix}-competences",
        ),
    ]


def update_charts(screen: PixScreen, summary: GroupSummary, prefix: str) -> None:
    screen.query_one(f"#{prefix}-histogram", BarChart).set_data(
        t("after.results.histogram"), histogram_rows(summary.histogram)
    )
    screen.query_one(f"#{prefix}-levels", BarChart).set_data(
        t("after.results.levels"), level_rows(summary.levels)
    )
    screen.query_one(f"#{prefix}-competences", BarChart).set_data(
        t("after.results.competences"),
        competence_rows(summary.competences, competence_names()),
        maximum=MAX_COMPETENCE_LEVEL,
    )


class ResultsGroupScreen(PixScreen):
    SECTION = "resultats"
    TITLE_KEY = "nav.results"

    BINDINGS = [Binding("escape", "back", t("binding.back"), id="group-back")]

    def __init__(self, kind: str, key: str) -> None:
        super().__init__()
        self.kind = kind  # "class" or "session"
        self.key = key

    def title_text(self) -> str:
        if self.kind == "class":
            return t("after.results.title_class", division=self.key)
        session = self.snapshot.sessions.get(self.key)
        number = session.pix_number if session and session.pix_number else self.key
        return t("after.results.title_session", number=number)

    def _results(self) -> Sequence[CertificationResult]:
        if self.kind == "class":
            return results_of_class(self.snapshot, self.key)
        return results_of_session(self.snapshot, self.key)

    def compose_body(self) -> Iterable[Widget]:
        with VerticalScroll(id="group-scroll"):
            yield Static("", id="group-counts")
            yield from chart_widgets(summarise("", []), "group")
            yield RecordTable(id="group-table")
            yield Static(r3_explanation(), id="group-r3", classes="hint")

    def on_mount(self) -> None:
        table = self.query_one("#group-table", DataTable)
        # inside a scrolling column a table must size to its rows, or it shows none
        table.styles.height = "auto"
        table.styles.max_height = 14
        # a long name is cut so that Pix's level word ("Indépendant 1") shows at 80 columns
        widths = {"name": 28}
        for key in ("name", "division", "status", "score", "level", "competences", "note"):
            table.add_column(t(f"after.results.col.{key}"), key=key, width=widths.get(key))
        table.focus()

    def refresh_data(self) -> None:
        results = list(self._results())
        summary = summarise(self.key, results)
        self.query_one("#group-counts", Static).update(counts_line(summary))
        update_charts(self, summary, "group")
        table = self.query_one("#group-table", DataTable)
        table.clear()
        for result in sorted(results, key=lambda r: (r.last_name.lower(), r.first_name.lower())):
            table.add_row(
                f"{result.last_name.upper()} {result.first_name}",
                result.division,
                status_word(result.status),
                str(result.score) if result.score is not None else "–",
                result_level_label(result),
                str(certified_competences(result)),
                t("after.results.r3_short") if fewer_than_five_explanation(result) else "",
                key=result.id,
            )

    def action_back(self) -> None:
        self.app.pop_screen()
