"""Import review: the report (refused lines with numbers and reasons) and the plan, read before
anything is written. The file is read in a worker thread with a progress bar; accepting writes
the valid lines in one transaction."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rich.text import Text
from textual import work
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import ProgressBar, Static

from pixtui.domain.clock import local_today
from pixtui.i18n import t
from pixtui.imports import PupilImportPlan
from pixtui.screens.base import PixScreen
from pixtui.services.imports import (
    ImportEffects,
    ImportFileError,
    ImportPreview,
    apply_import,
    decision_text,
    describe_preview,
    effects_text,
    import_effects,
    left_question,
    prepare_import,
)
from pixtui.widgets.confirm import ConfirmDialog
from pixtui.widgets.plain import plain


def check_import_path(text: str) -> str | None:
    """The TextDialog check: a French sentence when the path is not a readable file."""
    path = Path(text.strip()).expanduser()
    if not text.strip():
        return t("prep.import.path_empty")
    if not path.exists():
        return t("prep.import.not_found", path=path)
    if path.is_dir():
        return t("prep.import.is_dir", path=path)
    return None


class ImportReviewScreen(PixScreen):
    SECTION = "eleves"
    TITLE_KEY = "prep.import.title"

    DEFAULT_CSS = """
    ImportReviewScreen #import-progress {
        height: 1;
        padding: 0 1;
    }
    ImportReviewScreen #import-scroll {
        height: 1fr;
        padding: 0 1;
    }
    ImportReviewScreen #import-decision {
        height: auto;
        padding: 0 1;
        background: $boost;
        text-style: bold;
    }
    """

    BINDINGS = [
        Binding("escape", "back", t("prep.import.binding.close"), id="import-close"),
        Binding(
            "a",
            "accept",
            t("prep.import.binding.accept"),
            tooltip=t("prep.import.binding.accept.tip"),
            id="import-accept",
        ),
        Binding(
            "p",
            "toggle_left",
            t("prep.import.binding.left"),
            tooltip=t("prep.import.binding.left.tip"),
            id="import-mark-left",
        ),
    ]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.preview: ImportPreview | None = None
        self.mark_left = False
        self.done = False

    def compose_body(self) -> Iterable[Widget]:
        yield ProgressBar(total=None, show_eta=False, id="import-progress")
        with VerticalScroll(id="import-scroll"):
            yield Static(plain(t("prep.import.reading", path=self.path)), id="import-report")
        yield Static("", id="import-decision")

    def on_mount(self) -> None:
        self.query_one("#import-scroll").focus()
        self._read(self.pix.snapshot.pupils.all())

    @work(thread=True, exclusive=True, group="import")
    def _read(self, pupils: list) -> None:
        def progress(line: int, total: int) -> None:
            self.app.call_from_thread(self._progress, line, total)

        try:
            preview = prepare_import(
                self.path, pupils, today=local_today(self.pix.clock), progress=progress
            )
        except ImportFileError as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        lines = describe_preview(preview, pupils)
        self.app.call_from_thread(self._show, preview, lines)

    def _progress(self, line: int, total: int) -> None:
        self.query_one(ProgressBar).update(total=max(total, 1), progress=line)

    def _failed(self, message: str) -> None:
        self.query_one(ProgressBar).display = False
        self.query_one("#import-report", Static).update(plain(message, style="bold red"))
        self.query_one("#import-decision", Static).update(t("prep.import.nothing_written"))

    def _show(self, preview: ImportPreview, lines: list[str]) -> None:
        self.preview = preview
        bar = self.query_one(ProgressBar)
        bar.update(total=1, progress=1)
        bar.display = False
        text = Text()
        for index, line in enumerate(lines):
            if index:
                text.append("\n")
            style = "bold" if line and not line.startswith(" ") and line.endswith(":") else ""
            text.append(line, style=style)
        self.query_one("#import-report", Static).update(text)
        self._update_decision()

    def effects(self) -> ImportEffects | None:
        """What accepting would write now, every effect counted (None before the file is read)."""
        if self.preview is None:
            return None
        pupils = self.pix.snapshot.pupils.all()
        return import_effects(self.preview, pupils, mark_left=self.mark_left)

    def _update_decision(self) -> None:
        effects = self.effects()
        if self.preview is None or effects is None:
            return
        text = decision_text(self.preview, effects)
        plan = self.preview.plan
        if isinstance(plan, PupilImportPlan) and plan.missing:
            key = "prep.import.left_on" if self.mark_left else "prep.import.left_off"
            text += "\n" + t(key, count=len(plan.missing))
        self.query_one("#import-decision", Static).update(plain(text))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "accept":
            effects = self.effects()
            return bool(effects and effects.writes and not self.done) or None
        if action == "toggle_left":
            plan = self.preview.plan if self.preview else None
            return bool(isinstance(plan, PupilImportPlan) and plan.missing) or None
        return True

    def action_toggle_left(self) -> None:
        self.mark_left = not self.mark_left
        self._update_decision()
        self.refresh_bindings()

    def action_accept(self) -> None:
        preview, effects = self.preview, self.effects()
        if preview is None or effects is None or not effects.writes or self.done:
            return
        question = t("prep.import.confirm_effects", effects=effects_text(effects))

        def answered(ok: bool | None) -> None:
            if not ok:
                return
            if effects.left_asked_apart:
                self._ask_left_apart(preview, effects)
            else:
                self._apply(preview, None)

        self.app.push_screen(
            ConfirmDialog(question, confirm_label=t("prep.import.confirm_label")), answered
        )

    def _ask_left_apart(self, preview: ImportPreview, effects: ImportEffects) -> None:
        """Marking pupils left from a doubtful file is its own, explicit decision."""
        count = effects.marked_left
        self.app.push_screen(
            ConfirmDialog(
                left_question(effects),
                confirm_label=t("prep.import.left_confirm_label", count=count),
                destructive=True,
            ),
            lambda ok: self._apply(preview, count) if ok else None,
        )

    def _apply(self, preview: ImportPreview, confirmed_left: int | None) -> None:
        outcome = self.pix.write(
            "import." + preview.kind.value,
            lambda tx: apply_import(
                tx, preview, mark_missing_as_left=self.mark_left, confirmed_left=confirmed_left
            ),
        )
        if outcome is None:
            return
        self.done = True
        message = t(
            "prep.import.applied",
            created=outcome.created,
            updated=outcome.updated,
            left=outcome.marked_left,
        )
        self.query_one("#import-decision", Static).update(plain(message))
        self.notify(message)
        self.refresh_bindings()
        self.app.pop_screen()

    def action_back(self) -> None:
        self.app.pop_screen()
