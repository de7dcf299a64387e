"""Pilot tests, key presses only: imports, pupils' filters, session rules, enrolment, extra time,
checklist."""

from __future__ import annotations

import shutil

from textual.widgets import DataTable

from pixtui.screens.enrolment import EnrolmentScreen
from pixtui.screens.import_review import ImportReviewScreen
from pixtui.screens.pupils import PupilsScreen
from pixtui.screens.session import SessionScreen
from pixtui.screens.session_form import SessionFormScreen
from pixtui.screens.sessions import SessionsScreen
from pixtui.widgets.confirm import ConfirmDialog
from pixtui.widgets.tables import LazyTable
from tests.prep.conftest import EXAMPLES, paste, session_by_room


async def type_text(pilot, text: str) -> None:
    await pilot.press(*["space" if ch == " " else ch for ch in text])


async def submit_import_path(pilot, path: str) -> None:
    """Élèves, i Importer, the path typed and submitted."""
    await pilot.press("f3", "i")
    await pilot.pause()
    await type_text(pilot, path)
    await pilot.press("enter")
    await pilot.pause()


async def confirm(pilot) -> None:
    """The safe answer has the focus: move to the confirming button, then Entrée."""
    assert isinstance(pilot.app.screen, ConfirmDialog)
    await pilot.press("right", "enter")
    await pilot.pause()


def rows(app, selector: str = "#pupils-table") -> int:
    table = app.screen.query_one(selector, DataTable)
    return table.total_rows if isinstance(table, LazyTable) else table.row_count


async def test_import_with_refused_lines(demo_app, demo_store, tmp_path, monkeypatch):
    shutil.copy(EXAMPLES / "liste_cassee.csv", tmp_path / "liste.csv")
    monkeypatch.chdir(tmp_path)
    before = len(demo_store.snapshot().pupils)
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await submit_import_path(pilot, "absent.csv")
        assert "n'existe pas" in str(pilot.app.screen.query_one("#dialog-error").render())
        await pilot.press(*["backspace"] * 10)
        await type_text(pilot, "liste.csv")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ImportReviewScreen)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        report = str(pilot.app.screen.query_one("#import-report").render())
        assert "Lignes refusées (10)" in report
        assert "ligne 3 : Date illisible" in report
        assert len(demo_store.snapshot().pupils) == before  # nothing written yet
        await pilot.press("a")
        await pilot.pause()
        await confirm(pilot)
        assert isinstance(pilot.app.screen, PupilsScreen)
        assert len(demo_store.snapshot().pupils) == before + 4


async def test_import_path_error_goes_when_the_next_path_is_typed(demo_app, tmp_path, monkeypatch):
    """The refusal was about the path submitted: it must not stay under the next one."""
    monkeypatch.chdir(tmp_path)
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await submit_import_path(pilot, "absent.csv")
        error = pilot.app.screen.query_one("#dialog-error")
        assert "n'existe pas" in str(error.render())
        await pilot.press("backspace")
        await pilot.pause()
        assert str(error.render()).strip() == ""
        await pilot.press("enter")  # submitted again: refused again, with its sentence
        await pilot.pause()
        assert "n'existe pas" in str(error.render())


async def test_import_cancelled_writes_nothing(demo_app, demo_store, tmp_path, monkeypatch):
    shutil.copy(EXAMPLES / "siecle_3e_utf8_bom.csv", tmp_path / "s.csv")
    monkeypatch.chdir(tmp_path)
    counter = demo_store.snapshot().counter
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3", "i")
        await type_text(pilot, "s.csv")
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("enter")  # the safe answer: do not import
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, PupilsScreen)
    assert demo_store.snapshot().counter == counter


async def test_pupils_filters_and_search(demo_app):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        app = pilot.app
        assert rows(app) == 120
        await pilot.press("c", "down", "enter")  # first class: 3A
        await pilot.pause()
        assert rows(app) == 24
        await pilot.press("e", "down", "down", "enter")  # non certifiable
        await pilot.pause()
        assert rows(app) == 3
        await pilot.press("escape")
        await pilot.pause()
        assert rows(app) == 120
        await pilot.press("l")
        await pilot.pause()
        await pilot.press(*["down"] * 6, "enter")  # e-mail only
        await pilot.pause()
        assert 0 < rows(app) < 120
        await pilot.press("escape", "slash")
        await type_text(pilot, "zerb")
        await pilot.pause()
        assert rows(app) == 1
        await pilot.press("enter", "v")
        await pilot.pause()
        assert rows(app, "#classes-table") == 5
        await pilot.press("n")  # 3A informed
        await pilot.pause()
        line = str(app.screen.query_one("#pupils-class-line").render())
        assert "mdupont" in line


