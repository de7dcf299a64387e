"""Start-up time: pixtui to its home screen vs a bare Textual app (header, footer, table).

SPEC §8: at most 1.3 times the bare app, measured in the same run (machines are noisy, so runs
alternate and medians are compared).

    python benchmarks/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import compileall
import platform
import statistics
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import ptyrun  # noqa: E402
from benchmarks.fixtures import demo_store  # noqa: E402

HERE = Path(__file__).resolve().parent


def time_to(argv: list[str], marker: str) -> float:
    run = ptyrun.start(argv)
    try:
        return run.wait_for(marker)
    finally:
        run.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    # An installed pixtui has its bytecode; with PYTHONDONTWRITEBYTECODE set (as in the
    # engineers' shells) every run would compile ~80 modules from source.
    compileall.compile_dir(HERE.parent / "pixtui", quiet=1)
    with tempfile.TemporaryDirectory() as folder:
        store = Path(folder) / "pixtui.json"
        demo_store(store)
        bare_argv = [sys.executable, str(HERE / "bare_apps.py"), "table"]
        pixtui_argv = [sys.executable, "-m", "pixtui", "--store", str(store)]
        time_to(bare_argv, "baseline-ready")  # warm the file cache
        time_to(pixtui_argv, "Reste à faire")
        bare, ours = [], []
        for _ in range(args.runs):
            bare.append(time_to(bare_argv, "baseline-ready"))
            ours.append(time_to(pixtui_argv, "Reste à faire"))
    b, p = statistics.median(bare), statistics.median(ours)
    print(
        f"startup {date.today()} on {platform.node()} ({platform.processor() or platform.machine()}), {args.runs} runs each"
    )
    print(f"  bare Textual app (header, footer, table): median {b * 1000:.0f} ms")
    print(f"  pixtui to the home screen (demo store):   median {p * 1000:.0f} ms")
    print(f"  ratio pixtui / bare: {p / b:.2f} (target <= 1.30)")


if __name__ == "__main__":
    main()
