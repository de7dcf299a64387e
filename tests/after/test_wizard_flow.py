"""The finalisation wizard driven by keys only: each refusal rule, then a full finalisation,
the read-only session, reopening by an organiser, and the status pipeline."""

from __future__ import annotations

from textual import events

from pixtui.domain.enums import AbortReason, AssessmentState, SessionStatus
from pixtui.i18n import t
from pixtui.widgets.confirm import ConfirmDialog
from tests.after.conftest import add_held_session
from tests.ui.pilot_helpers import keys_for, notices, screen_text

SIZE = (120, 40)


async def open_wizard(pilot) -> None:
    await pilot.press("f7")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


def status_of(store, session_id):
    return store.snapshot().sessions.get(session_id).status


async def test_refused_when_no_certification_started(after_store, after_app):
    session_id = add_held_session(after_store, states=[("ECHO", "Eve", None)])
    async with after_app.run_test(size=SIZE) as pilot:
        await open_wizard(pilot)
        await pilot.press("v")
        await pilot.pause()
        assert t("results.final.no_started") in " ".join(notices(after_app))
    assert status_of(after_store, session_id) is SessionStatus.CREATED


async def test_abort_reason_required_for_unfinished(after_store, after_app):
    session_id = add_held_session(after_store)
    async with after_app.run_test(size=SIZE) as pilot:
        await open_wizard(pilot)
        text = screen_text(after_app)
        assert "ALPHA Anna" in text and "DELTA" not in text  # never started: not in Pix's list
        await pilot.press("v")
        await pilot.pause()
        expected = t("results.final.abort_reason_missing", name="BRAVO Bob")
        assert expected in " ".join(notices(after_app))
    assert status_of(after_store, session_id) is SessionStatus.CREATED


async def test_abort_reason_refused_on_finished(after_store, after_app):
    add_held_session(after_store)
    async with after_app.run_test(size=SIZE) as pilot:
        await open_wizard(pilot)
        await pilot.press("a")  # cursor on ALPHA, who finished
        await pilot.pause()
        expected = t("results.final.abort_reason_on_completed", name="ALPHA Anna")
        assert expected in " ".join(notices(after_app))
        assert t("after.wizard.abort_title", name="ALPHA Anna") not in screen_text(after_app)


async def test_comment_longer_than_500_refused(after_store, after_app):
    add_held_session(after_store)
    async with after_app.run_test(size=SIZE) as pilot:
        await open_wizard(pilot)
        await pilot.press("g")
        await pilot.pause()
        # Pasted, as a long comment would be (501 key presses took 30 s).
        after_app.focused.post_message(events.Paste("x" * 501))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert t("after.wizard.too_long", length=501, limit=500) in screen_text(after_app)
        await pilot.press("backspace", "enter")
        await pilot.pause()
        assert "500/500" in screen_text(after_app)


async def test_description_required_and_only_c_codes_offered(after_store, after_app):
    add_held_session(after_store)
    async with after_app.run_test(size=SIZE) as pilot:
        await open_wizard(pilot)
        await pilot.press("r")
        await pilot.pause()
        text = screen_text(after_app)
        for code in ("C1", "C2", "C4", "C6", "C7", "C8"):
            assert code + " ·" in text
        assert "E1 ·" not in text and "C3 ·" not in text
        await pilot.press("enter")  # C1: needs a description
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert t("after.wizard.description_needed", code="C1") in screen_text(after_app)


