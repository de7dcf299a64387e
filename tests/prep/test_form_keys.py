"""The forms as a user types them at 80x24: Entrée moves on (never ticks), nothing typed is
dropped without a sentence, Échap on a changed form asks before discarding (issue 11 item 2)."""

from __future__ import annotations

from pixtui.screens.accommodations import AccommodationsDialog
from pixtui.screens.session_form import SessionFormScreen
from pixtui.services.enrolment import accommodations_of
from pixtui.widgets.checkbox import TickBox
from pixtui.widgets.confirm import ConfirmDialog
from tests.ui.pilot_helpers import notices


async def type_text(pilot, text: str) -> None:
    await pilot.press(*["space" if ch == " " else ch for ch in text])


async def open_accommodations(pilot) -> AccommodationsDialog:
    await pilot.press("f4", "home", "down", "enter", "a")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, AccommodationsDialog)
    return screen


async def test_enter_on_the_box_moves_on_and_the_aid_text_is_kept(demo_app, demo_store):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        dialog = await open_accommodations(pilot)
        before = accommodations_of(demo_store.snapshot().candidates.get(dialog.candidate_id))
        # Extra time → Entrée → the box → Entrée → the AESH field, as the hint says.
        await pilot.press("enter")
        assert isinstance(pilot.app.focused, TickBox)
        await pilot.press("enter")
        assert pilot.app.focused is not None and pilot.app.focused.id == "acc-aid_note"
        await pilot.press("ctrl+u")
        await type_text(pilot, "AESH Mme Roux")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, AccommodationsDialog)
    saved = accommodations_of(demo_store.snapshot().candidates.get(dialog.candidate_id))
    assert saved.aid_note == "AESH Mme Roux"
    assert saved.accessibility == before.accessibility  # never chosen, never saved


async def test_space_ticks_the_box(demo_app, demo_store):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        dialog = await open_accommodations(pilot)
        before = accommodations_of(demo_store.snapshot().candidates.get(dialog.candidate_id))
        await pilot.press("enter", "space", "ctrl+s")
        await pilot.pause()
    saved = accommodations_of(demo_store.snapshot().candidates.get(dialog.candidate_id))
    assert saved.accessibility is not before.accessibility


async def test_letters_typed_on_the_box_are_not_dropped_silently(demo_app):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await open_accommodations(pilot)
        await pilot.press("enter")
        assert isinstance(pilot.app.focused, TickBox)
        await type_text(pilot, "AESH")
        await pilot.pause()
        assert any("ne reçoit pas de texte" in said for said in notices(pilot.app))
        assert isinstance(pilot.app.screen, AccommodationsDialog)


async def test_escape_on_a_changed_accommodations_form_asks(demo_app, demo_store):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        dialog = await open_accommodations(pilot)
        rev = demo_store.snapshot().candidates.get(dialog.candidate_id).rev
        await pilot.press("enter", "enter")
        await type_text(pilot, "AESH")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("enter")  # the safe answer has the focus: keep editing
        await pilot.pause()
        assert pilot.app.screen is dialog
        assert "AESH" in pilot.app.focused.value
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("right", "enter")  # Abandonner
        await pilot.pause()
        assert not isinstance(pilot.app.screen, (AccommodationsDialog, ConfirmDialog))
    assert demo_store.snapshot().candidates.get(dialog.candidate_id).rev == rev


async def test_escape_on_an_untouched_form_closes_at_once(demo_app):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await open_accommodations(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, (AccommodationsDialog, ConfirmDialog))


async def test_escape_on_an_untouched_session_form_closes_at_once(demo_app):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4", "n")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SessionFormScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, (SessionFormScreen, ConfirmDialog))


async def test_session_form_enter_walks_past_the_rehearsal_box(demo_app):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4", "n")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, SessionFormScreen)
        form.query_one("#field-rehearsal", TickBox).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert form.query_one("#field-rehearsal", TickBox).value is False
        assert not isinstance(pilot.app.focused, TickBox)
        await type_text(pilot, "Bat A")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmDialog)  # what was typed is not lost silently


# --- Issue 13: errors once a field is left or at save; a finalised session opens read-only ---


def problems_text(pilot) -> str:
    return str(pilot.app.screen.query_one("#form-problems").render())


async def test_new_session_form_opens_without_refusals(demo_app):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4", "n")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SessionFormScreen)
        assert "Refusé" not in problems_text(pilot)
        # Leaving the site empty: its refusal, and only its own, appears.
        await pilot.press("enter")
        await pilot.pause()
        assert problems_text(pilot).count("Refusé") == 1
        # At save, every refusal is shown.
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SessionFormScreen)
        assert problems_text(pilot).count("Refusé") >= 4


async def test_a_finalised_session_opens_read_only(demo_app, demo_store):
    from pixtui.domain.models import SessionStatus

    session = next(s for s in demo_store.snapshot().sessions.all() if not s.rehearsal)
    with demo_store.transaction("test.setup") as tx:
        session = tx.sessions.update(
            session.id, lambda s: setattr(s, "status", SessionStatus.FINALIZED)
        )
    async with demo_app.run_test(size=(80, 24)) as pilot:
        demo_app.push_screen(SessionFormScreen(session.id))
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, SessionFormScreen)
        assert "lecture seule" in str(form.query_one(".form-title").render())
        assert "ne peut plus être modifiée" in problems_text(pilot)
        assert all(field.disabled for field in form.query("Input"))
        assert form.query_one(TickBox).disabled
        await type_text(pilot, "Salle")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any("ne peut plus être modifiée" in said for said in notices(pilot.app))
        await pilot.press("escape")  # nothing could be changed: closes without a question
        await pilot.pause()
        assert not isinstance(pilot.app.screen, (SessionFormScreen, ConfirmDialog))
    assert demo_store.snapshot().sessions.get(session.id).rev == session.rev


async def test_a_full_field_says_so(demo_app):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await open_accommodations(pilot)
        await pilot.press("ctrl+u")
        await type_text(pilot, "33 % + pause")  # 12 characters: the field's limit
        assert not any("plein" in said for said in notices(pilot.app))
        await pilot.press("x")
        await pilot.pause()
        assert pilot.app.focused.value == "33 % + pause"
        assert any("plein" in said for said in notices(pilot.app))
