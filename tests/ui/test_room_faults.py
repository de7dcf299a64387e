"""Pilot tests for the faults seen on a real install (issue 9), each written to fail before the fix,
plus the grid's widths from its one column table, at every width where the layout changes."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import DataTable

from pixtui.app import PixtuiApp
from pixtui.domain.clock import FixedClock
from pixtui.domain.enums import AssessmentState, LiveAlertKind
from pixtui.domain.models import Candidate, LiveAlert, Session
from pixtui.domain.room import GlyphSet, RoomState, glyph
from pixtui.i18n import t
from pixtui.screens.room import RoomScreen
from pixtui.store import Store
from pixtui.terminal import glyph_set
from pixtui.widgets.confirm import ConfirmDialog
from pixtui.widgets.dialogs import ChoiceDialog, TextDialog
from pixtui.widgets.room_grid import STATE_CLASSES, TILE_TABLE, WIDE_MIN_WIDTH, WIDE_TABLE

from .pilot_helpers import enter_room, keys_for, move_to, notices, room_grid, screen_text

LAT15 = Path(__file__).parents[1] / "app" / "lat15_glyphs.txt"


def rehearsal(store: Store) -> Session:
    return next(s for s in store.snapshot().sessions.all() if s.rehearsal)


def add_running(store: Store, session: Session, count: int, now: datetime) -> list[str]:
    """``count`` more pupils, started 5 minutes ago, named so that they sort after the demo's."""
    ids = []
    with store.transaction("test.add") as tx:
        for i in range(count):
            c = tx.candidates.add(
                Candidate(
                    session_id=session.id,
                    last_name=f"Zz{i:02d}",
                    first_name="Test",
                    division="3F",
                    authorized_to_start=False,
                    assessment_state=AssessmentState.STARTED,
                    started_at=now - timedelta(minutes=5),
                )
            )
            ids.append(c.id)
    return ids


def with_extra(store: Store, candidate_id: str, ratio: float) -> None:
    with store.transaction("test.extra") as tx:
        tx.candidates.update(candidate_id, lambda c: setattr(c, "extra_time_ratio", ratio))


# --- fault 2: extra time changed under a running test -----------------------------------------


async def test_t_on_a_started_pupil_asks_first_with_the_old_and_new_end(
    demo_app: PixtuiApp,
) -> None:
    store = demo_app.store
    session = rehearsal(store)
    running = [
        c
        for c in store.snapshot().candidates.where(session_id=session.id)
        if c.assessment_state is AssessmentState.STARTED and not c.extra_time_ratio
    ]
    target = running[0]
    with_extra(store, target.id, 2.0)
    async with demo_app.run_test(size=(120, 40)) as pilot:
        from pixtui.screens.session import SessionScreen

        demo_app.push_screen(SessionScreen(session.id))
        await pilot.pause()
        table = demo_app.screen.query_one("#candidates-table", DataTable)
        keys = [row.key.value for row in table.ordered_rows]
        table.move_cursor(row=keys.index(target.id))
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(demo_app.screen, ConfirmDialog)
        assert "+200 %" in screen_text(demo_app) and "+33 %" in screen_text(demo_app)
        await pilot.press("escape")  # the safe answer
        await pilot.pause()
        assert store.snapshot().candidates.get(target.id).extra_time_ratio == 2.0
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("right", "enter")
        await pilot.pause()
        changed = store.snapshot().candidates.get(target.id)
        assert changed.extra_time_ratio == 0.33 and changed.extra_time_before == 2.0
        # T again sets the same state: never back to 0 %.
        await pilot.press("t")
        await pilot.pause()
        assert store.snapshot().candidates.get(target.id).extra_time_ratio == 0.33


# --- fault 3: the tag is whole; fault 8: widths from one table ---------------------------------


