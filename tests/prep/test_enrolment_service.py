"""Enrolment (rules 1, 5, 6) and the per-class services of the Élèves screen."""

from __future__ import annotations

from datetime import timedelta

import pytest

from pixtui.domain.clock import local_today
from pixtui.domain.enums import Certifiability, LoginMethod
from pixtui.domain.models import Pupil
from pixtui.domain.problems import keys
from pixtui.services.enrolment import (
    Accommodations,
    NeedsConfirmation,
    Refused,
    accommodations_of,
    check_enrolment,
    enrol_pupils,
    enrolment_choices,
    remove_candidate,
    set_accommodations,
    set_extra_time,
)
from pixtui.services.pupils import (
    LoginFilter,
    PupilFilter,
    class_counts,
    filter_pupils,
    informed_classes,
    mark_class_informed,
    set_follow_up,
)
from pixtui.services.sessions import save_draft
from tests.prep.conftest import session_by_room, valid_draft


def _new_session(store, clock, **changes):
    with store.transaction("session.create") as tx:
        return save_draft(
            tx, valid_draft(**changes), session_id=None, rev=None, today=local_today(clock)
        )


def _class(store, division):
    return [p for p in store.snapshot().pupils.all() if p.division == division]


def test_whole_class_needs_confirmation_for_non_certifiable(demo_store, clock):
    session = _new_session(demo_store, clock)
    pupils = _class(demo_store, "3A")
    ids = [p.id for p in pupils]
    check = check_enrolment(demo_store.snapshot(), session.id, ids, clock.now())
    assert "domain.pupil.not_certifiable_count" in keys(
        check.warnings
    ) or "domain.pupil.not_certifiable" in keys(check.warnings)
    assert "domain.pupil.certifiability_unknown" in keys(check.warnings)
    before = demo_store.snapshot().counter
    with pytest.raises(NeedsConfirmation), demo_store.transaction("candidate.enrol") as tx:
        enrol_pupils(tx, session.id, ids, now=clock.now())
    assert demo_store.snapshot().counter == before
    with demo_store.transaction("candidate.enrol") as tx:
        added = enrol_pupils(tx, session.id, ids, now=clock.now(), confirmed=True)
    assert len(added) == len(pupils) == 24
    overridden = [c for c in added if c.enrolment_note]
    not_certifiable = [p for p in pupils if p.certifiability is not Certifiability.CERTIFIABLE]
    assert len(overridden) >= len(not_certifiable)


def test_duplicate_is_refused(demo_store, clock):
    session = _new_session(demo_store, clock)
    pupil = next(
        p for p in _class(demo_store, "3A") if p.certifiability is Certifiability.CERTIFIABLE
    )
    with demo_store.transaction("candidate.enrol") as tx:
        enrol_pupils(tx, session.id, [pupil.id], now=clock.now(), confirmed=True)
    with pytest.raises(Refused) as refused, demo_store.transaction("candidate.enrol") as tx:
        enrol_pupils(tx, session.id, [pupil.id], now=clock.now(), confirmed=True)
    assert "domain.enrol.duplicate" in keys(refused.value.problems)
    choices = enrolment_choices(demo_store.snapshot(), session.id, "3A", clock.now())
    mine = next(c for c in choices if c.pupil.id == pupil.id)
    assert mine.enrolled and mine.refused


def test_two_sessions_less_than_15_days_apart_warn(demo_store, clock):
    # 3A pupils are in the demo's campaign sessions; a session a few days from theirs warns.
    demo = session_by_room(demo_store, "Salle informatique 204", "2027-04-08")
    candidate = next(
        c for c in demo_store.snapshot().candidates.where(session_id=demo.id) if not c.removed
    )
    session = _new_session(demo_store, clock, date="12/04/2027")
    check = check_enrolment(demo_store.snapshot(), session.id, [candidate.pupil_id], clock.now())
    assert "domain.enrol.too_close" in keys(check.warnings)
    choices = enrolment_choices(demo_store.snapshot(), session.id, candidate.division, clock.now())
    mine = next(c for c in choices if c.pupil.id == candidate.pupil_id)
    assert [s.id for s in mine.other_sessions] == [demo.id]


def test_accommodations_and_preset(demo_store, clock):
    session = _new_session(demo_store, clock)
    pupil = _class(demo_store, "3B")[0]
    with demo_store.transaction("candidate.enrol") as tx:
        (candidate,) = enrol_pupils(tx, session.id, [pupil.id], now=clock.now(), confirmed=True)
    with demo_store.transaction("candidate.extra_time") as tx:
        set_extra_time(tx, candidate.id, 0.33)
    stored = demo_store.snapshot().candidates.get(candidate.id)
    assert stored.extra_time_ratio == 0.33
    assert accommodations_of(stored).extra_time == "33"
    form = Accommodations("50 %", True, "AESH Mme Roux", "anglophone")
    with demo_store.transaction("candidate.accommodations") as tx:
        set_accommodations(tx, candidate.id, form, rev=stored.rev)
    stored = demo_store.snapshot().candidates.get(candidate.id)
    assert (
        stored.extra_time_ratio,
        stored.accessibility_adjustment,
        stored.aid_note,
        stored.language_note,
    ) == (0.5, True, "AESH Mme Roux", "anglophone")
    for bad in ("0,33", "1000", "beaucoup"):
        with pytest.raises(Refused) as refused, demo_store.transaction("x") as tx:
            set_accommodations(tx, candidate.id, Accommodations(bad))
        assert refused.value.message
    assert demo_store.snapshot().candidates.get(candidate.id).extra_time_ratio == 0.5


