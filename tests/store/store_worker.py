"""A pixtui process writing to a shared store (run by test_processes.py as a subprocess)."""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime

from pixtui.domain.clock import FixedClock
from pixtui.domain.models import Pupil
from pixtui.store import Store, StoreBusy, atomic


def add_and_tick(store: Store, session_id: str, label: str) -> None:
    with store.transaction("worker.write") as tx:
        tx.pupils.add(Pupil(last_name=label, division=label[:2]))
        tx.sessions.update(session_id, lambda s: s.examiners.append(label))


def main() -> None:
    mode, path, session_id, worker, count = sys.argv[1:6]
    clock = FixedClock(datetime(2024, 3, 12, 8, 0, tzinfo=UTC))
    # A single file stays one here: the process tests test that layout itself.
    store = Store.open(path, actor=f"w{worker}", clock=clock, lock_timeout=30, migrate=False)
    if mode == "many":
        for index in range(int(count)):
            while True:
                try:
                    add_and_tick(store, session_id, f"w{worker}-{index}")
                    break
                except StoreBusy:  # pragma: no cover - only on a very slow machine
                    continue
    elif mode == "forever":
        index = 0
        while True:
            add_and_tick(store, session_id, f"w{worker}-{index}-" + "x" * (index % 7) * 40)
            if index == 0:
                print("ready", flush=True)
            index += 1
    elif mode == "hang_in_replace":

        def stuck(*_args: object) -> None:
            print("ready", flush=True)
            time.sleep(60)

        atomic.os.replace = stuck  # type: ignore[assignment]
        add_and_tick(store, session_id, "never")


if __name__ == "__main__":
    main()
