"""Every screen and dialog at 80x24 (PuTTY's size) with realistic data: nothing cut.

For each one, reached by the keys a user would press, the check asserts that every footer
binding is whole on screen and that every table column is wide enough for its header and
visible without scrolling sideways. One app runs all the screens (a snapshot costs 2 s each).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.app import App
from textual.containers import ScrollableContainer
from textual.geometry import Region
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer
from textual.widgets._footer import FooterKey

from tests.conftest import rehearsal_session
from tests.ui.pilot_helpers import keys_for

WIDTH, HEIGHT = 80, 24
LONG_LAST = "Andrianantenaina-Rakotomalala de La Tour d'Auvergne"
LONG_FIRST = "Marie-Éléonore-Alexandrine"
LONG_ROOM = "Salle informatique 204 — bâtiment Condorcet"
IMPORT_FILE = str(
    Path(__file__).resolve().parents[2] / "data" / "imports" / "siecle_3e_utf8_bom.csv"
)


def make_realistic(store, clock) -> None:
    """The demo collège with very long names and the rehearsal, today, grown to 40 candidates in
    a room with a long name."""
    session = rehearsal_session(store)
    with store.transaction("test: realistic data") as tx:
        tx.sessions.update(session.id, lambda s: setattr(s, "room", LONG_ROOM))
        candidates = tx.candidates.where(session_id=session.id)
        enrolled = {c.pupil_id for c in candidates}
        pupils = sorted(tx.pupils.all(), key=lambda p: p.id)
        for pupil in pupils[:6]:
            tx.pupils.update(
                pupil.id,
                lambda p: (
                    setattr(p, "last_name", LONG_LAST),
                    setattr(p, "first_name", LONG_FIRST),
                ),
            )
        template = candidates[0]
        extra = [p for p in pupils if p.id not in enrolled][: 40 - len(candidates)]
        for index, pupil in enumerate(extra):
            tx.candidates.add(
                replace(
                    template,
                    id=f"extra-{index}",
                    pupil_id=pupil.id,
                    last_name=pupil.last_name if index else LONG_LAST,
                    first_name=pupil.first_name if index else LONG_FIRST,
                    birthdate=pupil.birthdate,
                    division=pupil.division,
                )
            )


def cut_parts(app: App) -> list[str]:
    """What is cut on the screen now: footer bindings, table columns narrower than their
    header or reaching past the table's visible width or the screen's right edge, and in a
    dialog any text, button, field or list reaching past the screen's edges."""
    screen = app.screen
    problems: list[str] = []
    right = app.size.width
    if isinstance(screen, ModalScreen):
        whole = Region(0, 0, *app.size)
        for widget in screen.query("Static, Button, Input, OptionList"):
            scrolled = any(isinstance(a, ScrollableContainer) for a in widget.ancestors)
            if widget.display and not scrolled and not whole.contains_region(widget.region):
                name = type(widget).__name__
                text = str(getattr(widget, "label", "") or widget.id or "")
                problems.append(f"dialog: {name} « {text[:30]} » past the screen's edge")
    for footer in screen.query(Footer):
        if not footer.display:
            continue
        for key in footer.query(FooterKey):
            region = key.region
            label = f"{key.key_display} {key.description}".strip()
            if region.width == 0 or region.right > min(right, footer.region.right):
                problems.append(f"footer: « {label} » cut")
    for table in screen.query(DataTable):
        if not table.display or table.region.width == 0:
            continue
        content = table.scrollable_content_region
        room = min(content.right, right) - content.x
        x = 0
        for column in table.ordered_columns:
            width = column.get_render_width(table)
            label = column.label.plain
            if width - 2 * table.cell_padding < cell_len(label):
                problems.append(f"{table.id}: header « {label} » narrower than its label")
            x += width
            if x > room:
                problems.append(f"{table.id}: column « {label} » off-screen")
    return problems


async def reset(pilot) -> None:
    """Back to a section's first screen (dialogs and pushed screens closed)."""
    app = pilot.app
    while len(app.screen_stack) > 1:
        app.pop_screen()
        await pilot.pause()