async def _fill_form(pilot, values: list[str]) -> None:
    """Each value pasted into its field, then Entrée to the next field."""
    for value in values:
        if value:
            await paste(pilot, value)
        await pilot.press("enter")


async def test_create_edit_delete_sessions(demo_app, demo_store):
    count = len(demo_store.snapshot().sessions)
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4", "n")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SessionFormScreen)
        # No room: an ERROR refuses the save.
        await _fill_form(pilot, ["Bâtiment A", "", "25/03/2027", "10:00", "Mme Roux"])
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SessionFormScreen)
        assert "salle est obligatoire" in str(pilot.app.screen.query_one("#form-problems").render())
        # Fill the room, but no Pix codes yet: WARNINGs ask a confirmation.
        room = pilot.app.screen.query_one("#field-room")
        room.focus()
        await paste(pilot, "Salle 7", into=room)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await confirm(pilot)
        assert isinstance(pilot.app.screen, SessionsScreen)
        assert len(demo_store.snapshot().sessions) == count + 1
        created = session_by_room(demo_store, "Salle 7", "2027-03-25")
        # Overlap: another session in Salle 7 at 11:00 the same day is refused.
        await pilot.press("n")
        await _fill_form(pilot, ["Bâtiment A", "Salle 7", "25/03/2027", "11:00", "M. Petit"])
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SessionFormScreen)
        assert "déjà" in str(pilot.app.screen.query_one("#form-problems").render())
        await pilot.press("escape")
        await pilot.pause()
        await confirm(pilot)  # what was typed is discarded only once confirmed
        assert len(demo_store.snapshot().sessions) == count + 1
        # Edit: the cursor is on the created session (moved there after creation).
        table = pilot.app.screen.query_one(DataTable)
        table.move_cursor(row=table.get_row_index(created.id))
        await pilot.press("m")
        await pilot.pause()
        pilot.app.screen.query_one("#field-room").focus()
        await pilot.press("end", "space", "b", "i", "s", "ctrl+s")
        await pilot.pause()
        if isinstance(pilot.app.screen, ConfirmDialog):
            await confirm(pilot)
        assert demo_store.snapshot().sessions.get(created.id).room == "Salle 7 bis"
        # Delete: today's rehearsal has started, refused; the new one goes after confirmation.
        table.move_cursor(row=0)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SessionsScreen)
        table.move_cursor(row=table.get_row_index(created.id))
        await pilot.press("s")
        await pilot.pause()
        await confirm(pilot)
        assert demo_store.snapshot().sessions.get(created.id) is None
        assert len(demo_store.snapshot().sessions) == count


async def test_enrol_whole_class_extra_time_and_checklist(demo_app, demo_store):
    session = session_by_room(demo_store, "Salle 114", "2027-06-01")
    before = [
        c for c in demo_store.snapshot().candidates.where(session_id=session.id) if not c.removed
    ]
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        table = pilot.app.screen.query_one(DataTable)
        table.move_cursor(row=table.get_row_index(session.id))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SessionScreen)
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(pilot.app.screen, EnrolmentScreen)
        # Pick a class none of whose pupils is in this session yet.
        enrolled_classes = {c.division for c in before}
        free = next(d for d in ("3A", "3B", "3C", "3D", "3E") if d not in enrolled_classes)
        await pilot.press("c")
        await pilot.pause()
        await pilot.press(*["down"] * ["3A", "3B", "3C", "3D", "3E"].index(free), "enter")
        await pilot.pause()
        assert pilot.app.screen.division == free
        await pilot.press("t", "i")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmDialog)  # non-certifiable pupils in the class
        await confirm(pilot)
        class_size = len([p for p in demo_store.snapshot().pupils.all() if p.division == free])
        after = [
            c
            for c in demo_store.snapshot().candidates.where(session_id=session.id)
            if not c.removed
        ]
        assert len(after) == len(before) + class_size
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SessionScreen)
        first = pilot.app.screen.query_one("#candidates-table", DataTable)
        first.move_cursor(row=0)
        key = first.coordinate_to_cell_key(first.cursor_coordinate).row_key.value
        await pilot.press("t")
        await pilot.pause()
        assert demo_store.snapshot().candidates.get(key).extra_time_ratio == 0.33
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*["backspace"] * 4)
        await type_text(pilot, "50")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert demo_store.snapshot().candidates.get(key).extra_time_ratio == 0.5
        was = demo_store.snapshot().sessions.get(session.id).checklist[0]
        await pilot.press("c", "space")
        await pilot.pause()
        first_item = demo_store.snapshot().sessions.get(session.id).checklist[0]
        # The first step flipped (the demo's sessions come with their first steps done).
        assert first_item.key == "created_in_pix_certif"
        assert first_item.done is not was.done
        if first_item.done:
            assert first_item.by == "mdupont" and first_item.at is not None
        else:
            assert (first_item.by, first_item.at) == (None, None)
