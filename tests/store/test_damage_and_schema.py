"""Damaged files are never overwritten; schema versions and migrations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from store_layouts import committed_bytes, data_file, is_folder, set_schema_version

from pixtui.domain.clock import FixedClock
from pixtui.domain.models import Pupil
from pixtui.store import Store, StoreDamaged, StoreMissing, StoreTooNew, schema


def _write_some(store: Store, count: int = 3) -> None:
    for index in range(count):
        with store.transaction("pupil.add") as tx:
            tx.pupils.add(Pupil(last_name=f"Nom{index}"))


DAMAGES = {
    "truncated": lambda data: data[: len(data) // 2],
    "truncated_last_line": lambda data: data[:-3],
    "garbage": lambda data: b"\x00\xff garbage \x13" * 50,
    "empty": lambda data: b"",
    "not_a_dict": lambda data: b"[1, 2, 3]\n",
    "no_meta": lambda data: json.dumps({"pupils": {}}).encode(),
    "bad_table_inside": lambda data: data.replace(b'"sessions":{}', b'"sessions":{oops}'),
}


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_damaged_file_is_refused_and_untouched(
    damage: str, store: Store, store_path: Path, clock: FixedClock
) -> None:
    _write_some(store)
    # On the folder: the part holding the pupils, or the school part (with ``_meta`` and the
    # empty tables) for the damages that are about those.
    target = data_file(
        store_path, "school" if damage in ("no_meta", "bad_table_inside") else "pupils"
    )
    damaged = DAMAGES[damage](target.read_bytes())
    target.write_bytes(damaged)
    with pytest.raises(StoreDamaged) as caught:
        Store.open(store_path, actor="jmartin", clock=clock)
    message = caught.value.message
    assert "endommagé" in message and "pixtui restore" in message
    assert str(caught.value.backup) in message
    # The newest version that parses: the ring's; on the folder the newest kept manifest, or
    # the day's whole copy when the damaged part is one every kept manifest shares.
    newest_good = "pixtui.json.3"
    if is_folder(store_path):
        shared = damage in ("no_meta", "bad_table_inside")
        newest_good = "pixtui.20240312T000000Z.debut-de-journee" if shared else "manifest.3.json"
    assert caught.value.backup.name == newest_good
    assert "\n" not in message and "Traceback" not in message
    with pytest.raises(StoreDamaged):
        store.check()
    if is_folder(store_path):
        # A running process keeps the parts it read (part files never change) and goes on
        # writing from them into new files; the damaged file is never written over.
        with store.transaction("pupil.add") as tx:
            tx.pupils.add(Pupil(last_name="X"))
        assert target.read_bytes() == damaged
        return
    # An already-open process refuses to write too, and never rewrites the file.
    with pytest.raises(StoreDamaged), store.transaction("pupil.add") as tx:
        tx.pupils.add(Pupil(last_name="X"))
        tx.sessions.all()
    assert store_path.read_bytes() == damaged


def test_damaged_without_any_backup(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "pixtui.json"
    path.write_bytes(b"{not json")
    with pytest.raises(StoreDamaged) as caught:
        Store.open(path, actor="x", clock=clock)
    assert "aucune sauvegarde valide" in caught.value.message
    assert path.read_bytes() == b"{not json"


def test_missing_file(tmp_path: Path, clock: FixedClock) -> None:
    with pytest.raises(StoreMissing) as caught:
        Store.open(tmp_path / "absent.json", actor="x", clock=clock)
    assert "pixtui init" in caught.value.message


def test_tinydb_default_layout_is_read_and_rewritten(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "pixtui.json"
    meta = {"schema_version": 1, "change_counter": 4}
    pupil = {"id": "p1", "rev": 1, "last_name": "Durand"}
    path.write_text(json.dumps({"_meta": {"1": meta}, "pupils": {"1": pupil}}, indent=2))
    store = Store.open(path, actor="x", clock=clock)
    assert store.snapshot().pupils.get("p1").last_name == "Durand"
    with store.transaction("pupil.edit") as tx:
        tx.pupils.update("p1", lambda p: setattr(p, "first_name", "Zoé"))
    reopened = json.loads(path.read_bytes())
    assert reopened["pupils"]["1"]["first_name"] == "Zoé"
    assert reopened["_meta"]["1"]["change_counter"] == 5


def _set_version(path: Path, version: int) -> None:
    data = json.loads(path.read_bytes())
    data["_meta"]["1"]["schema_version"] = version
    path.write_text(json.dumps(data))


def test_newer_file_refused(store: Store, store_path: Path, clock: FixedClock) -> None:
    set_schema_version(store_path, schema.SCHEMA_VERSION + 1)
    before = committed_bytes(store_path)
    with pytest.raises(StoreTooNew) as caught:
        Store.open(store_path, actor="x", clock=clock)
    assert "version plus récente" in caught.value.message
    # A process already running with the older code refuses to write.
    with pytest.raises(StoreTooNew), store.transaction("pupil.add") as tx:
        tx.pupils.add(Pupil())
    assert committed_bytes(store_path) == before


def test_migrations_run_once_after_a_backup(
    store: Store, store_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write_some(store, 2)
    calls: list[int] = []

    def v1_to_v2(tables: schema.Tables) -> None:
        calls.append(1)
        for doc in tables["pupils"].values():
            doc["division"] = "migrated"

    def v2_to_v3(tables: schema.Tables) -> None:
        calls.append(2)
        tables["notes"] = {}

    monkeypatch.setattr(schema, "SCHEMA_VERSION", 3)
    monkeypatch.setattr(schema, "MIGRATIONS", {1: v1_to_v2, 2: v2_to_v3})
    opened = Store.open(store_path, actor="admin", clock=clock)
    assert calls == [1, 2]
    snap = opened.snapshot()
    assert snap.schema_version == 3 and snap.counter == 4 and snap.updated_by == "admin"
    assert {p.division for p in snap.pupils.all()} == {"migrated"}
    copies = [b for b in opened.list_backups() if b.label == "avant-migration-v1"]
    assert len(copies) == 1 and copies[0].ok
    assert json.loads(copies[0].path.read_bytes())["_meta"]["1"]["schema_version"] == 1
    assert opened.journal_tail(1)[0].action == "store.migrate"
    Store.open(store_path, actor="admin", clock=clock)
    assert calls == [1, 2]  # nothing left to migrate
    with opened.transaction("pupil.add") as tx:
        tx.pupils.add(Pupil(last_name="après"))


def test_missing_migration_refused(
    store: Store, store_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = committed_bytes(store_path)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(schema, "MIGRATIONS", {})
    with pytest.raises(StoreTooNew):
        Store.open(store_path, actor="x", clock=clock)
    assert committed_bytes(store_path) == before
