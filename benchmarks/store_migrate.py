"""Issue 12: the time of the migration of a single-file store into a store folder.

For the demo and the generated lycée (``python benchmarks/lycee.py /tmp/lycee.json`` first, or
``--lycee PATH``), each round on a fresh copy of the file and its journal, in the same run:
``Store.open`` of the file (its full check, the baseline), ``Store.open(migrate=True)`` (the
same check, then the migration: parts, manifest, journal copied, backups linked, stub) and a
bare ``json.loads`` + ``json.dumps`` of the file. The migrated folder is checked against the
file (every table, document for document).

Run: ``python benchmarks/store_migrate.py [--rounds 3] [--lycee /tmp/lycee.json]``.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pixtui.domain.clock import SystemClock  # noqa: E402
from pixtui.services.demo_store import write_demo  # noqa: E402
from pixtui.store import Store  # noqa: E402
from pixtui.store.fileformat import load_and_validate  # noqa: E402


def _copy(source: Path, into: Path) -> Path:
    into.mkdir()
    target = into / "pixtui.json"
    shutil.copy(source, target)
    journal = source.with_name(source.name + ".journal.jsonl")
    if journal.exists():
        shutil.copy(journal, into / "pixtui.json.journal.jsonl")
    return target


def _timed(action: object) -> float:
    start = time.perf_counter()
    action()  # type: ignore[operator]
    return (time.perf_counter() - start) * 1000


def measure(name: str, source: Path, rounds: int, work: Path) -> dict[str, object]:
    user = getpass.getuser()
    clock = SystemClock()
    opened, migrated, bare = [], [], []
    for index in range(rounds):
        file = _copy(source, work / f"{name}-o{index}")
        opened.append(_timed(lambda f=file: Store.open(f, user, clock, migrate=False)))
        data = source.read_bytes()
        bare.append(_timed(lambda d=data: json.dumps(json.loads(d))))
        file = _copy(source, work / f"{name}-m{index}")
        migrated.append(_timed(lambda f=file: Store.open(f, user, clock, migrate=True)))
    # The last migration, document for document.
    tables = load_and_validate(source.read_bytes())
    store = Store.open(file, user, clock)
    assert store.paths.is_folder
    whole = store._whole_folder(store._folder_tables(store._read_manifest_locked()[0]))
    for table in tables.names:
        if table != "_meta":
            assert whole.get(table, {}) == tables.table(table), table
    parts = len(list(store.paths.root.glob("*.*.json")))
    o, m, b = (statistics.median(x) for x in (opened, migrated, bare))
    return {
        "store": name,
        "MiB": round(source.stat().st_size / 2**20, 1),
        "parts": parts,
        "open file (ms)": round(o),
        "open + migrate (ms)": round(m),
        "migration alone (ms)": round(m - o),
        "json loads+dumps (ms)": round(b),
        "migrate/open": round(m / o, 2),
        "migration/json": round((m - o) / b, 2),
        "all migrate (ms)": [round(x) for x in migrated],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--lycee", type=Path, default=Path("/tmp/lycee.json"))
    args = parser.parse_args()
    print(f"{platform.node()} {platform.machine()} {os.cpu_count()} CPUs, load {os.getloadavg()}")
    with tempfile.TemporaryDirectory(prefix="pixtui-migrate-") as temp:
        work = Path(temp)
        demo = work / "demo" / "pixtui.json"
        demo.parent.mkdir()
        write_demo(demo, actor=getpass.getuser(), clock=SystemClock())
        rows = [measure("démo", demo, args.rounds, work)]
        if args.lycee.exists():
            rows.append(measure("lycée", args.lycee, args.rounds, work))
    for row in rows:
        print(json.dumps(row, ensure_ascii=False))
    print(f"load after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
