"""The folder layout under Store (issue 12): what the shortcuts of a commit keep equal to the
plain reading of the folder (only the touched documents routed, tables joined again from
the last join when a part kept its documents' keys)."""

from __future__ import annotations

import random
from pathlib import Path

from store_layouts import committed_tables

from pixtui.domain.clock import FixedClock
from pixtui.domain.models import Candidate, Pupil, SchoolSettings, Session
from pixtui.store import Snapshot, Store

TABLES = ("pupils", "sessions", "candidates")


def _raw(store: Store, name: str) -> dict[str, object]:
    return _raw_of(store.snapshot(), name)


def _raw_of(snapshot: Snapshot, name: str) -> dict[str, object]:
    return {obj.id: obj for obj in getattr(snapshot, name).all()}


def test_two_processes_random_changes_read_as_the_folder_holds(
    tmp_path: Path, clock: FixedClock
) -> None:
    path = tmp_path / "pixtui.d"
    first = Store.create(path, SchoolSettings(name="C"), actor="a", clock=clock)
    second = Store.open(path, actor="b", clock=clock)
    rng = random.Random(12)
    for step in range(120):
        store = first if rng.random() < 0.5 else second
        snap = store.snapshot()
        sessions = [s.id for s in snap.sessions.all()]
        candidates = [c.id for c in snap.candidates.all()]
        with store.transaction("random") as tx:
            action = rng.choice(("session", "candidate", "presence", "move", "drop", "pupil"))
            if action == "session" or not sessions:
                tx.sessions.add(Session(room=f"S{step}"))
            elif action == "candidate" or not candidates:
                tx.candidates.add_many(
                    Candidate(session_id=rng.choice(sessions), last_name=f"C{step}-{n}")
                    for n in range(rng.randint(1, 3))
                )
            elif action == "presence":
                tx.candidates.update(
                    rng.choice(candidates), lambda c, n=step: setattr(c, "first_name", f"p{n}")
                )
            elif action == "move":
                target = rng.choice(sessions)
                tx.candidates.update(
                    rng.choice(candidates), lambda c, s=target: setattr(c, "session_id", s)
                )
            elif action == "drop":
                tx.candidates.delete(rng.choice(candidates))
            else:
                tx.pupils.add(Pupil(last_name=f"P{step}"))
        on_disk = committed_tables(path)
        fresh = Store.open(path, actor="c", clock=clock).snapshot()
        for reader in (first, second):
            reader.poll()
            for name in TABLES:  # in the order a process joining every part reads them
                assert list(_raw(reader, name)) == list(_raw_of(fresh, name)), (step, name)
            for name in TABLES:
                docs = {doc["id"]: doc for doc in on_disk.get(name, {}).values()}
                assert set(_raw(reader, name)) == set(docs), (step, name)
                # Each record reads as on disk, and get(id) finds it (the id index).
                for record_id in docs:
                    got = getattr(reader.snapshot(), name).get(record_id)
                    assert got is not None and got.rev == docs[record_id]["rev"], (step, name)
        with store.transaction("check") as tx:  # a transaction's index too
            for record_id, doc in on_disk.get("candidates", {}).items():
                assert tx.candidates.get(doc["id"]) is not None, record_id
    # Every candidate sits in its session's part, checked by a fresh open.
    Store.open(path, actor="c", clock=clock).check()


def _folder_with_a_session(tmp_path: Path, clock: FixedClock) -> tuple[Path, str, str]:
    path = tmp_path / "pixtui.d"
    store = Store.create(path, SchoolSettings(name="C"), actor="a", clock=clock)
    with store.transaction("setup") as tx:
        session = tx.sessions.add(Session(room="112"))
        candidate = tx.candidates.add(Candidate(session_id=session.id, last_name="Martin"))
    return path, session.id, candidate.id


def test_a_failed_commit_does_not_shadow_the_next_writers_part(
    tmp_path: Path, clock: FixedClock, monkeypatch
) -> None:
    """A commit that fails at its manifest (full disk) leaves nothing this process will read
    again: another process then commits the same part under the same counter, and the first
    process's next commit keeps that change (it wrote its failed version back)."""
    import errno

    import pytest

    from pixtui.store import StoreWriteFailed
    from pixtui.store import parts as parts_module

    path, _, candidate = _folder_with_a_session(tmp_path, clock)
    first = Store.open(path, actor="a", clock=clock)
    second = Store.open(path, actor="b", clock=clock)
    real = parts_module.atomic_write

    def full(target, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(parts_module, "atomic_write", full)
    with pytest.raises(StoreWriteFailed), first.transaction("failed") as tx:
        tx.candidates.update(candidate, lambda c: setattr(c, "first_name", "ÉCHEC"))
    monkeypatch.setattr(parts_module, "atomic_write", real)
    with second.transaction("committed") as tx:
        tx.candidates.update(candidate, lambda c: setattr(c, "first_name", "B"))
    with first.transaction("next") as tx:
        tx.candidates.update(candidate, lambda c: setattr(c, "last_name", "Martin-Durand"))
    fresh = Store.open(path, actor="c", clock=clock).snapshot().candidates.get(candidate)
    assert fresh is not None
    assert (fresh.first_name, fresh.last_name) == ("B", "Martin-Durand")


def test_a_disk_too_full_for_the_days_copy_still_opens_and_commits(
    tmp_path: Path, clock: FixedClock, monkeypatch, caplog
) -> None:
    """The day's whole copy is a safety net: when it cannot be written, the store still
    opens and a room action still commits; the copy is made at a later commit."""
    import errno

    import pixtui.store.store as store_module

    path, _, candidate = _folder_with_a_session(tmp_path, clock)
    real = store_module.keep_daily_copy
    tries: list[object] = []

    def full(*args, **kwargs):
        tries.append(args[1])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store_module, "keep_daily_copy", full)
    store = Store.open(path, actor="a", clock=clock)
    with store.transaction("presence") as tx:
        tx.candidates.update(candidate, lambda c: setattr(c, "first_name", "présent"))
    assert len(tries) == 2  # at open, then again at the commit
    assert "day's copy" in caplog.text
    monkeypatch.setattr(store_module, "keep_daily_copy", real)
    with store.transaction("presence") as tx:
        tx.candidates.update(candidate, lambda c: setattr(c, "first_name", "parti"))
    got = Store.open(path, actor="c", clock=clock).snapshot().candidates.get(candidate)
    assert got is not None and got.first_name == "parti"


def test_a_reader_keeps_only_the_parts_of_the_newest_version(
    tmp_path: Path, clock: FixedClock
) -> None:
    """A process polling a day of room actions held every part version it had read."""
    path, _, candidate = _folder_with_a_session(tmp_path, clock)
    writer = Store.open(path, actor="a", clock=clock)
    reader = Store.open(path, actor="b", clock=clock)
    for step in range(30):
        with writer.transaction("presence") as tx:
            tx.candidates.update(candidate, lambda c, n=step: setattr(c, "first_name", f"p{n}"))
        reader.poll()
        assert reader.snapshot().candidates.get(candidate).first_name == f"p{step}"
    parts = reader._parts  # the store's own layer: what the reader's process holds parsed
    assert parts is not None
    named = set(parts.read_manifest()[0].files.values())
    assert set(parts._parsed) <= named
