"""Start-up of two (or more) source trees of pixtui in the same run, against the bare app.

For a before/after on a loaded machine: each tree (a folder holding ``pixtui/``, e.g. made by
``git archive REV | tar -x -C DIR``) opens each store in a real pty, runs alternated with the
bare Textual app (header, 30-row table, footer); printed are the medians of the time to the
first frame of Accueil (« Reste à faire ») and of the process's CPU time at that moment, each
as a ratio to the bare app's. CPU time is much less disturbed by other processes than wall
time (it still grows a little under load).

    python benchmarks/startup_ab.py --runs 7 --trees OLD_DIR,. --stores demo.json,lycee.json
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import ptyrun  # noqa: E402

HERE = Path(__file__).resolve().parent
HOME_MARKER = "Reste à faire"


def pixtui_argv(tree: Path, store: Path) -> list[str]:
    code = (
        f"import sys, runpy; sys.path.insert(0, {str(tree)!r}); "
        "runpy.run_module('pixtui', run_name='__main__')"
    )
    return [sys.executable, "-c", code, "--store", str(store)]


def measure(argv: list[str], marker: str) -> tuple[float, float]:
    """(seconds to ``marker``, CPU seconds of the process at that moment)."""
    run = ptyrun.start(argv)
    try:
        return run.wait_for(marker, timeout=60), run.cpu_seconds()
    finally:
        run.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--trees", required=True, help="comma-separated folders holding pixtui/")
    parser.add_argument("--stores", required=True, help="comma-separated store files")
    args = parser.parse_args()
    trees = [Path(t).resolve() for t in args.trees.split(",")]
    stores = [Path(s).resolve() for s in args.stores.split(",")]
    for tree in trees:  # an installed pixtui has its bytecode
        compileall.compile_dir(tree / "pixtui", quiet=1)
    bare = [sys.executable, str(HERE / "bare_apps.py"), "table"]
    measure(bare, "baseline-ready")  # warm the file cache
    for tree in trees:
        for store in stores:
            measure(pixtui_argv(tree, store), HOME_MARKER)
    times: dict[tuple[str, str], list[tuple[float, float]]] = {("bare", ""): []}
    for _ in range(args.runs):  # alternated, so that load changes hit all alike
        times[("bare", "")].append(measure(bare, "baseline-ready"))
        for store in stores:
            for tree in trees:
                times.setdefault((str(tree), store.name), []).append(
                    measure(pixtui_argv(tree, store), HOME_MARKER)
                )
    wall = statistics.median(t for t, _ in times[("bare", "")])
    cpu = statistics.median(c for _, c in times[("bare", "")])
    print(f"start-up A/B, median of {args.runs} alternated runs, load {os.getloadavg()[0]:.1f}")
    print(f"  bare Textual app: {wall * 1000:.0f} ms, CPU {cpu * 1000:.0f} ms")
    for (tree, store), values in times.items():
        if tree == "bare":
            continue
        w = statistics.median(t for t, _ in values)
        c = statistics.median(c for _, c in values)
        print(
            f"  {store:<14} {tree:<40} {w * 1000:6.0f} ms ({w / wall:.2f} x)"
            f"  CPU {c * 1000:5.0f} ms ({c / cpu:.2f} x)"
        )


if __name__ == "__main__":
    main()
