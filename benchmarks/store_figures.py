"""Every store figure of issue 12's goal, on the demo store and on the generated lycée.

For each store, in the same run: a room presence write (a candidate's signature set or
cleared, store write included, by two processes taking turns as two invigilators do), a pupil
edit and a session save (``get`` + ``save``), ``Store.open``, and the size of ``backups/``
after 60 room writes. The baseline is a bare ``json.loads`` + ``json.dumps`` of the same file,
measured in the same run; the lycée's presence write is also given as a ratio of the demo's.
Goals (issue 12): presence median ≤ 20 ms, max ≤ 50 ms, lycée ≤ 1.5x demo; pupil edit and
session save median ≤ 30 ms; backups ≤ 5x the live data.

With ``--layouts file,folder`` (the default) each store is measured as a single file and as
a store folder (issue 12: ``Store`` on the manifest and its parts; the folder is made by
migrating a copy of the file, ``Store.open(..., migrate=True)``), in the same run; the baseline of both is
the same file.

Run: ``python benchmarks/store_figures.py [--reps 40] [--years 5] [--layouts file,folder]``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.fixtures import demo_store  # noqa: E402
from benchmarks.lycee import build_lycee  # noqa: E402
from pixtui.domain.clock import SystemClock  # noqa: E402
from pixtui.store import Store  # noqa: E402
from pixtui.store.paths import StorePaths  # noqa: E402


def times(action: Callable[[int], object], reps: int) -> list[float]:
    out = []
    for index in range(reps):
        start = time.perf_counter()
        action(index)
        out.append((time.perf_counter() - start) * 1000)
    return out


def _folder_size(folder: Path, skip: frozenset[str] = frozenset()) -> int:
    seen: set[int] = set()
    total = 0
    for entry in folder.rglob("*") if folder.is_dir() else []:
        info = entry.stat()
        if entry.is_file() and info.st_ino not in seen and entry.name not in skip:
            seen.add(info.st_ino)
            total += info.st_size
    return total


def _backups_ratio(path: Path) -> float:
    """backups ÷ live data: the ring and day versions of a file; a folder's kept manifests,
    the parts only they name and its whole copies (backups/), over the current parts."""
    path = StorePaths.of(path).root  # a migrated file's stub: its folder
    if not path.is_dir():
        return _folder_size(path.parent / "backups") / path.stat().st_size
    manifest = json.loads((path / "manifest.json").read_bytes())
    live_names = frozenset(manifest["parts"].values())
    live = sum((path / name).stat().st_size for name in live_names)
    journal = frozenset({"pixtui.journal.jsonl", "pixtui.lock", "manifest.json"})
    return _folder_size(path, live_names | journal) / live


def as_folder(path: Path) -> Path:
    """The store at ``path`` migrated into a store folder (issue 12), from a copy in a folder
    of its own (the file itself is measured after): the path of the copy, now a stub naming
    the folder, is returned."""
    copy = path.parent.with_name(path.parent.name + "-migre") / path.name
    copy.parent.mkdir()
    shutil.copy(path, copy)
    Store.open(copy, actor="bench", clock=SystemClock(), migrate=True)
    return copy


def measure(path: Path, reps: int, baseline_file: Path | None = None) -> dict[str, float]:
    me = Store.open(path, actor="mdupont", clock=SystemClock())
    other = Store.open(path, actor="jmartin", clock=SystemClock())
    snap = me.snapshot()
    sessions = snap.sessions.all()
    session = sessions[-1]  # the newest: the room of the day
    candidate = snap.candidates.where(session_id=session.id)[0]
    pupil = snap.pupils.all()[len(snap.pupils) // 2]

    def presence(index: int) -> None:
        store = me if index % 2 else other
        now = store.clock.now()
        with store.transaction("room.confirm_presence") as tx:
            tx.candidates.update(
                candidate.id, lambda c: setattr(c, "signed_at", None if index % 4 < 2 else now)
            )

    def pupil_edit(index: int) -> None:
        with me.transaction("pupil.edit") as tx:
            current = tx.pupils.get(pupil.id)
            assert current is not None
            current.follow_up = f"suivi {index}"
            tx.pupils.save(current)

    def session_save(index: int) -> None:
        with me.transaction("session.edit") as tx:
            current = tx.sessions.get(session.id)
            assert current is not None
            current.room = f"Salle {index % 9}"
            tx.sessions.save(current)

    data = (baseline_file or path).read_bytes()
    baseline = times(lambda _: json.dumps(json.loads(data)), reps)
    room = times(presence, max(reps, 60))  # 60 room writes at least (the backups figure)
    pupils = times(pupil_edit, reps)
    edits = times(session_save, reps)
    opening = times(lambda _: Store.open(path, actor="x", clock=SystemClock()), 5)
    return {
        "size_mib": len(data) / 2**20,
        "docs": sum(len(t) for t in json.loads(data).values()),
        "baseline": statistics.median(baseline),
        "presence": statistics.median(room),
        "presence_max": max(room),
        "pupil": statistics.median(pupils),
        "session": statistics.median(edits),
        "open": statistics.median(opening),
        "backups_x": _backups_ratio(path),
    }


def _stores(folder: str, years: int) -> list[tuple[str, Path]]:
    """A fresh demo store and a fresh generated lycée in ``folder``."""
    demo_path = Path(folder) / "demo" / "pixtui.json"
    demo_path.parent.mkdir()
    demo_store(demo_path)
    lycee_path = Path(folder) / "lycee" / "pixtui.json"
    build_lycee(lycee_path, years=years)
    return [("démo", demo_path), (f"lycée 2 000 élèves, {years} ans", lycee_path)]


def on_both_stores(
    measure: Callable[[Path, int], dict[str, float]], reps: int, years: int
) -> list[tuple[str, dict[str, float]]]:
    """``measure`` run on a fresh demo store, then on a fresh generated lycée."""
    with tempfile.TemporaryDirectory() as folder:
        return [(name, measure(path, reps)) for name, path in _stores(folder, years)]


def on_both_layouts(reps: int, years: int, layouts: list[str]) -> list[tuple[str, dict]]:
    """Each store measured in each layout (the folder made from the file), same run."""
    rows: list[tuple[str, dict[str, float]]] = []
    with tempfile.TemporaryDirectory() as folder:
        for name, path in _stores(folder, years):
            if "folder" in layouts:
                rows.append((f"{name}, dossier", measure(as_folder(path), reps, path)))
            if "file" in layouts:
                rows.append((f"{name}, fichier", measure(path, reps)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=40)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--layouts", default="file,folder")
    args = parser.parse_args()
    rows = on_both_layouts(args.reps, args.years, args.layouts.split(","))
    print(
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores, {platform.machine()}; medians of {args.reps} (room: "
        f"{max(args.reps, 60)}), ms; x = ratio to json.loads+dumps of the same file"
    )
    print(
        "| store | MiB | docs | loads+dumps | presence median (x) | presence max | "
        "pupil edit (x) | session save (x) | Store.open (x) | backups/ ÷ live |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, r in rows:
        b = r["baseline"]
        print(
            f"| {name} | {r['size_mib']:.1f} | {r['docs']:.0f} | {b:.1f} | "
            f"{r['presence']:.1f} ({r['presence'] / b:.2f}) | {r['presence_max']:.1f} | "
            f"{r['pupil']:.1f} ({r['pupil'] / b:.2f}) | {r['session']:.1f} "
            f"({r['session'] / b:.2f}) | {r['open']:.0f} ({r['open'] / b:.1f}) | "
            f"{r['backups_x']:.1f} |"
        )
    for layout in ("dossier", "fichier"):
        found = [r for name, r in rows if name.endswith(layout)]
        if len(found) == 2:
            demo, lycee = found
            ratio = lycee["presence"] / demo["presence"]
            print(f"{layout}: lycée presence ÷ demo presence: {ratio:.1f}x (goal ≤ 1.5x)")


if __name__ == "__main__":
    main()
