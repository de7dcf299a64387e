"""Sessions and Session at 80 columns (issue 13): Début goes to the first session (DataTable's
own Home scrolled sideways), and the Aménagements column holds accommodations only, never the
enrolment note (why a non-certifiable pupil was enrolled)."""

from __future__ import annotations

from textual.widgets import DataTable

from pixtui.screens.session import SessionScreen
from tests.prep.conftest import session_by_room

SIZE = (80, 24)


async def test_home_goes_to_the_first_session(demo_app) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("f4", "down", "down", "down")
        await pilot.pause()
        table = demo_app.screen.query_one("#sessions-table", DataTable)
        assert table.cursor_row == 3
        await pilot.press("home")
        await pilot.pause()
        assert (table.cursor_row, table.scroll_x) == (0, 0)
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_row == table.row_count - 1


async def test_the_accommodations_column_is_not_the_enrolment_note(demo_app, demo_store) -> None:
    session = session_by_room(demo_store, "Salle 114", "2027-06-01")
    noted, aided = sorted(
        demo_store.snapshot().candidates.where(session_id=session.id), key=lambda c: c.id
    )[:2]
    with demo_store.transaction("test: notes") as tx:
        tx.candidates.update(
            noted.id,
            lambda c: (
                setattr(c, "enrolment_note", "Redoublant, inscrit malgré tout"),
                setattr(c, "aid_note", ""),
                setattr(c, "language_note", ""),
                setattr(c, "accessibility_adjustment", False),
            ),
        )
        tx.candidates.update(aided.id, lambda c: setattr(c, "aid_note", "AESH Mme Roux"))
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        table = demo_app.screen.query_one("#sessions-table", DataTable)
        table.move_cursor(row=table.get_row_index(session.id))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(demo_app.screen, SessionScreen)
        candidates = demo_app.screen.query_one("#candidates-table", DataTable)
        assert str(candidates.get_cell(noted.id, "notes")) == ""
        assert "AESH Mme Roux" in str(candidates.get_cell(aided.id, "notes"))
