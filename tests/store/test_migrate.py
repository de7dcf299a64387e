"""Issue 12: a single-file store moved once into the store folder beside it (migrate.py)."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from store_layouts import committed_tables

from pixtui.domain.clock import FixedClock
from pixtui.domain.models import Candidate, Event, Pupil, SchoolSettings, Session
from pixtui.store import Store, StoreError, list_backups
from pixtui.store.fileformat import load_and_validate
from pixtui.store.journal import append_events
from pixtui.store.migrate import forget_old_files, temp_folder
from pixtui.store.paths import StorePaths, is_stub
from pixtui.store.permissions import FilePolicy

WORKER = Path(__file__).with_name("migrate_worker.py")
ROOT = Path(__file__).resolve().parents[2]
DATA_TABLES = ("school", "pupils", "sessions", "candidates")


def _file_store(tmp_path: Path, clock: FixedClock, pupils: int = 6) -> Path:
    """A single-file store with pupils, a session and its candidates, ring backups, a
    labelled copy and a journal."""
    path = tmp_path / "pixtui.json"
    Store.create(path, SchoolSettings(name="Lycée Hoche"), actor="a", clock=clock)
    store = Store.open(path, actor="a", clock=clock)
    with store.transaction("session.add") as tx:
        session = tx.sessions.add(Session(site="Lycée", room="B12"))
    for index in range(min(pupils, 6)):
        with store.transaction("pupil.add") as tx:
            pupil = tx.pupils.add(Pupil(last_name=f"Élève{index}", division="2A"))
            tx.candidates.add(Candidate(session_id=session.id, pupil_id=pupil.id))
    with store.transaction("pupil.import") as tx:  # a large store in one change
        for index in range(6, pupils):
            pupil = tx.pupils.add(Pupil(last_name=f"Élève{index}", division="2A"))
            tx.candidates.add(Candidate(session_id=session.id, pupil_id=pupil.id))
    store.backup("avant-essai")
    return path


def _data(path: Path) -> dict[str, object]:
    tables = committed_tables(path)
    return {name: tables.get(name, {}) for name in DATA_TABLES}


def _journal_actions(path: Path) -> list[str]:
    store = Store.open(path, actor="lecteur", clock=FixedClock(datetime.now(UTC)))
    return [event.action for event in store.iter_journal()]


def _assert_migrated(file: Path, before: dict[str, object], counter_floor: int) -> None:
    """The folder is the store, whole; the old path a stub; nothing left outside."""
    folder = file.with_name("pixtui.d")
    assert is_stub(file)
    assert StorePaths.of(file) == StorePaths(folder, True, moved_from=file)
    assert _data(folder) == before
    store = Store.open(file, actor="b", clock=FixedClock(datetime.now(UTC)))
    assert store.paths.root == folder
    assert store.snapshot().counter > counter_floor
    assert not temp_folder(file).exists()
    assert not (file.parent / "pixtui.json.journal.jsonl").exists()
    assert not (file.parent / "backups").exists()  # every old backup moved with the data
    assert _journal_actions(file).count("store.migrate") == 1


def test_migration_moves_data_journal_and_backups(tmp_path: Path, clock: FixedClock) -> None:
    file = _file_store(tmp_path, clock)
    before = _data(file)
    old_bytes = file.read_bytes()
    file_counter = load_and_validate(old_bytes).meta()["change_counter"]
    old_actions = _journal_actions(file)
    old_backups = sorted(p.name for p in (tmp_path / "backups").iterdir())
    clock.advance(timedelta(hours=1))
    store = Store.open(file, actor="admin", clock=clock, migrate=True)
    assert store.paths.is_folder and store.paths.root == tmp_path / "pixtui.d"
    _assert_migrated(file, before, file_counter)
    # The old journal carried over, then the migration's line.
    assert _journal_actions(file) == [*old_actions, "store.migrate"]
    event = store.journal_tail(1)[0]
    assert event.after == {"layout": "dossier", "from": "pixtui.json", "file_counter": 8}
    # Every old backup under the folder's name, listed; the old file kept, labelled.
    moved = sorted(p.name for p in (tmp_path / "pixtui.d" / "backups").iterdir())
    for name in old_backups:
        assert "pixtui." + name.removeprefix("pixtui.json.") in moved
    kept = [p for p in (tmp_path / "pixtui.d" / "backups").glob("*.avant-dossier")]
    assert len(kept) == 1 and kept[0].read_bytes() == old_bytes
    listed = {e.path.name: e for e in list_backups(file)}
    assert all(listed[name].ok for name in moved if not name.endswith("debut-de-journee"))
    # Writing through the old path writes the folder.
    with store.transaction("pupil.add") as tx:
        tx.pupils.add(Pupil(last_name="Après"))
    again = Store.open(file, actor="c", clock=clock, migrate=True)
    assert len(again.snapshot().pupils.all()) == 7
    assert is_stub(file)


def test_a_process_still_on_the_old_file_refuses_to_write(
    tmp_path: Path, clock: FixedClock
) -> None:
    file = _file_store(tmp_path, clock, pupils=2)
    old = Store.open(file, actor="ancien", clock=clock)
    Store.open(file, actor="admin", clock=clock, migrate=True)
    moved = "a été déplacé dans le dossier"
    with pytest.raises(StoreError, match=moved) as caught, old.transaction("pupil.add") as tx:
        tx.pupils.add(Pupil(last_name="Perdu"))
    assert "relancez pixtui" in str(caught.value)
    with pytest.raises(StoreError, match="déplacé"):
        old.snapshot()
    assert is_stub(file)
    assert "Perdu" not in json.dumps(_data(tmp_path / "pixtui.d"))


def test_the_counter_is_above_the_journal_and_unconfirmed_lines_stay_void(
    tmp_path: Path, clock: FixedClock
) -> None:
    """A line of a change killed before its commit (counter above the file's) must neither
    reach the folder's readers nor get a counter the folder reuses."""
    file = _file_store(tmp_path, clock, pupils=2)
    unconfirmed = Event(clock.now(), "x", "pupil.add", "pupil", "id", None, {"n": 1}, 40)
    append_events(tmp_path / "pixtui.json.journal.jsonl", [unconfirmed], FilePolicy(mode=0o600))
    store = Store.open(file, actor="admin", clock=clock, migrate=True)
    assert store.snapshot().counter == 41
    assert {"n": 1} not in [e.after for e in store.iter_journal()]
    assert store.unconfirmed_journal_lines() == 1


def test_a_folder_not_made_by_a_migration_is_left_alone(tmp_path: Path, clock: FixedClock) -> None:
    file = _file_store(tmp_path, clock, pupils=1)
    (tmp_path / "pixtui.d").mkdir()
    (tmp_path / "pixtui.d" / "notes.txt").write_text("à moi")
    store = Store.open(file, actor="admin", clock=clock, migrate=True)
    assert not store.paths.is_folder and not is_stub(file)
    assert (tmp_path / "pixtui.d" / "notes.txt").read_text() == "à moi"


# --- crashes, in process: the state each step leaves, then the next open ---------------------


def _killed_at(step: str, file: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, str(WORKER), str(file), step],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )


