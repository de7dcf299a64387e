"""The folder layout's unit (pixtui.store.parts): routing, manifest commits, cache, history."""

from __future__ import annotations

import dataclasses
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tinydb import TinyDB

from pixtui.domain.clock import FixedClock
from pixtui.services.demo_store import write_demo
from pixtui.store import StoreWriteFailed
from pixtui.store import parts as parts_module
from pixtui.store.fileformat import Damaged, parse_whole, read_file
from pixtui.store.parts import (
    MANIFEST,
    Manifest,
    PartFolder,
    join,
    part_of,
    split,
)
from pixtui.store.permissions import FilePolicy

POLICY = FilePolicy(mode=0o600)


def _manifest(counter: int, day: str = "2026-12-02") -> Manifest:
    return Manifest(
        schema_version=1, counter=counter, updated_at=f"{day}T08:00:00+00:00", updated_by="t"
    )


def _demo_tables(tmp_path: Path, clock: FixedClock) -> dict[str, dict[str, dict]]:
    path = tmp_path / "demo.json"
    write_demo(path, actor="mdupont", clock=clock)
    return parse_whole(read_file(path)[0])


def _folder(
    tmp_path: Path, tables: dict[str, dict[str, dict]], day: str = "2026-12-02"
) -> tuple[PartFolder, Manifest]:
    folder = tmp_path / "store.d"
    folder.mkdir(mode=0o700)
    store = PartFolder(folder, POLICY)
    first = store.commit(None, split(tables), _manifest(1, day))
    return store, first


# --- routing ---------------------------------------------------------------------------


def test_each_table_is_routed_to_its_one_part() -> None:
    assert part_of("_meta", {"schema_version": 1}) == "school"
    assert part_of("school", {"id": "x"}) == "school"
    assert part_of("pupils", {"id": "p1", "division": "3A"}) == "pupils"
    assert part_of("sessions", {"id": "S1"}) == "session-S1"
    assert part_of("candidates", {"id": "c1", "session_id": "S1"}) == "session-S1"
    assert part_of("password_failures", {"id": "S1", "count": 2}) == "session-S1"
    # A session id is made safe for a file name; a candidate without one is still kept.
    assert part_of("candidates", {"id": "c2", "session_id": "../x y"}) == "session-___x_y"
    assert part_of("candidates", {"id": "c3"}) == "session-sans-session"
    # Results go by the school year (September to August) of the day they were taken.
    assert part_of("results", {"id": "r", "taken_on": "2027-03-10"}) == "results-2026"
    assert part_of("results", {"id": "r", "taken_on": "2026-09-01"}) == "results-2026"
    assert part_of("results", {"id": "r", "taken_on": "2026-08-31"}) == "results-2025"
    assert part_of("results", {"id": "r", "taken_on": None}) == "results-sans-date"
    assert part_of("results", {"id": "r", "taken_on": "hier"}) == "results-sans-date"
    assert part_of("a_future_table", {"id": "z"}) == "school"


def test_split_then_join_gives_back_every_document_once(tmp_path: Path, clock: FixedClock) -> None:
    tables = _demo_tables(tmp_path, clock)
    parts = split(tables)
    assert join(parts.values()) == tables  # oracle: the same tables, the same documents
    total = sum(len(t) for part in parts.values() for t in part.values())
    assert total == sum(len(t) for t in tables.values())
    sessions = tables["sessions"]
    assert {p for p in parts if p.startswith("session-")} == {
        f"session-{s['id']}" for s in sessions.values()
    }
    for candidate in tables["candidates"].values():
        part = parts[f"session-{candidate['session_id']}"]
        assert candidate in part["candidates"].values()


# --- commits ---------------------------------------------------------------------------


def test_every_part_file_is_read_by_tinydb(tmp_path: Path, clock: FixedClock) -> None:
    tables = _demo_tables(tmp_path, clock)
    store, first = _folder(tmp_path, tables)
    seen: dict[str, int] = {}
    for name in first.files.values():
        db = TinyDB(store.folder / name, access_mode="r")
        try:
            for table in db.tables():
                seen[table] = seen.get(table, 0) + len(db.table(table).all())
        finally:
            db.close()
    assert seen == {name: len(t) for name, t in tables.items() if t}


