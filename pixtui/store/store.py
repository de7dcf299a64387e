"""The store: the only code in pixtui that opens the JSON file.

Write path (``transaction``): thread lock + flock on the sidecar lock file → fresh read of the
file by path → schema check → the caller's changes on a throw-away in-memory TinyDB → on
success: ``_meta`` bumped, previous file hard-linked into the backup ring, new bytes written
to a temp file, fsync, ``os.replace``, fsync of the folder, journal lines appended and
fsynced. On an exception nothing is written. Readers use ``snapshot()``, cached by the file's
change token, and never lock.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pixtui.domain.clock import Clock, local
from pixtui.domain.models import Event, SchoolSettings
from pixtui.domain.serialize import to_record
from pixtui.domain.timing import format_instant
from pixtui.i18n import t
from pixtui.store import schema
from pixtui.store.atomic import atomic_write, remove_stale_temps
from pixtui.store.backups import (
    DEFAULT_KEEP,
    BackupEntry,
    highest_ring_counter,
    keep_aside,
    keep_daily,
    link_into_ring,
    list_backups,
    make_labelled_copy,
    newest_good_backup,
    prune_ring,
)
from pixtui.store.errors import (
    StoreDamaged,
    StoreError,
    StoreExists,
    StoreTooNew,
    StoreWriteFailed,
    folder_error,
    open_error,
)
from pixtui.store.fileformat import (
    META,
    META_ID,
    Damaged,
    FileTables,
    ParseCache,
    Table,
    Token,
    dump_payload,
    dump_table,
    encode,
    encode_pieces,
    load_and_validate,
    read_file,
    stat_token,
)
from pixtui.store.journal import (
    VOID_ACTION,
    append_events,
    count_voided,
    iter_events,
    iter_events_backwards,
    tail,
    unconfirmed_at_end,
)
from pixtui.store.locking import DEFAULT_TIMEOUT, WriterLock
from pixtui.store.paths import StorePaths
from pixtui.store.permissions import DEFAULT_MODE, GROUP_MODE, FilePolicy, resolve_group
from pixtui.store.purge import (
    Redactor,
    TablesCheck,
    backups_holding,
    delete_files,
    rewrite_journal,
)
from pixtui.store.records import stamped
from pixtui.store.snapshot import Snapshot
from pixtui.store.transaction import NOT_LOADED, Transaction

log = logging.getLogger(__name__)


def damaged_error(paths: StorePaths) -> StoreDamaged:
    """The one sentence for a damaged file, naming the newest good backup if there is one."""
    good = newest_good_backup(paths.file)
    if good is None:
        message = t("store.damaged_no_backup", path=paths.file, backups=paths.backups)
        return StoreDamaged(message, paths.file)
    when = format_instant(good.created_at)
    message = t("store.damaged_with_backup", path=paths.file, backup=good.path, when=when)
    return StoreDamaged(message, paths.file, good.path)


def _policy_of(meta: dict[str, Any]) -> FilePolicy:
    group = meta.get("group")
    mode = meta.get("file_mode")
    default = GROUP_MODE if group else DEFAULT_MODE
    return FilePolicy(mode=mode if isinstance(mode, int) else default, group=group or None)


def _too_new(paths: StorePaths, found: int) -> StoreTooNew:
    return StoreTooNew(
        t("store.too_new", path=paths.file, found=found, known=schema.SCHEMA_VERSION)
    )


def _void_unconfirmed(
    paths: StorePaths, policy: FilePolicy, counter: int, now: datetime, actor: str
) -> None:
    count, newest = unconfirmed_at_end(paths.journal, counter)
    if count:
        marker = Event(now, actor, VOID_ACTION, "", "", None, {"lines": count}, newest)
        append_events(paths.journal, [marker], policy)


def _journal_first(
    paths: StorePaths,
    policy: FilePolicy,
    events: list[Event],
    counter: int,
    now: datetime,
    actor: str,
) -> None:
    try:
        _void_unconfirmed(paths, policy, counter, now, actor)
        append_events(paths.journal, events, policy)
    except OSError as error:
        raise StoreWriteFailed(paths.journal, error) from error


class Store:
    """Open with :meth:`open` or :meth:`create`; write with :meth:`transaction`."""

    def __init__(
        self,
        paths: StorePaths,
        actor: str,
        clock: Clock,
        policy: FilePolicy,
        keep_backups: int = DEFAULT_KEEP,
        lock_timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        self.paths = paths
        self.actor = actor
        self.clock = clock
        self.policy = policy
        self.keep_backups = keep_backups
        self._lock = WriterLock(paths.lock, policy, lock_timeout)
        self._cache = ParseCache()
        self._snapshot: Snapshot | None = None
        self._snapshot_lock = threading.Lock()
        self._daily_checked: date | None = None

    @property
    def path(self) -> Path:
        return self.paths.file

    # --- life cycle -----------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path | str,
        school: SchoolSettings,
        actor: str,
        clock: Clock,
        file_mode: int | None = None,
        group: str | None = None,
        keep_backups: int = DEFAULT_KEEP,
        lock_timeout: float = DEFAULT_TIMEOUT,
    ) -> Store:
        """A new store holding ``school``; refused if the file exists."""
        paths = StorePaths.of(path)
        if group is not None:
            resolve_group(group)  # a clear sentence now rather than a failed chown later
        policy = FilePolicy(mode=file_mode or (GROUP_MODE if group else DEFAULT_MODE), group=group)
        policy.apply_umask()
        try:
            policy.make_dir(paths.folder)
        except OSError as error:
            raise folder_error(paths.folder, error) from None
        store = cls(paths, actor, clock, policy, keep_backups, lock_timeout)
        with store._lock.hold():
            if os.path.lexists(paths.file):
                raise StoreExists(t("store.exists", path=paths.file))
            now = clock.now()
            meta = {
                "schema_version": schema.SCHEMA_VERSION,
                "change_counter": 1,
                "created_at": to_record(now),
                "updated_at": to_record(now),
                "updated_by": actor,
                "file_mode": policy.mode,
                "group": group,
            }
            school_doc = stamped(school, 1, now, actor)
            tables: dict[str, Table] = {
                META: {META_ID: meta},
                "school": {"1": school_doc},
                "pupils": {},
                "sessions": {},
                "candidates": {},
            }
            data = encode([(name, dump_payload(table)) for name, table in tables.items()])
            atomic_write(paths.file, data, policy, paths.temp_prefix)
            store._adopt(data, stat_token(paths.file))
            event = Event(now, actor, "store.create", "school", school.id, None, None, 1)
            store._append_journal([event])
        return store

    @classmethod
    def open(
        cls,
        path: Path | str,
        actor: str,
        clock: Clock,
        keep_backups: int = DEFAULT_KEEP,
        lock_timeout: float = DEFAULT_TIMEOUT,
    ) -> Store:
        """Open an existing store: start-up hygiene, full check, migrations."""
        paths = StorePaths.of(path)
        # The modes live in the file: read them (without the lock: the file is always whole).
        try:
            data, _ = read_file(paths.file)
            policy = _policy_of(FileTables.from_bytes(data, None).meta())
        except Damaged:
            raise damaged_error(paths) from None
        except OSError as error:  # missing, unreadable, a folder, a FIFO: one sentence
            raise open_error(paths.file, error) from None
        policy.apply_umask()
        store = cls(paths, actor, clock, policy, keep_backups, lock_timeout)
        with store._lock.hold():
            remove_stale_temps(paths.folder, paths.temp_prefix)
            if paths.backups.is_dir():  # a killed labelled copy (backup, purge) leaves one too
                remove_stale_temps(paths.backups, paths.temp_prefix)
            data, token = store._read_locked()
            try:
                tables = load_and_validate(data)
            except Damaged:
                raise damaged_error(paths) from None
            version = tables.meta()["schema_version"]
            if version > schema.SCHEMA_VERSION:
                raise _too_new(paths, version)
            if version < schema.SCHEMA_VERSION:
                store._migrate_locked(data, tables, version)
                data, token = store._read_locked()
            else:
                # Already parsed for the check: the first write need not parse again.
                for name, payload in tables.payloads.items():
                    store._cache.put(name, payload, tables.table(name))
            store._adopt(data, token)
        return store

    def _read_locked(self) -> tuple[bytes, Token]:
        try:
            return read_file(self.paths.file)
        except OSError as error:
            raise open_error(self.paths.file, error) from None

    def _migrate_locked(self, data: bytes, tables: FileTables, version: int) -> None:
        steps = schema.migration_path(version, schema.SCHEMA_VERSION)
        if steps is None:
            raise StoreTooNew(
                t(
                    "store.no_migration",
                    path=self.paths.file,
                    found=version,
                    known=schema.SCHEMA_VERSION,
                )
            )
        now = self.clock.now()
        make_labelled_copy(self.paths, data, f"avant-migration-v{version}", now, self.policy)
        # ``tables`` was parsed without the shared cache: migrations may edit it in place.
        everything = {name: tables.table(name) for name in tables.names}
        for step in steps:
            step(everything)
        meta = dict(tables.meta())
        counter = int(meta.get("change_counter", 0)) + 1
        meta.update(
            schema_version=schema.SCHEMA_VERSION,
            change_counter=counter,
            updated_at=to_record(now),
            updated_by=self.actor,
        )
        everything[META] = {META_ID: meta}
        names = tables.ordered_names(list(everything))
        new = encode([(name, dump_payload(everything[name])) for name in names])
        after = {"schema_version": schema.SCHEMA_VERSION}
        before = {"schema_version": version}
        event = Event(now, self.actor, "store.migrate", "", "", before, after, counter)
        self._journal_first([event], counter - 1, now)
        link_into_ring(self.paths, counter - 1, self.policy)
        atomic_write(self.paths.file, new, self.policy, self.paths.temp_prefix)

    # --- writing --------------------------------------------------------------------

    @contextmanager
    def transaction(self, action: str) -> Iterator[Transaction]:
        """One atomic change; ``action`` (e.g. ``"session.create"``) goes into the journal."""
        with self._lock.hold():
            data, token = self._read_locked()
            try:
                source = FileTables.from_bytes(data, self._cache)
                meta = source.meta()
            except Damaged:
                raise damaged_error(self.paths) from None
            version = meta["schema_version"]
            if version != schema.SCHEMA_VERSION:
                # Older: another process restored an old backup; reopening migrates it.
                raise _too_new(self.paths, version)
            tx = Transaction(source, action, self.actor, self.clock.now(), self._damage)
            try:
                yield tx
            finally:
                tx.close()
            self._commit_locked(tx, meta, token)

    def _damage(self, _error: Damaged) -> StoreDamaged:
        return damaged_error(self.paths)

    def _commit_locked(self, tx: Transaction, meta: dict[str, Any], token: Token) -> None:
        counter = int(meta.get("change_counter", 0))
        if not tx.changed:
            for event in tx.events:
                event.counter = counter
            self._journal_first(tx.events, counter, tx.now)
            return
        source = tx.source
        new_meta = dict(meta)
        new_meta.update(
            schema_version=schema.SCHEMA_VERSION,
            change_counter=counter + 1,
            updated_at=to_record(tx.now),
            updated_by=self.actor,
        )
        memory = tx.memory
        memory[META] = {META_ID: new_meta}
        names = source.ordered_names(list(memory))
        parts: list[tuple[str, bytes]] = []
        payloads: dict[str, bytes] = {}
        parsed: dict[str, Table] = {}
        for name in names:
            table = memory.get(name, NOT_LOADED)
            unchanged = table is NOT_LOADED or table is source.parsed.get(name)
            if unchanged and name in source.payloads:
                payload = source.payloads[name]  # untouched: the very same bytes
                if table is not NOT_LOADED:
                    parsed[name] = table
            else:
                if table is NOT_LOADED:
                    table = source.table(name)
                payload, lines = dump_table(table, source.lines(name))
                parsed[name] = table
                self._cache.put(name, payload, table, lines)
            parts.append((name, payload))
            payloads[name] = payload
        pieces = encode_pieces(parts)
        for event in tx.events:
            event.counter = counter + 1
        # The journal lines first: a commit never lacks its line (a crash before the replace
        # leaves lines the next writer marks unconfirmed).
        self._journal_first(tx.events, counter, tx.now)
        day = local(tx.now).date()
        if day != self._daily_checked:
            keep_daily(self.paths, day, self.policy)
            self._daily_checked = day
        link_into_ring(self.paths, counter, self.policy)
        try:
            atomic_write(self.paths.file, pieces, self.policy, self.paths.temp_prefix)
        except StoreWriteFailed:
            with contextlib.suppress(OSError):
                self._void_unconfirmed(counter, tx.now)
            raise
        new_token = stat_token(self.paths.file)
        tables = FileTables(names=names, payloads=payloads, cache=self._cache, parsed=parsed)
        with self._snapshot_lock:
            self._snapshot = Snapshot(tables, new_meta, new_token, self._damage)
        with contextlib.suppress(OSError):
            prune_ring(self.paths, self.keep_backups, sum(map(len, pieces)))

    def _void_unconfirmed(self, counter: int, now: datetime) -> None:
        """Mark the journal's last lines void if they belong to a change above ``counter``
        that never reached the file (call under the lock)."""
        _void_unconfirmed(self.paths, self.policy, counter, now, self.actor)

    def _journal_first(self, events: list[Event], counter: int, now: datetime) -> None:
        """Append (fsynced) the lines of a commit that has not replaced the file yet;
        ``StoreWriteFailed`` (nothing changed) if the journal cannot take them."""
        if events:
            _journal_first(self.paths, self.policy, events, counter, now, self.actor)

    def _append_journal(self, events: list[Event]) -> None:
        try:
            append_events(self.paths.journal, events, self.policy)
        except OSError as error:
            # The data is committed; a missing audit line must not undo it. No names here.
            log.warning("journal append failed for %s: errno %s", self.paths.journal, error.errno)

    # --- reading --------------------------------------------------------------------

    def _adopt(self, data: bytes, token: Token) -> Snapshot:
        try:
            tables = FileTables.from_bytes(data, self._cache)
            meta = tables.meta()
        except Damaged:
            raise damaged_error(self.paths) from None
        snap = Snapshot(tables, meta, token, self._damage)
        with self._snapshot_lock:
            self._snapshot = snap
        return snap

    def snapshot(self) -> Snapshot:
        """The current committed version; re-read only when the change token moved."""
        try:
            token = stat_token(self.paths.file)
        except OSError as error:
            raise open_error(self.paths.file, error) from None
        snap = self._snapshot
        if snap is not None and snap.token == token:
            return snap
        data, token = self._read_locked()  # no lock needed: the file is always whole
        return self._adopt(data, token)

    def poll(self) -> bool:
        """True (and the snapshot reloaded) if another process wrote since the last look."""
        before = self._snapshot
        after = self.snapshot()
        return before is None or after is not before

    def check(self) -> None:
        """Parse everything; raises ``StoreDamaged``/``StoreTooNew``/``StoreMissing``."""
        data, _ = self._read_locked()
        try:
            tables = load_and_validate(data)
        except Damaged:
            raise damaged_error(self.paths) from None
        version = tables.meta()["schema_version"]
        if version > schema.SCHEMA_VERSION:
            raise _too_new(self.paths, version)

    def unconfirmed_journal_lines(self) -> int:
        """Journal lines of changes that never reached the file (a crash or a full disk
        between the line and the commit): voided ones plus any not yet marked."""
        counter = int(self.snapshot().counter)
        pending, _ = unconfirmed_at_end(self.paths.journal, counter)
        return count_voided(self.paths.journal) + pending

    # --- backups --------------------------------------------------------------------

    def backup(self, label: str) -> Path:
        """A full timestamped copy of the current file (checked before it is copied).

        Under the writers' lock: start-up and purge remove temp files under it, and must not
        take this copy's temp file for one left by a killed process."""
        with self._lock.hold():
            data, _ = self._read_locked()
            try:
                load_and_validate(data)
            except Damaged:
                raise damaged_error(self.paths) from None
            return make_labelled_copy(self.paths, data, label, self.clock.now(), self.policy)

    def list_backups(self) -> list[BackupEntry]:
        return list_backups(self.paths.file)

    @classmethod
    def restore(
        cls,
        path: Path | str,
        backup_path: Path | str,
        actor: str,
        clock: Clock,
        lock_timeout: float = DEFAULT_TIMEOUT,
    ) -> Path | None:
        """Put a backup back as the store (atomically); returns where the old file was kept."""
        paths = StorePaths.of(path)
        backup = Path(backup_path)
        try:
            data = backup.read_bytes()
            tables = load_and_validate(data)
        except (Damaged, OSError):
            raise StoreError(t("store.bad_backup", path=backup)) from None
        meta = dict(tables.meta())
        if meta["schema_version"] > schema.SCHEMA_VERSION:
            raise _too_new(paths, meta["schema_version"])
        policy = _policy_of(meta)
        policy.apply_umask()
        try:
            policy.make_dir(paths.folder)
        except OSError as error:
            raise folder_error(paths.folder, error) from None
        lock = WriterLock(paths.lock, policy, lock_timeout)
        with lock.hold():
            now = clock.now()
            current: int | None = None  # unknown if the file is damaged: void nothing then
            with contextlib.suppress(OSError, Damaged):
                current_data, _ = read_file(paths.file)
                current = int(FileTables.from_bytes(current_data, None).meta()["change_counter"])
            aside = keep_aside(paths, now, "avant-restauration", policy)
            # Counters only grow, so every process sees the restore as a change.
            last_logged = [e.counter or 0 for e in tail(paths.journal, 1)]
            counter = 1 + max(
                current or 0,
                highest_ring_counter(paths),
                int(meta.get("change_counter", 0)),
                *last_logged,
            )
            meta.update(
                change_counter=counter,
                updated_at=to_record(now),
                updated_by=actor,
                restored_from=backup.name,
            )
            everything = {name: tables.table(name) for name in tables.names}
            everything[META] = {META_ID: meta}
            names = tables.ordered_names([])
            new = encode([(name, dump_payload(everything[name])) for name in names])
            after = {"backup": backup.name, "kept_aside": aside.name if aside else None}
            event = Event(now, actor, "store.restore", "", "", None, after, counter)
            if current is None:
                try:
                    append_events(paths.journal, [event], policy)
                except OSError as error:
                    raise StoreWriteFailed(paths.journal, error) from error
            else:
                _journal_first(paths, policy, [event], current, now, actor)
            atomic_write(paths.file, new, policy, paths.temp_prefix)
        return aside

    # --- after a retention purge ----------------------------------------------------

    def redact_journal(self, redact: Redactor, action: str) -> tuple[int, int]:
        """Rewrite the journal through ``redact`` (the only rewrite of the append-only
        journal, for the retention purge), then journal that it happened: (changed, dropped)."""
        with self._lock.hold():
            changed, dropped = rewrite_journal(self.paths, redact, self.policy)
            if changed or dropped:
                counter = int(self.snapshot().counter)
                after = {"lines_redacted": changed, "torn_lines_dropped": dropped}
                self._append_journal(
                    [Event(self.clock.now(), self.actor, action, "", "", None, after, counter)]
                )
        return changed, dropped

    def delete_backups_holding(self, holds: TablesCheck, action: str) -> list[Path]:
        """Delete every backup for which ``holds(tables)`` is true; journalled."""
        with self._lock.hold():
            deleted = delete_files(self.paths, backups_holding(self.paths, holds))
            if deleted:
                counter = int(self.snapshot().counter)
                after = {"deleted": [p.name for p in deleted]}
                self._append_journal(
                    [Event(self.clock.now(), self.actor, action, "", "", None, after, counter)]
                )
        return deleted

    def after_purge(self, action: str) -> tuple[Path, list[Path]]:
        """The store's part of a purge once the data, journal and backups are cleaned:
        temp files left by a killed writer or backup removed (they may hold anything), a
        fresh good backup of the purged store made (``restore`` must not offer only the
        empty first version), and the files in the store's folder that pixtui does not own
        (exports written there) returned so that the user can be told. Journalled."""
        with self._lock.hold():
            removed = remove_stale_temps(self.paths.folder, self.paths.temp_prefix)
            if self.paths.backups.is_dir():
                removed += remove_stale_temps(self.paths.backups, self.paths.temp_prefix)
        fresh = self.backup("apres-purge")
        foreign = self.foreign_files()
        after = {"temp_files_removed": len(removed), "backup": fresh.name}
        counter = int(self.snapshot().counter)
        with self._lock.hold():
            self._journal_first(
                [Event(self.clock.now(), self.actor, action, "", "", None, after, counter)],
                counter,
                self.clock.now(),
            )
        return fresh, foreign

    def foreign_files(self) -> list[Path]:
        """Regular files in the store's folder that are not the store's own (exports saved
        there, copies made by hand): pixtui cannot know what they hold."""
        own = self.paths.name
        found = []
        for entry in self.paths.folder.iterdir():
            if entry.name.startswith((own, f".{own}.")) or entry.is_symlink():
                continue
            if entry.is_file():
                found.append(entry)
        return sorted(found)

    # --- journal --------------------------------------------------------------------

    def journal_tail(self, count: int) -> list[Event]:
        """The last ``count`` journal events, oldest first."""
        events: list[Event] = []
        if count > 0:
            for event in self.iter_journal(newest_first=True):
                events.append(event)
                if len(events) >= count:
                    break
        events.reverse()
        return events

    def iter_journal(self, newest_first: bool = False) -> Iterator[Event]:
        """Journal events, leaving out lines of changes the file does not hold (a crash
        between the line and the commit, or a commit still in progress)."""
        limit = int(self.snapshot().counter)
        events = (
            iter_events_backwards(self.paths.journal)
            if newest_first
            else iter_events(self.paths.journal)
        )
        return (e for e in events if e.counter is None or e.counter <= limit)

    def __repr__(self) -> str:
        return f"Store({str(self.paths.file)!r}, actor={self.actor!r})"