# (screen or dialog class expected, keys from a section's first screen).
CASES: list[tuple[str, list[str]]] = [
    ("HomeScreen", ["f2"]),
    ("TextDialog", ["f2", "c"]),
    ("ChoiceDialog", ["f3", "c"]),
    ("TextDialog", ["f3", "i"]),
    ("SessionsScreen", ["f4"]),
    ("SessionFormScreen", ["f4", "n"]),
    ("SessionFormScreen", ["f4", "home", "down", "m"]),
    ("ConfirmDialog", ["f4", "home", "down", "s"]),
    ("SessionScreen", ["f4", "home", "down", "enter"]),
    ("SessionScreen", ["f4", "home", "down", "enter", "c"]),
    ("EnrolmentScreen", ["f4", "home", "down", "enter", "i"]),
    ("AccommodationsDialog", ["f4", "home", "down", "enter", "a"]),
    ("RoomEntryScreen", ["f5"]),
    ("PasswordDialog", ["f5", "home", "enter"]),
    ("CoordinationScreen", ["f6"]),
    ("FinalisationScreen", ["f7"]),
    ("FinalisationSummaryScreen", ["f7", "home", "enter"]),
    ("TextDialog", ["f7", "home", "d"]),
    ("ResultsScreen", ["f8"]),
    ("JournalScreen", ["f9"]),
    ("HelpScreen", ["f4", "f1"]),
    ("ConfirmDialog", ["ctrl+q"]),
    # every dialog, with the realistic data
    ("ConfirmDialog", ["f4", "n", "'Salle", "escape"]),  # discard what was typed?
    ("ConfirmDialog", ["f4", "home", "down", "enter", "i", "t", "i"]),  # enrol, warnings
    ("ConfirmDialog", ["f4", "home", "down", "enter", "i", "space", "escape"]),  # leave?
    ("ImportReviewScreen", ["f3", "i", "PATH", "enter"]),
    ("RoomScreen", ["ROOM"]),
    ("HelpScreen", ["ROOM", "f1"]),
    ("ChoiceDialog", ["ROOM", "e"]),  # end of the session: who is past, who inside
    ("ChoiceDialog", ["ROOM", "u"]),  # undo: which mark, set by whom
    ("ChoiceDialog", ["ROOM", "a"]),  # handle the alert
    ("ChoiceDialog", ["ROOM", "n"]),  # incident codes
    ("ChoiceDialog", ["ROOM", "o"]),  # abort reason
    ("ConfirmDialog", ["ROOM", "t"]),  # end one test
    ("ConfirmDialog", ["ROOM", "escape"]),  # leave the room?
    ("TextDialog", ["ROOM", "h"]),  # started at
    ("TextDialog", ["ROOM", "l"]),  # question alert
    ("AccessCodeScreen", ["ROOM", "v"]),
    ("RoomScreen", ["f6", "home", "enter"]),  # watched from Coordination
    # the other dialogs and screens a key opens
    ("ChoiceDialog", ["f3", "e"]),  # certifiability filter
    ("ChoiceDialog", ["f3", "l"]),  # login filter
    ("TextDialog", ["f3", "s"]),  # follow-up of a non-certifiable pupil
    ("PlannerScreen", ["f4", "p"]),
    ("ConfirmDialog", ["f4", "home", "down", "enter", "r"]),  # remove a candidate
    ("TextDialog", ["f4", "home", "down", "enter", "x"]),  # documents' folder
    ("ChoiceDialog", ["f4", "home", "down", "enter", "i", "c"]),  # enrolment: which class
    ("ConfirmDialog", ["f7", "s"]),  # finalisation: next step
    ("ConfirmDialog", ["f7", "o"]),  # reopen
    ("TextDialog", ["f7", "home", "down", "enter", "x"]),  # summary: export
    ("TextDialog", ["f8", "i"]),  # results: import
    ("ConfirmDialog", ["f3", "i", "PATH", "enter", "a"]),  # import: accept
    ("ConfirmDialog", ["ROOM", "c"]),  # finished by the candidate
    ("ConfirmDialog", ["ROOM", "D"]),  # every present pupil started
]


