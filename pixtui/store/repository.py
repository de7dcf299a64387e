"""Typed repositories over one table: the only face of TinyDB the rest of pixtui sees.

``Repository`` works inside a transaction on a throw-away in-memory TinyDB. Documents are
never edited in place (they may be shared with snapshots and the parse cache): a change
puts the new version in a new table, under the same TinyDB id and at the same place.

``SnapshotRepository`` reads a committed version; it converts documents to dataclasses lazily
and filters ``where`` on the stored values first, so a 2,000-pupil store stays fast.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Generic

from tinydb.table import Table as TinyTable

from pixtui.domain.serialize import from_record, to_record
from pixtui.i18n import t
from pixtui.store.errors import RecordNotFound, StaleRevision, StoreError
from pixtui.store.fileformat import Table
from pixtui.store.fileformat import record_id as id_of
from pixtui.store.records import R, field_names, parse_instant, stamped

if TYPE_CHECKING:
    from pixtui.store.transaction import Transaction


def _wanted(cls: type, field_equals: dict[str, Any]) -> dict[str, Any]:
    unknown = set(field_equals) - field_names(cls)
    if unknown:
        raise TypeError(f"{cls.__name__} has no field {sorted(unknown)}")
    return {name: to_record(value) for name, value in field_equals.items()}


def _matches(doc: dict[str, Any], wanted: dict[str, Any]) -> bool:
    return all(doc.get(name) == value for name, value in wanted.items())


class Repository(Generic[R]):
    """Read and change one table inside a transaction."""

    def __init__(self, tx: Transaction, name: str, cls: type[R], record_type: str) -> None:
        self._tx = tx
        self._name = name
        self._cls = cls
        self._record_type = record_type
        self._table: TinyTable = tx.db.table(name, cache_size=0)
        self._index: dict[str, str] | None = None

    # --- reading --------------------------------------------------------------------

    def _raw(self) -> Table:
        return self._tx.raw_table(self._name)

    def _ids(self) -> dict[str, str]:
        if self._index is None:
            self._raw()
            self._index = self._tx.source.index(self._name)
        return self._index

    def _stored(self, record_id: str) -> tuple[int, dict[str, Any]] | None:
        key = self._ids().get(record_id)
        if key is None:
            return None
        doc = self._table.get(doc_id=int(key))
        return None if doc is None else (int(key), dict(doc))

    def get(self, record_id: str) -> R | None:
        self._tx.check_open()
        found = self._stored(record_id)
        return None if found is None else from_record(self._cls, found[1])

    def all(self) -> list[R]:
        self._tx.check_open()
        return [from_record(self._cls, doc) for doc in self._table.all()]

    def where(self, **field_equals: Any) -> list[R]:
        self._tx.check_open()
        wanted = _wanted(self._cls, field_equals)
        return [from_record(self._cls, doc) for doc in self._table if _matches(doc, wanted)]

    def __len__(self) -> int:
        return len(self._raw())

    # --- changing -------------------------------------------------------------------

    def add(self, obj: R) -> R:
        """Store a new record (rev 1); returns the stored version (``obj`` is not modified)."""
        return self.add_many([obj])[0]

    def add_many(self, objs: Iterable[R]) -> list[R]:
        self._tx.check_open()
        ids = self._ids()
        raws: list[dict[str, Any]] = []
        seen: set[str] = set()
        for obj in objs:
            if obj.id in ids or obj.id in seen:
                raise StoreError(t("store.duplicate_id"))
            seen.add(obj.id)
            raws.append(stamped(obj, 1, self._tx.now, self._tx.actor))
        if not raws:
            return []
        doc_ids = self._table.insert_multiple(raws)
        for raw, doc_id in zip(raws, doc_ids, strict=True):
            ids[raw["id"]] = str(doc_id)
            self._tx.touch(self._name, str(doc_id))
            self._tx.record_change(self._record_type, raw["id"], None, raw)
        return [from_record(self._cls, raw) for raw in raws]

    def save(self, obj: R) -> R:
        """Store an edited record; refused if someone saved it since ``obj`` was read."""
        self._tx.check_open()
        found = self._stored(obj.id)
        if found is None:
            raise RecordNotFound(t("store.record_missing"))
        doc_id, before = found
        if before.get("rev", 0) != obj.rev:
            raise StaleRevision(before.get("updated_by"), parse_instant(before.get("updated_at")))
        after = stamped(obj, int(before.get("rev", 0)) + 1, self._tx.now, self._tx.actor)
        self._replace(doc_id, before, after)
        return from_record(self._cls, after)

    def update(self, record_id: str, mutate: Callable[[R], None]) -> R:
        """Apply ``mutate`` to the current stored version (no stale check: both actions stay)."""
        self._tx.check_open()
        found = self._stored(record_id)
        if found is None:
            raise RecordNotFound(t("store.record_missing"))
        doc_id, before = found
        original = from_record(self._cls, before)
        obj = from_record(self._cls, before)
        mutate(obj)
        obj.id = record_id
        if obj == original:
            # Nothing changed: no new revision (an open form would be refused as stale for
            # nothing) and no journal line.
            return obj
        after = stamped(obj, int(before.get("rev", 0)) + 1, self._tx.now, self._tx.actor)
        self._replace(doc_id, before, after)
        return from_record(self._cls, after)

    def delete(self, record_id: str) -> bool:
        """Remove a record; False if it was not there."""
        self._tx.check_open()
        found = self._stored(record_id)
        if found is None:
            return False
        doc_id, before = found
        self._table.remove(doc_ids=[doc_id])
        del self._ids()[record_id]
        self._tx.touch(self._name, str(doc_id))
        self._tx.record_change(self._record_type, record_id, before, None)
        return True

    def _replace(self, doc_id: int, before: dict[str, Any], after: dict[str, Any]) -> None:
        # A new table (parsed tables are shared, never edited) with the new version at the
        # same key and place. TinyDB's update() would edit the shared dict in place; remove +
        # insert re-keyed the whole table twice and moved the document to the end, so every
        # later line moved too and the next reader compared them all by key (issue 12).
        table = dict(self._raw())
        table[str(doc_id)] = after
        self._tx.memory[self._name] = table
        self._tx.touch(self._name, str(doc_id))
        self._tx.record_change(self._record_type, after["id"], before, after)


class SnapshotRepository(Generic[R]):
    """Read-only view of one table of a committed version.

    ``all()`` and ``where()`` return objects shared by every caller of this snapshot: treat
    them as read-only. ``get()`` returns a private copy, safe to edit and then ``save``.
    """

    def __init__(self, load: Callable[[], Table], cls: type[R]) -> None:
        self._load = load
        self._cls = cls
        self._objects: dict[str, R] = {}
        self._index: dict[str, str] | None = None
        self._source: Table | None = None

    def _raw(self) -> Table:
        raw = self._load()
        if raw is not self._source:  # first read, or the snapshot moved to a newer version
            self._source = raw
            self._objects = {}
            self._index = None
        return raw

    def _object(self, key: str, doc: dict[str, Any]) -> R:
        obj = self._objects.get(key)
        if obj is None:
            obj = from_record(self._cls, doc)
            self._objects[key] = obj
        return obj

    def get(self, record_id: str) -> R | None:
        raw = self._raw()
        if self._index is None:
            self._index = {id_of(doc): key for key, doc in raw.items()}
        key = self._index.get(record_id)
        return None if key is None else from_record(self._cls, raw[key])

    def all(self) -> list[R]:
        return [self._object(key, doc) for key, doc in self._raw().items()]

    def where(self, **field_equals: Any) -> list[R]:
        wanted = _wanted(self._cls, field_equals)
        return [self._object(k, d) for k, d in self._raw().items() if _matches(d, wanted)]

    def where_in(self, name: str, values: Iterable[Any]) -> list[R]:
        """The records whose field ``name`` is one of ``values``, filtered on the stored values:
        only the matches are converted (the candidates of this year's sessions, not of five)."""
        stored = {to_record(v) for v in values}
        _wanted(self._cls, {name: None})  # an unknown field is a programming error
        return [self._object(k, d) for k, d in self._raw().items() if d.get(name) in stored]

    def __len__(self) -> int:
        return len(self._raw())
