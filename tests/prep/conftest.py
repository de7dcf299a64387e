"""Shared helpers for the "before the session" tests (the demo store comes from tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.pilot import Pilot
from textual.widget import Widget

from pixtui.services.sessions import SessionDraft

EXAMPLES = Path(__file__).resolve().parents[2] / "data" / "imports"


def valid_draft(**changes: object) -> SessionDraft:
    """A session that breaks no rule in the demo store at the frozen clock (18/03/2027)."""
    values: dict[str, object] = {
        "site": "Bâtiment A",
        "room": "Salle 7",
        "date": "25/03/2027",
        "start_time": "10:00",
        "examiners": "Mme Roux, M. Petit",
        "description": "",
        "pix_number": "123456",
        "access_code": "BCDF23",
        "invigilator_password": "b2C!x9",
        "rehearsal": False,
    }
    values.update(changes)
    return SessionDraft(**values)  # type: ignore[arg-type]


def session_by_room(store, room: str, day: str):
    return next(
        s for s in store.snapshot().sessions.all() if s.room == room and s.date.isoformat() == day
    )


async def paste(pilot: Pilot, text: str, into: Widget | None = None) -> None:
    """``text`` pasted into the focused field (or ``into``), as a user pastes it: one event, not
    a key each (typing itself is tested in test_form_keys.py)."""
    field = into or pilot.app.focused
    assert field is not None
    field.post_message(events.Paste(text))
    await pilot.pause()