def test_a_room_action_rewrites_only_its_session_part(tmp_path: Path, clock: FixedClock) -> None:
    tables = _demo_tables(tmp_path, clock)
    store, first = _folder(tmp_path, tables)
    _, token_before = store.read_manifest()
    candidate = next(iter(tables["candidates"].values()))
    part = part_of("candidates", candidate)
    before_inodes = {n: os.stat(store.folder / n).st_ino for n in first.files.values()}
    session_part = {name: dict(t) for name, t in store.read_part(first.files[part]).items()}
    session_part["candidates"][_key(session_part["candidates"], candidate)] = {
        **candidate,
        "signed": True,
    }

    second = store.commit(first, {part: session_part}, _manifest(2))

    manifest, token_after = store.read_manifest()
    assert manifest == second and manifest.counter == 2
    assert token_after != token_before  # poll() sees the change
    assert manifest.files[part] == f"{part}.2.json"
    for other, name in first.files.items():
        if other != part:  # every other part: the very same file, not rewritten
            assert manifest.files[other] == name
            assert os.stat(store.folder / name).st_ino == before_inodes[name]
    fresh = PartFolder(store.folder, POLICY)  # another process
    loaded = fresh.load(manifest)
    assert any(c.get("signed") for c in loaded["candidates"].values())
    written = (store.folder / manifest.files[part]).stat().st_size
    assert written < (store.folder / first.files["pupils"]).stat().st_size


def _key(table: dict[str, dict], doc: dict) -> str:
    return next(k for k, v in table.items() if v["id"] == doc["id"])


