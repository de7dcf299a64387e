"""Shared helpers for the "before the session" tests (the demo store comes from tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

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