async def visit(pilot, keys: list[str]) -> None:
    """Press ``keys``: « 'text » types text, « ROOM » enters today's rehearsal room (F5, its
    password)."""
    for key in keys:
        if key == "ROOM":
            password = rehearsal_session(pilot.app.store).invigilator_password
            await visit(pilot, ["f5", "home", "enter", f"'{password}", "enter"])
        elif key == "PATH":
            await pilot.press(*IMPORT_FILE)
        elif key.startswith("'"):
            await pilot.press(*keys_for(key[1:]))
        else:
            await pilot.press(key)
        await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


# One app runs several cases (an app and its realistic data cost about a second); four groups
# let pytest-xdist share them between the two cores.
GROUPS = 4


@pytest.mark.parametrize("group", range(GROUPS))
async def test_every_screen_whole_at_80x24(demo_app, demo_store, clock, group) -> None:
    make_realistic(demo_store, clock)
    failures: dict[str, list[str]] = {}
    async with demo_app.run_test(size=(WIDTH, HEIGHT)) as pilot:
        await pilot.pause()
        for expected, keys in CASES[group::GROUPS]:
            await reset(pilot)
            await visit(pilot, keys)
            name = f"{expected} ({' '.join(keys)})"
            problems = cut_parts(pilot.app)
            shown = type(pilot.app.screen).__name__
            if shown != expected:
                problems.insert(0, f"{shown} shown instead")
            if problems:
                failures[name] = problems
    assert failures == {}, "\n".join(f"{k}: {v}" for k, v in failures.items())


async def test_room_whole_at_80x24(demo_app, demo_store, clock) -> None:
    make_realistic(demo_store, clock)
    session = rehearsal_session(demo_store)
    async with demo_app.run_test(size=(WIDTH, HEIGHT)) as pilot:
        await visit(
            pilot, ["f5", "home", "enter", *keys_for(session.invigilator_password), "enter"]
        )
        assert cut_parts(pilot.app) == []


@pytest.mark.parametrize("keys", [["f3"], ["f3", "v"]])
async def test_pupils_whole_at_80x24(demo_app, demo_store, clock, keys) -> None:
    make_realistic(demo_store, clock)
    async with demo_app.run_test(size=(WIDTH, HEIGHT)) as pilot:
        await visit(pilot, keys)
        assert cut_parts(pilot.app) == []


def test_columns_fit_names_cut_first_then_the_least_needed_leave() -> None:
    from pixtui.widgets.tables import Column, fit_columns

    columns = [
        Column("name", "x", cut=8),
        Column("class", "x"),
        Column("birth", "x", drop=2),
        Column("status", "x"),
        Column("note", "x", drop=1, cut=6),
    ]
    natural = [40, 6, 10, 20, 30]
    wide = fit_columns(columns, natural, 200)
    assert wide == {"name": 40, "class": 6, "birth": 10, "status": 20, "note": 30}
    # 80 columns: the name is cut, the note (drop 1) is cut too, nothing leaves yet
    assert list(fit_columns(columns, natural, 78)) == ["name", "class", "birth", "status", "note"]
    # narrower: the birthdate (highest drop) leaves first, then the note; what decides stays
    assert list(fit_columns(columns, natural, 56)) == ["name", "class", "status", "note"]
    narrow = fit_columns(columns, natural, 44)
    assert list(narrow) == ["name", "class", "status"]
    assert narrow["name"] >= 8 and narrow["status"] == 20
    assert sum(w + 2 for w in narrow.values()) <= 44


async def test_checkboxes_read_without_colour(demo_app) -> None:
    """A rehearsal box says [x] or [ ] in its characters, not only in its colour."""
    from pixtui.widgets.checkbox import TickBox
    from tests.ui.pilot_helpers import screen_text

    async with demo_app.run_test(size=(WIDTH, HEIGHT)) as pilot:
        await visit(pilot, ["f4", "n"])
        assert "[ ] Session de répétition" in screen_text(pilot.app)
        pilot.app.screen.query_one(TickBox).value = True
        await pilot.pause()
        assert "[x] Session de répétition" in screen_text(pilot.app)