def _one_layout_whole(file: Path, before: dict[str, object]) -> str:
    """After a kill: either the file is the store, whole and unchanged, or it is a stub and
    the folder is, whole. Never half."""
    if is_stub(file):
        assert _data(file.with_name("pixtui.d")) == before
        return "folder"
    assert _data(file) == before
    return "file"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("step", "layout"),
    [
        ("temp", "file"),
        ("journal", "file"),
        ("parts", "file"),
        ("built", "file"),
        ("renamed", "file"),
        ("stub", "folder"),
        ("old-journal", "folder"),
    ],
)
def test_kill_9_at_every_step_leaves_one_layout_whole(
    tmp_path: Path, clock: FixedClock, step: str, layout: str
) -> None:
    file = _file_store(tmp_path, clock)
    before = _data(file)
    counter = load_and_validate(file.read_bytes()).meta()["change_counter"]
    done = _killed_at(step, file)
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert _one_layout_whole(file, before) == layout
    Store.open(file, actor="admin", clock=clock, migrate=True)  # finishes or redoes it
    _assert_migrated(file, before, counter)


@pytest.mark.slow
def test_a_write_to_the_file_after_a_kill_before_the_stub_is_not_lost(
    tmp_path: Path, clock: FixedClock
) -> None:
    """Killed after the folder's rename, before the stub: a process still on the file writes
    on; the next open must migrate again from the file (the folder holds an older version)."""
    file = _file_store(tmp_path, clock, pupils=2)
    done = _killed_at("renamed", file)
    assert done.returncode == -signal.SIGKILL, done.stderr
    with Store.open(file, actor="ancien", clock=clock).transaction("pupil.add") as tx:
        tx.pupils.add(Pupil(last_name="Tardif"))
    before = _data(file)
    counter = load_and_validate(file.read_bytes()).meta()["change_counter"]
    Store.open(file, actor="admin", clock=clock, migrate=True)
    _assert_migrated(file, before, counter)


@pytest.mark.slow
def test_kill_9_at_random_moments_of_the_migration(tmp_path: Path, clock: FixedClock) -> None:
    """Twelve migrations of a 3,000-pupil store, each killed at a random moment of a whole
    run (start-up included: the first kills land before the migration)."""
    rng = random.Random(12)
    template = _file_store(tmp_path / "modele", clock, pupils=3000)
    (tmp_path / "calibre").mkdir()
    (tmp_path / "calibre" / "pixtui.json").write_bytes(template.read_bytes())
    started = time.monotonic()
    assert _killed_at("none", tmp_path / "calibre" / "pixtui.json").returncode == 0
    whole_run = time.monotonic() - started
    layouts = []
    for round_ in range(12):
        folder = tmp_path / f"r{round_}"
        folder.mkdir()
        file = folder / "pixtui.json"
        file.write_bytes(template.read_bytes())
        before = _data(file)
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        process = subprocess.Popen(
            [sys.executable, str(WORKER), str(file), "none"], env=env, cwd=ROOT
        )
        time.sleep(rng.uniform(0.4, 1.0) * whole_run)
        process.send_signal(signal.SIGKILL)
        process.wait()
        layouts.append(_one_layout_whole(file, before))
        Store.open(file, actor="admin", clock=clock, migrate=True)
        _assert_migrated(file, before, 0)
    print(f"whole run {whole_run:.2f} s; layouts after the kills: {layouts}")


