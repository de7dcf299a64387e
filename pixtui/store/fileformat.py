"""The on-disk layout: a TinyDB JSON file written one document per line.

    {
    "_meta":{
     "1":{...}
    },
    "pupils":{
     "1":{...},
     "2":{...}
    },
    "sessions":{}
    }

It is ordinary JSON (TinyDB's JSONStorage reads it). Table names start a line; documents are
indented by one space. Compact JSON escapes every newline inside strings, so a raw newline
only ever separates documents. The layout lets a writer parse only the tables a transaction
uses, write untouched tables back byte for byte, and in a changed table re-serialise only
the changed documents: a write on a 2,000-pupil store stays well under 30 ms. Any other
layout (hand-edited, written by TinyDB itself) is read with a plain ``json.loads`` of the
whole file and rewritten in this layout at the next commit.
"""

from __future__ import annotations

import json
import os
import re
import stat
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pixtui.store.records import record_problem

Doc = dict[str, Any]
Table = dict[str, Doc]
Token = tuple[int, int, int]

META = "_meta"
META_ID = "1"
TABLE_ORDER = (
    "_meta",
    "school",
    "pupils",
    "sessions",
    "candidates",
    "results",
    "password_failures",
)

_TABLE_LINE = re.compile(rb'"([A-Za-z_][A-Za-z0-9_]*)":')
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)


def record_id(doc: Doc) -> str:
    """A record's id, the key of the id → TinyDB key indexes ("" for a record without one:
    no caller looks that up)."""
    value = doc.get("id")
    return value if isinstance(value, str) else ""


class Damaged(ValueError):
    """The bytes are not a store (internal: the store turns it into ``StoreDamaged``)."""


class NotAFile(OSError):
    """The path is a folder, a FIFO, a device or a socket, not a store file."""

    def __init__(self, path: Path, mode: int) -> None:
        super().__init__(f"not a regular file: {path}")
        self.path = path
        self.mode = mode


def read_file(path: Path) -> tuple[bytes, Token]:
    """The whole file and the change token of *those* bytes (fstat of the descriptor read).

    Opened non-blocking and checked before reading: a FIFO given as the store would otherwise
    block until a writer appears (``check`` hung), a folder or device would give garbage.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    with open(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotAFile(path, info.st_mode)
        data = handle.read()
    return data, (info.st_ino, info.st_mtime_ns, info.st_size)


def stat_token(path: Path) -> Token:
    info = os.stat(path)
    return (info.st_ino, info.st_mtime_ns, info.st_size)


def _dump(value: Any) -> bytes:
    return _ENCODER.encode(value).encode("utf-8")


Lines = dict[str, tuple[Doc, bytes]]


def dump_table(table: Table, reuse: Lines | None = None) -> tuple[bytes, Lines]:
    """The table's payload and its lines; ``reuse`` gives the exact lines of known documents."""
    lines: Lines = {}
    for key, doc in table.items():
        known = reuse.get(key) if reuse else None
        if known is not None and known[0] is doc:
            lines[key] = known  # the same (never mutated) document: the same bytes
        else:
            lines[key] = (doc, b" " + _dump(key) + b":" + _dump(doc))
    if not lines:
        return b"{}", lines
    return b"{\n" + b",\n".join(line for _, line in lines.values()) + b"\n}", lines


def dump_payload(table: Table) -> bytes:
    return dump_table(table)[0]


def doc_lines(payload: bytes, table: Table) -> Lines | None:
    """Doc id -> (parsed document, its line) for a payload in our layout, else None."""
    if payload == b"{}":
        return {}
    lines = payload.split(b"\n")
    if len(lines) < 3 or lines[0] != b"{" or lines[-1] != b"}":
        return None
    found: Lines = {}
    for line in lines[1:-1]:
        if line.endswith(b","):
            line = line[:-1]
        end = line.find(b'":', 2)
        if not line.startswith(b' "') or end < 0:
            return None
        key = line[2:end].decode("utf-8", "replace")
        doc = table.get(key)
        if doc is None:
            return None
        found[key] = (doc, line)
    return found if len(found) == len(table) else None


