"""A committed version of the store, for readers (screens); never locks, never writes."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from functools import cached_property
from itertools import count
from typing import Any

from pixtui.domain.enums import SessionStatus
from pixtui.domain.models import Candidate, PasswordFailures, Pupil, SchoolSettings, Session
from pixtui.domain.results import CertificationResult
from pixtui.domain.serialize import from_record
from pixtui.store.fileformat import Damaged, FileTables, Table, Token
from pixtui.store.folder import FolderTables
from pixtui.store.parts import part_of
from pixtui.store.records import R, parse_instant
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
        self._converted: dict[tuple[str, int], tuple[dict[str, Any], Any]] = {}
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
        self._converted = {}

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

    # --- scoped reads: what a screen needs of one school year, not of five -----------

    def sessions_where(self, keep: Callable[[date | None, SessionStatus], bool]) -> list[Session]:
        """The sessions for which ``keep(date, status)`` holds, in the table's order. On a
        store folder only the session parts that hold one are read (the manifest says each
        part's dates and statuses): a lycée's finalised sessions of past years stay on
        disk. ``sessions.all()`` still reads them all."""
        if not isinstance(self._tables, FolderTables) or "sessions" in self._tables.parsed:
            return [s for s in self.sessions.all() if keep(s.date, s.status)]

        def stored(day: object, status: object) -> bool:
            try:
                typed = date.fromisoformat(day) if isinstance(day, str) else None
                return keep(typed, SessionStatus(str(status)))
            except (TypeError, ValueError):
                return True  # not what a session stores: read the part to know

        docs = self._scoped_docs("sessions", lambda tables: tables.session_parts(stored))
        sessions = [self._scoped(Session, "sessions", doc) for doc in docs]
        return [s for s in sessions if keep(s.date, s.status)]

    def candidates_of(self, session_ids: Iterable[str]) -> list[Candidate]:
        """The candidates of these sessions, in the table's order. On a store folder only
        those sessions' parts are read (a session's candidates live in its part)."""
        wanted = set(session_ids)
        if not isinstance(self._tables, FolderTables) or "candidates" in self._tables.parsed:
            return self.candidates.where_in("session_id", wanted)
        parts = {part_of("sessions", {"id": session_id}) for session_id in wanted}
        docs = self._scoped_docs("candidates", lambda _: parts)
        return [
            self._scoped(Candidate, "candidates", doc)
            for doc in docs
            if doc.get("session_id") in wanted
        ]

    def session(self, session_id: str) -> Session | None:
        """One session, a private copy (as ``sessions.get``); on a store folder only its part
        is read (the room, a session's screens: not the 500 parts of five years)."""
        return self._in_session_part(self.sessions, "sessions", Session, session_id)

    def password_failure(self, session_id: str) -> PasswordFailures | None:
        """A session's failed room passwords (as ``password_failures.get``), from its part."""
        return self._in_session_part(
            self.password_failures, "password_failures", PasswordFailures, session_id
        )

    def _in_session_part(
        self, repository: SnapshotRepository[R], name: str, cls: type[R], session_id: str
    ) -> R | None:
        """The record of ``name`` whose id is ``session_id`` (a private copy): on a store
        folder only that session's part is read."""
        if not isinstance(self._tables, FolderTables) or name in self._tables.parsed:
            return repository.get(session_id)
        part = part_of(name, {"id": session_id})
        for doc in self._scoped_docs(name, lambda _: (part,)):
            if doc.get("id") == session_id:
                return from_record(cls, doc)
        return None

    def _scoped_docs(
        self, name: str, choose: Callable[[FolderTables], Iterable[str]]
    ) -> list[dict[str, Any]]:
        """The documents of ``name`` in the chosen parts, all of one version (the snapshot
        moves whole to the newest one if a part of its own was pruned)."""
        assert isinstance(self._tables, FolderTables)
        try:
            docs = self._tables.docs_in(name, choose)
        except Damaged as error:
            raise self._on_damage(error) from None
        if self._tables_version() != self._version:
            self._moved()
        return docs

    def _scoped(self, cls: type[Any], name: str, doc: dict[str, Any]) -> Any:
        """One record read by a scoped read, converted once per snapshot (shared: read-only)."""
        key = (name, id(doc))
        found = self._converted.get(key)
        if found is None or found[0] is not doc:
            found = self._converted[key] = (doc, from_record(cls, doc))
        return found[1]
