"""Issue 11, item 5: a committed change never lacks its journal line.

The lines are written and fsynced before the file is replaced; lines of a change that never
reached the file (crash, full disk in between) are marked unconfirmed by the next writer and
left out by every reader.
"""

from __future__ import annotations

import errno
import os
import random
import signal
import time
from pathlib import Path

import pytest
from store_layouts import committed_bytes, committed_tables

from pixtui.domain.clock import FixedClock
from pixtui.domain.models import Pupil, Session
from pixtui.store import Store, StoreWriteFailed
from pixtui.store import parts as parts_module
from pixtui.store import store as store_module


def _patch_commit(patch: pytest.MonkeyPatch, replacement: object) -> None:
    """The commit point's write: the single file's, or the folder's manifest."""
    patch.setattr(store_module, "atomic_write", replacement)
    patch.setattr(parts_module, "atomic_write", replacement)


def _add(store: Store, name: str) -> None:
    with store.transaction("pupil.add") as tx:
        tx.pupils.add(Pupil(last_name=name))


class Killed(BaseException):
    """Stands for kill -9 between the journal line and the replace (not caught by the store)."""


def test_a_crash_before_the_replace_leaves_lines_that_readers_leave_out(
    store: Store, store_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add(store, "Avant")

    def killed(*_args: object, **_kwargs: object) -> None:
        raise Killed

    with monkeypatch.context() as patch:
        _patch_commit(patch, killed)
        with pytest.raises(Killed):
            _add(store, "Jamais")
    other = Store.open(store_path, actor="jmartin", clock=clock)
    assert other.unconfirmed_journal_lines() == 1  # written, not yet marked
    _add(other, "Après")  # the next writer marks it
    assert other.unconfirmed_journal_lines() == 1
    names = [(e.after or {}).get("last_name") for e in other.iter_journal()]
    assert names == [None, "Avant", "Après"]  # store.create, then the two real commits
    newest_first = [(e.after or {}).get("last_name") for e in other.iter_journal(True)]
    assert newest_first == ["Après", "Avant", None]
    assert [e.counter for e in other.journal_tail(2)] == [2, 3]
    assert [p.last_name for p in other.snapshot().pupils.all()] == ["Avant", "Après"]


def test_a_full_disk_for_the_journal_writes_nothing(
    store: Store, store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add(store, "Avant")
    before = committed_bytes(store_path)

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "full")

    monkeypatch.setattr(store_module, "append_events", full)
    with pytest.raises(StoreWriteFailed, match="disque est plein"):
        _add(store, "Jamais")
    assert committed_bytes(store_path) == before  # no commit without its line


def test_a_failed_replace_marks_its_lines_at_once(
    store: Store, store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(path: Path, *_args: object) -> None:
        raise StoreWriteFailed(path, OSError(errno.EACCES, "no"))

    _patch_commit(monkeypatch, refused)
    with pytest.raises(StoreWriteFailed):
        _add(store, "Jamais")
    assert store.unconfirmed_journal_lines() == 1
    assert [e.action for e in store.iter_journal()] == ["store.create"]


@pytest.mark.slow
def test_no_commit_without_its_journal_line_in_500_kills(
    store: Store, store_path: Path, clock: FixedClock
) -> None:
    with store.transaction("pupil.import") as tx:  # ~100 KB: kills land inside writes too
        tx.pupils.add_many(Pupil(last_name=f"Élève{i}", first_name="Zoé") for i in range(300))
    with store.transaction("session.add") as tx:
        session_id = tx.sessions.add(Session(site="Lycée", room="B12")).id
    start = store.snapshot().counter
    rng = random.Random(500)
    for round_number in range(500):
        ready, ready_w = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child, killed
            try:
                worker = Store.open(store_path, actor=f"k{round_number}", clock=clock)
                os.write(ready_w, b"r")
                index = 0
                while True:
                    with worker.transaction("worker.write") as tx:
                        tx.pupils.add(Pupil(last_name=f"k{round_number}-{index}"))
                        tx.sessions.update(session_id, lambda s: s.examiners.append("x"))
                    index += 1
            finally:
                os._exit(0)
        os.close(ready_w)
        os.read(ready, 1)  # opened: the kill lands among its transactions
        os.close(ready)
        time.sleep(rng.uniform(0.0, 0.03))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    final = Store.open(store_path, actor="check", clock=clock)
    committed_tables(store_path)  # every part parses and checks
    snap = final.snapshot()
    committed = len(snap.pupils) - 300
    assert committed == len(snap.sessions.get(session_id).examiners)  # atomic as ever
    assert snap.counter == start + committed
    lines = [e for e in final.iter_journal() if e.action == "worker.write"]
    counters = sorted(e.counter or 0 for e in lines)
    # Every commit has its two lines (pupil, session), and no line is kept for a change
    # that never reached the file.
    expected = sorted(c for c in range(start + 1, snap.counter + 1) for _ in (0, 1))
    missing = set(range(start + 1, snap.counter + 1)) - set(counters)
    assert not missing, f"{len(missing)} commits without their journal line"
    assert counters == expected
    print(f"commits: {committed}, unconfirmed lines marked: {final.unconfirmed_journal_lines()}")


def test_check_counts_the_unconfirmed_lines(
    store: Store, store_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    from pixtui.cli import main

    def refused(path: Path, *_args: object) -> None:
        raise StoreWriteFailed(path, OSError(errno.EACCES, "no"))

    with monkeypatch.context() as patch:
        _patch_commit(patch, refused)
        with pytest.raises(StoreWriteFailed):
            _add(store, "Jamais")
    assert main(["check", "--store", str(store_path)]) == 0
    assert "1 ligne décrit une modification interrompue" in capsys.readouterr().out
