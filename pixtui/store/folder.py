"""The store folder as the store's tables (issue 12): one committed manifest read as tables.

:class:`FolderTables` gives a transaction or a snapshot the same face as the single file's
``FileTables``: ``table(name)`` is the join of that table over the parts that can hold it
(``parts.part_of`` decides), read once per process per part file (part files are immutable).
:func:`changed_parts` turns a transaction's tables back into the few parts it changed: only
the documents that are not the very objects read are routed, so a room action rewrites one
session file whatever the size of the school.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from pixtui.domain.sessions import school_year_start
from pixtui.store.fileformat import META, META_ID, TABLE_ORDER, Damaged, Doc, Table, record_id
from pixtui.store.parts import (
    PUPILS_PART,
    RESULTS_PREFIX,
    SCHOOL_PART,
    SESSION_PREFIX,
    UNDATED_RESULTS,
    Manifest,
    PartFolder,
    part_of,
    split,
)

# The fields of ``_meta`` that live in the manifest (written at every commit) rather than in
# the school part (written only when the school settings change).
MANIFEST_FIELDS = ("schema_version", "change_counter", "updated_at", "updated_by")
_BY_SESSION = ("sessions", "candidates", "password_failures")
# How many times one snapshot may move to the newest version (each time 50 commits of other
# processes pruned a part between reading the manifest and reading its parts) before a
# missing part is called damage.
_MOVES = 5


def _closed(summary: list[list[object]], year: int) -> bool:
    """Whether a session part's sessions (manifest summary) all belong to a school year
    before ``year`` and are finalised: nobody opens them at start-up."""

    def one_closed(day: object, status: object) -> bool:
        if not isinstance(day, str) or status in (None, "created"):
            return False
        try:
            return school_year_start(date.fromisoformat(day)) < year
        except ValueError:
            return False

    return bool(summary) and all(one_closed(*entry) for entry in summary)


def closed_parts(manifest: Manifest, today: date) -> set[str]:
    """The parts of the school years closed before ``today``'s: the results of earlier
    years and the session parts whose sessions all are of an earlier year and finalised
    (known from the manifest's summaries, without reading them)."""
    year = school_year_start(today)
    closed: set[str] = set()
    for part in manifest.files:
        if part.startswith(SESSION_PREFIX):
            summary = manifest.sessions.get(part)
            if summary is not None and _closed(summary, year):
                closed.add(part)
        elif part.startswith(RESULTS_PREFIX):
            first = part[len(RESULTS_PREFIX) :]
            if first.isdigit() and int(first) < year:
                closed.add(part)
    return closed


def can_hold(table: str, part: str) -> bool:
    """Whether ``part`` can hold documents of ``table`` (the school part keeps the tables
    that were empty when the folder was written, and unknown tables)."""
    if part == SCHOOL_PART:
        return True
    if table in _BY_SESSION:
        return part.startswith(SESSION_PREFIX)
    if table == "pupils":
        return part == PUPILS_PART
    if table == "results":
        return part.startswith(RESULTS_PREFIX) or part == UNDATED_RESULTS
    return table not in TABLE_ORDER  # a table this version does not know: look everywhere


def parts_holding(table: str, files: Mapping[str, str]) -> list[str]:
    """The parts of a manifest that can hold documents of ``table``, school part first."""
    return sorted((p for p in files if can_hold(table, p)), key=lambda p: (p != SCHOOL_PART, p))


@dataclass
class _Joined:
    files: tuple[str, ...]
    tables: tuple[Table, ...]  # each part's table, as parsed (shared, never mutated)
    table: Table
    generation: int
    index: dict[str, str] | None = None
    manifest_files: Mapping[str, str] | None = None  # the manifest's parts when last checked


def _part_name(file_name: str) -> str:
    return file_name.rsplit(".", 2)[0]


def _same_keys_joined(entry: _Joined, holding: list[tuple[str, Table]]) -> _Joined | None:
    """The usual change (a room action, an edit) rewrites a part with the same documents'
    keys: the joined table is then the last one with those parts' documents replaced, in
    place (the same order as a whole join), and its id index still holds if no changed
    document changed its id. None when parts came, went or gained or lost documents."""
    if len(entry.files) != len(holding):
        return None
    changed: list[tuple[Table, Table]] = []
    for old_file, old_table, (new_file, new_table) in zip(
        entry.files, entry.tables, holding, strict=True
    ):
        if old_table is new_table:
            continue
        if _part_name(old_file) != _part_name(new_file) or old_table.keys() != new_table.keys():
            return None
        changed.append((old_table, new_table))
    joined = dict(entry.table)
    same_ids = True
    for old_table, new_table in changed:
        joined.update(new_table)
        same_ids = same_ids and all(
            doc is old_table[key] or record_id(doc) == record_id(old_table[key])
            for key, doc in new_table.items()
        )
    files = tuple(file_name for file_name, _ in holding)
    tables = tuple(table for _, table in holding)
    return _Joined(files, tables, joined, 0, entry.index if same_ids else None)


def _holding_after(
    folder: PartFolder,
    entry: _Joined,
    files: Mapping[str, str],
    moved: list[str],
    name: str,
) -> list[tuple[str, Table]]:
    """The (file, table) of each part holding ``name``, in join order: ``entry``'s with the
    ``moved`` parts read again from ``files``."""
    by_part = {_part_name(f): (f, t) for f, t in zip(entry.files, entry.tables, strict=True)}
    order = list(by_part)
    came = False
    for part in moved:
        file_name = files.get(part)
        table = folder.read_part(file_name).get(name) if file_name is not None else None
        if file_name is not None and table:
            if part not in by_part:
                order.append(part)
                came = True
            by_part[part] = (file_name, table)
        else:
            by_part.pop(part, None)
    order = [part for part in order if part in by_part]
    if came:  # a new part goes to its place in the join order
        order.sort(key=lambda p: (p != SCHOOL_PART, p))
    return [by_part[part] for part in order]


class JoinCache:
    """Per process: each table as last joined, by the part files it was joined from (a
    part file never changes, so the same files give the same table, the same object)."""

    def __init__(self) -> None:
        self._entries: dict[str, _Joined] = {}
        self._lock = threading.Lock()
        self._last_generation = 0

    def joined(self, folder: PartFolder, manifest: Manifest, name: str) -> _Joined:
        with self._lock:
            entry = self._entries.get(name)
        holding: list[tuple[str, Table]] | None = None
        if entry is not None and entry.manifest_files is not None:
            # Another process's room action changed one session file: the pupils (and any
            # table no changed part can hold) are the same table, and the candidates are
            # the last ones with that one part read again, without the manifest's 500 parts.
            old, new = entry.manifest_files, manifest.files
            moved = [p for p, f in new.items() if old.get(p) != f]
            moved += [p for p in old if p not in new]
            relevant = [part for part in moved if can_hold(name, part)]
            if not relevant:
                entry.manifest_files = new
                return entry
            holding = _holding_after(folder, entry, new, relevant, name)
        if holding is None:
            holding = []
            for part in parts_holding(name, manifest.files):
                file_name = manifest.files[part]
                table = folder.read_part(file_name).get(name)
                if table:
                    holding.append((file_name, table))
        files = tuple(file_name for file_name, _ in holding)
        if entry is not None and entry.files == files:
            entry.manifest_files = manifest.files
            return entry
        joined_now = _same_keys_joined(entry, holding) if entry is not None else None
        if joined_now is None:
            joined: Table = {}
            for _, table in holding:
                joined.update(table)
            joined_now = _Joined(files, tuple(table for _, table in holding), joined, 0)
        joined_now.manifest_files = manifest.files
        with self._lock:
            self._last_generation += 1
            joined_now.generation = self._last_generation
            self._entries[name] = joined_now
        return joined_now

    def index(self, entry: _Joined) -> dict[str, str]:
        if entry.index is None:
            entry.index = {record_id(doc): key for key, doc in entry.table.items()}
        return dict(entry.index)


class FolderTables:
    """One committed version of a store folder, its tables joined on demand."""

    def __init__(
        self,
        folder: PartFolder,
        manifest: Manifest,
        joins: JoinCache,
        newest: Callable[[], FolderTables] | None = None,
    ) -> None:
        self.folder = folder
        self.manifest = manifest
        self.joins = joins
        # Readers do not lock: a snapshot read long ago may name a part file that the
        # history's pruning removed since (50 commits later). Every table is then read
        # again from the newest version (``newest``), the ones already read too, so that
        # one snapshot never mixes two versions (``version`` counts these moves); under
        # the writers' lock (no ``newest``) a missing file is damage.
        self.newest = newest
        self.version = 0
        self.parsed: dict[str, Table] = {}
        self._entries: dict[str, _Joined] = {}

    def _move_to_newest(self, missing: str) -> None:
        """A part file of this version is gone: become the newest version, whole."""
        if self.newest is None or self.version >= _MOVES:
            raise Damaged(f"a part of {missing} named by the manifest is missing") from None
        fresh = self.newest()
        self.manifest = fresh.manifest
        self.parsed = {}
        self._entries = {}
        self.version += 1

    @property
    def names(self) -> list[str]:
        school = self._school_part()
        return list(TABLE_ORDER) + sorted(n for n in school if n not in TABLE_ORDER)

    def _school_part(self) -> dict[str, Table]:
        file_name = self.manifest.files.get(SCHOOL_PART)
        if not file_name:
            return {}
        try:
            return self.folder.read_part(file_name)
        except FileNotFoundError:
            self._move_to_newest("the school")
            return self._school_part()

    def _entry(self, name: str) -> _Joined:
        entry = self._entries.get(name)
        if entry is None:
            try:
                entry = self.joins.joined(self.folder, self.manifest, name)
            except FileNotFoundError:
                self._move_to_newest(name)
                return self._entry(name)
            self._entries[name] = entry
        return entry

    def table(self, name: str) -> Table:
        """The table joined over its parts (empty if absent); ``Damaged`` if a part does not
        parse or is gone (a snapshot's version that was pruned moves to the newest first)."""
        table = self.parsed.get(name)
        if table is None:
            table = self.parsed[name] = self._entry(name).table
        return table

    def index(self, name: str) -> dict[str, str]:
        self.table(name)
        return self.joins.index(self._entry(name))

    def generation(self, name: str) -> int:
        self.table(name)
        return self._entry(name).generation

    def meta(self) -> Doc:
        """The school part's ``_meta`` with the manifest's bookkeeping over it."""
        doc = self._school_part().get(META, {}).get(META_ID)
        meta = dict(doc) if isinstance(doc, dict) else {}
        meta.update(
            schema_version=self.manifest.schema_version,
            change_counter=self.manifest.counter,
            updated_at=self.manifest.updated_at,
            updated_by=self.manifest.updated_by,
            file_mode=self.manifest.file_mode,
            group=self.manifest.group,
        )
        return meta

    def session_parts(self, keep: Callable[[object, object], bool]) -> list[str]:
        """The session parts that may hold a session for which ``keep(stored date, stored
        status)`` holds: by the manifest's summaries, without reading the parts; a part
        without a summary (a folder written before them) is given, to be read."""
        about = self.manifest.sessions
        return [
            part
            for part in self.manifest.files
            if part.startswith(SESSION_PREFIX)
            and (part not in about or any(keep(day, status) for day, status in about[part]))
        ]

    def docs_in(self, name: str, choose: Callable[[FolderTables], Iterable[str]]) -> list[Doc]:
        """The documents of ``name`` in the parts ``choose`` gives (join order), only those
        parts read, all from one version (chosen and read again if the snapshot moved to
        the newest version meanwhile)."""
        while True:
            version = self.version
            files = self.manifest.files
            chosen = {SCHOOL_PART, *choose(self)}
            docs: list[Doc] = []
            try:
                for part in parts_holding(name, {p: files[p] for p in chosen if p in files}):
                    table = self.folder.read_part(files[part]).get(name)
                    docs.extend((table or {}).values())
            except FileNotFoundError:
                self._move_to_newest(name)
                continue
            if version == self.version:
                return docs

    def validate(self, today: date | None = None) -> None:
        """Every part named by the manifest read and checked (``Damaged``; ``OSError`` if
        one cannot be read). A part file that is gone is damage. With ``today`` (opening
        the store), the parts of the school years closed before it are left unread (a lycée
        keeps five years: 500 session parts, five results parts): their records are
        checked when read (every part read goes through ``record_problem``), by ``check``,
        ``backup`` and the day's whole copy."""
        if SCHOOL_PART not in self.manifest.files:
            raise Damaged("no school part")
        closed = closed_parts(self.manifest, today) if today is not None else set()
        for part, file_name in self.manifest.files.items():
            if part in closed:
                continue
            try:
                tables = self.folder.read_part(file_name)
            except FileNotFoundError:
                raise Damaged(f"part file {file_name} is missing") from None
            # Every document in the part that routing gives it: a part file put in the
            # place of another (copied by hand, renamed) is damage, not data.
            for name, table in tables.items():
                if any(part_of(name, doc) != part for doc in table.values()):
                    raise Damaged(f"a document of {name} is not in its part ({part})")
        meta = self._school_part().get(META, {}).get(META_ID)
        if not isinstance(meta, dict):
            raise Damaged("no _meta in the school part")


def static_meta(meta: Mapping[str, Any]) -> Doc:
    """What of ``_meta`` goes into the school part (the rest is the manifest's)."""
    return {k: v for k, v in meta.items() if k not in MANIFEST_FIELDS}


def changed_parts(
    source: FolderTables,
    memory: Mapping[str, Any],
    not_loaded: object,
    touched: Mapping[str, Iterable[str]] | None = None,
) -> dict[str, dict[str, Table] | None]:
    """The parts a transaction changed, each given whole (None: the part is now empty).

    A document is changed when it is not the very object read (documents are never edited
    in place); a document that moved (a candidate to another session) leaves its old part.
    ``_meta`` is the manifest's, except its static fields (the school part). ``touched``
    (table -> keys the repositories changed) spares looking at every document of a large
    table; a table changed without touched keys is compared whole."""
    edits: dict[str, dict[str, dict[str, Doc | None]]] = {}
    for name, new in memory.items():
        if new is not_loaded:
            continue
        old = source.parsed.get(name)
        if new is old:
            continue
        if old is None:
            old = source.table(name)
        if name == META:
            fixed = static_meta(new.get(META_ID, {}))
            if fixed == static_meta(old.get(META_ID, {})):
                continue
            new = {META_ID: fixed}
        keys = (touched or {}).get(name) if name != META else None
        if keys is None:  # in the table's order: added documents keep their order in parts
            keys = [*new, *(key for key in old if key not in new)]
        for key in keys:
            doc, before = new.get(key), old.get(key)
            if before is doc:
                continue
            if doc is not None:
                part = part_of(name, doc)
                edits.setdefault(part, {}).setdefault(name, {})[key] = doc
            if before is not None:
                was = part_of(name, before)
                if doc is None or was != part:
                    edits.setdefault(was, {}).setdefault(name, {})[key] = None
    result: dict[str, dict[str, Table] | None] = {}
    for part, tables in edits.items():
        base_file = source.manifest.files.get(part)
        content = dict(source.folder.read_part(base_file)) if base_file else {}
        for name, docs in tables.items():
            table = dict(content.get(name, {}))
            for key, doc in docs.items():
                if doc is None:
                    table.pop(key, None)
                else:
                    table[key] = doc
            content[name] = table
        empty = not any(content.values())
        result[part] = None if empty and part != SCHOOL_PART else content
    return result


def commit_whole(
    folder: PartFolder, base: Manifest | None, tables: Mapping[str, Table], manifest: Manifest
) -> Manifest:
    """Commit ``tables`` (``_meta`` holding only its static fields) as the whole store: every
    part written again, the parts of ``base`` that no longer exist dropped (create,
    migration, restore)."""
    changed: dict[str, Mapping[str, Table] | None] = dict(split(tables))
    for part in base.files if base is not None else ():
        changed.setdefault(part, None)
    return folder.commit(base, changed, manifest)
