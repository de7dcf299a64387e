"""Every key binding of pixtui has a stable id (the settings' [keymap] remaps keys by id, through
Textual's App.set_keymap) and a French label from the catalogue (the help lists it), the forms'
and dialogs' arrows and Ctrl+C included."""

from __future__ import annotations

from textual.binding import Binding

from pixtui.commands.doctor import pixtui_bindings
from pixtui.i18n import CATALOGUE


def test_the_walk_finds_the_screens_dialogs_and_widgets() -> None:
    owners = {owner for owner, _ in pixtui_bindings()}
    assert {"RoomScreen", "ConfirmDialog", "SessionFormScreen", "RoomGrid", "PixtuiApp"} <= owners
    assert {"AccommodationsDialog", "TextDialog", "ChoiceDialog", "RowTable"} <= owners
    assert len(pixtui_bindings()) > 80


def test_every_binding_has_an_id_and_a_french_label() -> None:
    french = {fr for fr, _en in CATALOGUE.values()}
    problems = []
    for owner, binding in pixtui_bindings():
        if not isinstance(binding, Binding):
            problems.append(f"{owner}: {binding!r} is not a Binding (no id, no label)")
            continue
        where = f"{owner} {binding.key!r} → {binding.action}"
        if not binding.id:
            problems.append(f"{where}: no id")
        if binding.description not in french:
            problems.append(f"{where}: label {binding.description!r} not from the catalogue")
    assert problems == []


def test_one_id_one_action() -> None:
    """A remapped id changes one thing: the same id never names two different actions."""
    actions: dict[str, set[str]] = {}
    for _, binding in pixtui_bindings():
        if isinstance(binding, Binding) and binding.id:
            actions.setdefault(binding.id, set()).add(binding.action)
    assert {i: a for i, a in actions.items() if len(a) > 1} == {}
