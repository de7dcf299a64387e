"""Planifier la campagne (issue 16): the whole plan by day and room, locks, moves, re-solve, apply.

Opened from Sessions (F4, key P). The referent gives the folder holding ``salles.csv``,
``creneaux.csv`` and ``surveillants.csv``; the pupils come from the store. The solver runs in a
worker thread (the screen stays usable); every plan shown is checked by ``plan_problems`` and the
broken rules are listed under the table. Locks, pupils and invigilators moved by hand stay where
they are when the plan is computed again. Applying writes through ``app.write`` (one
transaction, journalled). No transaction logic here: ``pixtui.services.planning`` does it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import DataTable, Static

from pixtui.domain.clock import local_today
from pixtui.domain.names import name_key
from pixtui.domain.planning import (
    MAX_WEIGHT,
    Locks,
    Plan,
    PlanInputs,
    PlannedSession,
    PlannedSessionLock,
    Weights,
    plan_problems,
    plan_score,
    session_margins,
    weight_label,
    weights_text,
)
from pixtui.domain.problems import Problem, errors
from pixtui.domain.timing import format_day_month, format_time
from pixtui.i18n import t
from pixtui.screens.base import PixScreen
from pixtui.widgets.confirm import ConfirmDialog
from pixtui.widgets.dialogs import ChoiceDialog, TextDialog
from pixtui.widgets.tables import PlainTable, keep_cursor, selected_row_key

FILES = ("salles.csv", "creneaux.csv", "surveillants.csv")
EXTRA_TIME_FILE = "temps-majores.csv"  # optional: extra times of pupils not enrolled yet
COLUMNS = ("date", "start", "end", "room", "seats", "extra", "invigilators", "classes")


def _binding(key: str, action: str, name: str, *, show: bool = True) -> Binding:
    return Binding(
        key,
        action,
        t(f"planner.binding.{name}"),
        tooltip=t(f"planner.binding.{name}.tip"),
        id=f"planner-{name}",
        show=show,
    )


class PlannerScreen(PixScreen):
    SECTION = "sessions"
    TITLE_KEY = "planner.title"

    DEFAULT_CSS = """
    PlannerScreen #planner-status { height: 3; padding: 0 1; }
    PlannerScreen DataTable { height: 1fr; }
    PlannerScreen #planner-detail { height: 2; padding: 0 1; }
    PlannerScreen #planner-problems { height: auto; max-height: 5; padding: 0 1; }
    PlannerScreen .planner-error { color: $error; }
    """

    BINDINGS = [
        Binding("escape", "back", t("binding.back"), id="planner-back"),
        _binding("i", "import_files", "import", show=False),  # said on the status line
        _binding("t", "type_inputs", "typed", show=False),  # said on the status line
        _binding("c", "solve", "solve"),
        _binding("v", "lock", "lock"),
        _binding("d", "unlock", "unlock", show=False),
        _binding("e", "move_pupil", "pupil"),
        _binding("s", "swap_invigilator", "invigilator"),
        _binding("a", "apply", "apply"),
        _binding("x", "export", "export", show=False),
        _binding("w", "weights", "weights", show=False),  # shown under the table
    ]

    def __init__(self, folder: Path | None = None) -> None:
        super().__init__()
        self.folder = folder
        self.files: Any = None
        self.inputs: PlanInputs | None = None
        self.plan: Plan | None = None
        self.problems: list[Problem] = []
        self.hints: list[Problem] = []
        self.locks = Locks()
        self.weights = Weights()
        self.extra: Any = None  # the report of temps-majores.csv, when the folder has one
        self.solving = False

    def compose_body(self) -> Iterable[Widget]:
        yield Static(id="planner-status", markup=False)
        yield PlainTable(id="planner-table", cursor_type="row")
        yield Static(id="planner-detail", markup=False)
        with VerticalScroll(id="planner-problems"):
            yield Static(id="planner-problems-text", markup=False)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key in COLUMNS:
            table.add_column(t(f"planner.col.{key}"), key=key)
        table.focus()
        if self.folder is not None:
            self._load(self.folder)
        elif not self._load_typed():
            self._show()

    def refresh_data(self) -> None:
        self._show()

    # --- inputs ---------------------------------------------------------------------------

    def action_import_files(self) -> None:
        def check(text: str) -> str | None:
            folder = Path(text.strip()).expanduser()
            missing = [name for name in FILES if not (folder / name).is_file()]
            if missing:
                return t("planner.import.missing", folder=str(folder), files=", ".join(missing))
            return None

        self.app.push_screen(
            TextDialog(
                t("planner.import.title", files=", ".join(FILES)),
                value=str(self.folder or ""),
                check=check,
            ),
            lambda text: self._load(Path(text.strip()).expanduser()) if text else None,
        )

    def action_type_inputs(self) -> None:
        from pixtui.screens.planner_inputs import PlannerInputsScreen

        def closed(saved: bool | None) -> None:
            if saved:
                self._load_typed()

        self.app.push_screen(PlannerInputsScreen(self.snapshot.school), closed)

    def _load_typed(self) -> bool:
        """The lists typed on the planner's screen, when all three are there: planned at once."""
        from pixtui.services.planning import typed_input_files

        files = typed_input_files(self.snapshot.school)
        if files is None:
            return False
        self.folder = None
        self.files = files
        self.extra = None
        self.plan, self.problems, self.hints = None, [], []
        self.locks = Locks()
        self._build_inputs()
        if self.inputs is not None and not self.files.refused and not self.files.error:
            self.action_solve()
        self._show()
        return True

    def _load(self, folder: Path) -> None:
        from pixtui.services import planning as service

        self.folder = folder
        try:
            data = [(folder / name).read_bytes() for name in FILES]
        except OSError:
            self.notify(t("planner.import.unreadable", folder=str(folder)), severity="error")
            return
        self.files = service.read_input_files(*data)
        self.extra = None
        if (folder / EXTRA_TIME_FILE).is_file():
            from pixtui.imports.planning import parse_extra_times

            try:
                extra_data = (folder / EXTRA_TIME_FILE).read_bytes()
            except OSError:
                extra_data = b""
            self.extra = parse_extra_times(extra_data, self.snapshot.pupils.all())
        self.plan, self.problems, self.hints = None, [], []
        self.locks = Locks()
        self._build_inputs()
        if self.inputs is not None and not self.files.refused and not self.files.error:
            self.action_solve()
        self._show()

    def _build_inputs(self) -> None:
        from pixtui.services import planning as service

        self.inputs = None
        if self.files is None:
            return
        if self.files.error:
            self.problems = [Problem.error("planner.file_error", message=self.files.error)]
            return
        today = local_today(self.pix.clock)
        window = service.window_for(self.snapshot, today)
        if window is None:
            self.problems = [service.no_window_problem(today)]
            return
        self.inputs, _ = service.build_inputs(
            self.snapshot,
            self.files,
            window=window,
            today=today,
            locks=self.locks,
            weights=self.weights,
            extra_times={r.pupil_id: r.ratio for r in self.extra.rows} if self.extra else None,
        )

    # --- solving --------------------------------------------------------------------------

    def action_solve(self) -> None:
        if self.solving:
            return
        self._build_inputs()
        if self.inputs is None:
            self.notify(t("planner.no_inputs"), severity="warning")
            self._show()
            return
        inputs = self.inputs
        self.solving = True
        self._show()
        self.run_worker(lambda: self._solve_in_thread(inputs), thread=True, exclusive=True)

    def _solve_in_thread(self, inputs: PlanInputs) -> None:
        from pixtui.services.planning import solve

        outcome = solve(inputs)
        self.app.call_from_thread(self._solved, outcome)

    def _solved(self, outcome: Any) -> None:
        self.solving = False
        self.plan = outcome.plan
        self.problems = list(outcome.problems)
        self.hints = list(outcome.hints)
        self._show()

    # --- showing --------------------------------------------------------------------------

    def _show(self) -> None:
        status = self.query_one("#planner-status", Static)
        table = self.query_one(DataTable)
        keep = selected_row_key(table)
        table.clear()
        if self.solving:
            status.update(t("planner.solving"))
        elif self.files is None:
            status.update(t("planner.empty", files=", ".join(FILES)))
        elif self.plan is not None and self.inputs is not None:
            score = plan_score(self.inputs, self.plan)
            gap = self.plan.gap
            status.update(
                t(
                    "planner.status",
                    pupils=len(self.inputs.pupils),
                    sessions=score.sessions,
                    hours=f"{score.invigilator_hours:.1f}".replace(".", ","),
                    split=score.classes_split,
                    state=t(f"planning.status.{self.plan.status}") if self.plan.status else "",
                    gap=f"{100 * gap:.1f}".replace(".", ",") if gap is not None else "–",
                )
                + "\n"
                + self._files_line()
            )
        else:
            status.update(self._files_line())
        if self.plan is not None and self.inputs is not None:
            divisions = {p.id: p.division for p in self.inputs.pupils}
            for session in self.plan.ordered():
                margins = session_margins(self.inputs, session)
                room = self.inputs.room(session.slot.room)
                classes = sorted({divisions.get(p, "?") for p in session.pupil_ids}, key=name_key)
                if session.reserve:
                    classes = [t("planning.reserve.label")]
                lock = "*" if session.slot.id in self.locks.sessions else ""
                table.add_row(
                    f"{lock}{format_day_month(session.slot.day)}",
                    format_time(session.slot.start),
                    format_time(margins.end),
                    session.slot.room[:12],
                    f"{len(session.pupil_ids)}/{room.capacity if room else 0}",
                    str(margins.extra_time or ""),
                    ", ".join(session.invigilators)[:20],
                    " ".join(classes),
                    key=session.slot.id,
                )
        keep_cursor(table, keep)
        self._show_detail()
        self._show_problems()

    def _files_line(self) -> str:
        if self.files is None:
            return ""
        return t(
            "planner.files",
            rooms=len(self.files.rooms.rows),
            slots=len(self.inputs.slots) if self.inputs else 0,
            invigilators=len(self.files.invigilators.rows),
            refused=self.files.refused,
        )

    def _show_problems(self) -> None:
        lines: list[str] = []
        if self.files is not None:
            extra = [self.extra] if self.extra is not None else []
            for report in [*self.files.reports, *extra]:
                lines += [
                    t("planning.cli.refused_line", line=r.line, reason=r.reason).strip()
                    for r in report.refused
                ]
        found = list(self.problems)
        if self.plan is not None and self.inputs is not None:
            found = [p for p in found if p not in errors(found)] + plan_problems(
                self.inputs, self.plan
            )
        lines += [("✗ " if p in errors(found) else "") + p.message for p in found]
        lines += [h.message for h in self.hints]
        lines.append(f"{weights_text(self.weights)} {t('planner.weights.key')}")
        self.query_one("#planner-problems-text", Static).update("\n".join(lines))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        detail = self.query_one("#planner-detail", Static)
        session = self._selected()
        if session is None or self.inputs is None:
            detail.update("")
            return
        m = session_margins(self.inputs, session)
        spacing = (
            t("planner.margin.spacing", days=m.spacing_days) if m.spacing_days is not None else ""
        )
        detail.update(
            t(
                "planner.margins",
                seats=m.seats,
                invigilated=m.invigilated,
                minutes=m.minutes,
                until=format_time(session.slot.free_until),
            )
            + spacing
        )

    def _selected(self) -> PlannedSession | None:
        key = selected_row_key(self.query_one(DataTable))
        if key is None or self.plan is None:
            return None
        return next((s for s in self.plan.sessions if s.slot.id == key), None)

    def _need_selection(self) -> PlannedSession | None:
        session = self._selected()
        if session is None:
            self.notify(t("planner.none_selected"), severity="warning")
        return session

    # --- locks and moves ------------------------------------------------------------------

    def action_lock(self) -> None:
        session = self._need_selection()
        if session is None:
            return
        sessions = dict(self.locks.sessions)
        sessions[session.slot.id] = PlannedSessionLock(
            session.pupil_ids, session.invigilators, reserve=session.reserve
        )
        self.locks = dataclasses.replace(self.locks, sessions=sessions)
        self._set_plan([dataclasses.replace(session, locked=True)], session)
        self.notify(t("planner.locked", where=session.slot.id))

    def action_unlock(self) -> None:
        session = self._need_selection()
        if session is None or session.slot.id not in self.locks.sessions:
            return
        sessions = {k: v for k, v in self.locks.sessions.items() if k != session.slot.id}
        self.locks = dataclasses.replace(self.locks, sessions=sessions)
        self._set_plan([dataclasses.replace(session, locked=False)], session)
        self.notify(t("planner.unlocked", where=session.slot.id))

    def _set_plan(self, changed: list[PlannedSession], *replaced: PlannedSession) -> None:
        assert self.plan is not None
        gone = {s.slot.id for s in replaced}
        kept = [s for s in self.plan.sessions if s.slot.id not in gone]
        self.plan = dataclasses.replace(self.plan, sessions=kept + changed)
        self._show()

    def action_move_pupil(self) -> None:
        source = self._need_selection()
        if source is None or self.inputs is None or self.plan is None:
            return
        pupils = {p.id: p for p in self.inputs.pupils}
        options = [
            (p, f"{pupils[p].name} ({pupils[p].division})") for p in source.pupil_ids if p in pupils
        ]
        targets = [
            (s.slot.id, s.slot.id) for s in self.plan.ordered() if s.slot.id != source.slot.id
        ]

        def pupil_chosen(pupil_id: str | None) -> None:
            if pupil_id:
                self.app.push_screen(
                    ChoiceDialog(t("planner.move.target", name=pupils[pupil_id].name), targets),
                    lambda target: self._move_pupil(pupil_id, source, target) if target else None,
                )

        self.app.push_screen(ChoiceDialog(t("planner.move.pupil"), options), pupil_chosen)

    def _move_pupil(self, pupil_id: str, source: PlannedSession, target_id: str) -> None:
        assert self.plan is not None
        target = next(s for s in self.plan.sessions if s.slot.id == target_id)
        self.locks = dataclasses.replace(
            self.locks, pupils={**self.locks.pupils, pupil_id: target_id}
        )
        self.plan.status = "edited"
        changed = [
            dataclasses.replace(
                source, pupil_ids=tuple(p for p in source.pupil_ids if p != pupil_id)
            ),
            # a pupil moved into the reserve makes it an ordinary session
            dataclasses.replace(target, pupil_ids=(*target.pupil_ids, pupil_id), reserve=False),
        ]
        self._relock(changed)
        self._set_plan(changed, source, target)

    def _relock(self, changed: list[PlannedSession]) -> None:
        """A locked session changed by hand stays locked as it now is (re-solving keeps it)."""
        sessions = dict(self.locks.sessions)
        for session in changed:
            if session.slot.id in sessions:
                sessions[session.slot.id] = PlannedSessionLock(
                    session.pupil_ids, session.invigilators, reserve=session.reserve
                )
        self.locks = dataclasses.replace(self.locks, sessions=sessions)

    def action_swap_invigilator(self) -> None:
        session = self._need_selection()
        if session is None or self.inputs is None:
            return
        current = [(n, n) for n in session.invigilators]
        others = [
            (i.name, i.name)
            for i in self.inputs.invigilators
            if name_key(i.name) not in {name_key(n) for n in session.invigilators}
        ]

        def out_chosen(name: str | None) -> None:
            if name:
                self.app.push_screen(
                    ChoiceDialog(t("planner.swap.in", name=name), others),
                    lambda new: self._swap(session, name, new) if new else None,
                )

        self.app.push_screen(ChoiceDialog(t("planner.swap.out"), current), out_chosen)

    def _swap(self, session: PlannedSession, old: str, new: str) -> None:
        assert self.plan is not None
        names = tuple(new if n == old else n for n in session.invigilators)
        pins = {pin for pin in self.locks.invigilators if pin != (old, session.slot.id)}
        self.locks = dataclasses.replace(
            self.locks, invigilators=frozenset(pins | {(new, session.slot.id)})
        )
        self.plan.status = "edited"
        changed = [dataclasses.replace(session, invigilators=names)]
        self._relock(changed)
        self._set_plan(changed, session)

    # --- weights --------------------------------------------------------------------------

    def action_weights(self) -> None:
        options = [(n, f"{weight_label(n)} : {getattr(self.weights, n)}") for n in Weights.NAMES]

        def check(text: str) -> str | None:
            value = text.strip()
            if not value.isdigit() or int(value) > MAX_WEIGHT:
                return t("planner.weights.bad", most=MAX_WEIGHT)
            return None

        def chosen(name: str | None) -> None:
            if name:
                self.app.push_screen(
                    TextDialog(
                        t("planner.weights.value", name=weight_label(name), most=MAX_WEIGHT),
                        value=str(getattr(self.weights, name)),
                        check=check,
                    ),
                    lambda text: self._set_weight(name, int(text)) if text else None,
                )

        self.app.push_screen(ChoiceDialog(t("planner.weights.choose"), options), chosen)

    def _set_weight(self, name: str, value: int) -> None:
        self.weights = self.weights.with_value(name, value)
        if self.files is not None:
            self.action_solve()
        else:
            self._show()

    # --- apply and export -----------------------------------------------------------------

    def action_apply(self) -> None:
        if self.plan is None or self.inputs is None:
            self.notify(t("planner.nothing"), severity="warning")
            return
        broken = errors(plan_problems(self.inputs, self.plan))
        if broken:
            self.notify(t("planner.broken", count=len(broken)), severity="warning", timeout=10)
            return
        question = t(
            "planner.apply.question",
            sessions=len(self.plan.sessions),
            pupils=sum(len(s.pupil_ids) for s in self.plan.sessions),
        )
        self.app.push_screen(
            ConfirmDialog(question, confirm_label=t("planner.apply.confirm")),
            lambda ok: self._apply() if ok else None,
        )

    def _apply(self) -> None:
        from pixtui.services.planning import apply_plan

        inputs, plan = self.inputs, self.plan
        assert inputs is not None and plan is not None
        report = self.pix.write(
            "planning.apply", lambda tx: apply_plan(tx, inputs, plan, now=self.now())
        )
        if report is not None:
            self.notify(report.summary(), timeout=10)
            self.plan = dataclasses.replace(plan, status="applied")
            self._build_inputs()
            self._show()

    def action_export(self) -> None:
        if self.plan is None or self.inputs is None:
            self.notify(t("planner.nothing"), severity="warning")
            return
        self.app.push_screen(
            TextDialog(t("planner.export.title"), value=str(self.folder or "")),
            lambda text: self._export(Path(text.strip()).expanduser()) if text else None,
        )

    def _export(self, folder: Path) -> None:
        from pixtui.documents.errors import ExportFailed
        from pixtui.services.exports import store_permissions
        from pixtui.services.planning import export_plan

        assert self.inputs is not None and self.plan is not None
        try:
            written = export_plan(
                self.inputs,
                self.plan,
                folder,
                school=self.snapshot.school.name,
                now=self.now(),
                permissions=store_permissions(self.pix.store),
            )
        except ExportFailed as error:
            self.notify(str(error), severity="error", timeout=10)
            return
        self.notify(t("planner.exported", count=len(written), folder=str(folder)))

    def action_back(self) -> None:
        self.app.pop_screen()
