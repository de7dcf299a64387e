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