def parse_changed_lines(name: str, payload: bytes, known: Lines) -> tuple[Table, Lines] | None:
    """Parse a table in our layout, reusing the documents whose line is byte-identical.

    Another process usually changed one document of a 2,000-line table: only that line is
    parsed. Returns None (parse it whole) for anything unusual; raises ``Damaged`` for a bad line.
    """
    if payload == b"{}":
        return {}, {}
    if not (payload.startswith(b"{\n") and payload.endswith(b"\n}")):
        return None
    rows = payload[2:-2].split(b"\n")
    table: Table = {}
    lines: Lines = {}
    last = len(rows) - 1
    # Rows usually sit where they were: compare each with the known line at its place first
    # (one memcmp), and look at the key only for the rows that moved or changed.
    in_place = list(known.items())
    for index, row in enumerate(rows):
        if index < last:
            if not row.endswith(b","):
                return None
            row = row[:-1]
        if index < len(in_place):
            key, at_place = in_place[index]
            if at_place[1] == row and key not in table:
                table[key] = at_place[0]
                lines[key] = at_place
                continue
        end = row.find(b'":', 2)
        if end < 0 or not row.startswith(b' "'):
            return None
        key_bytes = row[2:end]
        if not key_bytes.isdigit():
            return None
        key = key_bytes.decode("ascii")
        if key in table:
            return None
        previous = known.get(key)
        if previous is not None and previous[1] == row:
            doc = previous[0]
        else:
            try:
                doc = json.loads(row[end + 2 :])
            except (ValueError, RecursionError) as error:
                raise Damaged(f"table {name}: {error}") from None
            if not isinstance(doc, dict):
                raise Damaged(f"a document of {name} is not an object")
            problem = record_problem(name, doc)
            if problem is not None:
                raise Damaged(problem)
        table[key] = doc
        lines[key] = (doc, row)
    return table, lines


def encode_pieces(parts: list[tuple[str, bytes]]) -> list[bytes]:
    """The file's bytes as pieces to write one after the other: joining them first costs a
    fresh 19 MiB buffer on the lycée (page faults and a copy, ~25 ms) for nothing."""
    pieces: list[bytes] = [b"{\n"]
    for index, (name, payload) in enumerate(parts):
        if index:
            pieces.append(b",\n")
        pieces += [b'"', name.encode("ascii"), b'":', payload]
    pieces.append(b"\n}\n")
    return pieces


def encode(parts: list[tuple[str, bytes]]) -> bytes:
    return b"".join(encode_pieces(parts))


def _table_starts(data: bytes, end: int) -> list[int]:
    """Positions of the newlines before a table name (a line starting with ``"``) in
    ``data[2:end]``. Found by stepping from newline to newline: ``bytes.find`` of one byte is
    a memchr, while a search for ``\\n"`` crawls through JSON's many quotes (30 ms against
    5 ms on the 19 MiB lycée)."""
    starts: list[int] = []
    find = data.find
    index = find(b"\n", 2, end)
    while index >= 0:
        if data[index + 1 : index + 2] == b'"':
            starts.append(index)
        index = find(b"\n", index + 1, end)
    return starts


def split_tables(data: bytes) -> dict[str, bytes] | None:
    """Table name -> payload bytes if ``data`` is in our layout, else None."""
    if not (data.startswith(b"{\n") and data.endswith(b"\n}\n")) or len(data) < 6:
        return None
    end = len(data) - 3
    payloads: dict[str, bytes] = {}
    starts = iter(_table_starts(data, end))
    position = 2
    while position < end:
        following = next(starts, -1)
        stop = end if following < 0 else following
        match = _TABLE_LINE.match(data, position, stop)
        if match is None:
            return None
        payload = data[match.end() : stop]
        if following >= 0:
            if not payload.endswith(b","):
                return None
            payload = payload[:-1]
        if not (payload.startswith(b"{") and payload.endswith(b"}")):
            return None
        name = match.group(1).decode("ascii")
        if name in payloads:
            return None
        payloads[name] = payload
        position = stop + 1
    return payloads or None


def _check_table(name: str, value: Any) -> Table:
    if not isinstance(value, dict):
        raise Damaged(f"table {name} is not an object")
    for doc in value.values():
        if not isinstance(doc, dict):
            raise Damaged(f"a document of {name} is not an object")
        problem = record_problem(name, doc)
        if problem is not None:
            raise Damaged(problem)
    return value


def parse_table(name: str, payload: bytes) -> Table:
    try:
        value = json.loads(payload)
    except (ValueError, RecursionError) as error:  # 100,000 nested [ is damage, not a crash
        raise Damaged(f"table {name}: {type(error).__name__}") from None
    return _check_table(name, value)


def parse_whole(data: bytes) -> dict[str, Table]:
    if not data.strip():
        raise Damaged("empty file")
    try:
        value = json.loads(data)
    except (ValueError, RecursionError) as error:
        raise Damaged(type(error).__name__) from None
    if not isinstance(value, dict):
        raise Damaged("not an object")
    return {name: _check_table(name, table) for name, table in value.items()}


@dataclass
class _Entry:
    payload: bytes
    table: Table
    lines: Lines | None = None
    index: dict[str, str] | None = None
    generation: int = 0


