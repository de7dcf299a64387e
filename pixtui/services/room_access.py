"""Entering a room screen: the invigilator password, with a growing delay after failures.

Failures are counted in the journal (one line each, never the typed text), so the delay holds
across processes and reconnections, and the referent can see attempts.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta

from pixtui.domain.models import Session

FREE_ATTEMPTS = 3
BASE_DELAY_SECONDS = 5
MAX_DELAY_SECONDS = 300
FAILURE_WINDOW = timedelta(minutes=30)
FAILED_ACTION = "room.login_failed"
OK_ACTION = "room.login"


@dataclass(frozen=True)
class AccessDecision:
    granted: bool
    wait_seconds: int = 0  # > 0: refused without checking, try again later


def password_matches(session: Session, typed: str) -> bool:
    # Pix passwords are case-sensitive; a constant-time compare costs nothing.
    expected = session.invigilator_password.strip()
    return bool(expected) and hmac.compare_digest(typed.strip().encode(), expected.encode())


def delay_after(failures: int) -> int:
    """No delay for the first attempts, then 5 s, 10 s, 20 s… up to 5 minutes."""
    if failures < FREE_ATTEMPTS:
        return 0
    return min(MAX_DELAY_SECONDS, BASE_DELAY_SECONDS * 2 ** (failures - FREE_ATTEMPTS))


def recent_failures(events: list, session_id: str, now: datetime) -> tuple[int, datetime | None]:
    """Failures since the last success (within the window), and when the last one happened."""
    failures = 0
    last: datetime | None = None
    for event in events:
        if event.record_id != session_id or now - event.at > FAILURE_WINDOW:
            continue
        if event.action == OK_ACTION:
            failures, last = 0, None
        elif event.action == FAILED_ACTION:
            failures += 1
            last = event.at
    return failures, last


def check_wait(events: list, session_id: str, now: datetime) -> int:
    """Seconds the user must still wait before another attempt (0: may try now)."""
    failures, last = recent_failures(events, session_id, now)
    wait = delay_after(failures)
    if not wait or last is None:
        return 0
    return max(0, int((last + timedelta(seconds=wait) - now).total_seconds() + 0.999))
