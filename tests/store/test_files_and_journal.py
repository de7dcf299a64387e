"""Permissions, start-up hygiene, full disk, the journal, the file layout and the default path."""

from __future__ import annotations

import errno
import grp
import json
import os
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from store_layouts import committed_bytes, folder_of, is_folder, temp_files
from store_layouts import journal as journal_of

from pixtui.domain.clock import FixedClock
from pixtui.domain.models import Pupil, SchoolSettings
from pixtui.store import Store, StoreWriteFailed, atomic, default_store_path, parts
from pixtui.store.fileformat import (
    FileTables,
    doc_lines,
    dump_payload,
    dump_table,
    encode,
    parse_changed_lines,
    split_tables,
)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- permissions and hygiene ---------------------------------------------------------


def test_files_are_private_by_default(store: Store, store_path: Path) -> None:
    with store.transaction("pupil.add") as tx:
        tx.pupils.add(Pupil(last_name="A"))
    folder = folder_of(store_path)
    if is_folder(store_path):
        own = [p for p in store_path.iterdir() if p.is_file()]
        assert {p.name for p in own} >= {"manifest.json", "pixtui.lock", "pixtui.journal.jsonl"}
        assert len(own) > 4  # and the parts
        own += list((store_path / "history").iterdir())
        own += list((store_path / "backups").iterdir())  # the day's copy
        for path in own:
            assert _mode(path) == 0o600, path
        assert _mode(store_path) == 0o700 and _mode(store_path / "history") == 0o700
    else:
        for path in (store_path, folder / "pixtui.json.lock", folder / "pixtui.json.journal.jsonl"):
            assert _mode(path) == 0o600, path
        assert _mode(folder / "backups" / "pixtui.json.1") == 0o600
    assert _mode(folder / "backups") == 0o700
    assert _mode(store.backup("manuelle")) == 0o600
    assert os.umask(0o077) == 0o077


def _my_group() -> str | None:
    gid = os.getgid()
    if os.geteuid() != 0 and gid not in os.getgroups():
        return None
    return grp.getgrgid(gid).gr_name


@pytest.mark.skipif(_my_group() is None, reason="no group we may chgrp to")
def test_group_mode_when_configured(tmp_path: Path, clock: FixedClock) -> None:
    group = _my_group()
    path = tmp_path / "shared" / "pixtui.json"
    store = Store.create(path, SchoolSettings(name="C"), actor="a", clock=clock, group=group)
    with store.transaction("pupil.add") as tx:
        tx.pupils.add(Pupil(last_name="A"))
    gid = grp.getgrnam(group).gr_gid
    for file in (path, path.parent / "pixtui.json.lock", path.parent / "pixtui.json.journal.jsonl"):
        assert _mode(file) == 0o660 and file.stat().st_gid == gid, file
    assert json.loads(path.read_bytes())["_meta"]["1"]["group"] == group
    reopened = Store.open(path, actor="b", clock=clock)
    assert reopened.policy.mode == 0o660 and os.umask(0o007) == 0o007
    os.umask(0o077)


def test_stale_temp_files_removed_at_start(
    store: Store, store_path: Path, clock: FixedClock
) -> None:
    folder = folder_of(store_path)
    stales = [folder / f".{'pixtui' if is_folder(store_path) else 'pixtui.json'}.abc123.tmp"]
    if is_folder(store_path):  # a part's temp file, and a part file no manifest names
        stales += [folder / ".part.abc123.tmp", folder / "session-x.99.json"]
    for stale in stales:
        stale.write_bytes(b"half a write with personal data")
    other_store_temp = folder / ".other.json.abc123.tmp"
    other_store_temp.write_bytes(b"not ours")
    Store.open(store_path, actor="x", clock=clock)
    assert not [stale for stale in stales if stale.exists()]
    assert other_store_temp.exists()