class ParseCache:
    """Parsed tables kept by their exact bytes: an unchanged table is never parsed twice.

    Parsed tables are shared (snapshots, transactions), so nobody may mutate them: the
    transaction layer replaces documents and tables instead of editing them in place. With
    each table the cache keeps its documents' lines and an id -> key index, computed once.
    """

    def __init__(self) -> None:
        self._entries: dict[str, _Entry] = {}
        self._lock = threading.Lock()
        self._last_generation = 0

    def _entry(self, name: str, table: Table) -> _Entry | None:
        with self._lock:
            entry = self._entries.get(name)
        return entry if entry is not None and entry.table is table else None

    def get(self, name: str, payload: bytes) -> Table:
        with self._lock:
            entry = self._entries.get(name)
        if entry is not None and entry.payload == payload:
            return entry.table
        known = None
        if entry is not None:
            known = (
                entry.lines if entry.lines is not None else doc_lines(entry.payload, entry.table)
            )
        if known is not None:
            found = parse_changed_lines(name, payload, known)
            if found is not None:
                self.put(name, payload, *found)
                return found[0]
        table = parse_table(name, payload)
        self.put(name, payload, table)
        return table

    def put(self, name: str, payload: bytes, table: Table, lines: Lines | None = None) -> None:
        with self._lock:
            previous = self._entries.get(name)
            if previous is not None and previous.table is table:
                generation = previous.generation
            else:
                self._last_generation += 1
                generation = self._last_generation
            self._entries[name] = _Entry(payload, table, lines, generation=generation)

    def generation(self, name: str, table: Table) -> int | None:
        """A number that changes only when ``name``'s content changes (None: not cached)."""
        entry = self._entry(name, table)
        return None if entry is None else entry.generation

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def lines(self, name: str, payload: bytes, table: Table) -> Lines | None:
        entry = self._entry(name, table)
        if entry is not None and entry.lines is not None:
            return entry.lines
        lines = doc_lines(payload, table)
        if entry is not None:
            entry.lines = lines
        return lines

    def index(self, name: str, table: Table) -> dict[str, str]:
        """Record id -> TinyDB key of ``table`` (a copy: callers may change it)."""
        entry = self._entry(name, table)
        if entry is not None and entry.index is not None:
            return dict(entry.index)
        index = {record_id(doc): key for key, doc in table.items()}
        if entry is not None:
            entry.index = index
        return dict(index)


@dataclass
class FileTables:
    """One version of the file: table payloads (when in our layout) parsed on demand."""

    names: list[str]
    payloads: dict[str, bytes]
    cache: ParseCache | None
    parsed: dict[str, Table] = field(default_factory=dict)

    @classmethod
    def from_bytes(cls, data: bytes, cache: ParseCache | None) -> FileTables:
        payloads = split_tables(data)
        if payloads is None:
            whole = parse_whole(data)
            return cls(names=list(whole), payloads={}, cache=None, parsed=whole)
        return cls(names=list(payloads), payloads=payloads, cache=cache)

    def table(self, name: str) -> Table:
        """The parsed table (empty if absent); raises ``Damaged`` if it does not parse."""
        table = self.parsed.get(name)
        if table is not None:
            return table
        payload = self.payloads.get(name)
        if payload is None:
            table = {}
        elif self.cache is not None:
            table = self.cache.get(name, payload)
        else:
            table = parse_table(name, payload)
        self.parsed[name] = table
        return table

    def lines(self, name: str) -> Lines | None:
        """The exact lines of the documents of ``name`` as read (to write unchanged ones back)."""
        payload = self.payloads.get(name)
        table = self.parsed.get(name)
        if payload is None or table is None:
            return None
        if self.cache is not None:
            return self.cache.lines(name, payload, table)
        return doc_lines(payload, table)

    def index(self, name: str) -> dict[str, str]:
        table = self.table(name)
        if self.cache is not None:
            return self.cache.index(name, table)
        return {record_id(doc): key for key, doc in table.items()}

    def generation(self, name: str) -> int | None:
        """A number that moves only when ``name``'s content changes (None: not cached)."""
        table = self.table(name)
        return self.cache.generation(name, table) if self.cache is not None else None

    def meta(self) -> Doc:
        if META not in self.names:
            raise Damaged("no _meta table")
        doc = self.table(META).get(META_ID)
        if not isinstance(doc, dict) or not isinstance(doc.get("schema_version"), int):
            raise Damaged("no schema_version")
        if not isinstance(doc.get("change_counter", 0), int):
            raise Damaged("bad change_counter")
        return doc

    def validate(self) -> None:
        """Parse every table (start-up, check, backups): damage anywhere is found here."""
        self.meta()
        for name in self.names:
            self.table(name)

    def ordered_names(self, extra: list[str]) -> list[str]:
        names = [name for name in TABLE_ORDER if name in self.names or name in extra]
        names += [name for name in self.names if name not in names]
        names += [name for name in extra if name not in names]
        return names


def load_and_validate(data: bytes) -> FileTables:
    """Fully parsed and checked (raises ``Damaged``); used for start-up, check and backups."""
    tables = FileTables.from_bytes(data, None)
    tables.validate()
    return tables
