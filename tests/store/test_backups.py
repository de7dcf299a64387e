"""The ring of hard links, labelled copies and restore."""

from __future__ import annotations

import json
import os
from datetime import timedelta
from pathlib import Path

import pytest
from store_layouts import committed_bytes, committed_tables, is_folder

from pixtui.domain.clock import FixedClock
from pixtui.domain.models import Pupil, SchoolSettings
from pixtui.store import Store, StoreError, list_backups
from pixtui.store.fileformat import load_and_validate, parse_whole
from pixtui.store.parts import PartFolder
from pixtui.store.permissions import FilePolicy


def _counter(path: Path) -> int:
    return json.loads(path.read_bytes())["_meta"]["1"]["change_counter"]


def _twelve_changes(path: Path, clock: FixedClock) -> Store:
    """A store keeping 5 versions, after 12 changes (a pupil added each time)."""
    Store.create(path, SchoolSettings(name="C"), actor="a", clock=clock)
    store = Store.open(path, actor="a", clock=clock, keep_backups=5)
    for index in range(12):
        with store.transaction("pupil.add") as tx:
            tx.pupils.add(Pupil(last_name=f"N{index}"))
    return store


def test_ring_keeps_the_last_n(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "pixtui.json"
    _twelve_changes(path, clock)
    names = [p.name.rsplit(".", 1)[1] for p in (tmp_path / "backups").iterdir()]
    ring = sorted(int(name) for name in names if name.isdigit())
    assert ring == [8, 9, 10, 11, 12]
    assert names.count("debut-de-journee") == 1  # the version before the day's first change
    # Each ring entry is exactly the version with that counter, and a hard link (no copy).
    for number in ring:
        entry = tmp_path / "backups" / f"pixtui.json.{number}"
        assert _counter(entry) == number
        assert os.stat(entry).st_nlink == 1  # the live file moved on to a new inode
    assert _counter(path) == 13


def test_labelled_backup_and_listing(store: Store, clock: FixedClock) -> None:
    with store.transaction("pupil.add") as tx:
        tx.pupils.add(Pupil(last_name="A"))
    copy = store.backup("fin de session 12")
    entries = store.list_backups()
    if is_folder(store.path):
        # A folder's labelled backup is one whole single-file store; its versions are the
        # kept manifests, and the day's first commit kept a whole copy of the day before.
        assert copy.name.startswith("pixtui.20240312T083000Z.fin-de-session-12")
        whole = load_and_validate(copy.read_bytes())
        live = committed_tables(store.path)
        assert {n: whole.table(n) for n in whole.names if n != "_meta"} == {
            n: t for n, t in live.items() if n != "_meta" and t
        } | {n: {} for n in whole.names if n != "_meta" and not live.get(n)}
        assert whole.meta()["change_counter"] == 2
        daily = copy.parent / "pixtui.20240312T000000Z.debut-de-journee"
        kept = store.path / "history" / "manifest.1.json"
        assert {e.path for e in entries} == {copy, daily, kept}
        assert next(e for e in entries if e.path == kept).counter == 1
    else:
        assert copy.name.startswith("pixtui.json.20240312T083000Z.fin-de-session-12")
        assert copy.read_bytes() == store.path.read_bytes()
        assert {e.path for e in entries} == {copy, copy.parent / "pixtui.json.1"}
    labelled = next(e for e in entries if e.label and e.label != "debut-de-journee")
    assert labelled.ok and labelled.size == copy.stat().st_size and labelled.counter is None
    ring = next(e for e in entries if e.counter == 1)
    assert ring.ok and ring.created_at.tzinfo is not None
    assert list_backups(store.path) == entries


def test_list_flags_an_unreadable_backup(store: Store) -> None:
    with store.transaction("pupil.add") as tx:
        tx.pupils.add(Pupil(last_name="A"))
    broken = store.path.parent / "backups" / "pixtui.json.1"
    if is_folder(store.path):
        broken = store.path / "history" / "manifest.1.json"
    broken.unlink()
    broken.write_bytes(b"{broken")
    assert [e.ok for e in store.list_backups() if e.counter == 1] == [False]


def test_restore_puts_a_backup_back_and_keeps_the_current_file(
    store: Store, store_path: Path, clock: FixedClock
) -> None:
    for name in ("A", "B", "C"):
        with store.transaction("pupil.add") as tx:
            tx.pupils.add(Pupil(last_name=name))
    chosen = store_path.parent / "backups" / "pixtui.json.2"  # only "A" in it
    live = store_path
    if is_folder(store_path):
        chosen = store_path / "history" / "manifest.2.json"
        live = store_path / "manifest.json"
        live.unlink()  # not the kept manifest 4, its hard link
    live.write_bytes(b"\x00" * 100)  # the live file is damaged
    clock.advance(timedelta(minutes=3))
    aside = Store.restore(store_path, chosen, actor="admin", clock=clock)
    assert aside is not None
    if is_folder(store_path):  # the manifest kept aside with every part (below)
        aside = aside / "manifest.json"
    assert aside.read_bytes() == b"\x00" * 100
    reopened = Store.open(store_path, actor="admin", clock=clock)
    snap = reopened.snapshot()
    assert [p.last_name for p in snap.pupils.all()] == ["A"]
    assert snap.counter == 5  # above every counter seen, so all processes notice
    assert snap.updated_by == "admin"
    event = reopened.journal_tail(1)[0]
    assert event.action == "store.restore" and event.after["backup"] == chosen.name
    assert store.poll() is True  # a running process sees the restore
    with store.transaction("pupil.add") as tx:
        tx.pupils.add(Pupil(last_name="D"))
    assert len(store.snapshot().pupils.all()) == 2


def test_restore_refuses_a_damaged_backup(
    store: Store, store_path: Path, clock: FixedClock
) -> None:
    bad = store_path.parent / "bad.json"
    bad.write_bytes(b"{nope")
    before = committed_bytes(store_path)
    with pytest.raises(StoreError) as caught:
        Store.restore(store_path, bad, actor="x", clock=clock)
    assert "endommagée" in caught.value.message
    assert committed_bytes(store_path) == before


def test_backups_stay_within_five_times_the_live_data_and_go_back_a_day(
    tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 12: the ring is bounded by size (3x the live file, 32 MiB at least: lowered
    here), the version at the end of each of the last two days is kept."""
    from datetime import timedelta

    from pixtui.store import backups

    monkeypatch.setattr(backups, "RING_FLOOR", 0)
    path = tmp_path / "pixtui.json"
    store = Store.create(path, SchoolSettings(name="C"), actor="a", clock=clock)
    with store.transaction("pupil.import") as tx:
        tx.pupils.add_many(Pupil(last_name=f"Élève{i}") for i in range(300))
    first_day_end = _counter(path)
    for day in range(3):
        clock.advance(timedelta(days=1))
        for index in range(10):
            with store.transaction("pupil.add") as tx:
                tx.pupils.add(Pupil(last_name=f"J{day}-{index}"))
    folder = tmp_path / "backups"
    live = path.stat().st_size
    total = sum(p.stat().st_size for p in folder.iterdir())
    assert total <= 5 * live, (total, live)
    dailies = sorted(p for p in folder.iterdir() if p.name.endswith("debut-de-journee"))
    assert len(dailies) == 2
    # Yesterday's end (before today's first change) is among the backups and restores.
    assert _counter(dailies[-1]) == _counter(path) - 10
    assert _counter(dailies[0]) == _counter(path) - 20
    assert first_day_end < _counter(dailies[0])
    entries = {e.path.name: e for e in store.list_backups()}
    assert entries[dailies[-1].name].ok and entries[dailies[-1].name].label == "debut-de-journee"


def test_folder_history_keeps_the_last_n_and_each_kept_version_restores(
    tmp_path: Path, clock: FixedClock
) -> None:
    """Issue 12, the folder: the last ``keep_backups`` manifests and the first of each of the
    last two days are kept, the part files only they named are removed, and any kept version
    is put back whole by ``restore`` (a running process sees it)."""
    path = tmp_path / "pixtui.d"
    store = _twelve_changes(path, clock)
    # Pruned at the 10th change (counter 10): the last 5 then and the day's first; the
    # three changes since are kept until the next pruning (counter 20).
    kept = sorted(e.counter or 0 for e in store.list_backups() if e.counter)
    assert kept == [1, 5, 6, 7, 8, 9, 10, 11, 12]
    pupil_parts = sorted(int(p.name.split(".")[1]) for p in path.glob("pupils.*.json"))
    assert pupil_parts == list(range(5, 14))  # the files only removed versions named are gone
    assert all(e.ok for e in store.list_backups())
    clock.advance(timedelta(minutes=1))
    aside = Store.restore(path, path / "history" / "manifest.9.json", actor="admin", clock=clock)
    assert aside is not None and aside.name.endswith("avant-restauration")
    assert store.poll()
    snap = store.snapshot()
    assert [p.last_name for p in snap.pupils.all()] == [f"N{i}" for i in range(8)]
    assert snap.counter == 14 and snap.updated_by == "admin"
    # The version kept aside is the whole store as it was (12 pupils).
    whole = load_and_validate(aside.read_bytes())
    assert len(whole.table("pupils")) == 12
    with store.transaction("pupil.add") as tx:
        tx.pupils.add(Pupil(last_name="après"))
    assert len(Store.open(path, actor="b", clock=clock).snapshot().pupils.all()) == 9


def _three_pupils(path: Path, clock: FixedClock) -> Store:
    """A store folder after three changes (pupils A, B, C: counters 2, 3, 4)."""
    Store.create(path, SchoolSettings(name="C"), actor="a", clock=clock)
    store = Store.open(path, actor="a", clock=clock)
    for name in ("A", "B", "C"):
        with store.transaction("pupil.add") as tx:
            tx.pupils.add(Pupil(last_name=name))
    return store


def _pupils_of(part: Path) -> list[str]:
    return sorted(d["last_name"] for d in parse_whole(part.read_bytes())["pupils"].values())


def test_restore_over_a_damaged_folder_keeps_every_part_aside(
    tmp_path: Path, clock: FixedClock
) -> None:
    """Review of 2026-12-03: a restore over a folder whose manifest does not read kept only
    the manifest's bytes; the next open then removed every part that manifest alone named,
    the newest good data with them. Now every part present is linked aside too."""
    path = tmp_path / "pixtui.d"
    store = _three_pupils(path, clock)
    newest = path / "pupils.4.json"  # only the damaged manifest 4 names it
    assert _pupils_of(newest) == ["A", "B", "C"]
    (path / "manifest.json").unlink()
    (path / "manifest.json").write_bytes(b"\x00" * 100)
    aside = Store.restore(path, path / "history" / "manifest.2.json", actor="b", clock=clock)
    assert aside is not None and aside.is_dir() and aside.name.endswith("avant-restauration.d")
    Store.open(path, actor="b", clock=clock)  # collects the parts no manifest names
    assert not newest.exists()
    assert _pupils_of(aside / newest.name) == ["A", "B", "C"]
    assert (aside / "manifest.json").read_bytes() == b"\x00" * 100
    # A purge reaches the folder kept aside: it holds the purged pupil's name.
    deleted = store.delete_backups_holding(
        lambda tables: any(d.get("last_name") == "C" for d in tables.get("pupils", {}).values()),
        "retention.backups",
    )
    assert aside in deleted and not aside.exists()


def test_no_part_is_removed_while_a_kept_manifest_does_not_read(
    tmp_path: Path, clock: FixedClock
) -> None:
    """A kept manifest that does not read may name any part: neither the open's collection
    nor the pruning of the history removes a part file then."""
    path = tmp_path / "pixtui.d"
    _three_pupils(path, clock)
    only_three = path / "pupils.3.json"  # named by history/manifest.3.json alone
    kept = path / "history" / "manifest.3.json"
    kept.unlink()
    kept.write_bytes(b"{broken")
    Store.open(path, actor="b", clock=clock)
    assert _pupils_of(only_three) == ["A", "B"]
    PartFolder(path, FilePolicy(mode=0o600)).prune(keep_last=1, keep_days=0)
    assert _pupils_of(only_three) == ["A", "B"]
