"""Élèves: every pupil with class, certifiability and login methods (B1); filters, incremental
search, per-class counts, the non-certifiable pupils' follow-up (R6), "pupils informed" per
class (B2), and the imports."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import DataTable, Input, Static

from pixtui.domain.certifiability import certifiability_from_earlier_year, has_login_method
from pixtui.domain.clock import local, local_today
from pixtui.domain.enums import Certifiability, LoginMethod
from pixtui.domain.labels import label
from pixtui.domain.models import Pupil
from pixtui.domain.names import key_matches, name_key, search_key, search_words
from pixtui.domain.sessions import school_year_of
from pixtui.formatting import format_date
from pixtui.i18n import t
from pixtui.screens.base import PixScreen
from pixtui.services.pupils import (
    ClassCounts,
    LoginFilter,
    PupilFilter,
    class_counts,
    current_pupils,
    informed_classes,
    mark_class_informed,
    pupil_sort_key,
    set_follow_up,
)
from pixtui.widgets.dialogs import ChoiceDialog, TextDialog
from pixtui.widgets.tables import (
    Column,
    FittedLazyTable,
    FittedTable,
    selected_row_key,
)

# At 80 columns: the names (cut with « … »), the class and what decides an action (certifiable,
# a way to log in, the follow-up of a non-certifiable pupil); from 100 columns the birthdate and
# the date the certifiability was collected come back.
COLUMNS = (
    Column("last_name", "prep.pupils.col.last_name", cut=10, anchor=True),
    Column("first_name", "prep.pupils.col.first_name", cut=8, anchor=True),
    Column("division", "prep.pupils.col.division"),
    Column("birthdate", "prep.pupils.col.birthdate", drop=2),
    Column("certifiability", "prep.pupils.col.certifiability"),
    Column("certifiability_date", "prep.pupils.col.certifiability_date", drop=1),
    Column("login", "prep.pupils.col.login", cut=12),
    Column("follow_up", "prep.pupils.col.follow_up", cut=5),
)
# The e-mail-only count leaves first at 80 columns (the class line below the table gives it).
CLASS_COLUMNS = (
    Column("division", "prep.pupils.class_col.division"),
    Column("total", "prep.pupils.class_col.total"),
    Column("certifiable", "prep.pupils.class_col.certifiable"),
    Column("not_certifiable", "prep.pupils.class_col.not_certifiable"),
    Column("unknown", "prep.pupils.class_col.unknown"),
    Column("no_login", "prep.pupils.class_col.no_login"),
    Column("email_only", "prep.pupils.class_col.email_only", drop=1),
    Column("informed", "prep.pupils.class_col.informed", cut=8),
)
DATE_WIDTH = 10  # dd/mm/yyyy
ALL = "*"


def pupils_generation(snapshot: Any) -> object:
    """What changes exactly when the pupils do (the store's per-table token where it has one;
    otherwise its change counter, which moves on every write)."""
    generation = getattr(snapshot, "generation", None)
    return generation("pupils") if callable(generation) else snapshot.counter


class PupilsScreen(PixScreen):
    SECTION = "eleves"
    TITLE_KEY = "nav.pupils"

    DEFAULT_CSS = """
    PupilsScreen #pupils-query {
        height: 1;
        margin: 0 1;
    }
    PupilsScreen #pupils-filters, PupilsScreen #pupils-class-line {
        height: auto;
        padding: 0 1;
    }
    PupilsScreen #pupils-class-line {
        background: $boost;
    }
    PupilsScreen #classes-table {
        display: none;
    }
    PupilsScreen.by-class #classes-table {
        display: block;
    }
    PupilsScreen.by-class #pupils-table {
        display: none;
    }
    """

    BINDINGS = [
        Binding(
            "slash",
            "search",
            t("pupils.binding.search"),
            key_display="/",
            tooltip=t("prep.pupils.binding.search.tip"),
            id="pupils-search",
        ),
        Binding(
            "c",
            "filter_class",
            t("prep.pupils.binding.class"),
            tooltip=t("prep.pupils.binding.class.tip"),
            id="pupils-filter-class",
        ),
        Binding(
            "e",
            "filter_certifiability",
            t("prep.pupils.binding.certifiability"),
            tooltip=t("prep.pupils.binding.certifiability.tip"),
            id="pupils-filter-certif",
        ),
        Binding(
            "l",
            "filter_login",
            t("prep.pupils.binding.login"),
            tooltip=t("prep.pupils.binding.login.tip"),
            id="pupils-filter-login",
        ),
        Binding(
            "v",
            "toggle_view",
            t("prep.pupils.binding.view"),
            tooltip=t("prep.pupils.binding.view.tip"),
            id="pupils-view",
        ),
        Binding(
            "i",
            "import_file",
            t("prep.pupils.binding.import"),
            tooltip=t("prep.pupils.binding.import.tip"),
            id="pupils-import",
        ),
        Binding(
            "n",
            "toggle_informed",
            t("prep.pupils.binding.informed"),
            tooltip=t("prep.pupils.binding.informed.tip"),
            id="pupils-informed",
            show=False,
        ),
        Binding(
            "s",
            "follow_up",
            t("prep.pupils.binding.follow_up"),
            tooltip=t("prep.pupils.binding.follow_up.tip"),
            id="pupils-follow-up",
            show=False,
        ),
        Binding(
            "escape",
            "clear_filters",
            t("prep.pupils.binding.clear"),
            tooltip=t("prep.pupils.binding.clear.tip"),
            id="pupils-clear",
            show=False,
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.filter = PupilFilter()
        self._counts: dict[str, ClassCounts] = {}
        self._pupils: dict[str, Pupil] = {}
        self._rows: list[tuple[Pupil, str]] = []  # current pupils in order, their search key
        self._widest: dict[str, int] = {}
        self._cells: dict[str, tuple] = {}
        self._shared: dict[object, Text] = {}  # certifiability and login cells, by value
        self._pupils_generation: object = None
        self._earlier: set[str] = set()  # pupils whose certifiability is from an earlier year

    def compose_body(self) -> Iterable[Widget]:
        yield Input(
            placeholder=t("prep.pupils.search.placeholder"), id="pupils-query", compact=True
        )
        yield Static(id="pupils-filters")
        yield FittedLazyTable(COLUMNS, id="pupils-table")
        yield FittedTable(CLASS_COLUMNS, id="classes-table")
        yield Static(id="pupils-class-line")

    def on_mount(self) -> None:
        self.query_one(Input).cursor_blink = False  # a blinking cursor costs bytes over SSH
        self.query_one("#pupils-table", DataTable).focus()

    @property
    def by_class(self) -> bool:
        return self.has_class("by-class")

    # --- showing ---------------------------------------------------------------------------

    def refresh_data(self) -> None:
        snap = self.snapshot
        generation = pupils_generation(snap)
        if generation == self._pupils_generation:
            return  # another table changed: nothing here to redraw
        self._pupils_generation = generation
        pupils = current_pupils(snap)
        self._pupils = {p.id: p for p in pupils}
        informed = informed_classes(self.pix.store)
        counts = class_counts(pupils, informed)
        self._counts = {name_key(c.division): c for c in counts}
        self._fill_pupils(pupils)
        self._fill_classes(counts)
        self._update_class_line()

    def _prepare_rows(self, pupils: list[Pupil]) -> None:
        """Once per change of the pupils, in one pass: current pupils sorted, each one's search
        key folded (a key typed in the search then only compares strings), and each column's
        widest cell (the columns are chosen from it without formatting every row). Cells are
        formatted when their row is first added to the table (most rows are never shown)."""
        widest = {key: 0 for key in ("last_name", "first_name", "division", "follow_up")}
        certifiabilities: set[Certifiability] = set()
        logins: set[tuple[LoginMethod, ...]] = set()
        dated = False
        rows = []
        today = local_today(self.pix.clock)
        earlier: set[str] = set()
        for pupil in sorted(pupils, key=pupil_sort_key):
            if certifiability_from_earlier_year(pupil, today):
                earlier.add(pupil.id)
            rows.append((pupil, search_key(pupil.last_name, pupil.first_name)))
            for key, text in (
                ("last_name", pupil.last_name),
                ("first_name", pupil.first_name),
                ("division", pupil.division),
                ("follow_up", pupil.follow_up),
            ):
                if len(text) > widest[key]:  # cell_len only on a longer string (wide chars)
                    widest[key] = max(widest[key], cell_len(text))
            certifiabilities.add(pupil.certifiability)
            logins.add(tuple(pupil.login_methods))
            dated = dated or pupil.certifiability_date is not None
        widest["birthdate"] = DATE_WIDTH
        widest["certifiability_date"] = DATE_WIDTH if dated else 0
        self._earlier = earlier
        self._shared = {}
        widest["certifiability"] = max(
            (self._certifiability(c, bool(earlier)).cell_len for c in certifiabilities), default=0
        )
        widest["login"] = max((self._logins(methods).cell_len for methods in logins), default=0)
        self._rows = rows
        self._widest = widest
        self._cells = {}

    def _row_cells(self, pupil_id: str) -> tuple:
        """Every column's cell (the table keeps those its width shows)."""
        pupil = self._pupils[pupil_id]
        cells = self._cells.get(pupil_id)
        if cells is None:
            cells = (
                pupil.last_name,
                pupil.first_name,
                pupil.division,
                format_date(pupil.birthdate),
                self._certifiability(pupil.certifiability, pupil.id in self._earlier),
                format_date(pupil.certifiability_date),
                self._logins(tuple(pupil.login_methods)),
                pupil.follow_up,
            )
            self._cells[pupil_id] = cells
        return cells

    def _fill_pupils(self, pupils: list[Pupil] | None = None, keep: str | None = None) -> None:
        if pupils is not None:
            self._prepare_rows(pupils)
        words = search_words(self.query_one(Input).value)
        rows = self._rows
        if words:
            rows = [row for row in rows if key_matches(words, row[1])]
        wanted = PupilFilter(
            "", self.filter.division, self.filter.certifiability, self.filter.login
        )
        if wanted != PupilFilter():  # no filter: every current pupil, nothing to test
            rows = [row for row in rows if wanted.accepts(row[0])]
        shown = [pupil.id for pupil, _key in rows]
        table = self.query_one("#pupils-table", FittedLazyTable)
        table.show_fitted(
            shown, self._row_cells, self._widest, keep=keep or selected_row_key(table)
        )
        self.query_one("#pupils-filters", Static).update(
            self._filters_text(len(shown), len(self._rows))
        )

    def _filters_text(self, shown: int, total: int) -> Text:
        f = self.filter
        text = Text(t("prep.pupils.summary", shown=shown, total=total))
        parts = [
            t("prep.pupils.filter.class", value=f.division or t("prep.pupils.filter.all")),
            t(
                "prep.pupils.filter.certifiability",
                value=label(f.certifiability) if f.certifiability else t("prep.pupils.filter.all"),
            ),
            t(
                "prep.pupils.filter.login",
                value=t(f"prep.pupils.login.{f.login.value}")
                if f.login
                else t("prep.pupils.filter.all"),
            ),
        ]
        text.append("  " + " · ".join(parts), style="dim" if f == PupilFilter() else "bold")
        return text

    def _certifiability(self, certifiability: Certifiability, earlier: bool) -> Text:
        """One cell per value, shared by the rows (a cell is not changed once made). A
        certifiability collected in an earlier school year is marked (the line below the
        table says it whole for the pupil under the cursor)."""
        cell = self._shared.get((certifiability, earlier))
        if cell is None:
            cell = Text(label(certifiability), end="", no_wrap=True, overflow="ellipsis")
            if certifiability is Certifiability.NOT_CERTIFIABLE:
                cell.stylize("bold yellow")
            if earlier:
                cell.append(t("prep.pupils.earlier_year.mark"), style="bold yellow")
            self._shared[(certifiability, earlier)] = cell
        return cell

    def _logins(self, methods: tuple[LoginMethod, ...]) -> Text:
        """One cell per combination of login methods (a school has a handful of them)."""
        cell = self._shared.get(methods)
        if cell is None:
            if not has_login_method(Pupil(login_methods=list(methods))):
                cell = Text(t("pupils.no_login"), style="bold yellow")
            else:
                cell = Text(", ".join(label(method) for method in methods))
                if set(methods) == {LoginMethod.EMAIL}:
                    cell.append(" " + t("prep.pupils.email_avoid"), style="yellow")
            cell.end, cell.no_wrap, cell.overflow = "", True, "ellipsis"
            self._shared[methods] = cell
        return cell

    def _fill_classes(self, counts: list[ClassCounts]) -> None:
        self.query_one("#classes-table", FittedTable).fill(
            (
                name_key(c.division),
                (
                    c.division,
                    str(c.total),
                    str(c.certifiable),
                    str(c.not_certifiable),
                    str(c.unknown),
                    str(c.no_login),
                    str(c.email_only),
                    self._informed_text(c),
                ),
            )
            for c in counts
        )

    @staticmethod
    def _informed_text(counts: ClassCounts) -> str:
        informed = counts.informed
        if informed is None or not informed.informed:
            return t("prep.pupils.informed.no")
        return t(
            "prep.pupils.informed.yes", by=informed.by, at=format_date(local(informed.at).date())
        )

    def _current_class(self) -> str | None:
        """The class the per-class actions apply to: selected class, filter, or pupil's class."""
        if self.by_class:
            key = selected_row_key(self.query_one("#classes-table", DataTable))
            return self._counts[key].division if key in self._counts else None
        if self.filter.division:
            return self.filter.division
        key = selected_row_key(self.query_one("#pupils-table", DataTable))
        pupil = self._pupils.get(key) if key else None
        return pupil.division if pupil else None

    def _highlighted_pupil(self) -> Pupil | None:
        if self.by_class:
            return None
        key = selected_row_key(self.query_one("#pupils-table", DataTable))
        return self._pupils.get(key) if key else None

    def _update_class_line(self) -> None:
        division = self._current_class()
        counts = self._counts.get(name_key(division)) if division else None
        line = self.query_one("#pupils-class-line", Static)
        if counts is None:
            line.update(t("prep.pupils.class_line.none"))
            return
        text = Text()
        text.append(counts.division, style="bold")
        text.append(
            " "
            + t(
                "prep.pupils.class_line",
                total=counts.total,
                certifiable=counts.certifiable,
                not_certifiable=counts.not_certifiable,
                unknown=counts.unknown,
                no_login=counts.no_login,
                email=counts.email_only,
            )
        )
        pupil = self._highlighted_pupil()
        if pupil is not None and pupil.id in self._earlier and pupil.certifiability_date:
            # the pupil under the cursor first: their certifiability is not this year's
            text.append("\n")
            text.append(
                t(
                    "prep.pupils.earlier_year.line",
                    date=format_date(pupil.certifiability_date),
                    year=school_year_of(pupil.certifiability_date),
                ),
                style="bold yellow",
            )
            line.update(text)
            return
        state = self._informed_text(counts)
        if counts.informed is None or not counts.informed.informed:
            state = t("prep.pupils.informed.no_hint")
        text.append("\n" + t("prep.pupils.class_line.informed", state=state))
        if counts.non_certifiable:
            pending = sum(1 for p in counts.non_certifiable if not p.follow_up)
            text.append(
                " "
                + t(
                    "prep.pupils.class_line.follow_up",
                    count=len(counts.non_certifiable),
                    pending=pending,
                ),
                style="yellow" if pending else "",
            )
        line.update(text)

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._update_class_line()

    # --- searching and filtering -----------------------------------------------------------

    @on(Input.Changed, "#pupils-query")
    def _search_changed(self) -> None:
        self._refill()

    @on(Input.Submitted, "#pupils-query")
    def _search_done(self) -> None:
        self.query_one("#pupils-table", DataTable).focus()

    def action_search(self) -> None:
        if self.by_class:
            self.action_toggle_view()
        self.query_one(Input).focus()

    def action_clear_filters(self) -> None:
        self.filter = PupilFilter()
        self.query_one("#pupils-table", DataTable).focus()
        search = self.query_one(Input)
        if search.value:
            search.value = ""  # Input.Changed refills the table (once)
        else:
            self._refill()

    def show_pupil(self, pupil_id: str) -> None:
        """The pupil list, filters and search cleared, the cursor on this pupil (palette)."""
        self.filter = PupilFilter()
        if self.by_class:
            self.action_toggle_view()
        search = self.query_one(Input)
        with search.prevent(Input.Changed):
            search.value = ""
        self._fill_pupils(keep=pupil_id)
        self._update_class_line()
        self.query_one("#pupils-table", DataTable).focus()

    def _refill(self) -> None:
        """Filters changed: the rows again, the counts and the journal are not re-read."""
        self._fill_pupils()
        self._update_class_line()

    def _set_filter(self, **changes: object) -> None:
        values = {
            "division": self.filter.division,
            "certifiability": self.filter.certifiability,
            "login": self.filter.login,
        }
        values.update(changes)
        self.filter = PupilFilter(**values)  # type: ignore[arg-type]
        if self.by_class:
            self.action_toggle_view()
        self._refill()

    def action_filter_class(self) -> None:
        options = [(ALL, t("prep.pupils.filter.all_classes"))]
        options += [
            (c.division, t("prep.pupils.filter.class_option", division=c.division, total=c.total))
            for c in self._counts.values()
        ]
        self.app.push_screen(
            ChoiceDialog(t("prep.pupils.filter.class_title"), options),
            lambda value: (
                self._set_filter(division=None if value == ALL else value) if value else None
            ),
        )

    def action_filter_certifiability(self) -> None:
        options = [(ALL, t("prep.pupils.filter.all"))]
        options += [(c.value, label(c)) for c in Certifiability]
        self.app.push_screen(
            ChoiceDialog(t("prep.pupils.filter.certifiability_title"), options),
            lambda value: (
                self._set_filter(certifiability=None if value == ALL else Certifiability(value))
                if value
                else None
            ),
        )

    def action_filter_login(self) -> None:
        options = [(ALL, t("prep.pupils.filter.all"))]
        options += [(f.value, t(f"prep.pupils.login.{f.value}")) for f in LoginFilter]
        self.app.push_screen(
            ChoiceDialog(t("prep.pupils.filter.login_title"), options),
            lambda value: (
                self._set_filter(login=None if value == ALL else LoginFilter(value))
                if value
                else None
            ),
        )

    def action_toggle_view(self) -> None:
        self.toggle_class("by-class")
        target = "#classes-table" if self.by_class else "#pupils-table"
        self.query_one(target, DataTable).focus()
        self._update_class_line()

    @on(DataTable.RowSelected, "#classes-table")
    def _class_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        counts = self._counts.get(event.row_key.value or "")
        if counts is not None:
            self._set_filter(division=counts.division)

    @on(DataTable.RowSelected, "#pupils-table")
    def _pupil_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_follow_up()

    # --- B2 and R6 --------------------------------------------------------------------------

    def action_toggle_informed(self) -> None:
        division = self._current_class()
        if not division:
            self.notify(t("prep.pupils.no_class"), severity="warning")
            return
        known = informed_classes(self.pix.store)
        current = known.get(name_key(division))
        informed = not (current is not None and current.informed)
        done = self.pix.write(
            "pupils.class_informed",
            lambda tx: mark_class_informed(tx, division, informed, known),
        )
        if done is None:
            return
        key = "prep.pupils.informed_set" if informed else "prep.pupils.informed_unset"
        self.notify(t(key, division=division))
        self._pupils_generation = None  # a journal-only change moves no table: show it anyway
        self.refresh_data()

    def action_follow_up(self) -> None:
        if self.by_class:
            return
        key = selected_row_key(self.query_one("#pupils-table", DataTable))
        pupil = self._pupils.get(key) if key else None
        if pupil is None:
            self.notify(t("prep.pupils.none_selected"), severity="warning")
            return
        self.app.push_screen(
            TextDialog(
                t("prep.pupils.follow_up_title", name=f"{pupil.first_name} {pupil.last_name}"),
                value=pupil.follow_up,
                placeholder=t("prep.pupils.follow_up_placeholder"),
                max_length=200,
            ),
            lambda text: self._save_follow_up(pupil.id, text) if text is not None else None,
        )

    def _save_follow_up(self, pupil_id: str, text: str) -> None:
        self.pix.write("pupil.follow_up", lambda tx: set_follow_up(tx, pupil_id, text))

    # --- imports ----------------------------------------------------------------------------

    def action_import_file(self) -> None:
        from pixtui.screens.import_review import check_import_path
        from pixtui.widgets.dialogs import PathSuggester

        self.app.push_screen(
            TextDialog(
                t("prep.import.path_title"),
                placeholder=t("prep.import.path_placeholder"),
                max_length=500,
                check=check_import_path,
                suggester=PathSuggester(),
            ),
            self._import,
        )

    def _import(self, text: str | None) -> None:
        if not text:
            return
        from pixtui.screens.import_review import ImportReviewScreen

        self.app.push_screen(ImportReviewScreen(Path(text.strip()).expanduser()))
