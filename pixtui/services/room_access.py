"""Entering a room screen: the invigilator password, with a growing delay after failures.

Failures are counted in a record of their own per session (``password_failures``), written
in the same transaction as the attempt: the delay holds across processes and reconnections,
other journal events cannot push failures out of sight, and moving the journal away resets
nothing. The record's change is the attempt's journal line (action ``room.login_failed`` or
``room.login``, the session's id, the count; never the typed text) for the referent.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from pixtui.domain.models import PasswordFailures, Session

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


def recent_failures(failures: PasswordFailures | None, now: datetime) -> int:
    """Failures that still count: none once the window has passed since the last one."""
    if failures is None or failures.last_at is None or now - failures.last_at > FAILURE_WINDOW:
        return 0
    return failures.count


def check_wait(failures: PasswordFailures | None, now: datetime) -> int:
    """Seconds the user must still wait before another attempt (0: may try now)."""
    count = recent_failures(failures, now)
    wait = delay_after(count)
    if not wait or failures is None or failures.last_at is None:
        return 0
    return max(0, int((failures.last_at + timedelta(seconds=wait) - now).total_seconds() + 0.999))


def attempt(tx: Any, session: Session, typed: str) -> AccessDecision:
    """Check ``typed`` against ``session``'s password inside transaction ``tx``.

    The wait is checked again under the lock (another terminal may have failed meanwhile):
    while it runs, the password is not even compared. A failure counts in the session's
    record and is journalled; a success clears the count.
    """
    failures: PasswordFailures | None = tx.password_failures.get(session.id)
    wait = check_wait(failures, tx.now)
    if wait:
        return AccessDecision(False, wait)
    if password_matches(session, typed):
        if failures is not None and failures.count:
            failures.count, failures.last_at = 0, None
            tx.password_failures.save(failures)  # its journal line is the entry's
        else:
            tx.log(OK_ACTION, "session", session.id)
        return AccessDecision(True)
    count = recent_failures(failures, tx.now) + 1
    if failures is None:
        tx.password_failures.add(PasswordFailures(id=session.id, count=count, last_at=tx.now))
    else:
        failures.count, failures.last_at = count, tx.now
        tx.password_failures.save(failures)
    return AccessDecision(False, check_wait(PasswordFailures(count=count, last_at=tx.now), tx.now))
