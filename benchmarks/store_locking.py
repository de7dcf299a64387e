"""Fair locking (issue 11, item 13): 16 processes, 8 of them busy writers, on one store.

Eight processes write in a loop (each transaction: a candidate updated), eight others each
open the store and make one write, with the store's default 5 s lock timeout. Printed for
the polling lock of before (``LOCK_NB`` retried every 20 ms) and for the store's lock
(blocking ``flock`` in a helper thread, woken by the release), in the same run: how many of
the eight gave up, their waits (median, max), and the busy writers' throughput.

Run: ``python benchmarks/store_locking.py [--pupils 2000] [--seconds 12]``.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.store_write import build  # noqa: E402
from pixtui.domain.clock import SystemClock  # noqa: E402
from pixtui.store import Store, StoreBusy  # noqa: E402
from pixtui.store import store as store_module  # noqa: E402
from pixtui.store.locking import WriterLock  # noqa: E402

BUSY = 8
OPENERS = 8


class PollingLock(WriterLock):
    """The lock before issue 11: ``LOCK_NB`` retried every 20 ms until the timeout."""

    @contextmanager
    def hold(self) -> Iterator[None]:
        deadline = time.monotonic() + self.timeout
        with self._thread_lock:
            fd = self.policy.open_file(self.path, os.O_RDWR | os.O_CREAT)
            try:
                while True:
                    try:
                        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                        break
                    except BlockingIOError:
                        if time.monotonic() >= deadline:
                            raise self._busy() from None
                        time.sleep(0.02)
                try:
                    yield
                finally:
                    fcntl.flock(fd, fcntl.LOCK_UN)
            finally:
                os.close(fd)


def _write(store: Store, candidate_id: str, note: str) -> None:
    with store.transaction("bench.lock") as tx:
        tx.candidates.update(candidate_id, lambda c: setattr(c, "aid_note", note))


def child(role: str, path: str, candidate_id: str, mode: str, seconds: float) -> None:
    if mode == "poll":
        store_module.WriterLock = PollingLock  # type: ignore[misc]
    if role == "busy":
        store = Store.open(path, actor="busy", clock=SystemClock(), lock_timeout=60)
        end = time.monotonic() + seconds
        count = 0
        while time.monotonic() < end:
            _write(store, candidate_id, f"busy {os.getpid()} {count}")
            count += 1
        print(json.dumps({"writes": count}))
        return
    start = time.monotonic()
    try:
        store = Store.open(path, actor="opener", clock=SystemClock())
        _write(store, candidate_id, f"opener {os.getpid()}")
        print(json.dumps({"wait": time.monotonic() - start}))
    except StoreBusy:
        print(json.dumps({"gave_up": time.monotonic() - start}))


def run(path: Path, candidate_id: str, mode: str, seconds: float) -> dict[str, object]:
    def spawn(role: str) -> subprocess.Popen[str]:
        args = [sys.executable, __file__, "--child", role, str(path), candidate_id, mode]
        return subprocess.Popen([*args, str(seconds)], stdout=subprocess.PIPE, text=True)

    busy = [spawn("busy") for _ in range(BUSY)]
    time.sleep(1.0)  # the writers are busy before anyone else arrives
    openers: list[subprocess.Popen[str]] = []

    def stagger() -> None:
        for _ in range(OPENERS):
            openers.append(spawn("open"))
            time.sleep(0.2)

    thread = threading.Thread(target=stagger)
    thread.start()
    thread.join()
    results = [json.loads(p.communicate()[0]) for p in openers]
    writes = sum(json.loads(p.communicate()[0])["writes"] for p in busy)
    waits = [r["wait"] for r in results if "wait" in r]
    return {
        "mode": mode,
        "gave_up": sum(1 for r in results if "gave_up" in r),
        "served": len(waits),
        "median": statistics.median(waits) if waits else float("nan"),
        "max": max(waits) if waits else float("nan"),
        "busy_writes_per_s": writes / seconds,
    }


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(*sys.argv[2:6], float(sys.argv[6]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pupils", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=12.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pixtui.json"
        sessions = max(5, args.pupils // 20)
        store = build(path, args.pupils, sessions, args.pupils, full=args.pupils >= 1000)
        candidate_id = store.snapshot().candidates.all()[0].id
        print(f"{BUSY} busy writers + {OPENERS} processes opening and writing once, ")
        print(f"store of {args.pupils} pupils, lock timeout 5 s, {os.cpu_count()} cores")
        print("| lock | gave up (of 8) | served | wait median (s) | wait max (s) | busy writes/s |")
        print("|---|---|---|---|---|---|")
        for mode in ("poll", "block"):
            r = run(path, candidate_id, mode, args.seconds)
            print(
                f"| {r['mode']} | {r['gave_up']} | {r['served']} | {r['median']:.2f} | "
                f"{r['max']:.2f} | {r['busy_writes_per_s']:.0f} |"
            )


if __name__ == "__main__":
    main()
