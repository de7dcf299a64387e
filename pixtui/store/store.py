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
from pixtui.store import migrate as migrate_module
from pixtui.store import schema
from pixtui.store.atomic import atomic_write, remove_stale_temps
from pixtui.store.backups import (
    DEFAULT_KEEP,
    BackupEntry,
    highest_ring_counter,
    is_kept_version,
    keep_aside,
    keep_daily,
    keep_daily_copy,
    keep_folder_aside,
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
    TABLE_ORDER,
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
from pixtui.store.folder import (
    FolderTables,
    JoinCache,
    changed_parts,
    commit_whole,
    static_meta,
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
from pixtui.store.migrate import (
    finish_migration,
    is_stub_meta,
    migrate_file,
    moved_error,
    write_new_stub,
)
from pixtui.store.parts import MANIFEST, PART_FILE, Manifest, PartFolder
from pixtui.store.parts import TEMP_PREFIX as PART_TEMP_PREFIX
from pixtui.store.paths import StorePaths, folder_beside
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

# The folder's kept manifests are pruned at every PRUNE_EVERY-th commit (listing and reading
# the history at each room action cost more than the rest of the commit).
PRUNE_EVERY = 10


def damaged_error(paths: StorePaths) -> StoreDamaged:
    """The one sentence for a damaged file, naming the newest good backup if there is one."""
    good = newest_good_backup(paths.root)
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


def _journal_restore(
    paths: StorePaths, policy: FilePolicy, event: Event, current: int | None
) -> None:
    """A restore's line, first. Over a damaged store (``current`` unknown) nothing is marked
    unconfirmed: which lines reached it cannot be told."""
    if current is None:
        try:
            append_events(paths.journal, [event], policy)
        except OSError as error:
            raise StoreWriteFailed(paths.journal, error) from error
    else:
        _journal_first(paths, policy, [event], current, event.at, event.who)


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
        # The folder layout (issue 12): parts read once per process, tables joined from them.
        self._parts = PartFolder(paths.folder, policy) if paths.is_folder else None
        self._joins = JoinCache()

    @property
    def path(self) -> Path:
        """The store as named (the data file, or the store folder)."""
        return self.paths.root

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
        as_folder: bool = False,
    ) -> Store:
        """A new store holding ``school``; refused if the file exists. With ``as_folder``, a
        path naming a file (``DIR/pixtui.json``) makes the store folder beside it
        (``DIR/pixtui.d``) and a stub at the path, as a migration leaves them: the path goes
        on naming the store."""
        paths = StorePaths.of(path)
        if as_folder and not paths.is_folder:
            if os.path.lexists(paths.root):
                raise StoreExists(t("store.exists", path=paths.root))
            folder = folder_beside(paths.root)
            store = cls.create(
                folder, school, actor, clock, file_mode, group, keep_backups, lock_timeout
            )
            write_new_stub(paths, folder, store.policy, clock.now(), lock_timeout)
            return store
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
                raise StoreExists(t("store.exists", path=paths.root))
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
            if store._parts is not None:
                tables[META] = {META_ID: static_meta(meta)}
                manifest = store._manifest(1, now, actor)
                committed = commit_whole(store._parts, None, tables, manifest)
                store._adopt_manifest(committed, stat_token(paths.file))
            else:
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
        migrate: bool | None = None,
    ) -> Store:
        """Open an existing store: start-up hygiene, full check, migrations; with
        ``migrate``, a single-file store is moved into a store folder (``migrate.py``)."""
        paths = StorePaths.of(path)
        if migrate is None:
            migrate = migrate_module.MIGRATE_FILES
        if not paths.is_folder and migrate:
            # Opened as a file first: checked whole, its schema migrated if older.
            cls.open(path, actor, clock, keep_backups, lock_timeout, migrate=False)
            if migrate_file(paths, actor, clock, lock_timeout):
                paths = StorePaths.of(path)
        if paths.is_folder:
            old = paths.old_file
            if old is not None:  # named by a migrated file: its last step redone if killed
                finish_migration(old, lock_timeout)
            return cls._open_folder(paths, actor, clock, keep_backups, lock_timeout)
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
                store._adopt(data, token)
            elif not tables.payloads:  # not in our layout: read as a whole, nothing to share
                store._adopt(data, token)
            else:
                # Already parsed for the check: the first write need not parse again, and the
                # snapshot shares the check's payloads (splitting the file again kept a second
                # copy of every table's bytes alive: 19 MiB on a five-year lycée).
                for name, payload in tables.payloads.items():
                    store._cache.put(name, payload, tables.table(name))
                shared = FileTables(list(tables.names), tables.payloads, store._cache)
                store._adopt_tables(shared, token)
        return store

    @classmethod
    def _open_folder(
        cls,
        paths: StorePaths,
        actor: str,
        clock: Clock,
        keep_backups: int,
        lock_timeout: float,
    ) -> Store:
        try:
            data, _ = read_file(paths.file)
            first = Manifest.from_bytes(data)
        except Damaged:
            raise damaged_error(paths) from None
        except OSError as error:
            raise open_error(paths.file, error) from None
        policy = _policy_of({"file_mode": first.file_mode, "group": first.group})
        policy.apply_umask()
        store = cls(paths, actor, clock, policy, keep_backups, lock_timeout)
        parts = store._parts
        assert parts is not None  # a folder store
        with store._lock.hold():
            remove_stale_temps(paths.folder, paths.temp_prefix)
            if paths.backups.is_dir():
                remove_stale_temps(paths.backups, paths.temp_prefix)
            manifest, token = store._read_manifest_locked()
            tables = FolderTables(parts, manifest, store._joins)
            try:  # the closed school years' parts are checked when read (folder.py)
                tables.validate(local(clock.now()).date())
            except Damaged:
                raise damaged_error(paths) from None
            except OSError as error:
                raise open_error(paths.file, error) from None
            version = manifest.schema_version
            if version > schema.SCHEMA_VERSION:
                raise _too_new(paths, version)
            # Part files and temp files of commits killed before their manifest replace.
            parts.collect()
            if version < schema.SCHEMA_VERSION:
                store._migrate_folder_locked(tables, version)
                manifest, token = store._read_manifest_locked()
                tables = store._folder_tables(manifest)
            # The day's whole copy, if no process made it yet: at start-up rather than in the
            # first room action of the morning (a commit still makes it for a process that
            # was opened the day before).
            store._keep_daily_copy(tables, local(clock.now()).date())
            store._adopt_manifest(manifest, token)
        return store

    def _keep_daily_copy(self, source: FolderTables, day: date) -> None:
        if day == self._daily_checked:
            return
        try:
            keep_daily_copy(self.paths, day, lambda: self._whole_copy(source), self.policy)
        except (OSError, StoreWriteFailed) as error:
            # A safety net, not the commit: a disk too full for a whole copy (19 MiB on a
            # lycée) must not stop a 30 KB room action nor the opening of the store. The
            # kept manifests still go back 50 changes; tried again at the next commit.
            log.warning("day's copy of the store not made, tried again later: %s", error)
            return
        self._daily_checked = day

    def _manifest(self, counter: int, now: datetime, actor: str) -> Manifest:
        return Manifest(
            schema_version=schema.SCHEMA_VERSION,
            counter=counter,
            updated_at=to_record(now),
            updated_by=actor,
            file_mode=self.policy.mode,
            group=self.policy.group,
        )

    def _read_manifest_locked(self) -> tuple[Manifest, Token]:
        try:
            data, token = read_file(self.paths.file)
            return Manifest.from_bytes(data), token
        except Damaged:
            raise damaged_error(self.paths) from None
        except OSError as error:
            raise open_error(self.paths.file, error) from None

    def _folder_tables(self, manifest: Manifest, newest: bool = False) -> FolderTables:
        assert self._parts is not None  # a folder store
        return FolderTables(
            self._parts, manifest, self._joins, self._newest_tables if newest else None
        )

    def _newest_tables(self) -> FolderTables:
        manifest, _ = self._read_manifest_locked()
        return self._folder_tables(manifest)

    def _whole_folder(self, tables: FolderTables) -> dict[str, Table]:
        """Every table of a folder version, ``_meta`` whole (for a full copy or a migration)."""
        names = list(tables.names)
        for file_name in tables.manifest.files.values():
            names += [n for n in tables.folder.read_part(file_name) if n not in names]
        everything = {name: tables.table(name) for name in names}
        everything[META] = {META_ID: tables.meta()}
        return everything

    def _migration_steps(self, version: int) -> list[schema.Migration]:
        steps = schema.migration_path(version, schema.SCHEMA_VERSION)
        if steps is None:
            raise StoreTooNew(
                t(
                    "store.no_migration",
                    path=self.paths.root,
                    found=version,
                    known=schema.SCHEMA_VERSION,
                )
            )
        return steps

    def _migrate_folder_locked(self, tables: FolderTables, version: int) -> None:
        steps = self._migration_steps(version)
        now = self.clock.now()
        whole = self._whole_folder(tables)
        data = self._whole_copy(tables)
        make_labelled_copy(self.paths, data, f"avant-migration-v{version}", now, self.policy)
        # Migrations edit in place: give them copies (parsed parts are shared).
        everything = {name: {k: dict(v) for k, v in table.items()} for name, table in whole.items()}
        for step in steps:
            step(everything)
        counter = tables.manifest.counter + 1
        meta = everything[META][META_ID]
        meta.update(schema_version=schema.SCHEMA_VERSION, change_counter=counter)
        everything[META] = {META_ID: static_meta(meta)}
        after = {"schema_version": schema.SCHEMA_VERSION}
        before = {"schema_version": version}
        event = Event(now, self.actor, "store.migrate", "", "", before, after, counter)
        self._journal_first([event], counter - 1, now)
        assert self._parts is not None  # a folder store
        manifest = self._manifest(counter, now, self.actor)
        commit_whole(self._parts, tables.manifest, everything, manifest)

    def _read_locked(self) -> tuple[bytes, Token]:
        try:
            return read_file(self.paths.file)
        except OSError as error:
            raise open_error(self.paths.file, error) from None

    def _migrate_locked(self, data: bytes, tables: FileTables, version: int) -> None:
        steps = self._migration_steps(version)
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
            source: FileTables | FolderTables
            if self._parts is not None:
                manifest, token = self._read_manifest_locked()
                source = self._folder_tables(manifest)
            else:
                data, token = self._read_locked()
                try:
                    source = FileTables.from_bytes(data, self._cache)
                except Damaged:
                    raise damaged_error(self.paths) from None
            try:
                meta = source.meta()
            except Damaged:
                raise damaged_error(self.paths) from None
            if is_stub_meta(meta):  # migrated into a folder since this process opened it
                raise moved_error(self.paths)
            version = meta["schema_version"]
            if version != schema.SCHEMA_VERSION:
                # Older: another process restored an old backup; reopening migrates it.
                raise _too_new(self.paths, version)
            tx = Transaction(source, action, self.actor, self.clock.now(), self._damage)
            try:
                yield tx
            finally:
                tx.close()
            if isinstance(source, FolderTables):
                self._commit_folder_locked(tx, source, meta)
            else:
                self._commit_locked(tx, source, meta, token)

    def _damage(self, _error: Damaged) -> StoreDamaged:
        return damaged_error(self.paths)

    def _journal_only(self, tx: Transaction, counter: int) -> None:
        for event in tx.events:
            event.counter = counter
        self._journal_first(tx.events, counter, tx.now)

    def _commit_folder_locked(
        self, tx: Transaction, source: FolderTables, meta: dict[str, Any]
    ) -> None:
        """One commit on the folder: the parts holding a changed document written under the
        new counter, then the manifest replaced (the commit point), the journal lines first."""
        counter = int(meta.get("change_counter", 0))
        if not tx.changed:
            self._journal_only(tx, counter)
            return
        assert self._parts is not None  # a folder store
        try:
            changed = changed_parts(source, tx.memory, NOT_LOADED, tx.touched)
        except Damaged:
            raise damaged_error(self.paths) from None
        for event in tx.events:
            event.counter = counter + 1
        self._journal_first(tx.events, counter, tx.now)
        self._keep_daily_copy(source, local(tx.now).date())
        manifest = self._manifest(counter + 1, tx.now, self.actor)
        try:
            committed = self._parts.commit(source.manifest, changed, manifest)
        except StoreWriteFailed:
            with contextlib.suppress(OSError):
                self._void_unconfirmed(counter, tx.now)
            raise
        self._adopt_manifest(committed, stat_token(self.paths.file))
        if committed.counter % PRUNE_EVERY == 0:  # the history may go PRUNE_EVERY over
            with contextlib.suppress(OSError, Damaged):
                self._parts.prune(self.keep_backups)

    def _commit_locked(
        self, tx: Transaction, source: FileTables, meta: dict[str, Any], token: Token
    ) -> None:
        counter = int(meta.get("change_counter", 0))
        if not tx.changed:
            self._journal_only(tx, counter)
            return
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
        except Damaged:
            raise damaged_error(self.paths) from None
        return self._adopt_tables(tables, token)

    def _adopt_manifest(self, manifest: Manifest, token: Token) -> Snapshot:
        snap = self._adopt_tables(self._folder_tables(manifest, newest=True), token)
        if self._parts is not None:
            self._parts.forget_except(manifest.files.values())
        return snap

    def _adopt_tables(self, tables: FileTables | FolderTables, token: Token) -> Snapshot:
        try:
            meta = tables.meta()
        except Damaged:
            raise damaged_error(self.paths) from None
        if is_stub_meta(meta):
            raise moved_error(self.paths)
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
        # No lock needed: the file (the manifest) is always whole.
        if self._parts is not None:
            manifest, token = self._read_manifest_locked()
            return self._adopt_manifest(manifest, token)
        data, token = self._read_locked()
        return self._adopt(data, token)

    def poll(self) -> bool:
        """True (and the snapshot reloaded) if another process wrote since the last look."""
        before = self._snapshot
        after = self.snapshot()
        return before is None or after is not before

    def check(self) -> None:
        """Parse everything; raises ``StoreDamaged``/``StoreTooNew``/``StoreMissing``."""
        if self._parts is not None:
            self._check_folder()
            return
        data, _ = self._read_locked()
        try:
            tables = load_and_validate(data)
        except Damaged:
            raise damaged_error(self.paths) from None
        version = tables.meta()["schema_version"]
        if version > schema.SCHEMA_VERSION:
            raise _too_new(self.paths, version)

    def _check_folder(self) -> None:
        """Every part named by the manifest read again from the disk (not from this
        process's cache: ``check`` looks for damage done since) and checked."""
        manifest, _ = self._read_manifest_locked()
        fresh = PartFolder(self.paths.folder, self.policy)
        try:
            FolderTables(fresh, manifest, JoinCache()).validate()
        except Damaged:
            raise damaged_error(self.paths) from None
        except OSError as error:
            raise open_error(self.paths.file, error) from None
        if manifest.schema_version > schema.SCHEMA_VERSION:
            raise _too_new(self.paths, manifest.schema_version)

    def part_count(self) -> int | None:
        """How many part files the committed folder names; None for a single file (for
        ``check``, which says which layout it sees)."""
        if self._parts is None:
            return None
        manifest, _ = self._read_manifest_locked()
        return len(manifest.files)

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
            if self._parts is not None:
                data = self._folder_copy_locked()
            else:
                data, _ = self._read_locked()
                try:
                    load_and_validate(data)
                except Damaged:
                    raise damaged_error(self.paths) from None
            return make_labelled_copy(self.paths, data, label, self.clock.now(), self.policy)

    def _folder_copy_locked(self) -> bytes:
        """The committed folder as one single-file store (checked): a labelled backup of a
        folder is a whole file that ``restore`` and any copy elsewhere can read alone."""
        manifest, _ = self._read_manifest_locked()
        # Read from the disk, not from this process's cache: as ``check``, a backup is made
        # only of a store that reads whole now.
        fresh = PartFolder(self.paths.folder, self.policy)
        tables = FolderTables(fresh, manifest, JoinCache())
        try:
            tables.validate()
        except Damaged:
            raise damaged_error(self.paths) from None
        return self._whole_copy(tables)

    def _whole_copy(self, tables: FolderTables) -> bytes:
        """A folder version as the bytes of one single-file store."""
        try:
            whole = self._whole_folder(tables)
        except Damaged:
            raise damaged_error(self.paths) from None
        names = [n for n in TABLE_ORDER if n in whole] + [n for n in whole if n not in TABLE_ORDER]
        return encode([(name, dump_payload(whole[name])) for name in names])

    def list_backups(self) -> list[BackupEntry]:
        return list_backups(self.paths.root)

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
        tables: FileTables | FolderTables
        try:
            if is_kept_version(paths, Path(os.path.realpath(backup))):
                # A kept version of the folder: its parts, read and checked now.
                manifest = Manifest.from_bytes(backup.read_bytes())
                folder = PartFolder(paths.folder, FilePolicy(mode=DEFAULT_MODE))
                tables = FolderTables(folder, manifest, JoinCache())
                tables.validate()
            else:
                tables = load_and_validate(backup.read_bytes())
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
        if paths.is_folder:
            with lock.hold():
                return cls._restore_folder_locked(paths, policy, backup, tables, actor, clock)
        if not isinstance(tables, FileTables):  # a folder's kept version given for a file
            raise StoreError(t("store.bad_backup", path=backup))
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
            _journal_restore(paths, policy, event, current)
            atomic_write(paths.file, new, policy, paths.temp_prefix)
        return aside

    @classmethod
    def _restore_folder_locked(
        cls,
        paths: StorePaths,
        policy: FilePolicy,
        backup: Path,
        tables: FileTables | FolderTables,
        actor: str,
        clock: Clock,
    ) -> Path | None:
        """Restore into a store folder: the current version kept aside as a labelled file
        (when it reads; else its manifest and every part file, linked into a folder), the
        backup's tables committed as every part under a counter above
        every counter seen (manifest, kept manifests, backup, journal)."""
        store = cls(paths, actor, clock, policy)
        parts = store._parts
        assert parts is not None  # a folder store
        now = clock.now()
        base: Manifest | None = None
        aside: Path | None = None
        with contextlib.suppress(OSError, Damaged, StoreError):
            base, _ = store._read_manifest_locked()
            data = store._folder_copy_locked()
            aside = make_labelled_copy(paths, data, "avant-restauration", now, policy)
        if aside is None:
            # The current version does not read: its manifest as it is and a hard link of
            # every part present, so that the next open's collection of the parts no
            # manifest names cannot take the newest good ones.
            aside = keep_folder_aside(paths, now, "avant-restauration", policy)
        meta = dict(tables.meta())
        last_logged = [e.counter or 0 for e in tail(paths.journal, 1)]
        kept = [m.counter for _, m in parts.kept_manifests()]
        counter = 1 + max(
            base.counter if base is not None else 0,
            int(meta.get("change_counter", 0)),
            *kept,
            *last_logged,
        )
        meta.update(restored_from=backup.name)
        everything = {name: tables.table(name) for name in tables.names}
        everything[META] = {META_ID: static_meta(meta)}
        after = {"backup": backup.name, "kept_aside": aside.name if aside else None}
        event = Event(now, actor, "store.restore", "", "", None, after, counter)
        _journal_restore(paths, policy, event, base.counter if base is not None else None)
        commit_whole(parts, base, everything, store._manifest(counter, now, actor))
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
            if self._parts is not None:
                deleted += self._drop_kept_versions_holding(holds)
            if deleted:
                counter = int(self.snapshot().counter)
                after = {"deleted": [p.name for p in deleted]}
                self._append_journal(
                    [Event(self.clock.now(), self.actor, action, "", "", None, after, counter)]
                )
        return deleted

    def _drop_kept_versions_holding(self, holds: TablesCheck) -> list[Path]:
        """The folder's kept manifests whose version ``holds`` (or that do not read) removed,
        then the part files no manifest names any more: what a purge removed from the
        current version is then nowhere in the folder (call under the lock)."""
        parts = self._parts
        assert parts is not None  # a folder store
        fresh = PartFolder(self.paths.folder, self.policy)  # from the disk, not the cache
        joins = JoinCache()
        dropped: list[Path] = []
        kept = sorted(parts.history.glob("manifest.*.json")) if parts.history.is_dir() else []
        for path in kept:
            try:
                manifest = Manifest.from_bytes(path.read_bytes())
                held = holds(self._whole_folder(FolderTables(fresh, manifest, joins)))
            except (Damaged, OSError):
                held = True  # cannot be checked, and of no use to a restore
            if held:
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                    dropped.append(path)
        return dropped + parts.collect()

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
            if self._parts is not None:  # parts of killed commits, the parts' temp files
                removed += self._parts.collect()
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
            if self.paths.is_folder and (
                entry.name == MANIFEST
                or entry.name.startswith(PART_TEMP_PREFIX)
                or PART_FILE.match(entry.name)
            ):
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
