"""Élèves: every pupil with class, certifiability and login methods; incremental search."""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import DataTable, Input, Static

from pixtui.domain.labels import label
from pixtui.domain.models import Pupil
from pixtui.domain.names import matches_search, name_key
from pixtui.formatting import format_date
from pixtui.i18n import t
from pixtui.screens.base import PixScreen
from pixtui.widgets.tables import keep_cursor, selected_row_key

COLUMNS = ("last_name", "first_name", "division", "birthdate", "certifiability", "login")


class PupilsScreen(PixScreen):
    SECTION = "eleves"
    TITLE_KEY = "nav.pupils"

    BINDINGS = [
        Binding("slash", "search", t("pupils.binding.search"), id="pupils-search"),
        Binding("escape", "clear_search", t("pupils.binding.clear"), id="pupils-clear"),
    ]

    def compose_body(self) -> Iterable[Widget]:
        yield Input(placeholder=t("pupils.search.placeholder"), id="pupil-search")
        yield Static(id="pupils-summary")
        yield DataTable(id="pupils-table", cursor_type="row")

    def on_mount(self) -> None:
        self.query_one(Input).cursor_blink = False  # a blinking cursor costs bytes over SSH
        table = self.query_one(DataTable)
        for key in COLUMNS:
            table.add_column(t(f"pupils.col.{key}"), key=key)
        super().on_mount()
        table.focus()

    @on(Input.Changed, "#pupil-search")
    def _search_changed(self) -> None:
        self.refresh_data()

    @on(Input.Submitted, "#pupil-search")
    def _search_done(self) -> None:
        self.query_one(DataTable).focus()

    def action_search(self) -> None:
        self.query_one(Input).focus()

    def action_clear_search(self) -> None:
        self.query_one(Input).value = ""
        self.query_one(DataTable).focus()

    def refresh_data(self) -> None:
        query = self.query_one(Input).value
        pupils = [p for p in self.snapshot.pupils.all() if not p.left_school]
        shown = [p for p in pupils if matches_search(query, p.last_name, p.first_name, p.division)]
        shown.sort(key=lambda p: (p.division, name_key(p.last_name), name_key(p.first_name)))
        table = self.query_one(DataTable)
        keep = selected_row_key(table)
        table.clear()
        for pupil in shown:
            table.add_row(
                pupil.last_name,
                pupil.first_name,
                pupil.division,
                format_date(pupil.birthdate),
                self._certifiability(pupil),
                ", ".join(label(method) for method in pupil.login_methods) or t("pupils.no_login"),
                key=pupil.id,
            )
        self.query_one("#pupils-summary", Static).update(
            t("pupils.summary", shown=len(shown), total=len(pupils))
        )
        keep_cursor(table, keep)

    @staticmethod
    def _certifiability(pupil: Pupil) -> str:
        text = label(pupil.certifiability)
        if pupil.certifiability_date:
            text += f" ({format_date(pupil.certifiability_date)})"
        return text
