"""Élèves with a big school (issue 12): rows added as the cursor nears them, every pupil still
reachable with the keyboard, and no refill when another process writes something else."""

from __future__ import annotations

from datetime import date

import pytest

from pixtui.domain.models import Pupil
from pixtui.domain.names import name_key
from pixtui.screens.pupils import PupilsScreen
from pixtui.store import Store
from pixtui.widgets.tables import LazyTable, selected_row_key
from tests.ui.pilot_helpers import screen_text

EXTRA = 600  # with the demo's 120: 720 current pupils, far more than AHEAD


@pytest.fixture
def big_store(demo_store):
    with demo_store.transaction("test.many") as tx:
        tx.pupils.add_many(
            Pupil(
                last_name=f"ZZNOM{index:04d}",
                first_name="Léa",
                birthdate=date(2012, 1, 1),
                division="TZ",  # sorted after the demo's classes
            )
            for index in range(EXTRA)
        )
        left = tx.pupils.all()[0]
        tx.pupils.update(left.id, lambda p: setattr(p, "left_school", True))
    return demo_store


@pytest.fixture
def big_app(big_store, clock):
    from pixtui.app import PixtuiApp

    return PixtuiApp(big_store, clock, watch_terminal=False)


@pytest.fixture
def refills(monkeypatch) -> list[int]:
    """One item per refill of the pupils' table."""
    calls: list[int] = []
    original = LazyTable.show_rows
    monkeypatch.setattr(
        LazyTable, "show_rows", lambda self, *a, **k: (calls.append(1), original(self, *a, **k))
    )
    return calls


def table_of(app) -> LazyTable:
    return app.screen.query_one("#pupils-table", LazyTable)


