"""Room snapshots at 80x24 (frozen clock): 25, 40 and 60 candidates scrolled to the bottom with the
demo's two alerts out of the grid's sight (the attention line keeps them), and the Linux console
glyph set. Update with ``--snapshot-update``, then read them as text (pilot_helpers.screen_text)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from pixtui.app import PixtuiApp
from pixtui.domain.clock import FixedClock
from pixtui.domain.enums import AssessmentState
from pixtui.domain.models import Candidate
from pixtui.store import Store

from .pilot_helpers import keys_for


def open_room_with(store: Store, clock: FixedClock, total: int) -> list[str]:
    """The demo's rehearsal (24 candidates) filled up to ``total`` with running pupils."""
    session = next(s for s in store.snapshot().sessions.all() if s.rehearsal)
    now = clock.now()
    with store.transaction("test.add_candidates") as tx:
        for i in range(total - 24):
            tx.candidates.add(
                Candidate(
                    id=f"snapshot-pupil-{i:02d}",
                    session_id=session.id,
                    last_name=f"Zeller-{i:02d}",
                    first_name="Noémie",
                    division="3E",
                    started_at=now - timedelta(minutes=2 + i),
                    assessment_state=AssessmentState.STARTED,
                    extra_time_ratio=1.0 if i % 7 == 0 else 0.0,
                )
            )
    return ["f5", "home", "enter", *keys_for(session.invigilator_password), "enter"]


@pytest.mark.parametrize("total", [25, 40, 60])
def test_room_scrolled_down_keeps_the_alerts_in_sight(
    snap_compare, demo_app: PixtuiApp, clock: FixedClock, total: int
) -> None:
    """Scrolled to the last row, the « À traiter » line still names both alerts."""
    keys = open_room_with(demo_app.store, clock, total)
    assert snap_compare(demo_app, press=[*keys, "end"], terminal_size=(80, 24))


def test_room_on_the_linux_console(
    snap_compare, demo_store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """TERM=linux: the grid's glyphs from the console fonts (▶ ◀ ■), nothing missing."""
    monkeypatch.setenv("TERM", "linux")
    app = PixtuiApp(demo_store, clock, watch_terminal=False)
    keys = open_room_with(demo_store, clock, 25)
    assert snap_compare(app, press=keys, terminal_size=(80, 24))