# --- full disk -----------------------------------------------------------------------


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EDQUOT, errno.EACCES])
def test_failed_write_keeps_the_old_file(
    store: Store, store_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    with store.transaction("pupil.add") as tx:
        tx.pupils.add(Pupil(last_name="A"))
    before = committed_bytes(store_path)
    files_before = sorted(folder_of(store_path).iterdir())
    real_write = atomic.write_bytes

    def failing(fd: int, data: bytes) -> None:
        real_write(fd, data[: len(data) // 3])
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(atomic, "write_bytes", failing)
    if is_folder(store_path):  # the folder writes its parts through parts.write_bytes
        monkeypatch.setattr(parts, "write_bytes", failing)
    with pytest.raises(StoreWriteFailed) as caught, store.transaction("pupil.add") as tx:
        tx.pupils.add(Pupil(last_name="B"))
    message = caught.value.message
    assert "intactes" in message and str(store_path) in message
    if code == errno.ENOSPC:
        assert "le disque est plein" in message
    assert committed_bytes(store_path) == before
    assert not temp_files(store_path)
    assert sorted(folder_of(store_path).iterdir()) == files_before  # no part left behind
    monkeypatch.setattr(atomic, "write_bytes", real_write)
    monkeypatch.setattr(parts, "write_bytes", real_write)
    assert [p.last_name for p in store.snapshot().pupils.all()] == ["A"]
    with store.transaction("pupil.add") as tx:  # works again once there is room
        tx.pupils.add(Pupil(last_name="C"))
    assert len(store.snapshot().pupils.all()) == 2


def test_failed_replace_keeps_the_old_file(
    store: Store, store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = committed_bytes(store_path)
    files_before = sorted(folder_of(store_path).iterdir())

    def no_replace(src: str, dst: object) -> None:
        raise OSError(errno.EIO, "I/O error")

    monkeypatch.setattr(atomic.os, "replace", no_replace)
    with pytest.raises(StoreWriteFailed), store.transaction("pupil.add") as tx:
        tx.pupils.add(Pupil(last_name="B"))
    assert committed_bytes(store_path) == before
    assert not temp_files(store_path)
    if is_folder(store_path):  # the parts written for the failed commit are removed
        kept = ("history", "backups")  # the version before, kept before the commit
        after = [p for p in sorted(folder_of(store_path).iterdir()) if p.name not in kept]
        assert after == [p for p in files_before if p.name not in kept]


# --- journal -------------------------------------------------------------------------


def test_journal_only_grows_and_records_changed_fields(store: Store, store_path: Path) -> None:
    journal = journal_of(store_path)
    sizes = [journal.stat().st_size]
    prefix = journal.read_bytes()
    with store.transaction("pupil.add") as tx:
        pupil = tx.pupils.add(Pupil(last_name="Durand", division="3A"))
    sizes.append(journal.stat().st_size)
    with store.transaction("pupil.edit") as tx:
        tx.pupils.update(pupil.id, lambda p: setattr(p, "division", "3B"))
    sizes.append(journal.stat().st_size)
    assert sizes == sorted(sizes) and len(set(sizes)) == 3
    assert journal.read_bytes().startswith(prefix)
    last = store.journal_tail(1)[0]
    assert (last.action, last.record_type, last.record_id) == ("pupil.edit", "pupil", pupil.id)
    assert (last.before, last.after, last.who, last.counter) == (
        {"division": "3A"},
        {"division": "3B"},
        "mdupont",
        3,
    )
    assert [e.action for e in store.iter_journal()] == ["store.create", "pupil.add", "pupil.edit"]
    assert [e.action for e in store.iter_journal(newest_first=True)][0] == "pupil.edit"


def test_journal_tolerates_a_torn_last_line(store: Store, store_path: Path) -> None:
    journal = journal_of(store_path)
    with journal.open("ab") as handle:
        handle.write(b'{"at":"2024-03-12T08:30:00+00:00","who":"x","act')  # crash mid-line
    assert [e.action for e in store.journal_tail(5)] == ["store.create"]
    with store.transaction("pupil.add") as tx:
        tx.pupils.add(Pupil(last_name="A"))
    assert [e.action for e in store.journal_tail(5)] == ["store.create", "pupil.add"]
    assert len(list(store.iter_journal())) == 2


def test_journal_tail_reads_across_blocks(store: Store) -> None:
    with store.transaction("bulk") as tx:
        for index in range(1500):
            tx.log("note", "x", str(index), after={"text": "é" * 60})
    tail = store.journal_tail(1200)
    assert len(tail) == 1200 and tail[-1].record_id == "1499" and tail[0].record_id == "300"


# --- file layout (parser: hypothesis) --------------------------------------------------

_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)
_json = st.recursive(
    st.none() | st.booleans() | st.integers() | _text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_text, inner, max_size=4),
    max_leaves=6,
)
_doc_ids = st.integers(min_value=1, max_value=999).map(str)
_docs = st.dictionaries(_text, _json, max_size=4)
_tables = st.dictionaries(
    st.sampled_from(["_meta", "school", "pupils", "sessions", "candidates", "x_1"]),
    st.dictionaries(_doc_ids, _docs, max_size=5),
    min_size=1,
    max_size=4,
)


@settings(max_examples=80, deadline=None)
@given(_tables)
def test_layout_round_trip(tables: dict) -> None:
    data = encode([(name, dump_payload(table)) for name, table in tables.items()])
    assert json.loads(data) == tables  # plain JSON for any reader, TinyDB included
    payloads = split_tables(data)
    assert payloads is not None
    assert {name: json.loads(p) for name, p in payloads.items()} == tables


@settings(max_examples=80, deadline=None)
@given(_tables, st.integers(min_value=0), st.binary(max_size=8))
def test_cut_or_spliced_files_never_pass_as_valid(tables: dict, cut: int, junk: bytes) -> None:
    data = encode([(name, dump_payload(table)) for name, table in tables.items()])
    broken = data[: cut % len(data)] + junk
    try:
        json.loads(broken)
        whole_ok = True
    except ValueError:
        whole_ok = False
    if whole_ok:
        return
    try:
        parsed = FileTables.from_bytes(broken, None)
        for name in parsed.names:
            parsed.table(name)
    except ValueError:
        return
    pytest.fail("a damaged file parsed table by table")


@settings(max_examples=60, deadline=None)
@given(_tables, st.data())
def test_reused_lines_give_the_same_bytes_as_a_full_dump(tables: dict, data: st.DataObject) -> None:
    for table in tables.values():
        payload = dump_payload(table)
        parsed = json.loads(payload)
        lines = doc_lines(payload, parsed)
        assert lines is not None
        changed = dict(parsed)
        for key in data.draw(st.lists(st.sampled_from(sorted(parsed) or ["0"]), max_size=3)):
            changed[key] = {"new": key}  # a replaced document (a new object)
        changed[str(data.draw(st.integers(1000, 9999)))] = {"added": True}
        reused, _ = dump_table(changed, lines)
        assert reused == dump_payload(changed)
        assert json.loads(reused) == changed


_digits = st.dictionaries(_doc_ids, _docs, max_size=8)


@settings(max_examples=80, deadline=None)
@given(_digits, _digits)
def test_incremental_parse_equals_a_full_parse(old: dict, new: dict) -> None:
    old_payload, old_lines = dump_table(old)
    mixed = {**old, **new}  # some documents unchanged, some replaced, some added
    payload = dump_payload(mixed)
    found = parse_changed_lines("t", payload, old_lines)
    assert found is not None
    table, lines = found
    assert table == json.loads(payload) == mixed
    assert dump_table(table, lines)[0] == payload
    for key in old:
        if key not in new:
            assert table[key] is old_lines[key][0]  # reused, not parsed again


@settings(max_examples=60, deadline=None)
@given(_digits.filter(bool), st.binary(min_size=1, max_size=6))
def test_incremental_parse_never_accepts_a_damaged_line(old: dict, junk: bytes) -> None:
    payload, lines = dump_table(old)
    broken = payload.replace(b":", b":" + junk, 2)
    try:
        expected = json.loads(broken)
    except ValueError:
        expected = None
    try:
        found = parse_changed_lines("t", broken, lines)
    except ValueError:
        found = None
    if found is not None:
        assert found[0] == expected


def test_default_store_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PIXTUI_STORE", str(tmp_path / "x.json"))
    assert default_store_path() == tmp_path / "x.json"
    monkeypatch.delenv("PIXTUI_STORE")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_store_path() == tmp_path / "xdg" / "pixtui" / "pixtui.json"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_store_path() == tmp_path / "home" / ".local" / "share" / "pixtui" / "pixtui.json"


def test_incremental_parse_of_moved_and_repeated_lines() -> None:
    """Lines compared at their old place first: a moved line is still found by its key and
    reused; a line written twice (the same key twice) is never taken as a valid table."""
    old = {"1": {"id": "a"}, "2": {"id": "b"}, "3": {"id": "c"}}
    _, old_lines = dump_table(old)
    line = {key: old_lines[key][1] for key in old}
    moved = b"{\n" + b",\n".join([line["2"], line["1"], line["3"]]) + b"\n}"
    found = parse_changed_lines("t", moved, old_lines)
    assert found is not None
    assert list(found[0]) == ["2", "1", "3"]
    assert all(found[0][key] is old_lines[key][0] for key in old)
    repeated = b"{\n" + b",\n".join([line["1"], line["1"], line["3"]]) + b"\n}"
    assert parse_changed_lines("t", repeated, old_lines) is None
    # key 2 changed, then its old line at its old place: the same key twice
    changed_then_old = b'{\n "2":{"id":"x"},\n' + line["2"] + b"\n}"
    assert parse_changed_lines("t", changed_then_old, old_lines) is None


def test_open_keeps_one_copy_of_each_tables_bytes(file_store_path: Path, clock: FixedClock) -> None:
    """Store.open checks the whole file, then serves snapshots from the same split: each
    table's bytes are held once (splitting the file again kept a second copy alive: 19 MiB
    more on a five-year lycée, issue 12)."""
    school = SchoolSettings(name="Lycée Victor Hugo", uai="0750002B")
    created = Store.create(file_store_path, school, actor="mdupont", clock=clock)
    with created.transaction("test.pupils") as tx:
        tx.pupils.add_many(
            Pupil(last_name=f"Nom{i}", first_name="Prénom", division="2A") for i in range(30)
        )
    opened = Store.open(file_store_path, actor="mdupont", clock=clock)
    snap = opened.snapshot()
    assert len(snap.pupils.all()) == 30
    tables = snap._tables  # the store's own layer: which bytes the snapshot holds
    assert isinstance(tables, FileTables) and tables.payloads
    for name, payload in tables.payloads.items():
        cached = opened._cache._entries[name].payload  # what the check parsed
        assert payload is cached, name
