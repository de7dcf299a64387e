"""Issue 11, items 4, 6, 12 and 13: what a user can do to the store path gives one sentence,
never a crash, a hang or a fork; damaged records are damage; waiting writers are served."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from store_layouts import data_file, is_folder

from pixtui.domain.clock import FixedClock
from pixtui.domain.models import Pupil, SchoolSettings, Session
from pixtui.store import Store, StoreBusy, StoreDamaged, StoreError, list_backups
from pixtui.store.locking import WriterLock
from pixtui.store.permissions import FilePolicy

ROOT = Path(__file__).resolve().parents[2]
NOBODY = 65534


def _open_in_thread(path: Path, clock: FixedClock) -> BaseException | None:
    """Store.open in a thread that must finish within 5 s (a FIFO used to block for ever)."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            Store.open(path, actor="x", clock=clock)
            outcome.append(None)
        except BaseException as error:  # noqa: BLE001 - handed to the test
            outcome.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(5)
    assert not thread.is_alive(), "Store.open hung"
    return outcome[0]


# --- item 4: a symlinked store -----------------------------------------------------------


def test_a_symlinked_store_stays_one_file_with_one_lock(
    store: Store, store_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    link = tmp_path / "lien.json"
    link.symlink_to(store_path)
    via_link = Store.open(link, actor="jmartin", clock=clock)
    with via_link.transaction("pupil.add") as tx:
        tx.pupils.add(Pupil(last_name="Lien"))
    assert link.is_symlink()  # not replaced by a regular file
    assert via_link.path == store_path
    assert [p.last_name for p in store.snapshot().pupils.all()] == ["Lien"]
    assert not (tmp_path / "lien.json.lock").exists()
    assert not (tmp_path / "lien.json.journal.jsonl").exists()
    assert [e.action for e in store.journal_tail(1)] == ["pupil.add"]


# --- item 12: what the path is ----------------------------------------------------------


def test_a_fifo_as_the_store_is_one_sentence_not_a_hang(tmp_path: Path, clock: FixedClock) -> None:
    fifo = tmp_path / "pixtui.json"
    os.mkfifo(fifo)
    error = _open_in_thread(fifo, clock)
    assert isinstance(error, StoreError)
    assert "tube nommé" in error.message and str(fifo) in error.message


def test_a_folder_as_the_store_is_one_sentence(tmp_path: Path, clock: FixedClock) -> None:
    error = _open_in_thread(tmp_path, clock)
    assert isinstance(error, StoreError)
    assert "un dossier" in error.message


def test_check_on_a_fifo_exits_with_a_sentence(tmp_path: Path) -> None:
    fifo = tmp_path / "pixtui.json"
    os.mkfifo(fifo)
    done = _cli(["check", "--store", str(fifo)])
    assert done.returncode not in (0, 70)
    assert "tube nommé" in done.stderr and "Traceback" not in done.stderr


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder outside pytest's 0700 tmp tree, so that another user can reach it."""
    folder = Path(tempfile.mkdtemp(prefix="pixtui-open-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in sorted(folder.rglob("*"), reverse=True):
            path.chmod(0o700) if path.is_dir() else None
        subprocess.run(["rm", "-rf", str(folder)], check=False)


class Done:
    def __init__(self, returncode: int, stderr: str) -> None:
        self.returncode = returncode
        self.stderr = stderr


def _cli(args: list[str], as_other_user: bool = False) -> Done:
    """``pixtui ARGS`` in a forked child (as ``nobody`` if asked): its exit code and stderr."""
    from pixtui.cli import main

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 99
        try:
            signal.alarm(30)  # a hang (a FIFO read) ends the child, not the test run
            os.dup2(write_end, 2)
            sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
            if as_other_user:
                os.setgroups([])
                os.setgid(NOBODY)
                os.setuid(NOBODY)
            code = main(args)
        finally:
            sys.stderr.flush()
            os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        stderr = pipe.read().decode("utf-8", "replace")
    _, status = os.waitpid(pid, 0)
    return Done(os.waitstatus_to_exitcode(status), stderr)


def _make_store(folder: Path, clock: FixedClock) -> Path:
    path = folder / "data" / "pixtui.json"
    Store.create(path, SchoolSettings(name="Lycée", uai="0750001A"), "ref", clock)
    return path


needs_another_user = pytest.mark.skipif(
    os.geteuid() != 0, reason="needs root to run a command as another user"
)


@needs_another_user
def test_a_user_not_in_the_group_is_told_so(shared_folder: Path, clock: FixedClock) -> None:
    path = _make_store(shared_folder, clock)
    path.parent.chmod(0o755)  # the folder is reachable, the 0600 file is not readable
    done = _cli(["check", "--store", str(path)], as_other_user=True)
    assert done.returncode not in (0, 70), done.stderr
    assert "n'est pas lisible par l'utilisateur nobody" in done.stderr
    assert "groupe" in done.stderr and "Erreur inattendue" not in done.stderr


@needs_another_user
def test_a_read_only_folder_is_one_sentence(shared_folder: Path, clock: FixedClock) -> None:
    path = _make_store(shared_folder, clock)
    (path.parent / "pixtui.json.lock").unlink()
    path.chmod(0o644)
    path.parent.chmod(0o555)  # readable, not writable: the lock cannot be created
    done = _cli(["check", "--store", str(path)], as_other_user=True)
    assert done.returncode not in (0, 70), done.stderr
    assert "ne peut pas écrire dans le dossier" in done.stderr
    assert "Erreur inattendue" not in done.stderr


# --- item 6: damaged records and hostile nesting ------------------------------------------


def _replace_first_doc(path: Path, table: str, change: dict[str, object]) -> None:
    whole = json.loads(path.read_bytes())
    key = next(iter(whole[table]))
    whole[table][key].update(change)
    path.write_text(json.dumps(whole))


@pytest.mark.parametrize(
    ("table", "change"),
    [
        ("pupils", {"birthdate": "2009-13-45"}),
        ("sessions", {"status": "bogus"}),
        ("pupils", {"login_methods": 7}),
        ("sessions", {"id": None}),
    ],
)
def test_a_damaged_record_is_damage_for_open_check_and_backups(
    store: Store, store_path: Path, clock: FixedClock, table: str, change: dict[str, object]
) -> None:
    with store.transaction("add") as tx:
        tx.pupils.add(Pupil(last_name="Zoé"))
        session = tx.sessions.add(Session(site="Lycée", room="B12"))
    with store.transaction("add") as tx:
        tx.pupils.add(Pupil(last_name="Noé"))
    part = "pupils" if table == "pupils" else f"session-{session.id}"
    _replace_first_doc(data_file(store_path, part), table, change)
    with pytest.raises(StoreDamaged) as caught:
        Store.open(store_path, actor="x", clock=clock)
    newest_good = "pixtui.json.2"
    if is_folder(store_path):
        # The kept manifest 2 still names the session part (unchanged since): the day's copy.
        shared = table == "sessions"
        newest_good = "pixtui.20240312T000000Z.debut-de-journee" if shared else "manifest.2.json"
    assert caught.value.backup is not None and caught.value.backup.name == newest_good
    with pytest.raises(StoreDamaged):
        store.check()
    with pytest.raises(StoreDamaged):
        store.backup("manuelle")
    # A copy of the damaged version in the backups is not called good, and restore refuses
    # it (on the folder: a kept manifest naming the damaged part).
    copy = store_path.parent / "backups" / "pixtui.json.99"
    if is_folder(store_path):
        copy = store_path / "history" / "manifest.99.json"
        copy.write_bytes((store_path / "manifest.json").read_bytes())
    else:
        copy.write_bytes(store_path.read_bytes())
    assert {b.path.name: b.ok for b in list_backups(store_path)}[copy.name] is False
    with pytest.raises(StoreError, match="endommagée"):
        Store.restore(store_path, copy, actor="x", clock=clock)


def test_a_hundred_thousand_nested_brackets_do_not_make_restore_impossible(
    store: Store, store_path: Path, clock: FixedClock
) -> None:
    with store.transaction("add") as tx:
        tx.pupils.add(Pupil(last_name="Zoé"))
    target = data_file(store_path, "school")  # the folder's part with the empty tables
    hostile = target.read_bytes().replace(b'"sessions":{}', b'"sessions":' + b"[" * 100_000)
    assert hostile != target.read_bytes()
    target.write_bytes(hostile)
    with pytest.raises(StoreDamaged):
        Store.open(store_path, actor="x", clock=clock)
    name = "pixtui.20240101T000000Z.hostile" if is_folder(store_path) else "pixtui.json.77"
    backups_folder = (store_path if is_folder(store_path) else store_path.parent) / "backups"
    (backups_folder / name).write_bytes(hostile)
    backups = list_backups(store_path)
    assert {b.path.name: b.ok for b in backups}[name] is False
    good = next(b for b in backups if b.ok)
    Store.restore(store_path, good.path, actor="x", clock=clock)
    Store.open(store_path, actor="x", clock=clock).check()  # opens and checks again


# --- item 13: waiting writers are served ---------------------------------------------------


def test_a_waiting_writer_is_served_as_soon_as_the_lock_is_released(tmp_path: Path) -> None:
    path = tmp_path / "x.lock"
    holder = WriterLock(path, FilePolicy())
    waiter = WriterLock(path, FilePolicy(), timeout=5)
    released_at: list[float] = []
    got_at: list[float] = []
    ready = threading.Event()

    def hold() -> None:
        with holder.hold():
            ready.set()
            time.sleep(0.3)
            released_at.append(time.monotonic())

    thread = threading.Thread(target=hold)
    thread.start()
    ready.wait(5)
    with waiter.hold():
        got_at.append(time.monotonic())
    thread.join()
    assert got_at[0] >= released_at[0]
    assert got_at[0] - released_at[0] < 0.1  # woken by the release, not by a polling tick


def test_a_writer_that_gives_up_leaves_the_lock_free_for_the_next(tmp_path: Path) -> None:
    path = tmp_path / "x.lock"
    holder = WriterLock(path, FilePolicy())
    impatient = WriterLock(path, FilePolicy(), timeout=0.2)
    ready, release = threading.Event(), threading.Event()

    def hold() -> None:
        with holder.hold():
            ready.set()
            release.wait(5)

    thread = threading.Thread(target=hold)
    thread.start()
    ready.wait(5)
    with pytest.raises(StoreBusy), impatient.hold():
        pass  # pragma: no cover - never reached
    release.set()
    thread.join()
    # The abandoned waiter got the lock after the release and let it go at once.
    with WriterLock(path, FilePolicy(), timeout=2).hold():
        pass
    with impatient.hold():
        pass
