"""Sessions: create, edit, delete against each rule of SPEC §4.2-4.5, and the checklist."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from pixtui.domain.checklist import SESSION_CHECKLIST
from pixtui.domain.clock import local_today
from pixtui.domain.codes import validate_access_code, validate_invigilator_password
from pixtui.domain.problems import keys
from pixtui.domain.retention import retention_until
from pixtui.services.sessions import (
    NeedsConfirmation,
    Refused,
    check_draft,
    delete_session,
    deletion_problems,
    draft_from_session,
    fill_rehearsal_codes,
    save_draft,
    toggle_checklist_item,
)
from pixtui.store import StaleRevision
from tests.prep.conftest import session_by_room, valid_draft


def _create(store, clock, draft, confirmed=False):
    with store.transaction("session.create") as tx:
        return save_draft(
            tx, draft, session_id=None, rev=None, today=local_today(clock), confirmed=confirmed
        )


def test_create_valid_session_gets_checklist_and_retention(demo_store, clock):
    session = _create(demo_store, clock, valid_draft())
    stored = demo_store.snapshot().sessions.get(session.id)
    assert stored.date == date(2027, 3, 25)
    assert stored.examiners == ["Mme Roux", "M. Petit"]
    assert [item.key for item in stored.checklist] == list(SESSION_CHECKLIST)
    assert stored.retention_until == date(2032, 3, 25)
    assert stored.access_code == "BCDF23"


def test_a_29_february_session_is_stored_with_the_domain_retention_date(demo_store, clock):
    """One rule (pixtui.domain.retention): kept until 1 March, never purged a day early. The
    service stored 28 February while the domain said 1 March."""
    session = _create(demo_store, clock, valid_draft(date="29/02/2028"), confirmed=True)
    stored = demo_store.snapshot().sessions.get(session.id)
    years = demo_store.snapshot().school.retention_years
    assert stored.retention_until == retention_until(date(2028, 2, 29), years)
    assert stored.retention_until == date(2028 + years, 3, 1)


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"site": " "}, "domain.session.site_required"),
        ({"room": ""}, "domain.session.room_required"),
        ({"examiners": " , "}, "domain.session.examiners_required"),
        ({"date": "31/02/2027"}, "domain.session.date_invalid"),
        ({"date": ""}, "domain.session.date_required"),
        ({"start_time": "25:00"}, "domain.session.time_invalid"),
        ({"access_code": "ABCD23"}, "domain.access_code.letters"),
        ({"invigilator_password": "aaaaaa"}, "domain.password.chars"),
        ({"pix_number": "12a"}, "domain.pix_number.digits"),
    ],
)
def test_errors_refuse_and_write_nothing(demo_store, clock, changes, key):
    before = demo_store.snapshot().counter
    with pytest.raises(Refused) as refused:
        _create(demo_store, clock, valid_draft(**changes), confirmed=True)
    assert key in keys(refused.value.problems)
    assert refused.value.message  # one French sentence per problem
    assert demo_store.snapshot().counter == before


def test_unreadable_date_is_reported_once(demo_store, clock):
    found = check_draft(demo_store.snapshot(), valid_draft(date="hier"), None, local_today(clock))
    assert keys(found).count("domain.session.date_invalid") == 1
    assert "domain.session.date_required" not in keys(found)


def test_overlapping_session_in_same_room_is_refused(demo_store, clock):
    # The demo has Salle 114 (Bâtiment B) on 01/06/2027 at 09:00; a 2-hour slot.
    draft = valid_draft(site="Bâtiment B", room="salle 114", date="01/06/2027", start_time="10:30")
    with pytest.raises(Refused) as refused:
        _create(demo_store, clock, draft, confirmed=True)
    assert "domain.session.room_taken" in keys(refused.value.problems)
    # Same room on another site is another room.
    _create(
        demo_store,
        clock,
        valid_draft(site="Bâtiment A", room="Salle 114", date="01/06/2027", start_time="10:30"),
    )


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"date": "01/09/2027"}, "domain.session.no_campaign_window"),
        ({"date": "01/03/2027"}, "domain.session.outside_campaign"),
        ({"date": "17/03/2027"}, "domain.session.in_the_past"),
        (
            {"pix_number": "", "access_code": "", "invigilator_password": ""},
            "prep.session.pix_number_required",
        ),
    ],
)
def test_warnings_need_confirmation(demo_store, clock, changes, key):
    draft = valid_draft(**changes)
    with pytest.raises(NeedsConfirmation) as asked:
        _create(demo_store, clock, draft)
    assert key in keys(asked.value.problems)
    session = _create(demo_store, clock, draft, confirmed=True)
    assert demo_store.snapshot().sessions.get(session.id) is not None


def test_rehearsal_gets_valid_generated_codes(demo_store, clock):
    draft = valid_draft(rehearsal=True, pix_number="", access_code="", invigilator_password="")
    session = _create(demo_store, clock, draft)
    assert session.rehearsal
    assert validate_access_code(session.access_code) == []
    assert validate_invigilator_password(session.invigilator_password) == []
    assert session.pix_number and session.pix_number.startswith("9")
    numbers = [s.pix_number for s in demo_store.snapshot().sessions.all()]
    assert numbers.count(session.pix_number) == 1


def test_fill_rehearsal_codes_keeps_typed_values():
    draft = fill_rehearsal_codes(valid_draft(rehearsal=True, access_code=""), [])
    assert draft.pix_number == "123456"
    assert draft.invigilator_password == "b2C!x9"
    assert validate_access_code(draft.access_code) == []


def test_edit_carries_revision_and_stale_save_is_refused(demo_store, clock):
    session = _create(demo_store, clock, valid_draft())
    opened = demo_store.snapshot().sessions.get(session.id)
    # Someone else edits it meanwhile.
    with demo_store.transaction("session.update") as tx:
        tx.sessions.update(session.id, lambda s: setattr(s, "description", "autre"))
    draft = draft_from_session(opened)
    draft.room = "Salle 8"
    with pytest.raises(StaleRevision) as stale, demo_store.transaction("session.update") as tx:
        save_draft(tx, draft, session_id=session.id, rev=opened.rev, today=local_today(clock))
    assert "mdupont" in stale.value.message
    assert demo_store.snapshot().sessions.get(session.id).room == "Salle 7"


def test_edit_moves_retention_with_the_date(demo_store, clock):
    session = _create(demo_store, clock, valid_draft())
    draft = draft_from_session(session)
    draft.date = "26/03/2027"
    with demo_store.transaction("session.update") as tx:
        saved = save_draft(
            tx, draft, session_id=session.id, rev=session.rev, today=local_today(clock)
        )
    assert saved.retention_until == date(2032, 3, 26)
    assert saved.checklist == session.checklist


def test_delete_started_session_is_refused(demo_store, clock):
    rehearsal = next(s for s in demo_store.snapshot().sessions.all() if s.rehearsal)
    assert "domain.session.delete_started" in keys(
        deletion_problems(demo_store.snapshot(), rehearsal.id)
    )
    with pytest.raises(Refused), demo_store.transaction("session.delete") as tx:
        delete_session(tx, rehearsal.id, confirmed=True)
    assert demo_store.snapshot().sessions.get(rehearsal.id) is not None


def test_delete_with_candidates_needs_confirmation(demo_store):
    session = session_by_room(demo_store, "CDI", "2027-05-04")
    with pytest.raises(NeedsConfirmation), demo_store.transaction("session.delete") as tx:
        delete_session(tx, session.id)
    with demo_store.transaction("session.delete") as tx:
        delete_session(tx, session.id, confirmed=True)
    snap = demo_store.snapshot()
    assert snap.sessions.get(session.id) is None
    assert snap.candidates.where(session_id=session.id) == []


def test_checklist_toggle_records_who_and_when(demo_store, clock):
    session = _create(demo_store, clock, valid_draft())
    with demo_store.transaction("session.checklist") as tx:
        assert toggle_checklist_item(tx, session.id, "room_ready") is True
    item = next(
        i for i in demo_store.snapshot().sessions.get(session.id).checklist if i.key == "room_ready"
    )
    assert (item.done, item.by, item.at) == (True, "mdupont", clock.now())
    clock.advance(timedelta(minutes=5))
    with demo_store.transaction("session.checklist") as tx:
        assert toggle_checklist_item(tx, session.id, "room_ready") is False
    item = next(
        i for i in demo_store.snapshot().sessions.get(session.id).checklist if i.key == "room_ready"
    )
    assert (item.done, item.by, item.at) == (False, None, None)


def test_checklist_of_a_session_without_items_gets_them_all(demo_store):
    session = session_by_room(demo_store, "CDI", "2027-05-04")
    with demo_store.transaction("test.empty_checklist") as tx:  # as sessions made before checklists
        tx.sessions.update(session.id, lambda s: setattr(s, "checklist", []))
    with demo_store.transaction("session.checklist") as tx:
        toggle_checklist_item(tx, session.id, "documents_sent")
    stored = demo_store.snapshot().sessions.get(session.id).checklist
    assert [i.key for i in stored] == list(SESSION_CHECKLIST)
    assert [i.key for i in stored if i.done] == ["documents_sent"]