async def test_full_finalisation_then_read_only_reopen_and_pipeline(after_store, after_app):
    session_id = add_held_session(after_store)
    async with after_app.run_test(size=SIZE) as pilot:
        await open_wizard(pilot)
        # BRAVO: stopped by the invigilator -> "candidate"; CHARLIE: still started -> technical
        await pilot.press("down", "a")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("down", "a")
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        # CHARLIE: a C1 from the paper PV d'incident
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*keys_for("prenom mal ecrit"), "enter")
        await pilot.pause()
        # the referent ticks both boxes (I, J) and types the global comment (G)
        await pilot.press("i", "j", "g")
        await pilot.pause()
        await pilot.press(*keys_for("RAS"), "enter")
        await pilot.pause()
        assert t("after.wizard.ready") in screen_text(after_app)
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(after_app.screen, ConfirmDialog)
        await pilot.press("enter")  # the safe answer is focused: nothing happens
        await pilot.pause()
        assert status_of(after_store, session_id) is SessionStatus.CREATED
        await pilot.press("v")
        await pilot.pause()
        await pilot.press("right", "enter")
        await pilot.pause()
        snap = after_store.snapshot()
        session = snap.sessions.get(session_id)
        assert session.status is SessionStatus.FINALIZED
        assert session.finalization.has_incident and session.finalization.has_joining_issue
        assert session.finalization.examiner_global_comment == "RAS"
        by_name = {c.last_name: c for c in snap.candidates.where(session_id=session_id)}
        assert by_name["ALPHA"].abort_reason is None
        assert by_name["BRAVO"].abort_reason is AbortReason.CANDIDATE
        assert by_name["CHARLIE"].abort_reason is AbortReason.TECHNICAL
        assert by_name["CHARLIE"].assessment_state is AssessmentState.ENDED_DUE_TO_FINALIZATION
        assert [(i.code, i.description) for i in by_name["CHARLIE"].issue_reports] == [
            ("C1", "prenom mal ecrit")
        ]
        # the summary screen, in Pix Certif's order
        text = screen_text(after_app)
        assert t("results.summary.section_uncompleted") in text
        assert text.index("BRAVO Bob") < text.index("CHARLIE Chloé")

        # back on the list: the pipeline, the handover, reopening
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("right", "enter")
        await pilot.pause()
        # Pix Certif's next step: « Résultats transmis par Pix » (the processing step that
        # Pix Certif never shows is optional)
        assert status_of(after_store, session_id) is SessionStatus.PROCESSED
        await pilot.press("d")
        await pilot.pause()
        await pilot.press(*keys_for("Mme Martin"), "enter")
        await pilot.pause()
        handover = after_store.snapshot().sessions.get(session_id).handover
        assert handover is not None and handover.to == "Mme Martin"
        assert handover.by == after_store.actor
        await pilot.press("o")  # reopening is for finalised sessions only
        await pilot.pause()
        session = after_store.snapshot().sessions.get(session_id)
        assert session.status is SessionStatus.PROCESSED
        assert [c.status for c in session.status_history] == [
            SessionStatus.FINALIZED,
            SessionStatus.PROCESSED,
        ]
    actions = [e.action for e in after_store.iter_journal()]
    assert "session.finalise" in actions and "session.handover" in actions


async def test_organiser_reopens_a_finalised_session(after_store, after_app):
    from pixtui.services.finalisation import apply_finalisation, load_draft

    session_id = add_held_session(
        after_store, states=[("ALPHA", "Anna", AssessmentState.COMPLETED)]
    )
    draft = load_draft(after_store.snapshot(), session_id)
    with after_store.transaction("session.finalise") as tx:
        apply_finalisation(tx, draft)
    async with after_app.run_test(size=SIZE) as pilot:
        await pilot.press("f7")
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("right", "enter")
        await pilot.pause()
    assert status_of(after_store, session_id) is SessionStatus.CREATED
    assert any(e.action == "session.reopen" for e in after_store.iter_journal())


async def test_session_screen_refuses_edits_once_finalised(after_store, after_app):
    from pixtui.screens.session import SessionScreen
    from pixtui.services.finalisation import apply_finalisation, load_draft

    session_id = add_held_session(
        after_store, states=[("ALPHA", "Anna", AssessmentState.COMPLETED)]
    )
    with after_store.transaction("session.finalise") as tx:
        apply_finalisation(tx, load_draft(after_store.snapshot(), session_id))
    async with after_app.run_test(size=SIZE) as pilot:
        after_app.push_screen(SessionScreen(session_id))
        await pilot.pause()
        for key in ("m", "i", "r"):
            await pilot.press(key)
            await pilot.pause()
        assert isinstance(after_app.screen, SessionScreen)  # no form opened
        assert any(
            t("results.final.read_only", status="Finalisée") in n for n in notices(after_app)
        )
