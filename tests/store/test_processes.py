"""Real processes on one file: concurrent writers and kill -9 at random moments."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from store_layouts import committed_bytes, committed_tables, is_folder, temp_files

from pixtui.domain.clock import FixedClock
from pixtui.domain.models import Candidate, Pupil, Session
from pixtui.store import Store
from pixtui.store.parts import Manifest


def _unnamed_parts(path: Path) -> list[Path]:
    """Part files of a store folder that neither the manifest nor a kept one names."""
    if not is_folder(path):
        return []
    manifests = [path / "manifest.json", *(path / "history").glob("manifest.*.json")]
    named = {n for m in manifests for n in Manifest.from_bytes(m.read_bytes()).files.values()}
    return [p for p in path.glob("*.*.json") if p.name not in named]


WORKER = Path(__file__).with_name("store_worker.py")
ROOT = Path(__file__).resolve().parents[2]


def _spawn(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, str(WORKER), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )


def _session(store: Store) -> str:
    with store.transaction("session.add") as tx:
        return tx.sessions.add(Session(site="Collège", room="B12")).id


@pytest.mark.slow
def test_four_processes_hundred_transactions_each(store: Store, store_path: Path) -> None:
    session_id = _session(store)
    workers = [_spawn("many", str(store_path), session_id, str(n), "100") for n in range(4)]
    for worker in workers:
        _, err = worker.communicate(timeout=60)
        assert worker.returncode == 0, err
    committed_tables(store_path)  # every part parses and checks
    snap = store.snapshot()
    names = sorted(p.last_name for p in snap.pupils.all())
    expected = sorted(f"w{n}-{i}" for n in range(4) for i in range(100))
    assert names == expected  # nothing lost, nothing doubled
    assert sorted(snap.sessions.get(session_id).examiners) == expected  # no lost update
    assert snap.counter == 2 + 400
    assert snap.sessions.get(session_id).rev == 401
    journal = [e for e in store.iter_journal() if e.action == "worker.write"]
    assert len(journal) == 800  # one pupil added + one session changed per transaction
    assert sorted({e.counter for e in journal}) == list(range(3, 403))


@pytest.mark.slow
def test_kill_9_during_writes_never_damages_the_file(
    store: Store, store_path: Path, clock: FixedClock
) -> None:
    with store.transaction("pupil.import") as tx:  # ~1 MB so that kills land inside writes
        tx.pupils.add_many(Pupil(last_name=f"Élève{i}", first_name="Zoé") for i in range(2500))
    session_id = _session(store)
    rng = random.Random(20240312)
    temps_seen = 0
    last_counter = store.snapshot().counter
    for round_number in range(30):
        worker = _spawn("forever", str(store_path), session_id, str(round_number), "0")
        assert worker.stdout is not None
        assert worker.stdout.readline().strip() == "ready", worker.stderr.read()
        time.sleep(rng.uniform(0.0, 0.08))
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
        worker.stdout.close()
        worker.stderr.close()
        temps_seen += len(temp_files(store_path)) + len(_unnamed_parts(store_path))
        reopened = Store.open(store_path, actor="check", clock=clock)  # must always open
        assert not temp_files(store_path)
        assert not _unnamed_parts(store_path)  # a killed commit's parts are removed
        reopened.check()
        snap = reopened.snapshot()
        # Each transaction adds one pupil and one examiner, atomically: both or neither.
        added = len(snap.pupils.all()) - 2500
        assert added == len(snap.sessions.get(session_id).examiners)
        assert snap.counter == 3 + added
        assert snap.counter > last_counter
        last_counter = snap.counter
    print(f"temp files (and unnamed parts) left by kills: {temps_seen}")
    assert list(Store.open(store_path, actor="x", clock=clock).iter_journal())


@pytest.mark.slow
def test_kill_inside_the_write_leaves_old_file_and_a_temp_that_start_up_removes(
    store: Store, store_path: Path, clock: FixedClock
) -> None:
    session_id = _session(store)
    before = committed_bytes(store_path)
    worker = _spawn("hang_in_replace", str(store_path), session_id, "0", "0")
    assert worker.stdout is not None and worker.stdout.readline().strip() == "ready"
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=10)
    worker.stdout.close()
    worker.stderr.close()
    temps = temp_files(store_path)
    assert len(temps) == 1 and oct(temps[0].stat().st_mode & 0o777) == "0o600"
    assert committed_bytes(store_path) == before
    # On the folder the killed commit had written its parts (the pupils, the session).
    assert len(_unnamed_parts(store_path)) == (2 if is_folder(store_path) else 0)
    Store.open(store_path, actor="x", clock=clock).check()
    assert not temp_files(store_path)
    assert not _unnamed_parts(store_path)
    assert committed_bytes(store_path) == before


@pytest.mark.slow
def test_eight_busy_writers_do_not_starve_the_others(
    store: Store, store_path: Path, clock: FixedClock
) -> None:
    """Issue 11, item 13: with the polling lock of before, 8 of 8 late comers gave up after
    5 s behind 8 busy writers (benchmarks/store_locking.py); waiting writers are now served."""
    from benchmarks.store_locking import run

    with store.transaction("pupil.import") as tx:
        tx.pupils.add_many(Pupil(last_name=f"Élève{i}") for i in range(200))
        session = tx.sessions.add(Session(site="Lycée", room="B12"))
        candidate = tx.candidates.add(Candidate(session_id=session.id, last_name="Zoé"))
    outcome = run(store_path, candidate.id, "block", 6.0)
    assert outcome["gave_up"] == 0 and outcome["served"] == 8, outcome