class _CutTableApp(App):
    """A deliberately cut table: a 28-column first column (Accueil's Heure holding « Aucune
    session aujourd'hui ») pushes the last column past 80 columns, and a second table is wider
    than the screen although its own region holds it."""

    CSS = "#wide { width: 120; height: 4; } Horizontal { height: 5; }"

    def compose(self):
        from textual.containers import Horizontal, ScrollableContainer

        table = DataTable(id="cut")
        for label in ("Heure", "Salle", "N°", "Inscr.", "Prés.", "Cours", "Fin.", "Al."):
            table.add_column(label)
        table.add_column("Statut", key="status")
        table.add_row("Aucune session aujourd'hui", "Salle 112", "184080", "40", "37", "32", "2")
        table.add_row("09:30", "Salle 112", "184080", "40", "37", "32", "2", "! 2", "Répétition")
        yield table
        with ScrollableContainer(), Horizontal():
            wide = DataTable(id="wide")
            wide.add_column("Nom", width=100)
            wide.add_column("Statut")
            yield wide


async def test_the_check_sees_a_column_pushed_off_screen() -> None:
    """The check fails on a table whose last column is past the 80th cell (the Accueil cut),
    and on a table reaching past the screen's right edge."""
    async with _CutTableApp().run_test(size=(WIDTH, HEIGHT)) as pilot:
        await pilot.pause()
        problems = cut_parts(pilot.app)
        assert "cut: column « Statut » off-screen" in problems
        assert "wide: column « Statut » off-screen" in problems


async def test_accueil_without_a_session_today_says_so_whole(demo_store, clock) -> None:
    """No session today: a sentence where the table was (whose Heure column it widened to 28
    cells), nothing cut at 80x24."""
    from datetime import timedelta

    from pixtui.app import PixtuiApp
    from pixtui.domain.clock import FixedClock
    from tests.ui.pilot_helpers import screen_text

    tomorrow = FixedClock(clock.now() + timedelta(days=1))
    app = PixtuiApp(demo_store, tomorrow, watch_terminal=False)
    async with app.run_test(size=(WIDTH, HEIGHT)) as pilot:
        await pilot.pause()
        assert cut_parts(app) == []
        assert not app.screen.query_one("#today-sessions").display
        assert "Aucune session aujourd'hui" in screen_text(app)


async def test_a_long_confirmation_keeps_its_buttons_in_sight(demo_app) -> None:
    """A question of 40 warnings (enrolling a class of non-certifiable pupils): the answers stay
    on screen at 80x24 and Page suivante shows the rest of the text."""
    from textual.containers import VerticalScroll

    from pixtui.widgets.confirm import ConfirmDialog

    question = "\n".join(f"• Élève {n} n'est pas certifiable." for n in range(40))
    async with demo_app.run_test(size=(WIDTH, HEIGHT)) as pilot:
        await pilot.pause()
        demo_app.push_screen(ConfirmDialog(question + "\nInscrire quand même ?"))
        await pilot.pause()
        assert cut_parts(demo_app) == []
        scroll = demo_app.screen.query_one("#question-scroll", VerticalScroll)
        assert scroll.scroll_y == 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert scroll.scroll_y > 0


async def test_a_long_choice_note_keeps_the_options_in_sight(demo_app) -> None:
    """A ChoiceDialog note of 40 names (the room's end of session): the options stay on screen,
    the note shows a scrollbar and scrolls once Tab has put the focus on it."""
    from textual.containers import VerticalScroll

    from pixtui.widgets.dialogs import ChoiceDialog

    note = ", ".join(f"{LONG_LAST} {n} (11:{n:02d})" for n in range(40))
    options = [(str(n), f"Terminer le test de l'élève {n}") for n in range(40)]
    async with demo_app.run_test(size=(WIDTH, HEIGHT)) as pilot:
        await pilot.pause()
        demo_app.push_screen(ChoiceDialog("Fin de session", options, note=note))
        await pilot.pause()
        assert cut_parts(demo_app) == []
        scroll = demo_app.screen.query_one("#dialog-note", VerticalScroll)
        assert scroll.size.height <= 5 and scroll.max_scroll_y > 0
        await pilot.press("tab", "pagedown")
        await pilot.pause()
        assert scroll.scroll_y > 0
