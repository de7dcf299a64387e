"""A pixtui process migrating a single-file store (run by test_migrate.py as a subprocess):
killed by SIGKILL right after the step named on its command line (or by the test at a
random moment when the step is ``none``)."""

from __future__ import annotations

import os
import signal
import sys
from datetime import UTC, datetime

from pixtui.domain.clock import FixedClock
from pixtui.store import Store, migrate


def main() -> None:
    path, stop_at = sys.argv[1:3]

    def stop(name: str) -> None:
        if name == stop_at:
            os.kill(os.getpid(), signal.SIGKILL)

    migrate.after_step = stop
    clock = FixedClock(datetime(2024, 3, 13, 8, 0, tzinfo=UTC))
    Store.open(path, actor="migrateur", clock=clock, lock_timeout=30, migrate=True)
    print("migrated", flush=True)


if __name__ == "__main__":
    main()
