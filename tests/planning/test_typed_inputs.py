"""The planner's rooms, slots and invigilators typed on screen (issue 16): one validator for
the screen and the CSV files, nothing written while a line is refused, planned once saved."""

from __future__ import annotations

from pathlib import Path

import pytest

from pixtui.domain.problems import Refused
from pixtui.screens.planner import PlannerScreen
from pixtui.screens.planner_inputs import PlannerInputsScreen
from pixtui.services.planning import (
    read_input_files,
    save_typed_inputs,
    typed_input_files,
    typed_texts,
)
from tests.ui.pilot_helpers import english_left, screen_text

DATA = Path(__file__).resolve().parents[2] / "data" / "planning"
FILES = ("salles.csv", "creneaux.csv", "surveillants.csv")


def _keys(text: str) -> list[str]:
    names = {" ": "space", ";": "semicolon"}
    return [names.get(char, char) for char in text]


def _csv_texts() -> list[str]:
    return [(DATA / name).read_text(encoding="utf-8") for name in FILES]


@pytest.fixture(autouse=True)
def _fast_solver(monkeypatch):
    from pixtui.services import planning

    fast = planning.SolveOptions(time_limit=1.0)
    real = planning.solve
    monkeypatch.setattr(planning, "solve", lambda inputs, options=None: real(inputs, fast))


def test_typed_lists_read_as_the_csv_files_do(demo_store):
    texts = _csv_texts()
    with demo_store.transaction("planning.inputs") as tx:
        save_typed_inputs(tx, *texts)
    school = demo_store.snapshot().school
    typed = typed_input_files(school)
    files = read_input_files(*((DATA / name).read_bytes() for name in FILES))
    assert typed is not None
    # oracle: the same rows from the screen's lists and from the files
    assert typed.rooms.rows == files.rooms.rows
    assert typed.slots.rows == files.slots.rows
    assert typed.invigilators.rows == files.invigilators.rows
    assert typed_texts(school) == tuple(text.strip() + "\n" for text in texts)
    assert any(e.action == "planning.inputs" for e in demo_store.journal_tail(3))


def test_a_refused_line_writes_nothing_and_says_which(demo_store):
    rooms, slots, invigilators = _csv_texts()
    before = demo_store.snapshot().counter
    with pytest.raises(Refused) as refused, demo_store.transaction("planning.inputs") as tx:
        save_typed_inputs(tx, rooms + "Salle 9;B;vingt;0\n", slots, invigilators)
    assert demo_store.snapshot().counter == before
    message = refused.value.message
    assert "ligne 4" in message, message


def test_lists_not_typed_yet_are_kept_empty_and_plan_nothing(demo_store):
    rooms, _, _ = _csv_texts()
    header_only = typed_texts(demo_store.snapshot().school)
    with demo_store.transaction("planning.inputs") as tx:
        save_typed_inputs(tx, rooms, header_only[1], header_only[2])
    school = demo_store.snapshot().school
    assert school.planning_rooms and not school.planning_slots
    assert typed_input_files(school) is None


async def test_type_the_lists_on_screen_then_the_plan_is_computed(demo_app, demo_store):
    rooms, slots, invigilators = _csv_texts()
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4", "p")
        await pilot.pause()
        assert isinstance(pilot.app.screen, PlannerScreen)
        assert "Touche T" in screen_text(pilot.app)
        await pilot.press("t")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, PlannerInputsScreen)
        text = screen_text(pilot.app).replace("\u00a0", " ")
        assert "Salles" in text and "Créneaux" in text and "Surveillants" in text
        assert "Enregistrer" in text and "F1 Aide" in text  # footer not cut at 80x24
        assert not english_left(text)
        # the first room typed by keys, a refused line said with its number as it is typed
        await pilot.press(*_keys("Salle 9;B;vingt;0"))
        await pilot.pause()
        assert "ligne 2" in screen_text(pilot.app)
        await pilot.press("ctrl+s")  # refused: nothing written, the screen stays
        await pilot.pause()
        assert isinstance(pilot.app.screen, PlannerInputsScreen)
        assert not demo_store.snapshot().school.planning_rooms
        # the rest pasted, as a referent pastes a list from a spreadsheet
        screen.query_one("#planner-inputs-rooms").text = rooms
        await pilot.press("ctrl+n")
        screen.query_one("#planner-inputs-slots").text = slots
        await pilot.press("ctrl+n")
        screen.query_one("#planner-inputs-invigilators").text = invigilators
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        planner = pilot.app.screen
        assert isinstance(planner, PlannerScreen)
        assert planner.plan is not None
        assert demo_store.snapshot().school.planning_rooms.startswith("Salle;Site")


async def test_escape_asks_before_losing_what_was_typed(demo_app, demo_store):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4", "p", "t")
        await pilot.pause()
        await pilot.press(*_keys("CDI;A;douze;0"))
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, PlannerInputsScreen)  # the question is on top
        assert "Continuer" in screen_text(pilot.app)
