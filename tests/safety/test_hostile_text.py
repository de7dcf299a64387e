"""Markup-like and control characters in user text never crash, style or reach the terminal
raw: every screen, dialog and notice; the command line; CSV and PDF (issue 11 items 8, 9)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pixtui.domain.text import has_controls, safe_text
from tests.conftest import rehearsal_session
from tests.ui.pilot_helpers import notices, screen_text

MARKUP = "[/]"
NAME = "[b]Zoé[/b] [/]"  # a closing tag without opening one crashed Textual's markup parser
CONTROL = "\x1b]0;pwned\x07\x05\u202e"


def _hostile(text: str) -> str:
    return text + " " + NAME + CONTROL


def poison(store) -> None:
    """Every user text of the demo (school, pupils, sessions, candidates) made hostile."""
    with store.transaction("test.poison") as tx:
        school = tx.school
        school.name = _hostile(school.name)
        tx.save_school(school)
        for pupil in tx.pupils.all():
            pupil.last_name = _hostile(pupil.last_name)
            pupil.first_name = NAME + CONTROL
            tx.pupils.save(pupil)
        for session in tx.sessions.all():
            session.room = _hostile(session.room)
            session.site = _hostile(session.site)
            session.examiners = [_hostile(name) for name in session.examiners] or [NAME]
            session.description = _hostile(session.description)
            tx.sessions.save(session)
        for candidate in tx.candidates.all():
            candidate.last_name = _hostile(candidate.last_name)
            candidate.first_name = NAME + CONTROL
            candidate.aid_note = _hostile("AESH")
            candidate.language_note = _hostile("")
            candidate.enrolment_note = _hostile("")
            tx.candidates.save(candidate)


def assert_clean(app) -> None:
    text = screen_text(app)
    assert not has_controls(text), repr(text)
    for message in notices(app):
        assert not has_controls(message), repr(message)


def test_safe_text_keeps_words_and_drops_controls() -> None:
    assert safe_text("A\x1b]0;x\x07B\x05C\u202eD\x9b\tE\nF") == "A]0;xBCD E F"
    assert safe_text("a\r\nb\tc", multiline=True) == "a\nb c"
    assert not has_controls(safe_text(CONTROL))


async def test_every_section_and_screen_survives_hostile_names(demo_app, demo_store) -> None:
    poison(demo_store)
    async with demo_app.run_test(size=(80, 24), notifications=True) as pilot:
        for key in ("f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9"):
            await pilot.press(key)
            await pilot.pause()
            assert_clean(demo_app)
        await pilot.press("f3")
        await pilot.pause()
        assert MARKUP in screen_text(demo_app)  # shown as typed, never read as markup
        await pilot.press("f4", "enter")  # the first session
        await pilot.pause()
        assert_clean(demo_app)
        assert demo_app.return_code is None


async def test_the_session_dialogs_survive_hostile_names(demo_app, demo_store) -> None:
    from pixtui.screens.accommodations import AccommodationsDialog
    from pixtui.screens.session import SessionScreen

    poison(demo_store)
    session = rehearsal_session(demo_store)
    candidate = next(
        c for c in demo_store.snapshot().candidates.all() if c.session_id == session.id
    )
    async with demo_app.run_test(size=(80, 24), notifications=True) as pilot:
        demo_app.push_screen(SessionScreen(session.id))
        await pilot.pause()
        assert_clean(demo_app)
        screen = demo_app.screen
        screen.action_preset_extra_time()  # the extra-time notice names the candidate
        await pilot.pause()
        assert_clean(demo_app)
        demo_app.push_screen(AccommodationsDialog(candidate.id))
        await pilot.pause()
        assert_clean(demo_app)
        assert "[b]Zoé[/b]" in screen_text(demo_app)
        assert demo_app.return_code is None


async def test_the_room_and_its_dialogs_survive_hostile_names(demo_app, demo_store) -> None:
    poison(demo_store)
    session = rehearsal_session(demo_store)
    async with demo_app.run_test(size=(80, 24), notifications=True) as pilot:
        demo_app.show_room(session.id)
        await pilot.pause()
        assert_clean(demo_app)
        for key in ("i", "n", "o", "t", "e"):
            await pilot.press(key)
            await pilot.pause()
            assert_clean(demo_app)
            await pilot.press("escape")
            await pilot.pause()
        assert demo_app.return_code is None


async def test_salle_with_a_markup_number_is_one_notice(demo_store, clock) -> None:
    """``pixtui salle "[/]"``: the unknown number is named, nothing crashes."""
    from pixtui.app import PixtuiApp

    app = PixtuiApp(
        demo_store, clock, watch_terminal=False, start_mode="salle", room_number=MARKUP + CONTROL
    )
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert any(MARKUP in message for message in notices(app))
        assert_clean(app)
        assert app.return_code is None


def test_the_command_line_never_prints_controls(
    demo_store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pixtui.cli import main

    poison(demo_store)
    path = tmp_path / "liste.csv"
    path.write_text(
        "Nom;Prénom;Date de naissance;Classe\r\nDU\x1b[2JPONT;Jean;01/02/2012;3A\r\n",
        encoding="utf-8",
    )
    main(["--store", str(demo_store.path), "import", str(path), "--dry-run"])
    main(["--store", str(demo_store.path), "purge", "--dry-run"])
    out, err = capsys.readouterr()
    assert out and not has_controls(out) and not has_controls(err)


def test_csv_and_pdf_never_hold_controls(demo_store, clock) -> None:
    from pixtui.documents.csv_exports import pupils_csv
    from pixtui.documents.layout import DocumentPDF

    poison(demo_store)
    data = pupils_csv(demo_store.snapshot().pupils.all()).decode("utf-8-sig")
    assert "[b]Zoé[/b]" in data and not has_controls(data)
    pdf = DocumentPDF()
    assert pdf.normalize_text(CONTROL + "Zoé") == "]0;pwnedZoé"


async def test_a_markup_path_to_import_is_shown_as_typed(
    demo_app, tmp_path: Path, monkeypatch
) -> None:
    """The path dialog's error line and the review screen name the typed path literally."""
    from pixtui.screens.import_review import ImportReviewScreen

    monkeypatch.chdir(tmp_path)
    (tmp_path / "[b]liste[i].csv").write_text(
        "Nom;Prénom;Date de naissance;Classe\r\nMARTIN;Léa;03/05/2012;3A\r\n", encoding="utf-8"
    )
    async with demo_app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("f3", "i", *"[/]x.csv", "enter")
        await pilot.pause()
        assert "[/]x.csv" in screen_text(demo_app)  # « n'existe pas », as typed
        demo_app.pop_screen()
        demo_app.push_screen(ImportReviewScreen(Path("[b]liste[i].csv")))
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert "[b]liste[i].csv" in screen_text(demo_app)
        assert demo_app.return_code is None


async def test_the_other_screens_survive_hostile_names(demo_app, demo_store) -> None:
    """Screens reached from a record (not by an F-key): enrolment, the session form, the
    finalisation wizard and summary, the accommodations of every candidate, help."""
    from pixtui.screens.enrolment import EnrolmentScreen
    from pixtui.screens.finalisation_summary import FinalisationSummaryScreen
    from pixtui.screens.finalisation_wizard import FinalisationWizardScreen
    from pixtui.screens.help import HelpScreen
    from pixtui.screens.session_form import SessionFormScreen

    poison(demo_store)
    sessions = demo_store.snapshot().sessions.all()
    async with demo_app.run_test(size=(80, 24), notifications=True) as pilot:
        for session in sessions:
            for screen in (
                EnrolmentScreen(session.id),
                SessionFormScreen(session.id),
                FinalisationWizardScreen(session.id),
                FinalisationSummaryScreen(session.id),
            ):
                demo_app.push_screen(screen)
                await pilot.pause()
                assert_clean(demo_app)
                demo_app.pop_screen()  # the next push's pause lets it go
        demo_app.push_screen(HelpScreen())
        await pilot.pause()
        assert_clean(demo_app)
        assert demo_app.return_code is None
