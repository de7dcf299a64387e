"""Planifier : the rooms, slots and invigilators typed on screen (issue 16), not only as CSV.

Three lists in the CSV files' own format (one line each, ``;`` between the fields, the header
line first), so one validator reads both: ``pixtui.imports.planning``. The list shown is checked
as it is typed; each refused line is said with its number, in the import's words. Ctrl+S keeps
the three lists through ``pixtui.services.planning.save_typed_inputs`` (refused, nothing
written, while a line is refused); Échap asks before losing what was typed.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Static, TabbedContent, TabPane, TextArea

from pixtui.domain.models import SchoolSettings
from pixtui.domain.problems import Refused
from pixtui.i18n import t
from pixtui.screens.base import PixScreen
from pixtui.widgets.confirm import discard_or_keep

LISTS = ("rooms", "slots", "invigilators")


class PlannerInputsScreen(PixScreen):
    SECTION = "sessions"
    TITLE_KEY = "planner_inputs.title"

    DEFAULT_CSS = """
    PlannerInputsScreen TabbedContent { height: 1fr; }
    PlannerInputsScreen TabPane { padding: 0; }
    PlannerInputsScreen .planner-inputs-help { height: auto; padding: 0 1; color: $text-muted; }
    PlannerInputsScreen TextArea { height: 1fr; }
    PlannerInputsScreen #planner-inputs-report { height: 3; padding: 0 1; }
    """

    BINDINGS = [
        Binding("escape", "back", t("binding.back"), id="planner-inputs-back"),
        Binding(
            "ctrl+s",
            "save",
            t("planner_inputs.binding.save"),
            tooltip=t("planner_inputs.binding.save.tip"),
            id="planner-inputs-save",
        ),
        Binding(
            "ctrl+n",
            "next_list",
            t("planner_inputs.binding.next"),
            tooltip=t("planner_inputs.binding.next.tip"),
            id="planner-inputs-next",
        ),
    ]

    def __init__(self, school: SchoolSettings) -> None:
        super().__init__()
        from pixtui.services.planning import typed_texts

        self._opened = typed_texts(school)

    def compose_body(self) -> Iterable[Widget]:
        with TabbedContent(id="planner-inputs-tabs"):
            for name, text in zip(LISTS, self._opened, strict=True):
                with TabPane(t(f"planner_inputs.tab.{name}"), id=f"tab-{name}"):
                    yield Static(
                        t(f"planner_inputs.help.{name}"),
                        classes="planner-inputs-help",
                        markup=False,
                    )
                    yield TextArea(
                        text,
                        id=f"planner-inputs-{name}",
                        soft_wrap=False,
                        show_line_numbers=True,
                    )
        yield Static(id="planner-inputs-report", markup=False)

    def on_mount(self) -> None:
        for name in LISTS:  # ready to add a line under what is there
            area = self._area(name)
            area.move_cursor(area.document.end)
        self._area("rooms").focus()
        self._check()

    # --- the lists -------------------------------------------------------------------------

    def _area(self, name: str) -> TextArea:
        return self.query_one(f"#planner-inputs-{name}", TextArea)

    def texts(self) -> tuple[str, str, str]:
        rooms, slots, invigilators = (self._area(name).text for name in LISTS)
        return rooms, slots, invigilators

    def _current(self) -> str:
        active = self.query_one(TabbedContent).active or "tab-rooms"
        return active.removeprefix("tab-")

    def on_text_area_changed(self, _: TextArea.Changed) -> None:
        self._check()

    def on_tabbed_content_tab_activated(self, _: TabbedContent.TabActivated) -> None:
        self._check()

    def _check(self) -> None:
        """The report of the list shown: its summary, then its first refused lines."""
        from pixtui.services.planning import read_input_files, report_problems

        files = read_input_files(*(text.encode("utf-8") for text in self.texts()))
        current = LISTS.index(self._current())
        report = files.reports[current]
        text = self.texts()[current]
        if not any(line.strip() for line in text.splitlines()[1:]):
            lines = [t("planner_inputs.empty")]
        else:
            lines = [report.summary()] + [p.message for p in report_problems(report)][:2]
        self.query_one("#planner-inputs-report", Static).update("\n".join(lines))

    # --- actions ---------------------------------------------------------------------------

    def action_next_list(self) -> None:
        tabs = self.query_one(TabbedContent)
        following = LISTS[(LISTS.index(self._current()) + 1) % len(LISTS)]
        tabs.active = f"tab-{following}"
        self._area(following).focus()

    def action_save(self) -> None:
        from pixtui.services.planning import save_typed_inputs

        def refused(refusal: Refused) -> None:
            shown = [p.message for p in refusal.problems][:3]
            self.query_one("#planner-inputs-report", Static).update("\n".join(shown))

        texts = self.texts()
        saved = self.pix.write(
            "planning.inputs",
            lambda tx: save_typed_inputs(tx, *texts),
            on_refused=refused,
        )
        if saved is not None:
            self.notify(t("planner_inputs.saved"))
            self.dismiss(True)

    def action_back(self) -> None:
        discard_or_keep(self, self.texts() != self._opened, lambda: self.dismiss(False))