async def test_rows_are_added_as_the_cursor_nears_them(big_app):
    current = 120 + EXTRA - 1  # the one who left is not listed
    async with big_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        table = table_of(pilot.app)
        assert table.total_rows == current
        assert table.row_count == LazyTable.AHEAD  # not 719 rows measured at once
        summary = str(pilot.app.screen.query_one("#pupils-filters").render())
        assert f"{current}/{current}" in summary

        # Down to AHEAD // 2 of the last added row, and one more: rows are added.
        await pilot.press(*["down"] * (LazyTable.AHEAD // 2 + 1))
        await pilot.pause()
        assert table.row_count > LazyTable.AHEAD
        assert table.total_rows == current

        was = table.cursor_row
        await pilot.press("pagedown")
        await pilot.pause()
        assert table.cursor_row > was
        assert table.row_count >= table.cursor_row + LazyTable.AHEAD // 2

        await pilot.press("ctrl+end")  # the last pupil, whatever was added so far
        await pilot.pause()
        assert table.row_count == current
        assert table.cursor_row == current - 1
        last = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        assert pilot.app.snapshot.pupils.get(last).last_name == f"ZZNOM{EXTRA - 1:04d}"


async def test_search_refills_and_keeps_the_cursor(big_app):
    async with big_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("ctrl+end")
        await pilot.pause()
        table = table_of(pilot.app)
        chosen = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        await pilot.press("slash", "z", "z")
        await pilot.pause()
        assert table.total_rows == EXTRA
        # The chosen pupil is the last row, beyond the first AHEAD: added so the cursor stays.
        assert table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value == chosen
        await pilot.press("backspace", "backspace")
        await pilot.pause()
        assert table.total_rows == 120 + EXTRA - 1
        assert table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value == chosen


async def test_a_pupil_changed_elsewhere_is_shown(big_app, big_store, clock, refills):
    calls = refills
    async with big_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(pilot.app.screen, PupilsScreen)
        other = Store.open(big_store.path, actor="autre", clock=clock)
        with other.transaction("test.pupil") as tx:
            pupil = next(p for p in tx.pupils.all() if p.last_name == "ZZNOM0000")
            tx.pupils.update(pupil.id, lambda p: setattr(p, "division", "2C"))
        calls.clear()
        pilot.app.poll_store()
        await pilot.pause()
        assert calls == [1]
        row = table_of(pilot.app).get_row(pupil.id)
        assert str(row[2]) == "2C"


async def test_another_write_that_is_not_a_pupil_redraws_nothing(
    big_app, big_store, clock, refills
):
    calls = refills
    async with big_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        other = Store.open(big_store.path, actor="autre", clock=clock)
        with other.transaction("test.session") as tx:
            session = tx.sessions.all()[0]
            tx.sessions.update(session.id, lambda s: setattr(s, "room", s.room + " bis"))
        calls.clear()
        counter = pilot.app.snapshot.counter
        pilot.app.poll_store()
        await pilot.pause()
        assert pilot.app.snapshot.counter == counter  # the app did see the change
        assert calls == []


def shown_keys(table) -> list[str]:
    return [table.coordinate_to_cell_key((row, 0)).row_key.value for row in range(table.row_count)]


async def test_the_columns_are_chosen_by_width_and_come_back_wider(big_app):
    """At 80 columns what decides an action is shown, names cut with « … »; the birthdate and
    the certifiability's date come back from 100 columns; the cursor stays on its pupil."""
    async with big_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        table = table_of(pilot.app)
        narrow = ["last_name", "first_name", "division", "certifiability", "login", "follow_up"]
        assert table.shown_columns == narrow
        assert sum(c.get_render_width(table) for c in table.ordered_columns) <= 78
        await pilot.press("down", "down", "down")
        chosen = selected_row_key(table)
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        assert table.shown_columns == [
            "last_name",
            "first_name",
            "division",
            "birthdate",
            "certifiability",
            "certifiability_date",
            "login",
            "follow_up",
        ]
        assert selected_row_key(table) == chosen
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert table.shown_columns == narrow
        assert selected_row_key(table) == chosen


async def test_a_long_name_is_cut_with_an_ellipsis(big_app, big_store):
    with big_store.transaction("test.long") as tx:
        pupil = next(p for p in tx.pupils.all() if p.last_name == "ZZNOM0000")
        tx.pupils.update(pupil.id, lambda p: setattr(p, "last_name", "ZZ" + "A" * 40))
    async with big_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3", "slash", *"zza")
        await pilot.pause()
        table = table_of(pilot.app)
        assert shown_keys(table) == [pupil.id]
        text = screen_text(pilot.app)
        assert "ZZAAAAAA" in text and "…" in text and "A" * 40 not in text


async def test_the_filter_uses_the_folded_names_and_adds_only_what_shows(big_app, big_store):
    with big_store.transaction("test.names") as tx:
        pupil = next(p for p in tx.pupils.all() if p.last_name == "ZZNOM0001")
        tx.pupils.update(
            pupil.id,
            lambda p: (setattr(p, "last_name", "Le Bœuf-Dupré"), setattr(p, "first_name", "Zoé")),
        )
    async with big_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        table = table_of(pilot.app)
        await pilot.press("slash", *"zoe dup")  # accents, case, two words in any order
        await pilot.pause()
        assert shown_keys(table) == [pupil.id]
        await pilot.press(*["backspace"] * 7)
        await pilot.pause()
        await pilot.press("l")  # one letter: many pupils, only a batch formatted and added
        await pilot.pause()
        assert table.total_rows > LazyTable.AHEAD
        assert table.row_count < table.total_rows  # the rest is added as the cursor nears
        for key in shown_keys(table):
            pupil = pilot.app.snapshot.pupils.get(key)
            words = name_key(f"{pupil.last_name} {pupil.first_name}").split()
            assert any(word.startswith("l") for word in words)
        await pilot.press("backspace")
        await pilot.pause()
        assert table.total_rows == 120 + EXTRA - 1


def test_current_pupils_leaves_out_those_who_left_and_keeps_records_without_the_field():
    from pixtui.services.pupils import current_pupils
    from pixtui.store.repository import SnapshotRepository

    stored = {
        "1": {"id": "a", "last_name": "Présent", "left_school": False},
        "2": {"id": "b", "last_name": "Parti", "left_school": True},
        "3": {"id": "c", "last_name": "Ancien"},  # written before the field existed
    }

    class Snap:
        pupils = SnapshotRepository(lambda: stored, Pupil)

    assert sorted(p.id for p in current_pupils(Snap())) == ["a", "c"]
