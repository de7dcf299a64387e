"""Enrolment keeps every class's choice across class changes (what the header and the class list
show is what I enrols), and leaving with a choice not enrolled is asked first."""

from __future__ import annotations

from textual.widgets import DataTable

from pixtui.screens.enrolment import EnrolmentScreen
from pixtui.screens.session import SessionScreen
from pixtui.services.enrolment import still_selectable
from pixtui.widgets.confirm import ConfirmDialog
from pixtui.widgets.dialogs import ChoiceDialog
from tests.prep.conftest import session_by_room
from tests.ui.pilot_helpers import screen_text

CLASSES = ["3A", "3B", "3C", "3D", "3E"]


def free_classes(store, session) -> list[str]:
    taken = {c.division for c in store.snapshot().candidates.where(session_id=session.id)}
    return [d for d in CLASSES if d not in taken]


async def open_enrolment(pilot, session) -> EnrolmentScreen:
    await pilot.press("f4")
    await pilot.pause()
    table = pilot.app.screen.query_one(DataTable)
    table.move_cursor(row=table.get_row_index(session.id))
    await pilot.press("enter", "i")
    await pilot.pause()
    assert isinstance(pilot.app.screen, EnrolmentScreen)
    return pilot.app.screen


async def choose_class(pilot, division: str) -> None:
    await pilot.press("c")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ChoiceDialog)
    await pilot.press("home", *["down"] * CLASSES.index(division), "enter")
    await pilot.pause()
    assert pilot.app.screen.division == division


def selectable_rows(screen: EnrolmentScreen) -> list[str]:
    return [pid for pid, choice in screen._choices.items() if choice.selectable]


async def test_a_class_change_keeps_the_other_class_choice_and_i_enrols_both(
    demo_app, demo_store
) -> None:
    """Two pupils chosen in one class, one in another: the header counts 3, the class list says
    « (2 choisis) » and « (1 choisi) », and I enrols the three."""
    session = session_by_room(demo_store, "Salle 114", "2027-06-01")
    first, second = free_classes(demo_store, session)[:2]
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_enrolment(pilot, session)
        await choose_class(pilot, first)
        table = screen.query_one(DataTable)
        table.move_cursor(row=table.get_row_index(selectable_rows(screen)[0]))
        await pilot.press("space")
        table.move_cursor(row=table.get_row_index(selectable_rows(screen)[1]))
        await pilot.press("space")
        await choose_class(pilot, second)
        table.move_cursor(row=table.get_row_index(selectable_rows(screen)[0]))
        await pilot.press("space")
        await pilot.pause()
        chosen = set(screen.selected)
        assert len(chosen) == 3
        assert "3 choisis" in screen_text(pilot.app)
        await pilot.press("c")
        await pilot.pause()
        text = screen_text(pilot.app)
        assert f"{first} (2 choisis)" in text and f"{second} (1 choisi)" in text
        await pilot.press("escape", "i")
        await pilot.pause()
        if isinstance(pilot.app.screen, ConfirmDialog):  # warnings (certifiability) to confirm
            await pilot.press("right", "enter")
            await pilot.pause()
        enrolled = {
            c.pupil_id
            for c in demo_store.snapshot().candidates.where(session_id=session.id)
            if not c.removed
        }
        assert chosen <= enrolled


async def test_leaving_with_a_choice_asks_and_keeps_it_by_default(demo_app, demo_store) -> None:
    """Échap with pupils chosen asks « Quitter sans inscrire ? »; the safe answer keeps them."""
    session = session_by_room(demo_store, "Salle 114", "2027-06-01")
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_enrolment(pilot, session)
        await choose_class(pilot, free_classes(demo_store, session)[0])
        table = screen.query_one(DataTable)
        table.move_cursor(row=table.get_row_index(selectable_rows(screen)[0]))
        await pilot.press("space", "escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmDialog)
        assert "Quitter sans inscrire ?" in screen_text(pilot.app)
        await pilot.press("enter")  # the focused answer: keep the selection
        await pilot.pause()
        assert pilot.app.screen is screen and len(screen.selected) == 1
        await pilot.press("f4")  # F4 leaves for the session list, asking the same
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("right", "enter")
        await pilot.pause()
        assert type(pilot.app.screen).__name__ == "SessionsScreen"


async def test_f4_from_a_session_detail_goes_back_to_the_sessions(demo_app, demo_store) -> None:
    """F4 in a session's detail (or its enrolment) does what it does from any other section:
    the Sessions list."""
    session = session_by_room(demo_store, "Salle 114", "2027-06-01")
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await open_enrolment(pilot, session)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SessionScreen)
        await pilot.press("f4")
        await pilot.pause()
        assert type(pilot.app.screen).__name__ == "SessionsScreen"
        await open_enrolment(pilot, session)
        await pilot.press("f4")  # nothing chosen: straight back, both screens closed
        await pilot.pause()
        assert type(pilot.app.screen).__name__ == "SessionsScreen"
        assert len(pilot.app.screen_stack) == 1


def test_a_pupil_enrolled_meanwhile_leaves_the_choice_the_others_stay(demo_store, clock) -> None:
    """still_selectable: across classes, only a pupil who can no longer be enrolled leaves."""
    from pixtui.services.enrolment import enrol_pupils

    session = session_by_room(demo_store, "Salle 114", "2027-06-01")
    first, second = free_classes(demo_store, session)[:2]
    pupils = demo_store.snapshot().pupils.all()
    a = next(p.id for p in pupils if p.division == first and not p.left_school)
    b = next(p.id for p in pupils if p.division == second and not p.left_school)
    now = clock.now()
    assert still_selectable(demo_store.snapshot(), session.id, {a, b, "gone"}, now) == {a, b}
    with demo_store.transaction("test: enrolled by someone else") as tx:
        enrol_pupils(tx, session.id, [a], now=now, confirmed=True)
    assert still_selectable(demo_store.snapshot(), session.id, {a, b}, now) == {b}


def test_the_note_says_what_to_know_in_a_few_words(demo_store, clock) -> None:
    """« À savoir » at 80 columns: not the pupil's name again (the row has it) but the reason,
    refusals first, the certifiability's detail last; the whole sentence stays in the problem."""
    from pixtui.domain.enums import Certifiability
    from pixtui.domain.problems import Problem
    from pixtui.services.enrolment import PupilChoice

    pupil = next(p for p in demo_store.snapshot().pupils.all() if not p.left_school)
    pupil.certifiability, pupil.certifiable_competences = Certifiability.NOT_CERTIFIABLE, 3
    name = f"{pupil.first_name} {pupil.last_name}"
    not_certifiable = Problem.warning(
        "domain.pupil.not_certifiable_count", "certifiability", name=name, count=3, minimum=5
    )
    too_close = Problem.warning("domain.enrol.too_close", name=name, date="08/04", days=15)
    duplicate = Problem.error("domain.enrol.duplicate", name=name)

    def note(*problems) -> str:
        return PupilChoice(pupil, False, tuple(problems), ()).note

    assert note() == ""
    assert note(not_certifiable) == "3 compétences sur 5"
    assert note(not_certifiable, too_close) == "Autre session trop proche"
    assert note(not_certifiable, too_close, duplicate) == "Déjà candidat de cette session"
    assert name not in note(not_certifiable, too_close, duplicate)
