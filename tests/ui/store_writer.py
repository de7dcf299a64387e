"""Another invigilator's process: one change to a candidate, through ``Store.transaction``.

Usage: ``python store_writer.py STORE ISO_INSTANT ACTION CANDIDATE_ID``
"""

from __future__ import annotations

import sys
from datetime import datetime

from pixtui.domain import room as rules
from pixtui.domain.clock import FixedClock
from pixtui.store import Store

ACTOR = "autre-surveillant"


def main(argv: list[str]) -> int:
    path, instant, action, candidate_id = argv
    clock = FixedClock(datetime.fromisoformat(instant))
    now = clock.now()
    changes = {
        "confirm_presence": lambda c: rules.confirm_presence(c, now),
        "start": lambda c: rules.mark_started(c, now),
        "end_test": lambda c: rules.end_test(c, now, ACTOR),
    }
    store = Store.open(path, actor=ACTOR, clock=clock)
    with store.transaction(f"room.{action}") as tx:
        tx.candidates.update(candidate_id, changes[action])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
