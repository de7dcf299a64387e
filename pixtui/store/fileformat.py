"""The on-disk layout: a TinyDB JSON file written one table per line.

    {
    "_meta":{"1":{...}},
    "school":{"1":{...}},
    "pupils":{"1":{...},"2":{...}},
    }

It is ordinary JSON (TinyDB's JSONStorage reads it). The layout lets a writer reuse the exact
bytes of the tables a transaction did not touch and parse only the tables it uses, which keeps
a write on a 2,000-pupil store well under 30 ms. Compact JSON escapes every newline inside
strings, so a raw newline only ever separates tables. Any other layout (hand-edited, written
by TinyDB itself) is read with a plain ``json.loads`` of the whole file and rewritten in this
layout at the next commit.
"""

from __future__ import annotations

import json
import os
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Doc = dict[str, Any]
Table = dict[str, Doc]
Token = tuple[int, int, int]

META = "_meta"
META_ID = "1"
TABLE_ORDER = ("_meta", "school", "pupils", "sessions", "candidates")

_TABLE_LINE = re.compile(rb'"([A-Za-z_][A-Za-z0-9_]*)":')
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)


class Damaged(ValueError):
    """The bytes are not a store (internal: the store turns it into ``StoreDamaged``)."""


def read_file(path: Path) -> tuple[bytes, Token]:
    """The whole file and the change token of *those* bytes (fstat of the descriptor read)."""
    with open(path, "rb") as handle:
        info = os.fstat(handle.fileno())
        data = handle.read()
    return data, (info.st_ino, info.st_mtime_ns, info.st_size)


def stat_token(path: Path) -> Token:
    info = os.stat(path)
    return (info.st_ino, info.st_mtime_ns, info.st_size)


def dump_table(table: Table) -> bytes:
    return _ENCODER.encode(table).encode("utf-8")


def encode(parts: list[tuple[str, bytes]]) -> bytes:
    body = b",\n".join(b'"' + name.encode("ascii") + b'":' + payload for name, payload in parts)
    return b"{\n" + body + b"\n}\n"


def split_tables(data: bytes) -> dict[str, bytes] | None:
    """Table name -> payload bytes if ``data`` is in our layout, else None."""
    lines = data.split(b"\n")
    if len(lines) < 4 or lines[0] != b"{" or lines[-1] != b"" or lines[-2] != b"}":
        return None
    body = lines[1:-2]
    payloads: dict[str, bytes] = {}
    for index, line in enumerate(body):
        if index < len(body) - 1:
            if not line.endswith(b","):
                return None
            line = line[:-1]
        match = _TABLE_LINE.match(line)
        if match is None:
            return None
        payload = line[match.end() :]
        if not (payload.startswith(b"{") and payload.endswith(b"}")):
            return None
        name = match.group(1).decode("ascii")
        if name in payloads:
            return None
        payloads[name] = payload
    return payloads


def _check_table(name: str, value: Any) -> Table:
    if not isinstance(value, dict):
        raise Damaged(f"table {name} is not an object")
    for doc in value.values():
        if not isinstance(doc, dict):
            raise Damaged(f"a document of {name} is not an object")
    return value


def parse_table(name: str, payload: bytes) -> Table:
    try:
        value = json.loads(payload)
    except (ValueError, UnicodeDecodeError) as error:
        raise Damaged(f"table {name}: {error}") from None
    return _check_table(name, value)


def parse_whole(data: bytes) -> dict[str, Table]:
    if not data.strip():
        raise Damaged("empty file")
    try:
        value = json.loads(data)
    except (ValueError, UnicodeDecodeError) as error:
        raise Damaged(str(error)) from None
    if not isinstance(value, dict):
        raise Damaged("not an object")
    return {name: _check_table(name, table) for name, table in value.items()}


class ParseCache:
    """Parsed tables kept by their exact bytes: an unchanged table is never parsed twice.

    Parsed tables are shared (snapshots, transactions), so nobody may mutate them: the
    transaction layer replaces documents and tables instead of editing them in place.
    """

    def __init__(self) -> None:
        self._entries: dict[str, tuple[bytes, Table]] = {}
        self._lock = threading.Lock()

    def get(self, name: str, payload: bytes) -> Table:
        with self._lock:
            entry = self._entries.get(name)
        if entry is not None and entry[0] == payload:
            return entry[1]
        table = parse_table(name, payload)
        self.put(name, payload, table)
        return table

    def put(self, name: str, payload: bytes, table: Table) -> None:
        with self._lock:
            self._entries[name] = (payload, table)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


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