@pytest.mark.parametrize("width", [80, 100, 103, 106, 110, 120])
async def test_question_number_time_left_and_tags_are_whole_at_every_width(
    demo_app: PixtuiApp, clock: FixedClock, width: int
) -> None:
    store = demo_app.store
    session = rehearsal(store)
    now = clock.now()
    ids = add_running(store, session, 2, now)
    with_extra(store, ids[0], 2.0)
    with store.transaction("test.alert") as tx:
        tx.candidates.update(
            ids[1],
            lambda c: c.alerts.append(
                LiveAlert(kind=LiveAlertKind.CHALLENGE, question_number=123, raised_at=now)
            ),
        )
    height = 40
    async with demo_app.run_test(size=(width, height)) as pilot:
        await enter_room(pilot, session)
        grid = room_grid(demo_app)
        wide = grid._layout.wide  # noqa: SLF001 - which layout was chosen is the point here
        rows = len(grid.tiles) + 1
        assert wide == (width - 0 >= WIDE_MIN_WIDTH and rows <= grid.size.height)
        text = screen_text(demo_app)
        assert "+200%" in text or "+200 %" in text
        assert "Q123 !" in text
        tile = next(tile for tile in grid.tiles if tile.id == ids[0])
        assert tile.clock and tile.clock in text  # "5 h 10": the time left, whole
    assert sum(c.width for c in WIDE_TABLE) + len(WIDE_TABLE) - 1 == WIDE_MIN_WIDTH
    assert all(c.width >= 6 for c in TILE_TABLE if c.field in ("short_tag", "clock"))


# --- fault 4: a closed session -------------------------------------------------------------------


