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
