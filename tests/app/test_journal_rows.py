"""services.journal.describe: each journal line names the pupil, the session's Pix number and the
E/C code it added, from the store as it is now or, when the record is gone, as the line recorded
it (issue 13: nobody could tell from the screen who ended whose test)."""

from __future__ import annotations

from pixtui.domain.models import Event
from pixtui.i18n import t
from pixtui.services import room
from pixtui.services.journal import Subject, action_label, describe
from tests.conftest import rehearsal_session


def last_event(store) -> Event:
    return store.journal_tail(1)[-1]


def running_candidate(store, session):
    return next(
        c
        for c in store.snapshot().candidates.where(session_id=session.id)
        if c.started_at and not c.ended_at and not c.alerts
    )


def test_a_room_action_names_the_pupil_and_the_session(demo_store, clock) -> None:
    session = rehearsal_session(demo_store)
    pupil = running_candidate(demo_store, session)
    with demo_store.transaction("room.end_test") as tx:
        room.end_test(tx, session.id, pupil.id, now=clock.now(), by="prof.martin")
    event = last_event(demo_store)
    assert describe(event, demo_store.snapshot()) == Subject(
        f"{pupil.last_name} {pupil.first_name}", session.pix_number, ""
    )
    assert action_label(event.action) == t("journal.action.room.end_test")


def test_an_incident_names_its_code(demo_store, clock) -> None:
    session = rehearsal_session(demo_store)
    pupil = running_candidate(demo_store, session)
    with demo_store.transaction("room.incident") as tx:
        room.add_incident(tx, session.id, pupil.id, "C6", "Coupure", now=clock.now(), by="x")
    subject = describe(last_event(demo_store), demo_store.snapshot())
    assert (subject.session, subject.code) == (session.pix_number, "C6")
    assert subject.pupil.startswith(pupil.last_name)


def test_a_gone_record_is_named_as_the_line_recorded_it(demo_store, clock) -> None:
    """The candidate removed from the store since: its name and session come from the line."""
    session = rehearsal_session(demo_store)
    event = Event(
        at=clock.now(),
        who="prof",
        action="candidate.remove",
        record_type="candidate",
        record_id="gone-candidate",
        before={"last_name": "Martin", "first_name": "Léa", "session_id": session.id},
        after=None,
    )
    assert describe(event, demo_store.snapshot()) == Subject("Martin Léa", session.pix_number, "")
    event = Event(at=clock.now(), who="prof", action="x", record_type="candidate", record_id="?")
    assert describe(event, demo_store.snapshot()).pupil == t("journal.pupil.unknown")


def test_a_purged_pupil_says_so_and_a_session_without_number_too(demo_store, clock) -> None:
    anonymous = t("results.retention.anonymous")
    event = Event(
        at=clock.now(),
        who="pixtui",
        action="candidate.purge",
        record_type="candidate",
        record_id="gone",
        after={"last_name": anonymous, "first_name": anonymous, "session_id": "gone-session"},
    )
    assert describe(event, demo_store.snapshot()) == Subject(
        t("journal.pupil.erased"), t("journal.session.no_number"), ""
    )


def test_a_result_line_names_the_pupil_and_its_session_number(demo_store, clock) -> None:
    """A Pix result carries the session's number (not a session id): the row shows it."""
    event = Event(
        at=clock.now(),
        who="mdupont",
        action="results.import",
        record_type="result",
        record_id="gone-result",
        after={"last_name": "Martin", "first_name": "Léa", "session_number": "184080"},
    )
    assert describe(event, demo_store.snapshot()) == Subject("Martin Léa", "184080", "")


def test_a_line_about_no_pupil_names_its_record_kind(demo_store, clock) -> None:
    session = rehearsal_session(demo_store)
    event = Event(
        at=clock.now(),
        who="prof",
        action="session.edit",
        record_type="session",
        record_id=session.id,
    )
    assert describe(event, demo_store.snapshot()) == Subject(
        f"({t('journal.record.session')})", session.pix_number, ""
    )
    assert describe(Event(at=clock.now(), who="p", action="x"), demo_store.snapshot()) == Subject()


def test_codes_are_those_the_line_added(clock) -> None:
    from pixtui.services.journal import event_codes

    old_report = {"id": "r1", "code": "C1"}
    event = Event(
        at=clock.now(),
        who="prof",
        action="room.validate_alert",
        record_type="candidate",
        record_id="c1",
        before={
            "issue_reports": [old_report],
            "alerts": [{"id": "a1", "reason_code": None}, {"id": "a2", "reason_code": "E2"}],
        },
        after={
            "issue_reports": [old_report, {"id": "r2", "code": "C7"}],
            "alerts": [{"id": "a1", "reason_code": "E4"}, {"id": "a2", "reason_code": "E2"}],
        },
    )
    assert event_codes(event) == ["C7", "E4"]  # not C1 nor E2: they were there before
    assert event_codes(Event(at=clock.now(), who="prof", action="x")) == []
