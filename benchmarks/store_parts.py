"""Issue 12: what the folder layout (``pixtui.store.parts``) costs, beside today's single file.

On the demo store and on the generated lycée (``benchmarks/lycee.py``), in the same run:
- single file: a room presence (signature set or cleared) through ``Store.transaction`` by two
  ``Store`` objects taking turns, as ``benchmarks/store_figures.py`` measures it;
- folder: the same change through ``PartFolder`` by two readers taking turns (each sees the
  other's new manifest and parses the new session file), with what a real commit adds around
  it: a ``flock`` on a lock file, one journal line appended and fsynced first, then the
  session part and the manifest written and fsynced, then the history pruned to the last 50;
- a pupil edit in the folder (the pupils part rewritten whole);
- the size of the folder (history included, each inode once) after 60 room changes ÷ live.
Baseline: ``json.loads`` + ``json.dumps`` of the single file. This is the layout's unit alone:
``Store`` does not use it yet (see docs/store.md).

Run: ``python benchmarks/store_parts.py [--reps 60] [--years 5]``.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import platform
import statistics
import sys
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.store_figures import on_both_stores, times  # noqa: E402
from pixtui.domain.clock import SystemClock  # noqa: E402
from pixtui.store import Store  # noqa: E402
from pixtui.store.fileformat import parse_whole, read_file  # noqa: E402
from pixtui.store.parts import Manifest, PartFolder, part_of, split  # noqa: E402
from pixtui.store.permissions import FilePolicy  # noqa: E402

POLICY = FilePolicy(mode=0o600)


def _size(folder: Path) -> int:
    seen: set[int] = set()
    total = 0
    for root, _dirs, files in os.walk(folder):
        for name in files:
            info = os.stat(os.path.join(root, name))
            if info.st_ino not in seen:
                seen.add(info.st_ino)
                total += info.st_size
    return total


def _stamp(counter: int) -> Manifest:
    return Manifest(1, counter, datetime.now(UTC).isoformat(), "bench", file_mode=0o600)


def measure(path: Path, reps: int) -> dict[str, float]:
    me = Store.open(path, actor="mdupont", clock=SystemClock())
    other = Store.open(path, actor="jmartin", clock=SystemClock())
    snap = me.snapshot()
    session = snap.sessions.all()[-1]
    candidate = snap.candidates.where(session_id=session.id)[0]
    data = path.read_bytes()

    def single(index: int) -> None:
        store = me if index % 2 else other
        now = store.clock.now()
        with store.transaction("room.confirm_presence") as tx:
            tx.candidates.update(
                candidate.id, lambda c: setattr(c, "signed_at", None if index % 4 < 2 else now)
            )

    tables = parse_whole(read_file(path)[0])
    folder = path.parent / "pixtui.d"
    folder.mkdir(mode=0o700)
    writer_a, writer_b = PartFolder(folder, POLICY), PartFolder(folder, POLICY)
    writer_a.commit(None, split(tables), _stamp(1))
    live = _size(folder)
    lock_fd = os.open(folder / "lock", os.O_RDWR | os.O_CREAT, 0o600)
    journal_fd = os.open(folder / "journal.jsonl", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    room = part_of("candidates", {"session_id": candidate.session_id})

    def folder_presence(index: int) -> None:
        writer = writer_a if index % 2 else writer_b
        fcntl.flock(lock_fd, fcntl.LOCK_EX)
        try:
            manifest, _ = writer.read_manifest()
            part = {n: dict(t) for n, t in writer.read_part(manifest.files[room]).items()}
            key = next(k for k, d in part["candidates"].items() if d["id"] == candidate.id)
            now = None if index % 4 < 2 else datetime.now(UTC).isoformat()
            part["candidates"][key] = {**part["candidates"][key], "signed_at": now}
            line = {"action": "room.confirm_presence", "id": candidate.id, "n": index}
            os.write(journal_fd, json.dumps(line).encode() + b"\n")
            os.fsync(journal_fd)
            writer.commit(manifest, {room: part}, _stamp(manifest.counter + 1))
            writer.prune(keep_last=50)
        finally:
            fcntl.flock(lock_fd, fcntl.LOCK_UN)

    def folder_pupil(index: int) -> None:
        fcntl.flock(lock_fd, fcntl.LOCK_EX)
        try:
            manifest, _ = writer_a.read_manifest()
            part = {n: dict(t) for n, t in writer_a.read_part(manifest.files["pupils"]).items()}
            key = next(iter(part["pupils"]))
            part["pupils"][key] = {**part["pupils"][key], "follow_up": f"suivi {index}"}
            os.write(journal_fd, b'{"action": "pupil.edit"}\n')
            os.fsync(journal_fd)
            writer_a.commit(manifest, {"pupils": part}, _stamp(manifest.counter + 1))
            writer_a.prune(keep_last=50)
        finally:
            fcntl.flock(lock_fd, fcntl.LOCK_UN)

    baseline = times(lambda _: json.dumps(json.loads(data)), 5)
    single_times = times(single, reps)
    folder_times = times(folder_presence, reps)
    room_size = (folder / writer_a.read_manifest()[0].files[room]).stat().st_size
    backups_x = (_size(folder) - live) / live
    pupil_times = times(folder_pupil, max(5, reps // 4))
    return {
        "size_mib": len(data) / 2**20,
        "baseline": statistics.median(baseline),
        "single": statistics.median(single_times),
        "single_max": max(single_times),
        "folder": statistics.median(folder_times),
        "folder_max": max(folder_times),
        "pupil": statistics.median(pupil_times),
        "room_kib": room_size / 1024,
        "backups_x": backups_x,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=60)
    parser.add_argument("--years", type=int, default=5)
    args = parser.parse_args()
    rows = on_both_stores(measure, args.reps, args.years)
    load = os.getloadavg()[0]
    print(
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores, load {load:.1f}; {args.reps} room changes each, ms"
    )
    print(
        "| store | MiB | loads+dumps | presence, single file: median / max | "
        "presence, folder: median / max | pupil edit, folder | session file KiB | "
        "history after the room changes ÷ live |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for name, r in rows:
        print(
            f"| {name} | {r['size_mib']:.1f} | {r['baseline']:.0f} | "
            f"{r['single']:.1f} / {r['single_max']:.1f} | "
            f"{r['folder']:.1f} / {r['folder_max']:.1f} | {r['pupil']:.1f} | "
            f"{r['room_kib']:.0f} | {r['backups_x']:.2f} |"
        )
    demo, lycee = rows[0][1], rows[1][1]
    print(
        f"folder presence, lycée ÷ demo: {lycee['folder'] / demo['folder']:.2f}x (goal ≤ 1.5x); "
        f"single file: {lycee['single'] / demo['single']:.1f}x"
    )


if __name__ == "__main__":
    main()
