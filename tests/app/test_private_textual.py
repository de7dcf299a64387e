"""The one private Textual API pixtui still uses, and the public ways that replaced the others
(docs/textual-private-apis.md). Each test fails on a Textual upgrade that breaks the promise."""

from __future__ import annotations

import ast
import inspect
import os
import re
import stat
from pathlib import Path

import pytest
from textual.app import App
from textual.screen import Screen
from textual.widget import Widget

from pixtui.app import PixtuiApp
from pixtui.i18n import t
from pixtui.screens import SCREEN_FACTORIES
from pixtui.screens.enrolment import EnrolmentScreen
from pixtui.screens.help import screen_bindings
from pixtui.widgets.tables import PlainTable
from tests.app.pty_helpers import read_until, spawn

PIXTUI = Path(__file__).resolve().parents[2] / "pixtui"

# --- App._fatal_error: the crash promise --------------------------------------------------

# pixtui's own entry point, where Aide (F1) raises: the local ``pupil`` holds a name that is in
# no source file, so it can only reach the screen or the log through a local value.
_CRASH_ON_F1 = """
import sys
import pixtui.screens.help as help

def crashing(self):
    pupil = "".join(reversed("erviuqcaJ-ennÉ"))
    raise RuntimeError("help could not be built")

help.HelpScreen._content = crashing
from pixtui.cli import main
sys.exit(main())
"""
SECRET = "Éne-Jacquivre"


def test_textual_still_calls_the_private_hook_pixtui_overrides() -> None:
    """``App._handle_exception`` stores the error in ``_exception`` and calls ``_fatal_error``."""
    source = inspect.getsource(App._handle_exception)
    assert "self._exception = error" in source
    assert "self._fatal_error()" in source
    assert inspect.signature(App._fatal_error).parameters.keys() == {"self"}
    assert PixtuiApp._fatal_error is not App._fatal_error


@pytest.mark.slow
def test_a_crashing_app_says_one_french_sentence_and_logs_no_local_value(
    demo_store, tmp_path: Path
) -> None:
    state = tmp_path / "state"
    process, master = spawn(
        _CRASH_ON_F1, ["--store", str(demo_store.path)], env={"XDG_STATE_HOME": str(state)}
    )
    try:
        read_until(master, b"Accueil")
        os.write(master, b"\x1bOP")  # F1
        shown = read_until(master, None, timeout=20).decode("utf-8", "replace")
        assert process.wait(timeout=10) != 0
    finally:
        if process.poll() is None:
            process.kill()
    logs = list((state / "pixtui").glob("crash-*.log"))
    assert len(logs) == 1
    log = logs[0]
    sentence = t("cli.error.unexpected", log=log)
    flat = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\s+", "", shown)
    assert re.sub(r"\s+", "", sentence) in flat  # the French sentence, naming the log
    assert "Traceback" not in shown and "RuntimeError" not in shown
    assert SECRET not in shown
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    detail = log.read_text(encoding="utf-8")
    assert "RuntimeError: help could not be built" in detail  # the detail is for us
    assert SECRET not in detail  # but no local value


# --- Help reads the public BINDINGS -------------------------------------------------------


@pytest.mark.parametrize("mode", sorted(SCREEN_FACTORIES))
def test_help_lists_the_keys_textual_binds(mode: str) -> None:
    """Oracle: the public-BINDINGS reading gives what Textual itself merged for the screen."""
    screen = SCREEN_FACTORIES[mode]()
    merged = [
        b
        for items in screen._bindings.key_to_bindings.values()  # Textual's own, test only
        for b in items
        if b.id and b.description and not b.system
    ]
    ours = screen_bindings(screen)
    assert [(b.key, b.action, b.description) for b in ours] == [
        (b.key, b.action, b.description) for b in merged
    ]


def test_help_of_the_enrolment_screen() -> None:
    keys = {b.key: b.action for b in screen_bindings(EnrolmentScreen("session-id"))}
    assert keys["space"] == "select_pupil"


def _textual_actions(base: type) -> set[str]:
    return {name for name in dir(base) if name.startswith("action_")}


def _pixtui_classes() -> list[type]:
    import importlib
    import pkgutil

    import pixtui.screens
    import pixtui.widgets

    found = []
    for package in (pixtui.screens, pixtui.widgets):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            found += [
                c
                for _, c in inspect.getmembers(module, inspect.isclass)
                if c.__module__ == module.__name__ and issubclass(c, Widget)
            ]
    return found


def test_no_screen_or_widget_shadows_a_textual_action() -> None:
    """``action_toggle`` on the enrolment screen replaced Textual's own; none does any more."""
    assert "action_toggle" in _textual_actions(Screen)
    shadowing = [
        f"{cls.__name__}.{name}"
        for cls in _pixtui_classes()
        for name in vars(cls)
        if name in _textual_actions(Screen if issubclass(cls, Screen) else Widget)
    ]
    assert shadowing == []


# --- DataTable cells: a public subclass instead of patching textual.widgets._data_table -----


def test_every_table_is_a_plain_table() -> None:
    """No pixtui module builds a bare DataTable (its str cells would be read as markup), and
    none reaches into textual's private modules."""
    offenders = []
    for path in PIXTUI.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "DataTable"
            ):
                offenders.append(f"{path.name}:{node.lineno} DataTable(...)")
            if not isinstance(node, ast.ImportFrom):
                continue
            module = node.module or ""
            if module.startswith(("textual", "rich")) and (
                re.search(r"\._", module) or any(a.name.startswith("_") for a in node.names)
            ):
                offenders.append(f"{path.name}:{node.lineno} private name from {module}")
    assert offenders == []


async def test_a_plain_table_shows_brackets_as_typed() -> None:
    class OneTable(App[None]):
        def compose(self):
            yield PlainTable()

    app = OneTable()
    async with app.run_test(size=(40, 5)) as pilot:
        table = app.query_one(PlainTable)
        table.add_column("Salle", key="room")
        row = table.add_row("Labo [/i] 2 [b]", key="r")
        table.update_cell(row, "room", "Salle [red]3")
        await pilot.pause()
        assert str(table.get_cell("r", "room")) == "Salle [red]3"
        table.add_rows([["[bold]"]])
        await pilot.pause()
        assert str(table.get_cell_at((1, 0))) == "[bold]"