async def test_after_the_end_of_session_presences_are_refused_and_the_header_says_closed(
    demo_app: PixtuiApp, clock: FixedClock
) -> None:
    store = demo_app.store
    session = rehearsal(store)
    absent = next(
        c
        for c in store.snapshot().candidates.where(session_id=session.id)
        if c.assessment_state is None and not c.authorized_to_start
    )
    async with demo_app.run_test(size=(120, 40), notifications=True) as pilot:
        await enter_room(pilot, session)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(demo_app.screen, ChoiceDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert t("room.countdown.ended", at="09:40") in screen_text(demo_app)
        await move_to(pilot, absent.id)
        await pilot.press("p")
        await pilot.pause()
        assert not store.snapshot().candidates.get(absent.id).authorized_to_start
        assert t("room.session_ended") in notices(demo_app)
        # Said on the message line, not in a toast over the grid (fault 6).
        assert not demo_app._notifications  # noqa: SLF001
        assert t("room.session_ended")[:40] in screen_text(demo_app)


# --- fault 6: attention always in sight -----------------------------------------------------------


@pytest.mark.parametrize("extra", [1, 16, 36])  # 25, 40 and 60 candidates
async def test_an_alert_stays_in_sight_when_scrolled_down(
    demo_app: PixtuiApp, clock: FixedClock, extra: int
) -> None:
    store = demo_app.store
    session = rehearsal(store)
    add_running(store, session, extra, clock.now())
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await enter_room(pilot, session)
        await pilot.press("end")  # the bottom of the grid: the demo's two alerts are at the top
        await pilot.pause()
        lines = screen_text(demo_app).splitlines()
        attention = next(line for line in lines if line.startswith("À traiter"))
        assert "LE GOFF Lucas Ext. !" in attention and "CARON Solène Q12 !" in attention
        assert attention.startswith(t("room.attention.title", count=2).rstrip())
        if extra > 1:  # 40 and 60 candidates: the alerts' own tiles are scrolled out of sight
            assert not any(line.startswith("‼ LE GOFF") for line in lines)
        assert lines[-1].strip().endswith(t("binding.help"))  # the footer is whole


# --- fault 7: glyphs ---------------------------------------------------------------------------


def test_the_linux_glyph_set_is_in_the_lat15_font_and_chosen_for_term_linux() -> None:
    lat15 = set(LAT15.read_text(encoding="utf-8").splitlines()[-1])
    for glyphs in GlyphSet:
        drawn = [glyph(state, glyphs=glyphs) for state in RoomState]
        assert len(set(drawn)) == len(drawn), glyphs  # every state its own glyph
    assert {glyph(s, glyphs=GlyphSet.LINUX) for s in RoomState} <= lat15
    assert "?" in lat15 and "…" in lat15
    assert not {glyph(s) for s in RoomState} <= lat15  # the Unicode set is not (► ◄ √)
    assert glyph_set({"TERM": "linux"}) == "linux"
    assert glyph_set({"TERM": "xterm"}) == "unicode"
    assert glyph_set({"TERM": "xterm", "PIXTUI_GLYPHS": "ascii"}) == "ascii"
    assert glyph_set({"TERM": "linux"}, override="unicode") == "unicode"
    assert glyph_set({"TERM": "linux", "PIXTUI_GLYPHS": "bogus"}) == "linux"


async def test_term_linux_draws_the_room_with_lat15_glyphs(
    demo_store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TERM", "linux")
    app = PixtuiApp(demo_store, clock, watch_terminal=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await enter_room(pilot, rehearsal(demo_store))
        grid_glyphs = {tile.glyph for tile in room_grid(app).tiles}
        lat15 = set(LAT15.read_text(encoding="utf-8").splitlines()[-1])
        assert grid_glyphs <= lat15


async def test_without_colour_every_state_has_its_own_attributes(
    demo_store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = PixtuiApp(demo_store, clock, watch_terminal=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await enter_room(pilot, rehearsal(demo_store))
        grid = room_grid(app)
        looks = {}
        for state, component in STATE_CLASSES.items():
            style = grid.get_component_rich_style(component)
            looks[state] = (
                bool(style.bold),
                bool(style.dim),
                bool(style.underline),
                bool(style.reverse),
            )
        assert len(set(looks.values())) == len(looks), looks


# --- fault 9: typed start time, legend, alphabetical lists --------------------------------------


async def test_a_typed_start_long_before_the_slot_is_confirmed_first(
    demo_app: PixtuiApp, clock: FixedClock
) -> None:
    store = demo_app.store
    session = rehearsal(store)
    with store.transaction("test.present") as tx:
        target = next(
            c
            for c in tx.candidates.where(session_id=session.id)
            if c.assessment_state is None and not c.authorized_to_start
        )
        tx.candidates.update(target.id, lambda c: setattr(c, "authorized_to_start", True))
    slot = session.start_time
    early = (datetime.combine(session.date, slot) - timedelta(minutes=20)).strftime("%Hh%M")
    async with demo_app.run_test(size=(120, 40)) as pilot:
        await enter_room(pilot, session)
        await move_to(pilot, target.id)
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(demo_app.screen, TextDialog)
        await pilot.press(*keys_for(early), "enter")
        await pilot.pause()
        assert isinstance(demo_app.screen, ConfirmDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert store.snapshot().candidates.get(target.id).started_at is None


async def test_f1_in_the_room_has_a_legend_of_every_glyph(demo_app: PixtuiApp) -> None:
    async with demo_app.run_test(size=(120, 60)) as pilot:
        await enter_room(pilot, rehearsal(demo_app.store))
        screen = demo_app.screen
        assert isinstance(screen, RoomScreen)
        await pilot.press("f1")
        await pilot.pause()
        text = screen_text(demo_app)
        for state in RoomState:
            assert t(f"domain.room_state.{state.value}") in text
        assert "+33 %" in text


async def test_the_end_of_session_dialog_lists_names_alphabetically(
    demo_app: PixtuiApp, clock: FixedClock
) -> None:
    store = demo_app.store
    session = rehearsal(store)
    async with demo_app.run_test(size=(120, 40)) as pilot:
        await enter_room(pilot, session)
        await pilot.press("e")
        await pilot.pause()
        dialog = demo_app.screen
        assert isinstance(dialog, ChoiceDialog)
        options = [key for key, _ in dialog._options][1:]  # noqa: SLF001
        names = {c.id: (c.last_name, c.first_name) for c in store.snapshot().candidates.all()}
        shown = [names[key] for key in options]
        from pixtui.domain.names import name_key

        assert shown == sorted(shown, key=lambda n: (name_key(n[0]), name_key(n[1])))
        assert len(shown) >= 2