def test_forgetting_the_old_files_again_is_harmless(tmp_path: Path, clock: FixedClock) -> None:
    file = _file_store(tmp_path, clock, pupils=1)
    Store.open(file, actor="admin", clock=clock, migrate=True)
    forget_old_files(StorePaths(file))
    assert _data(tmp_path / "pixtui.d")["pupils"]


def test_a_new_store_as_a_folder_named_by_its_file_path(tmp_path: Path, clock: FixedClock) -> None:
    file = tmp_path / "pixtui.json"
    store = Store.create(file, SchoolSettings(name="Neuf"), actor="a", clock=clock, as_folder=True)
    assert store.paths.root == tmp_path / "pixtui.d" and is_stub(file)
    with store.transaction("pupil.add") as tx:
        tx.pupils.add(Pupil(last_name="Premier"))
    reopened = Store.open(file, actor="b", clock=clock, migrate=True)
    assert reopened.paths.is_folder and len(reopened.snapshot().pupils.all()) == 1
    with pytest.raises(StoreError, match="existe déjà"):
        Store.create(file, SchoolSettings(name="Autre"), actor="a", clock=clock, as_folder=True)
    # ``pixtui demo --replace`` keeps the folder and its stub aside, whole.
    from pixtui.services.demo_store import write_demo

    write_demo(file, actor="a", clock=clock, replace=True)
    aside = next(tmp_path.glob("pixtui.json.avant-demo-*"))
    assert is_stub(aside / "pixtui.json")
    assert (aside / "pixtui.d" / "manifest.json").exists()
    assert len(Store.open(file, actor="b", clock=clock).snapshot().pupils.all()) == 120


def test_check_says_which_layout_it_sees(
    tmp_path: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    from pixtui.cli import main

    file = _file_store(tmp_path, clock, pupils=2)
    assert main(["check", "--store", str(file)]) == 0
    assert "Disposition : un seul fichier de données." in capsys.readouterr().out
    Store.open(file, actor="admin", clock=clock, migrate=True)
    assert main(["check", "--store", str(file)]) == 0
    out = capsys.readouterr().out
    assert f"Disposition : dossier {tmp_path / 'pixtui.d'} (3 fichiers de données)." in out


def test_a_purge_after_the_migration_reaches_the_old_backups(
    tmp_path: Path, clock: FixedClock
) -> None:
    """The old ring entries and labelled copies moved with the data: a purge of the folder
    deletes those holding a purged name, and nothing of them is left beside the old path."""
    file = _file_store(tmp_path, clock, pupils=3)
    store = Store.open(file, actor="admin", clock=clock, migrate=True)
    with store.transaction("pupil.purge") as tx:
        for pupil in tx.pupils.all():
            tx.pupils.delete(pupil.id)
    deleted = store.delete_backups_holding(
        lambda tables: any(
            str(d.get("last_name", "")).startswith("Élève")
            for d in tables.get("pupils", {}).values()
        ),
        "retention.backups",
    )
    names = {p.name for p in deleted}
    assert {"pixtui.3", "pixtui.4"} <= names  # the file's ring, moved and renamed
    assert any(n.endswith(".avant-essai") for n in names)  # its labelled copy
    assert any(n.endswith(".avant-dossier") for n in names)  # the old file itself
    leftovers = [
        p for p in tmp_path.rglob("*") if p.is_file() and b"\xc3\x89l\xc3\xa8ve" in p.read_bytes()
    ]
    # Only the journal and the kept manifests' parts (the purge's own steps, elsewhere) remain.
    assert all(p.name.endswith(".jsonl") or p.parent.name == "pixtui.d" for p in leftovers)
    assert not (tmp_path / "backups").exists()


def test_a_file_damaged_before_the_lock_is_not_migrated(
    tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Damaged between the open's check and the migration's lock: the migration gives up,
    and the open says the file is damaged (one sentence), nothing else written."""
    from pixtui.store import StoreDamaged, migrate

    file = _file_store(tmp_path, clock, pupils=1)
    real = migrate._migrate_locked

    def damage_first(*args: object) -> bool:
        file.write_bytes(b'{"_meta": [')
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(migrate, "_migrate_locked", damage_first)
    with pytest.raises(StoreDamaged):
        Store.open(file, actor="admin", clock=clock, migrate=True)
    assert not (tmp_path / "pixtui.d").exists() and not temp_folder(file).exists()
    assert file.read_bytes() == b'{"_meta": ['