def test_a_commit_serialises_only_the_documents_replaced(
    tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    tables = _demo_tables(tmp_path, clock)
    store, first = _folder(tmp_path, tables)
    pupils = {n: dict(t) for n, t in store.read_part(first.files["pupils"]).items()}
    key = next(iter(pupils["pupils"]))
    pupils["pupils"][key] = {**pupils["pupils"][key], "follow_up": "suivi ORL"}
    dumped: list[object] = []
    real = parts_module.dump_table

    def counting(table: dict, reuse: dict | None = None) -> tuple[bytes, dict]:
        payload, lines = real(table, reuse)
        dumped.extend(k for k, v in lines.items() if not reuse or reuse.get(k) is not v)
        return payload, lines

    monkeypatch.setattr(parts_module, "dump_table", counting)
    second = store.commit(first, {"pupils": pupils}, _manifest(2))
    assert dumped == [key]
    fresh = PartFolder(store.folder, POLICY).load(second, ["pupils"])
    assert fresh["pupils"][key]["follow_up"] == "suivi ORL"
    assert fresh["pupils"] == pupils["pupils"]


def test_a_failed_commit_leaves_the_old_manifest_and_no_new_file(
    tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    tables = _demo_tables(tmp_path, clock)
    store, first = _folder(tmp_path, tables)
    listing = sorted(p.name for p in store.folder.iterdir())

    def full_disk(*_args: object) -> None:
        raise StoreWriteFailed(store.manifest_path, OSError(28, "No space left on device"))

    monkeypatch.setattr(parts_module, "atomic_write", full_disk)
    with pytest.raises(StoreWriteFailed):
        store.commit(first, {"pupils": {"pupils": {}}}, _manifest(2))
    assert store.read_manifest()[0] == first
    assert sorted(p.name for p in store.folder.iterdir() if p.name != "history") == listing


def test_a_part_is_parsed_once_per_process(
    tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    tables = _demo_tables(tmp_path, clock)
    store, first = _folder(tmp_path, tables)
    reader = PartFolder(store.folder, POLICY)
    calls: list[int] = []
    real = parts_module.parse_whole

    def counting(data: bytes) -> dict:
        calls.append(len(data))
        return real(data)

    monkeypatch.setattr(parts_module, "parse_whole", counting)
    reader.load(first, ["pupils"])
    reader.load(first, ["pupils"])
    reader.load(first)
    assert len(calls) == len(first.files)  # pupils once, then each other part once


def test_files_follow_the_policy_modes(tmp_path: Path, clock: FixedClock) -> None:
    os.umask(0o022)
    tables = _demo_tables(tmp_path, clock)
    store, first = _folder(tmp_path, tables)
    store.commit(first, {"pupils": split(tables)["pupils"]}, _manifest(2))
    for entry in store.folder.iterdir():
        if entry.is_file():
            assert stat.S_IMODE(entry.stat().st_mode) == 0o600, entry.name
    assert stat.S_IMODE(store.history.stat().st_mode) == 0o700


def test_a_damaged_manifest_is_damage_not_a_crash(tmp_path: Path) -> None:
    for data in (b"", b"[]", b'{"parts": 3}', b"{" * 100_000):
        with pytest.raises(Damaged):
            Manifest.from_bytes(data)
    evil = dataclasses.replace(_manifest(3), files={"x": "../../etc.1.json"}).to_bytes()
    with pytest.raises(Damaged):
        Manifest.from_bytes(evil)


# --- history: restore a day back and through the last 50 room changes -------------------


def test_history_keeps_the_last_fifty_and_the_first_of_each_of_two_days(
    tmp_path: Path, clock: FixedClock
) -> None:
    tables = _demo_tables(tmp_path, clock)
    store, manifest = _folder(tmp_path, tables, "2026-11-30")
    candidate = next(iter(tables["candidates"].values()))
    part = part_of("candidates", candidate)
    days = ["2026-11-30"] * 20 + ["2026-12-01"] * 20 + ["2026-12-02"] * 40
    for counter, day in enumerate(days, start=2):
        room = {n: dict(t) for n, t in store.read_part(manifest.files[part]).items()}
        key = _key(room["candidates"], candidate)
        room["candidates"][key] = {**room["candidates"][key], "change": counter}
        manifest = store.commit(manifest, {part: room}, _manifest(counter, day))
        store.prune(keep_last=50)

    kept = store.kept_manifests()
    counters = [m.counter for _, m in kept]
    assert counters[-50:] == list(range(31, 81))  # the 50 changes before the current one
    assert 22 in counters  # the first of 2026-12-01 (a day back)
    assert 1 not in counters and 21 not in counters  # 2026-11-30 is three days old
    for _, old in kept:  # each kept version is whole: every file it names is still there
        loaded = store.load(old)
        room = next(c for c in loaded["candidates"].values() if c["id"] == candidate["id"])
        assert room.get("change", 1) == (old.counter if old.counter > 1 else 1)
    named = {n for _, m in kept for n in m.files.values()} | set(manifest.files.values())
    on_disk = {p.name for p in store.folder.iterdir() if p.is_file() and p.name != MANIFEST}
    assert on_disk == named  # nothing kept that no version names
    sessions = [p for p in on_disk if p.startswith(part)]
    assert len(sessions) == len(kept) + 1  # 50 room changes: 51 small session files


@pytest.mark.slow
def test_kill_9_during_commits_leaves_a_whole_version(tmp_path: Path, clock: FixedClock) -> None:
    tables = _demo_tables(tmp_path, clock)
    store, _first = _folder(tmp_path, tables)
    script = f"""
import sys
from pixtui.store.parts import PartFolder, Manifest, split, part_of
from pixtui.store.permissions import FilePolicy
from pathlib import Path
store = PartFolder(Path({str(store.folder)!r}), FilePolicy(mode=0o600))
manifest, _ = store.read_manifest()
print("ready", flush=True)
counter = manifest.counter
while True:
    counter += 1
    tables = store.load(manifest)
    tables["pupils"] = {{k: {{**d, "n": counter}} for k, d in tables["pupils"].items()}}
    parts = split(tables)
    manifest = store.commit(manifest, {{"pupils": parts["pupils"], "school": parts["school"]}},
        Manifest(1, counter, "2026-12-02T08:00:00+00:00", "k"))
    store.prune(keep_last=5)
"""
    for round_ in range(5):
        child = subprocess.Popen(
            [sys.executable, "-c", script], stdout=subprocess.PIPE, cwd=Path.cwd()
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == b"ready"
        time.sleep(0.05 + 0.03 * round_)
        child.send_signal(signal.SIGKILL)
        child.wait()
        reader = PartFolder(store.folder, POLICY)
        manifest, _ = reader.read_manifest()
        loaded = reader.load(manifest)
        marks = {doc.get("n") for doc in loaded["pupils"].values()}
        assert len(marks) == 1  # one whole version, never half of one
        assert join(split(loaded).values()) == loaded
        reader.collect()
