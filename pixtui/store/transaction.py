"""One write: a throw-away in-memory TinyDB over the tables read under the lock.

Tables are loaded only when the transaction touches them; untouched tables are written back
byte for byte by the store. Nothing reaches the disk unless the ``with`` block ends normally.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, cast

from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from pixtui.domain.models import (
    Candidate,
    Event,
    PasswordFailures,
    Pupil,
    SchoolSettings,
    Session,
)
from pixtui.domain.results import CertificationResult
from pixtui.domain.serialize import from_record, to_record
from pixtui.i18n import t
from pixtui.store.errors import StoreError
from pixtui.store.fileformat import Damaged, FileTables, Table
from pixtui.store.folder import FolderTables
from pixtui.store.records import TABLES, changed_fields
from pixtui.store.repository import Repository

NOT_LOADED: Any = object()  # placeholder for a table the transaction has not touched


class Transaction:
    def __init__(
        self,
        source: FileTables | FolderTables,
        action: str,
        actor: str,
        now: datetime,
        on_damage: Callable[[Damaged], Exception],
    ) -> None:
        self.action = action
        self.actor = actor
        self.now = now
        self.source = source
        self.events: list[Event] = []
        self._on_damage = on_damage
        self._closed = False
        self.db = TinyDB(storage=MemoryStorage)
        self._storage.memory = {name: NOT_LOADED for name in source.names}
        self._repos: dict[str, Repository[Any]] = {}
        self._school_doc_changed = False
        # table -> TinyDB keys added, replaced or removed, in that order (by the repositories,
        # the only code that changes a table): the folder layout routes only these documents.
        self.touched: dict[str, dict[str, None]] = {}

    @property
    def _storage(self) -> MemoryStorage:
        return cast(MemoryStorage, self.db.storage)  # built with storage=MemoryStorage above

    # --- tables ---------------------------------------------------------------------

    @property
    def memory(self) -> dict[str, Any]:
        """TinyDB's in-memory tables (name -> table, or NOT_LOADED if untouched)."""
        memory = self._storage.memory
        assert memory is not None  # set in __init__
        return memory

    def raw_table(self, name: str) -> Table:
        table = self.memory.get(name, NOT_LOADED)
        if table is NOT_LOADED:
            try:
                table = self.source.table(name)
            except Damaged as error:
                raise self._on_damage(error) from None
            self.memory[name] = table
        return table

    def _repo(self, name: str) -> Repository[Any]:
        repo = self._repos.get(name)
        if repo is None:
            self.raw_table(name)
            cls, record_type = TABLES[name]
            repo = Repository(self, name, cls, record_type)
            self._repos[name] = repo
        return repo

    @property
    def pupils(self) -> Repository[Pupil]:
        return self._repo("pupils")

    @property
    def sessions(self) -> Repository[Session]:
        return self._repo("sessions")

    @property
    def candidates(self) -> Repository[Candidate]:
        return self._repo("candidates")

    @property
    def results(self) -> Repository[CertificationResult]:
        return self._repo("results")

    @property
    def password_failures(self) -> Repository[PasswordFailures]:
        return self._repo("password_failures")

    @property
    def school(self) -> SchoolSettings:
        self.check_open()
        docs = list(self.raw_table("school").values())
        return from_record(SchoolSettings, docs[0]) if docs else SchoolSettings()

    def save_school(self, settings: SchoolSettings) -> SchoolSettings:
        """Save the school settings (with the same revision check as any record)."""
        repo = self._repo("school")
        if repo.get(settings.id) is None and len(repo) == 0:
            return repo.add(settings)
        return repo.save(settings)

    def touch(self, name: str, key: str) -> None:
        self.touched.setdefault(name, {})[key] = None

    # --- journal --------------------------------------------------------------------

    def record_change(
        self,
        record_type: str,
        record_id: str,
        before: dict[str, Any] | None,
        after: dict[str, Any] | None,
    ) -> None:
        changed_before, changed_after = changed_fields(before, after)
        self.events.append(
            Event(
                at=self.now,
                who=self.actor,
                action=self.action,
                record_type=record_type,
                record_id=record_id,
                before=changed_before,
                after=changed_after,
            )
        )

    def log(
        self,
        action: str,
        record_type: str = "",
        record_id: str = "",
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
    ) -> None:
        """An extra journal line (e.g. a printed document); written only if the block succeeds."""
        self.check_open()
        self.events.append(
            Event(
                at=self.now,
                who=self.actor,
                action=action,
                record_type=record_type,
                record_id=record_id,
                before=to_record(before) if before is not None else None,
                after=to_record(after) if after is not None else None,
            )
        )

    # --- state ----------------------------------------------------------------------

    @property
    def changed(self) -> bool:
        """True if a table was modified (TinyDB replaces a table's dict on every write)."""
        return any(
            value is not NOT_LOADED and value is not self.source.parsed.get(name)
            for name, value in self.memory.items()
        )

    def check_open(self) -> None:
        if self._closed:
            raise StoreError(t("store.closed_transaction"))

    def close(self) -> None:
        self._closed = True
