"""Accueil's counts (services/overview.py) against the records, on the demo store."""

from __future__ import annotations

from pixtui.services.overview import build_overview
from tests.conftest import FROZEN_NOW


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
    import pixtui.store.repository as repository
    from pixtui.domain.models import Pupil

    leaving = [p.id for p in demo_store.snapshot().pupils.all()[:3]]
    with demo_store.transaction("test.left") as tx:
        for pupil_id in leaving:
            tx.pupils.update(pupil_id, lambda p: setattr(p, "left_school", True))
    snap = demo_store.snapshot()
    converted: list[str] = []
    original = repository.from_record

    def counting(cls, data):
        if cls is Pupil:
            converted.append(data["id"])
        return original(cls, data)

    monkeypatch.setattr(repository, "from_record", counting)
    counts = build_overview(snap, FROZEN_NOW.date()).pupils

    total = len(snap.pupils)
    assert counts.total == total - 3
    assert not set(leaving) & set(converted)
    assert len(converted) == total - 3
