"""Accueil: the school, today's sessions, the campaign's counts and what is left to do."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import DataTable, Static

from pixtui.domain.clock import local_today
from pixtui.domain.labels import label
from pixtui.domain.problems import Severity
from pixtui.domain.sessions import (
    campaign_window_for,
    parse_date,
    proposed_campaign_window,
    school_year_of,
)
from pixtui.domain.timing import format_time
from pixtui.formatting import format_date, format_percent
from pixtui.i18n import t
from pixtui.screens.base import PixScreen
from pixtui.services.overview import HomeOverview, build_overview
from pixtui.services.school import set_campaign_window
from pixtui.widgets.dialogs import TextDialog
from pixtui.widgets.tables import Column, FittedRecordTable, selected_row_key

TODO_GLYPHS = {Severity.ERROR: "✗", Severity.WARNING: "!", Severity.INFO: "·"}

# At 80 columns every column stays (the room's name is cut with « … »): when, where, which,
# how many in each state and the status, which tells a rehearsal apart.
TODAY_COLUMNS = (
    Column("time", "home.today.col.time"),
    Column("room", "home.today.col.room", cut=10),
    Column("number", "home.today.col.number"),
    Column("enrolled", "home.today.col.enrolled"),
    Column("present", "home.today.col.present"),
    Column("started", "home.today.col.started"),
    Column("finished", "home.today.col.finished"),
    Column("alerts", "home.today.col.alerts"),
    Column("status", "home.today.col.status"),
)


class HomeScreen(PixScreen):
    SECTION = "accueil"
    TITLE_KEY = "nav.home"

    BINDINGS = [
        Binding(
            "c",
            "campaign_window",
            t("home.binding.window"),
            tooltip=t("home.binding.window.tip"),
            id="home-campaign-window",
        ),
    ]

    def compose_body(self) -> Iterable[Widget]:
        with Vertical(id="home-body"):
            yield Static(id="school-line")
            yield Static(id="campaign-line")
            yield Static(t("home.today.title"), classes="section-title")
            yield Static(t("home.today.none"), id="today-none")
            yield FittedRecordTable(TODAY_COLUMNS, id="today-sessions")
            with Horizontal(id="home-panels"):
                yield Static(id="counts", classes="panel")
                # Scrolls when the list is longer than the screen (80x24): the title gives the count.
                with VerticalScroll(id="todos-panel", classes="panel"):
                    yield Static(id="todos")

    def refresh_data(self) -> None:
        snap = self.snapshot
        overview = build_overview(snap, local_today(self.pix.clock))
        school = snap.school
        self.query_one("#school-line", Static).update(
            Text.assemble(
                (school.name, "bold"),
                f"  {t('home.uai')} {school.uai}  ·  {label(school.school_type)}",
            )
        )
        self.query_one("#campaign-line", Static).update(overview.campaign)
        self._fill_today(overview)
        self.query_one("#counts", Static).update(self._counts_text(overview))
        self.query_one("#todos", Static).update(self._todos_text(overview))

    def _fill_today(self, overview: HomeOverview) -> None:
        """Today's sessions; a sentence instead of the table when there is none (in the
        table's Heure column, it made that column 28 wide and pushed Statut off)."""
        table = self.query_one("#today-sessions", FittedRecordTable)
        rows = []
        for row in overview.today:
            session = row.session
            status = t("home.today.rehearsal") if session.rehearsal else label(session.status)
            cells = (
                format_time(session.start_time),
                session.room,
                session.pix_number or "–",
                str(row.enrolled),
                str(row.present),
                str(row.in_progress),
                str(row.finished),
                Text(f"! {row.alerts}", style="bold") if row.alerts else "0",
                status,
            )
            rows.append((session.id, cells))
        table.fill(rows)
        table.display = bool(rows)
        self.query_one("#today-none", Static).display = not rows

    @staticmethod
    def _counts_text(overview: HomeOverview) -> Text:
        p, s = overview.pupils, overview.sessions
        text = Text()
        text.append(t("home.counts.title") + "\n", style="bold")
        text.append(t("home.counts.pupils", total=p.total, classes=p.classes) + "\n")
        text.append(
            t(
                "home.counts.certifiable",
                count=p.certifiable,
                percent=format_percent(p.certifiable, p.total),
            )
            + "\n"
        )
        text.append(t("home.counts.not_certifiable", count=p.not_certifiable) + "\n")
        text.append(t("home.counts.unknown", count=p.unknown) + "\n")
        text.append(t("home.counts.login", none=p.no_login, email=p.email_login) + "\n")
        text.append(t("home.counts.sessions", total=s.total, upcoming=s.upcoming) + "\n")
        text.append(t("home.counts.to_finalise", count=s.to_finalise) + "\n")
        text.append(t("home.counts.after", finalised=s.finalised, processed=s.processed) + "\n")
        text.append(t("home.counts.enrolled", count=s.enrolled_pupils, total=p.total))
        return text

    @staticmethod
    def _todos_text(overview: HomeOverview) -> Text:
        text = Text()
        text.append(t("home.todo.title", count=len(overview.todos)) + "\n", style="bold")
        if not overview.todos:
            text.append(t("home.todo.nothing"))
        for todo in overview.todos:
            style = "bold" if todo.severity is not Severity.INFO else ""
            text.append(f"{TODO_GLYPHS[todo.severity]} {todo.text}\n", style=style)
        return text

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_room()

    def action_campaign_window(self) -> None:
        """Change this school year's campaign window (the seed's dates are only defaults)."""
        today = local_today(self.pix.clock)
        school = self.snapshot.school
        # the stored window, else the proposal for this school year: C confirms or corrects it
        window = campaign_window_for(school, today) or proposed_campaign_window(
            school.school_type, today
        )
        year = school_year_of(today)

        def check(text: str) -> str | None:
            return None if parse_date(text) else t("home.window.bad_date")

        def got_start(text: str | None) -> None:
            start = parse_date(text) if text else None
            if start is None:
                return

            def got_end(text: str | None) -> None:
                end = parse_date(text) if text else None
                if end is None:
                    return
                saved = self.pix.write(
                    "school.campaign_window", lambda tx: set_campaign_window(tx, start, end)
                )
                if saved is not None:
                    self.notify(
                        t("home.window.saved", start=format_date(start), end=format_date(end))
                    )

            self.app.push_screen(
                TextDialog(
                    t("home.window.end", year=school_year_of(start)),
                    value=format_date(window.end) if window else "",
                    check=check,
                ),
                got_end,
            )

        self.app.push_screen(
            TextDialog(
                t("home.window.start", year=year),
                value=format_date(window.start) if window else "",
                check=check,
            ),
            got_start,
        )

    def action_open_room(self) -> None:
        key = selected_row_key(self.query_one("#today-sessions", DataTable))
        if key:
            self.pix.open_room(key)
