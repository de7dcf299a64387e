"""Issue 12's figures outside the store: start-up, the Élèves screen, idle CPU, memory.

On the demo store and on the generated 2,000-pupil lycée after five years (benchmarks/lycee.py,
seed 2026), each figure next to a baseline measured in the same run (the machine is shared and
loaded: absolute times are noisy, ratios much less):

- start-up to Accueil in a real pty, against a bare Textual app (header, 30-row table, footer);
- Élèves (headless, 80x24): open, one letter typed in the search, back to all rows, against a
  bare Textual app with an Input and a 30-row DataTable doing the same (push, refill);
- redraws of the pupils' table when another process writes something that is not a pupil;
- CPU of a pixtui process showing Élèves while another process writes every 2 s (real pty);
- RSS of that process.

    python benchmarks/app_figures.py [--runs 5] [--seconds 20] [--lycee PATH]
        [--layout file|folder|both]

``--layout folder`` measures each store as a store folder (issue 12's layout, made from the
file by ``Store.restore`` and opened once, so that the day's whole copy is made before the
figures); ``both`` (the default) measures each store in both layouts, in the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import getpass
import os
import platform
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from textual.app import App, ComposeResult  # noqa: E402
from textual.screen import Screen  # noqa: E402
from textual.widgets import DataTable, Footer, Header, Input  # noqa: E402

from benchmarks import ptyrun  # noqa: E402
from benchmarks.fixtures import demo_store  # noqa: E402
from benchmarks.lycee import build_lycee  # noqa: E402
from pixtui.app import PixtuiApp  # noqa: E402
from pixtui.domain.clock import SystemClock  # noqa: E402
from pixtui.store import Store  # noqa: E402
from pixtui.widgets.tables import LazyTable  # noqa: E402

HERE = Path(__file__).resolve().parent
HOME_MARKER = "Reste à faire"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


# --- start-up ------------------------------------------------------------------------------


def time_to(argv: list[str], marker: str) -> float:
    run = ptyrun.start(argv)
    try:
        return run.wait_for(marker, timeout=60)
    finally:
        run.stop()


def startup(stores: dict[str, Path], runs: int) -> None:
    # An installed pixtui has its bytecode; with PYTHONDONTWRITEBYTECODE set (as in the
    # engineers' shells) every run would compile ~80 modules from source.
    compileall.compile_dir(HERE.parent / "pixtui", quiet=1)
    bare_argv = [sys.executable, str(HERE / "bare_apps.py"), "table"]
    argvs = {
        name: [sys.executable, "-m", "pixtui", "--store", str(p)] for name, p in stores.items()
    }
    time_to(bare_argv, "baseline-ready")  # warm the file cache
    for argv in argvs.values():
        time_to(argv, HOME_MARKER)
    bare: list[float] = []
    ours: dict[str, list[float]] = {name: [] for name in stores}
    for _ in range(runs):  # alternated, so that load changes hit both alike
        bare.append(time_to(bare_argv, "baseline-ready"))
        for name, argv in argvs.items():
            ours[name].append(time_to(argv, HOME_MARKER))
    b = statistics.median(bare)
    print(f"start-up to Accueil, real pty 80x24, median of {runs} alternated runs")
    print(f"  bare Textual app (header, 30-row table, footer): {ms(b)}")
    for name, times in ours.items():
        p = statistics.median(times)
        print(f"  pixtui, {name:<7} store: {ms(p):>8}  ratio {p / b:.2f} (target <= 1.30)")


# --- Élèves, headless ----------------------------------------------------------------------


class BareTable(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(id="q")
        yield DataTable()
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Nom", "Prénom", "Classe", "Né le", "Certifiabilité", "Connexion")
        self.fill("")

    def fill(self, query: str) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for row in range(30):
            table.add_row(f"ÉLÈVE{query} {row:02d}", "Léa", "2A", "01/01/2010", "oui", "GAR")

    def on_input_changed(self, event: Input.Changed) -> None:
        self.fill(event.value)


class BareApp(App[None]):
    pass


async def _timed(pilot: object, step: Callable[[], Awaitable[object]]) -> float:
    start = time.perf_counter()
    await step()
    await pilot.pause()  # type: ignore[attr-defined]
    return time.perf_counter() - start


async def _bare_times(runs: int) -> dict[str, list[float]]:
    app = BareApp()
    times: dict[str, list[float]] = {"open": [], "letter": [], "back": []}
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(runs):

            async def push() -> None:
                await app.push_screen(BareTable())

            times["open"].append(await _timed(pilot, push))
            app.screen.query_one(Input).focus()
            times["letter"].append(await _timed(pilot, lambda: pilot.press("m")))
            times["back"].append(await _timed(pilot, lambda: pilot.press("backspace")))
            app.pop_screen()
            await pilot.pause()
    return times


async def _pixtui_times(store_path: Path, runs: int) -> tuple[dict[str, list[float]], int, int]:
    store = Store.open(store_path, actor=getpass.getuser(), clock=SystemClock())
    app = PixtuiApp(store, SystemClock(), watch_terminal=False)
    times: dict[str, list[float]] = {"open": [], "letter": [], "back": []}
    fills = 0
    original = LazyTable.show_rows

    def counting(self: LazyTable, *args: object, **kwargs: object) -> None:
        nonlocal fills
        fills += 1
        original(self, *args, **kwargs)  # type: ignore[arg-type]

    LazyTable.show_rows = counting  # type: ignore[method-assign]
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            for _ in range(runs):
                app.remove_mode("eleves")  # a fresh screen each time, as on a first visit
                app.add_mode("eleves", PixtuiApp(store, SystemClock()).MODES["eleves"])

                async def go() -> None:
                    app.action_go("eleves")

                times["open"].append(await _timed(pilot, go))
                await pilot.press("slash")
                times["letter"].append(await _timed(pilot, lambda: pilot.press("m")))
                times["back"].append(await _timed(pilot, lambda: pilot.press("backspace")))
                await pilot.press("escape")
                app.action_go("accueil")
                await pilot.pause()
            # Another process writes something that is not a pupil, while Élèves shows.
            app.action_go("eleves")
            await pilot.pause()
            other = Store.open(store_path, actor="autre", clock=SystemClock())
            before = fills
            for _ in range(3):
                with other.transaction("bench.other") as tx:
                    session = tx.sessions.all()[-1]
                    tx.sessions.update(session.id, lambda s: setattr(s, "room", s.room + "."))
                app.poll_store()
                await pilot.pause()
            redraws = fills - before
            with other.transaction("bench.pupil") as tx:
                pupil = next(p for p in tx.pupils.all() if not p.left_school)
                tx.pupils.update(pupil.id, lambda p: setattr(p, "follow_up", p.follow_up + "."))
            before = fills
            app.poll_store()
            await pilot.pause()
            pupil_redraws = fills - before
    finally:
        LazyTable.show_rows = original  # type: ignore[method-assign]
    return times, redraws, pupil_redraws


def pupils_screen(stores: dict[str, Path], runs: int) -> None:
    print(f"Élèves, headless 80x24, median of {runs} (each step until the screen is idle again)")
    bare = asyncio.run(_bare_times(runs))
    targets = {"open": 0.150, "letter": 0.030, "back": None}
    names = {"open": "open", "letter": "a letter typed", "back": "back to all rows"}
    for step, values in bare.items():
        print(f"  bare app, {names[step]:<16} (30 rows): {ms(statistics.median(values)):>8}")
    for name, path in stores.items():
        times, redraws, pupil_redraws = asyncio.run(_pixtui_times(path, runs))
        for step, values in times.items():
            ours, base = statistics.median(values), statistics.median(bare[step])
            target = targets[step]
            goal = f" (target <= {ms(target)})" if target else ""
            print(
                f"  pixtui {name:<7} {names[step]:<16}: {ms(ours):>8}  ratio {ours / base:.2f}{goal}"
            )
        print(
            f"  pixtui {name:<7} table refills on 3 writes of a session by another process: "
            f"{redraws} (target 0); on a pupil's change: {pupil_redraws} (expected 1)"
        )


# --- a real process: idle CPU with a writer, RSS ---------------------------------------------


def _writer(path: Path, stop: threading.Event, every: float) -> int:
    store = Store.open(path, actor="autre", clock=SystemClock())
    count = 0
    while not stop.wait(every):
        with store.transaction("bench.other") as tx:
            session = tx.sessions.all()[-1]
            tx.sessions.update(session.id, lambda s: setattr(s, "room", s.room + "."))
        count += 1
    return count


def idle_with_writer(stores: dict[str, Path], seconds: float) -> None:
    print(
        f"a pixtui process on Élèves (real pty), {seconds:.0f} s, another process writing every 2 s"
    )
    bare = ptyrun.start([sys.executable, str(HERE / "bare_apps.py"), "table"])
    bare.wait_for("baseline-ready")
    bare.settle(1.0)
    bare_rss = bare.rss_mib()
    c0, t0 = bare.cpu_seconds(), time.perf_counter()
    bare.pump(seconds)
    bare_cpu = 100 * (bare.cpu_seconds() - c0) / (time.perf_counter() - t0)
    bare.stop()
    print(f"  bare Textual app idle: CPU {bare_cpu:.1f} %, RSS {bare_rss:.0f} MiB")
    for name, path in stores.items():
        run = ptyrun.start([sys.executable, "-m", "pixtui", "--store", str(path)])
        try:
            run.wait_for(HOME_MARKER, timeout=60)
            run.press("f3")
            run.wait_for("élèves", timeout=60)
            run.settle(1.0)
            stop = threading.Event()
            writes: list[int] = []
            thread = threading.Thread(
                target=lambda out=writes, at=path, flag=stop: out.append(_writer(at, flag, 2.0)),
                daemon=True,
            )
            c0, t0 = run.cpu_seconds(), time.perf_counter()
            thread.start()
            written = run.pump(seconds)
            elapsed = time.perf_counter() - t0
            cpu = 100 * (run.cpu_seconds() - c0) / elapsed
            stop.set()
            thread.join()
            rss = run.rss_mib()
        finally:
            run.stop()
        print(
            f"  pixtui {name:<7}: CPU {cpu:.1f} % (target <= 2 %), {written / elapsed:.0f} B/s "
            f"to the terminal, {writes[0]} writes; RSS {rss:.0f} MiB (target <= 60), "
            f"ratio to bare {rss / bare_rss:.2f}"
        )


def as_folder(path: Path) -> Path:
    """The store at ``path`` put into a store folder beside it (``<name>.d``), opened once:
    the day's whole copy is made then, not in a measured start-up."""
    folder = path.with_suffix(".d")
    Store.restore(folder, path, actor="bench", clock=SystemClock())
    Store.open(folder, actor="bench", clock=SystemClock())
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--lycee", type=Path, help="a store written by benchmarks/lycee.py")
    parser.add_argument(
        "--only", choices=["startup", "pupils", "idle"], action="append", help="default: all"
    )
    parser.add_argument("--layout", choices=["file", "folder", "both"], default="both")
    args = parser.parse_args()
    only = set(args.only or ["startup", "pupils", "idle"])
    with tempfile.TemporaryDirectory() as folder:
        demo = Path(folder) / "demo.json"
        demo_store(demo)
        lycee = Path(folder) / "lycee.json"
        if args.lycee:
            shutil.copy(args.lycee, lycee)  # the benchmark writes: never into the given file
        else:
            build_lycee(lycee)
        stores: dict[str, Path] = {}
        for name, path in (("demo", demo), ("lycée", lycee)):
            if args.layout in ("file", "both"):
                stores[name if args.layout == "file" else f"{name}/f"] = path
            if args.layout in ("folder", "both"):
                stores[name if args.layout == "folder" else f"{name}/d"] = as_folder(path)
        print(
            f"pixtui app figures {date.today()} on {platform.node()} "
            f"({platform.machine()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f})"
        )
        if "startup" in only:
            startup(stores, args.runs)
        if "pupils" in only:
            pupils_screen(stores, args.runs)
        if "idle" in only:
            idle_with_writer(stores, args.seconds)


if __name__ == "__main__":
    main()
