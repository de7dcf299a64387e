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
    compact_histogram,
    fewer_than_five_explanation,
    r3_explanation,
    result_level_label,
    summarise,
)
from pixtui.i18n import t
from pixtui.screens.base import PixScreen
from pixtui.services.results import (
    absent_in_room,
    results_of_class,
    results_of_session,
    status_word,
)
from pixtui.widgets.charts import Bar, BarChart, competence_rows, histogram_rows, level_rows
from pixtui.widgets.plain import plain
from pixtui.widgets.tables import Column, FittedTable

# At 80 columns: the pupil (cut with « … »), the status, score and Pix level, and the note;
# the class (the same on a class's screen) and the count of competences come back wider.
# Entrée opens nothing on a pupil's line, so the table shows no « Entrée » in the footer.
GROUP_COLUMNS = (
    Column("name", "after.results.col.name", cut=16),
    Column("division", "after.results.col.division", drop=2),
    Column("status", "after.results.col.status"),
    Column("score", "after.results.col.score"),
    Column("level", "after.results.col.level"),
    Column("competences", "after.results.col.competences", drop=1),
    Column("note", "after.results.col.note", cut=12),
)


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


def competence_label(code: str | None) -> str:
    """« 1.1 Mener une recherche et une veille d'information » (the table cuts it with « … »);
    « – » when no competence was assessed."""
    if not code:
        return "–"
    return f"{code} {competence_names().get(code, '')}".strip()


def histogram_chart(summary: GroupSummary) -> tuple[str, list[Bar]]:
    """The histogram's title and rows: only the range that holds scores, the empty bins
    between them grouped (:func:`compact_histogram`), and the title says so."""
    bins = compact_histogram(summary.histogram)
    title = t("after.results.histogram")
    if not bins:
        return t("after.results.histogram_none", title=title), []
    if len(bins) < len(summary.histogram):
        title = t("after.results.histogram_range", title=title, low=bins[0].low, high=bins[-1].high)
    return title, histogram_rows(bins)


def chart_widgets(summary: GroupSummary, prefix: str) -> list[Widget]:
    title, rows = histogram_chart(summary)
    return [
        BarChart(title, rows, id=f"{prefix}-histogram"),
        BarChart(t("after.results.levels"), level_rows(summary.levels), id=f"{prefix}-levels"),
        BarChart(
            t("after.results.competences"),
            competence_rows(summary.competences, competence_names()),
            maximum=MAX_COMPETENCE_LEVEL,
            id=f"{prefix}-competences",
        ),
    ]


def update_charts(screen: PixScreen, summary: GroupSummary, prefix: str) -> None:
    screen.query_one(f"#{prefix}-histogram", BarChart).set_data(*histogram_chart(summary))
    screen.query_one(f"#{prefix}-levels", BarChart).set_data(
        t("after.results.levels"), level_rows(summary.levels)
    )
    screen.query_one(f"#{prefix}-competences", BarChart).set_data(
        t("after.results.competences"),
        competence_rows(summary.competences, competence_names()),
        maximum=MAX_COMPETENCE_LEVEL,
    )


# The page scrolls as one: Page suivante / Page précédente move the whole screen (charts,
# table, R3) from the moment it opens, whatever has the focus (the table keeps ↑ ↓).
PAGE_BINDINGS = [
    Binding(
        "pagedown",
        "results_page(1)",
        t("table.page_down"),
        show=False,
        priority=True,
        id="results-page-down",
    ),
    Binding(
        "pageup",
        "results_page(-1)",
        t("after.results.page_up"),
        show=False,
        priority=True,
        id="results-page-up",
    ),
]


def scroll_page(screen: PixScreen, scroller_id: str, direction: int) -> None:
    scroller = screen.query_one(f"#{scroller_id}", VerticalScroll)
    if direction > 0:
        scroller.scroll_page_down(animate=False)
    else:
        scroller.scroll_page_up(animate=False)


class ResultsGroupScreen(PixScreen):
    SECTION = "resultats"
    TITLE_KEY = "nav.results"

    BINDINGS = [Binding("escape", "back", t("binding.back"), id="group-back"), *PAGE_BINDINGS]

    def __init__(self, kind: str, key: str) -> None:
        super().__init__()
        self.kind = kind  # "class" or "session"
        self.key = key

    def title_text(self) -> str:
        if self.kind == "class":
            return t("after.results.title_class", division=self.key)
        session = self.snapshot.session(self.key)
        number = session.pix_number if session and session.pix_number else self.key
        return t("after.results.title_session", number=number)

    def _results(self) -> Sequence[CertificationResult]:
        if self.kind == "class":
            return results_of_class(self.snapshot, self.key)
        return results_of_session(self.snapshot, self.key)

    def compose_body(self) -> Iterable[Widget]:
        with VerticalScroll(id="group-scroll"):
            yield Static("", id="group-counts")
            yield Static("", id="group-remarks")
            # the pupils first, as Résultats puts its classes first: PageDown reaches the charts
            yield FittedTable(GROUP_COLUMNS, id="group-table")
            yield from chart_widgets(summarise("", []), "group")
            yield Static(r3_explanation(), id="group-r3", classes="hint")

    def on_mount(self) -> None:
        table = self.query_one("#group-table", DataTable)
        # inside a scrolling column a table must size to its rows, or it shows none
        table.styles.height = "auto"
        table.styles.max_height = 14
        table.focus()

    def refresh_data(self) -> None:
        results = list(self._results())
        summary = summarise(self.key, results)
        self.query_one("#group-counts", Static).update(counts_line(summary))
        update_charts(self, summary, "group")
        absent = absent_in_room(self.snapshot, results)
        remarks = self.query_one("#group-remarks", Static)
        remarks.update(plain("\n".join(absent.values()), style="bold"))
        remarks.display = bool(absent)
        rows = []
        for result in sorted(results, key=lambda r: (r.last_name.lower(), r.first_name.lower())):
            cells = (
                f"{result.last_name.upper()} {result.first_name}",
                result.division,
                status_word(result.status),
                str(result.score) if result.score is not None else "–",
                result_level_label(result),
                str(certified_competences(result)),
                " · ".join(
                    note
                    for note, shown in (
                        (t("after.results.absent_short"), result.id in absent),
                        (t("after.results.r3_short"), bool(fewer_than_five_explanation(result))),
                    )
                    if shown
                ),
            )
            rows.append((result.id, cells))
        self.query_one("#group-table", FittedTable).fill(rows)

    def action_results_page(self, direction: int) -> None:
        scroll_page(self, "group-scroll", direction)

    def action_back(self) -> None:
        self.app.pop_screen()
