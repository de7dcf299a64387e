"""Accueil's counts (services/overview.py) against the records, on the demo store."""

from __future__ import annotations

from pixtui.services.overview import build_overview
from tests.conftest import FROZEN_NOW


def _conversions(monkeypatch, cls, field: str) -> list[str]:
    """The ``field`` of every stored record of ``cls`` converted to an object from now on
    (by the whole tables' repositories, or by a store folder's scoped reads)."""
    import pixtui.store.repository as repository
    import pixtui.store.snapshot as snapshot

    seen: list[str] = []
    original = repository.from_record

    def counting(kind, data):
        if kind is cls:
            seen.append(data[field])
        return original(kind, data)

    monkeypatch.setattr(repository, "from_record", counting)
    monkeypatch.setattr(snapshot, "from_record", counting)
    return seen


def test_enrolled_pupils_count_real_sessions_only(demo_store):
    snap = demo_store.snapshot()
    real = {s.id for s in snap.sessions.all() if not s.rehearsal}
    rehearsal = {s.id for s in snap.sessions.all() if s.rehearsal}
    candidates = [c for c in snap.candidates.all() if not c.removed]
    expected = {c.pupil_id for c in candidates if c.pupil_id and c.session_id in real}
    in_rehearsal_only = {c.pupil_id for c in candidates if c.session_id in rehearsal} - expected
    assert rehearsal and in_rehearsal_only  # the demo has a rehearsal with its own pupils

    counts = build_overview(snap, FROZEN_NOW.date()).sessions

    assert counts.enrolled_pupils == len(expected)
    assert counts.total == len(real)


def test_today_en_cours_leaves_out_the_finished_tests(demo_store):
    """Accueil's « Cours » counts the tests running now, not those already finished."""
    from pixtui.domain.room import is_ended, is_started

    today = build_overview(demo_store.snapshot(), FROZEN_NOW.date())
    row = next(r for r in today.today if r.session.rehearsal)
    candidates = [
        c
        for c in demo_store.snapshot().candidates.where(session_id=row.session.id)
        if not c.removed
    ]
    finished = sum(is_ended(c) for c in candidates)
    assert finished > 0
    assert row.finished == finished
    assert row.in_progress == sum(is_started(c) for c in candidates)


def test_pupils_who_left_are_neither_counted_nor_converted(demo_store, monkeypatch):
    """Accueil counts the pupils at school; on a lycée kept five years those who left
    outnumber them, so they are not even read as objects (issue 12)."""
    from pixtui.domain.models import Pupil

    leaving = [p.id for p in demo_store.snapshot().pupils.all()[:3]]
    with demo_store.transaction("test.left") as tx:
        for pupil_id in leaving:
            tx.pupils.update(pupil_id, lambda p: setattr(p, "left_school", True))
    snap = demo_store.snapshot()
    converted = _conversions(monkeypatch, Pupil, "id")
    counts = build_overview(snap, FROZEN_NOW.date()).pupils

    total = len(snap.pupils)
    assert counts.total == total - 3
    assert not set(leaving) & set(converted)
    assert len(converted) == total - 3


def test_the_campaign_in_figures_counts_this_school_year_only(demo_store, monkeypatch):
    """A lycée keeps five years: Accueil counted every year's sessions and candidates
    (« 4680 élèves inscrits sur 2000 », « 500 sessions ») and converted them all. A finalised
    session of an earlier school year is neither counted nor read; one still not finalised
    stays (it is still to do)."""
    from datetime import timedelta

    from pixtui.domain.enums import SessionStatus
    from pixtui.domain.models import Candidate

    today = FROZEN_NOW.date()
    before = build_overview(demo_store.snapshot(), today).sessions
    real = [s for s in demo_store.snapshot().sessions.all() if not s.rehearsal]
    old, late = real[0], real[1]
    last_year = today - timedelta(days=400)

    def finalised_last_year(s):
        s.date = last_year
        s.status = SessionStatus.FINALIZED

    def created_last_year(s):
        s.date = last_year

    with demo_store.transaction("test.last_year") as tx:
        tx.sessions.update(old.id, finalised_last_year)
        tx.sessions.update(late.id, created_last_year)
    snap = demo_store.snapshot()
    read = _conversions(monkeypatch, Candidate, "session_id")
    after = build_overview(snap, today).sessions
    assert after.total == before.total - 1  # the finalised one of last year left the figures
    assert old.id not in read and late.id in read
    others = {
        c.pupil_id
        for c in snap.candidates.all()
        if c.session_id not in {old.id} and not c.removed and c.pupil_id
        for s in [snap.sessions.get(c.session_id)]
        if s is not None and not s.rehearsal
    }
    assert after.enrolled_pupils == len(others)
    if late.status is SessionStatus.CREATED:
        assert after.to_finalise >= 1


def test_in_current_campaign():
    from datetime import date

    from pixtui.domain.sessions import in_current_campaign

    today = date(2026, 12, 3)
    assert in_current_campaign(date(2026, 9, 1), False, today)  # the school year's first day
    assert not in_current_campaign(date(2026, 8, 31), False, today)  # last year's, finalised
    assert in_current_campaign(date(2026, 8, 31), True, today)  # last year's, still to do
    assert in_current_campaign(None, False, today)  # no date yet
    assert in_current_campaign(date(2027, 8, 31), False, today)
