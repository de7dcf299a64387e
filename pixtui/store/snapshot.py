"""A committed version of the store, for readers (screens); never locks, never writes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import cached_property
from itertools import count
from typing import Any

from pixtui.domain.models import Candidate, PasswordFailures, Pupil, SchoolSettings, Session
from pixtui.domain.results import CertificationResult
from pixtui.domain.serialize import from_record
from pixtui.store.fileformat import Damaged, FileTables, Table, Token
from pixtui.store.folder import FolderTables
from pixtui.store.records import parse_instant
from pixtui.store.repository import SnapshotRepository

_UNKNOWN = count(1)


class Snapshot:
    def __init__(
        self,
        tables: FileTables | FolderTables,
        meta: dict[str, Any],
        token: Token,
        on_damage: Callable[[Damaged], Exception],
    ) -> None:
        self._tables = tables
        self._on_damage = on_damage
        self.token = token
        self._version = self._tables_version()
        self._describe(meta)

    def _describe(self, meta: dict[str, Any]) -> None:
        self.meta = meta
        self.counter: int = int(meta.get("change_counter", 0))
        self.schema_version: int = int(meta["schema_version"])
        self.updated_at: datetime | None = parse_instant(meta.get("updated_at"))
        self.updated_by: str | None = meta.get("updated_by")

    def _tables_version(self) -> int:
        return self._tables.version if isinstance(self._tables, FolderTables) else 0

    def _loader(self, name: str) -> Callable[[], Table]:
        def load() -> Table:
            try:
                table = self._tables.table(name)
            except Damaged as error:
                raise self._on_damage(error) from None
            if self._tables_version() != self._version:
                self._moved()
            return table

        return load

    def _moved(self) -> None:
        """The version this snapshot was read as lost a part to pruning (a store folder read
        while 50 commits went by): its tables now all come from a newer version, so what it
        says of itself and what it had converted follow (the repositories drop their
        objects when their table changes). Its token stays: the store reads a new one."""
        self._version = self._tables_version()
        try:
            self._describe(self._tables.meta())
        except Damaged as error:
            raise self._on_damage(error) from None
        self.__dict__.pop("school", None)

    def generation(self, name: str) -> int:
        """A cheap token of one table's content ("did the pupils change?"): equal between two
        snapshots of this ``Store`` exactly when the table's bytes did not change, whoever
        wrote in between. A screen keeps the number and redraws only when it moves; comparing
        costs no conversion (the table's bytes are compared once, when the snapshot is read)."""
        self._loader(name)()  # damage is reported as for any read
        found = self._tables.generation(name)
        return found if found is not None else -next(_UNKNOWN)  # not cached: say "changed"

    @cached_property
    def school(self) -> SchoolSettings:
        docs = list(self._loader("school")().values())
        return from_record(SchoolSettings, docs[0]) if docs else SchoolSettings()

    @cached_property
    def pupils(self) -> SnapshotRepository[Pupil]:
        return SnapshotRepository(self._loader("pupils"), Pupil)

    @cached_property
    def sessions(self) -> SnapshotRepository[Session]:
        return SnapshotRepository(self._loader("sessions"), Session)

    @cached_property
    def candidates(self) -> SnapshotRepository[Candidate]:
        return SnapshotRepository(self._loader("candidates"), Candidate)

    @cached_property
    def results(self) -> SnapshotRepository[CertificationResult]:
        return SnapshotRepository(self._loader("results"), CertificationResult)

    @cached_property
    def password_failures(self) -> SnapshotRepository[PasswordFailures]:
        return SnapshotRepository(self._loader("password_failures"), PasswordFailures)
