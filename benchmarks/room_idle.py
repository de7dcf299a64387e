"""The room screen with 30 candidates running, idle and under key presses (SPEC §8, issue 4).

The idle window is over a minute by default: times are shown to the minute, so a shorter
window may or may not contain the one repaint per minute and the figure would be a lottery.

Measured in one run against a bare Textual app that shows a clock label updated every second:
bytes per second written to the terminal and CPU share while idle, key latency of a presence
toggle (the store write included), memory.

    python benchmarks/room_idle.py [--seconds 30] [--presses 20]
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import ptyrun  # noqa: E402
from benchmarks.fixtures import busy_room  # noqa: E402

HERE = Path(__file__).resolve().parent


def idle(run: ptyrun.Run, seconds: float) -> tuple[float, float]:
    """(bytes per second, CPU percent of one core) over ``seconds`` without input."""
    run.settle(1.0)
    cpu0, t0 = run.cpu_seconds(), time.perf_counter()
    written = run.pump(seconds)
    elapsed = time.perf_counter() - t0
    return written / elapsed, 100 * (run.cpu_seconds() - cpu0) / elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=65)
    parser.add_argument("--presses", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = Path(folder) / "pixtui.json"
        session = busy_room(store, running=30, absent=2)

        bare = ptyrun.start([sys.executable, str(HERE / "bare_apps.py"), "clock"])
        bare.wait_for("baseline-ready")
        bare_bytes, bare_cpu = idle(bare, args.seconds)
        bare_rss = bare.rss_mib()
        bare.stop()

        room = ptyrun.start(
            [
                sys.executable,
                "-m",
                "pixtui",
                "salle",
                session.pix_number or "",
                "--store",
                str(store),
            ]
        )
        room.wait_for("mot de passe")
        room.press(*session.invigilator_password, "enter")
        room.wait_for("inscr")
        room_bytes, room_cpu = idle(room, args.seconds)
        # "Signed" (S) on one candidate after another, from the last: each press is a store
        # transaction (S sets a state, so pressing it twice on the same pupil writes nothing).
        room.press("end")
        latencies = []
        for _ in range(args.presses):
            latencies.append(room.key_latency("s"))
            room.press("left")
            room.settle(0.2)
        room_rss = room.rss_mib()
        room.stop()

    print(
        f"room idle {date.today()} on {platform.node()} ({platform.machine()}), {args.seconds:.0f} s idle"
    )
    print(
        f"  bare Textual app, 1 s clock label: {bare_bytes:7.0f} B/s  CPU {bare_cpu:4.1f} %  RSS {bare_rss:5.1f} MiB"
    )
    print(
        f"  pixtui room, 30 running:           {room_bytes:7.0f} B/s  CPU {room_cpu:4.1f} %  RSS {room_rss:5.1f} MiB"
    )
    print(
        f"  ratios pixtui / bare: bytes {room_bytes / max(bare_bytes, 1):.2f}, CPU {room_cpu / max(bare_cpu, 0.01):.2f}"
    )
    print("  targets: <= 300 B/s and <= 2 % of a core")
    print(
        f"  S (signed, write included), {len(latencies)} presses: median {statistics.median(latencies) * 1000:.0f} ms,"
        f" max {max(latencies) * 1000:.0f} ms (target median <= 50 ms)"
    )


if __name__ == "__main__":
    main()