def test_removal_until_the_session_starts(demo_store, clock):
    session = _new_session(demo_store, clock, date="18/03/2027", start_time="11:00")
    pupil = _class(demo_store, "3C")[0]
    with demo_store.transaction("candidate.enrol") as tx:
        (candidate,) = enrol_pupils(tx, session.id, [pupil.id], now=clock.now(), confirmed=True)
    later = clock.now() + timedelta(hours=2)  # 11:40 in Paris: started
    with pytest.raises(Refused) as refused, demo_store.transaction("candidate.remove") as tx:
        remove_candidate(tx, candidate.id, now=later)
    assert "domain.enrol.remove_after_start" in keys(refused.value.problems)
    with demo_store.transaction("candidate.remove") as tx:
        remove_candidate(tx, candidate.id, now=clock.now())
    assert demo_store.snapshot().candidates.get(candidate.id).removed


def _pupil(last, first, division, certif=Certifiability.CERTIFIABLE, logins=(), left=False):
    return Pupil(
        last_name=last,
        first_name=first,
        division=division,
        certifiability=certif,
        login_methods=list(logins),
        left_school=left,
    )


def test_filters_and_counts():
    pupils = [
        _pupil("Élan", "Zoé", "3A", logins=[LoginMethod.MEDIACENTRE]),
        _pupil("Martin", "Léo", "3A", Certifiability.NOT_CERTIFIABLE, [LoginMethod.EMAIL]),
        _pupil("Petit", "Léa", "3B", Certifiability.UNKNOWN),
        _pupil("Parti", "Jean", "3B", left=True),
    ]
    assert [p.last_name for p in filter_pupils(pupils, PupilFilter(query="ela"))] == ["Élan"]
    assert [p.last_name for p in filter_pupils(pupils, PupilFilter(query="LEO"))] == ["Martin"]
    assert [p.last_name for p in filter_pupils(pupils, PupilFilter(division="3b"))] == ["Petit"]
    none = PupilFilter(login=LoginFilter.NONE)
    assert [p.last_name for p in filter_pupils(pupils, none)] == ["Petit"]
    email = PupilFilter(login=LoginFilter.EMAIL_ONLY)
    assert [p.last_name for p in filter_pupils(pupils, email)] == ["Martin"]
    not_cert = PupilFilter(certifiability=Certifiability.NOT_CERTIFIABLE)
    assert [p.last_name for p in filter_pupils(pupils, not_cert)] == ["Martin"]
    counts = {c.division: c for c in class_counts(pupils)}
    a, b = counts["3A"], counts["3B"]
    assert (a.total, a.certifiable, a.not_certifiable, a.unknown, a.no_login, a.email_only) == (
        2,
        1,
        1,
        0,
        0,
        1,
    )
    assert (b.total, b.unknown, b.no_login) == (1, 1, 1)  # the pupil who left is not counted
    assert [p.last_name for p in a.non_certifiable] == ["Martin"]


def test_class_informed_who_when_and_session_item(demo_store, clock):
    session = _new_session(demo_store, clock)
    ids = [_class(demo_store, "3A")[0].id, _class(demo_store, "3B")[0].id]
    with demo_store.transaction("candidate.enrol") as tx:
        enrol_pupils(tx, session.id, ids, now=clock.now(), confirmed=True)

    def item():
        return next(
            i
            for i in demo_store.snapshot().sessions.get(session.id).checklist
            if i.key == "pupils_informed"
        )

    assert informed_classes(demo_store) == {}
    with demo_store.transaction("pupils.class_informed") as tx:
        mark_class_informed(tx, "3A", True, informed_classes(demo_store))
    assert not item().done  # 3B not informed yet
    known = informed_classes(demo_store)
    assert (known["3a"].informed, known["3a"].by, known["3a"].at) == (True, "mdupont", clock.now())
    with demo_store.transaction("pupils.class_informed") as tx:
        mark_class_informed(tx, "3B", True, informed_classes(demo_store))
    assert (item().done, item().by) == (True, "mdupont")
    with demo_store.transaction("pupils.class_informed") as tx:
        mark_class_informed(tx, "3A", False, informed_classes(demo_store))
    assert not informed_classes(demo_store)["3a"].informed
    assert not item().done


def test_follow_up(demo_store):
    pupil = _class(demo_store, "3A")[0]
    with demo_store.transaction("pupil.follow_up") as tx:
        set_follow_up(tx, pupil.id, "  nouvelle   campagne  ")
    assert demo_store.snapshot().pupils.get(pupil.id).follow_up == "nouvelle campagne"
    with pytest.raises(Refused), demo_store.transaction("pupil.follow_up") as tx:
        set_follow_up(tx, pupil.id, "x" * 201)
