"""The folder layout of issue 12, built as a unit and not yet used by :class:`Store`.

A store folder holds small TinyDB-format JSON files ("parts") and one small **manifest**:

    manifest.json              the single commit point (schema, counter, who, part -> file)
    school.7.json              _meta and school, written by change 7
    pupils.12.json             every pupil
    session-<id>.40.json       one session, its candidates and its password failures
    results-2026.33.json       the results of the school year 2026-2027
    history/manifest.<n>.json  older manifests kept for restore (ring + one a day)

Part files are immutable: a commit writes each changed part under a new name carrying the
change counter, fsyncs them, then replaces the manifest atomically (temp + fsync +
``os.replace`` + fsync of the folder). A crash before the replace leaves the old manifest
naming the old parts: readers never see half a change, and files no manifest names are
removed by :meth:`PartFolder.collect`. Since a file name is never reused, a reader caches a
parsed part by its name and never parses it twice.

:func:`part_of` is the one home of "which part holds this document".
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from pixtui.domain.sessions import school_year_start
from pixtui.store.atomic import atomic_write, fsync_dir, write_bytes
from pixtui.store.errors import StoreWriteFailed
from pixtui.store.fileformat import (
    META,
    TABLE_ORDER,
    Damaged,
    Doc,
    Lines,
    Table,
    Token,
    doc_lines,
    dump_table,
    encode,
    parse_whole,
    read_file,
    split_tables,
)
from pixtui.store.permissions import FilePolicy

MANIFEST = "manifest.json"
HISTORY = "history"
TEMP_PREFIX = ".part."
SCHOOL_PART = "school"
PUPILS_PART = "pupils"
SESSION_PREFIX = "session-"
RESULTS_PREFIX = "results-"
UNDATED_RESULTS = "results-sans-date"

# The tables whose documents follow their session, and the field naming it.
_BY_SESSION = {"sessions": "id", "candidates": "session_id", "password_failures": "id"}
PART_FILE = re.compile(r"^([A-Za-z0-9_-]+)\.(\d+)\.json$")
_SAFE = re.compile(r"[^A-Za-z0-9_-]")

Parts = dict[str, dict[str, Table]]  # part name -> table name -> documents


def part_of(table: str, doc: Doc) -> str:
    """The part holding ``doc`` of ``table`` (a session id is made file-name safe)."""
    if table in (META, "school"):
        return SCHOOL_PART
    if table == "pupils":
        return PUPILS_PART
    key = _BY_SESSION.get(table)
    if key is not None:
        value = doc.get(key)
        session = _SAFE.sub("_", value) if isinstance(value, str) and value else "sans-session"
        return SESSION_PREFIX + session
    if table == "results":
        taken = doc.get("taken_on")
        if isinstance(taken, str):
            with contextlib.suppress(ValueError):
                return f"{RESULTS_PREFIX}{school_year_start(date.fromisoformat(taken[:10]))}"
        return UNDATED_RESULTS
    return SCHOOL_PART  # a table this version does not know stays with the school settings


def split(tables: Mapping[str, Table]) -> Parts:
    """Every document routed to its part (empty tables stay in the school part, so that
    :func:`join` gives back the same table names)."""
    parts: Parts = {SCHOOL_PART: {}}
    for name, table in tables.items():
        if not table:
            parts[SCHOOL_PART].setdefault(name, {})
        for key, doc in table.items():
            parts.setdefault(part_of(name, doc), {}).setdefault(name, {})[key] = doc
    return parts


def join(parts: Iterable[Mapping[str, Table]]) -> dict[str, Table]:
    """The tables of several parts put back together (the inverse of :func:`split`)."""
    tables: dict[str, Table] = {}
    for part in parts:
        for name, table in part.items():
            tables.setdefault(name, {}).update(table)
    return tables


def encode_part(
    part: Mapping[str, Table], reuse: Mapping[str, Lines] | None = None
) -> tuple[bytes, dict[str, Lines]]:
    """A part's bytes (the store's one-document-a-line TinyDB layout, tables in the usual
    order) and its lines; ``reuse`` gives the lines of documents known unchanged (the very
    same objects), so that only changed documents are serialised again."""
    order = {name: index for index, name in enumerate(TABLE_ORDER)}
    names = sorted(part, key=lambda name: (order.get(name, len(order)), name))
    lines: dict[str, Lines] = {}
    payloads: list[tuple[str, bytes]] = []
    for name in names:
        payload, lines[name] = dump_table(part[name], (reuse or {}).get(name))
        payloads.append((name, payload))
    return encode(payloads), lines


def session_summary(tables: Mapping[str, Table]) -> list[list[object]]:
    """What a reader needs of a session part without reading it: each session's stored
    date and status (a lycée keeps five years of finalised sessions nobody opens)."""
    return [[doc.get("date"), doc.get("status")] for doc in tables.get("sessions", {}).values()]


@dataclass(frozen=True)
class Manifest:
    """The commit point: which file holds each part, and the store's bookkeeping.

    ``sessions`` (optional, absent from folders written before it): session part -> its
    :func:`session_summary`, written with the part; a part without one is read to know."""

    schema_version: int
    counter: int
    updated_at: str
    updated_by: str
    files: dict[str, str] = field(default_factory=dict)
    file_mode: int | None = None
    group: str | None = None
    sessions: dict[str, list[list[object]]] = field(default_factory=dict)

    def to_bytes(self) -> bytes:
        value = {
            "schema_version": self.schema_version,
            "change_counter": self.counter,
            "updated_at": self.updated_at,
            "updated_by": self.updated_by,
            "file_mode": self.file_mode,
            "group": self.group,
        }
        # One part a line, as ``indent=0`` gives, but through the C encoder (a lycée's
        # manifest names 500 parts and is written at every commit).
        dump = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
        head = ",\n".join(f"{dump(k)}:{dump(v)}" for k, v in value.items() if k != "parts")
        parts = ",\n".join(f"{dump(k)}:{dump(v)}" for k, v in sorted(self.files.items()))
        sessions = ",\n".join(f"{dump(k)}:{dump(v)}" for k, v in sorted(self.sessions.items()))
        about = f',\n"sessions":{{\n{sessions}\n}}' if sessions else ""
        return f'{{\n{head},\n"parts":{{\n{parts}\n}}{about}\n}}\n'.encode()

    @classmethod
    def from_bytes(cls, data: bytes) -> Manifest:
        try:
            value = json.loads(data)
            files = value["parts"]
            manifest = cls(
                schema_version=int(value["schema_version"]),
                counter=int(value["change_counter"]),
                updated_at=str(value["updated_at"]),
                updated_by=str(value["updated_by"]),
                files={str(k): str(v) for k, v in files.items()},
                file_mode=value.get("file_mode"),
                group=value.get("group"),
                sessions=_summaries(value.get("sessions"), files),
            )
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
            raise Damaged("manifest does not read") from None
        for part, name in manifest.files.items():
            match = PART_FILE.match(name)
            if match is None or match.group(1) != part:
                raise Damaged(f"manifest names a bad file for part {part}")
        return manifest


def _summaries(value: object, files: Mapping[str, str]) -> dict[str, list[list[object]]]:
    """The manifest's session summaries that are well formed (a hint: a part without one is
    read, so a malformed one is left out rather than called damage)."""
    if not isinstance(value, dict):
        return {}
    return {
        str(part): summary
        for part, summary in value.items()
        if part in files
        and isinstance(summary, list)
        and all(isinstance(s, list) and len(s) == 2 for s in summary)
    }


def part_file_name(part: str, counter: int) -> str:
    return f"{part}.{counter}.json"


class PartFolder:
    """Reads and commits the parts of one store folder (commit under the writers' lock)."""

    def __init__(self, folder: Path, policy: FilePolicy) -> None:
        self.folder = folder
        self.policy = policy
        self._parsed: dict[str, dict[str, Table]] = {}  # file name -> its tables
        self._lines: dict[str, dict[str, Lines]] = {}  # file name -> its documents' lines
        self._kept: dict[str, Manifest] = {}  # history file name -> its manifest (immutable)
        self._guard = threading.Lock()

    @property
    def manifest_path(self) -> Path:
        return self.folder / MANIFEST

    @property
    def history(self) -> Path:
        return self.folder / HISTORY

    def read_manifest(self) -> tuple[Manifest, Token]:
        """The committed manifest and its change token (the inode moves at every commit)."""
        data, token = read_file(self.manifest_path)
        return Manifest.from_bytes(data), token

    def read_part(self, file_name: str) -> dict[str, Table]:
        """The tables of one part file; parsed once per process (the file never changes).

        The documents are shared with the cache: never mutate one, replace it (a commit
        writes back the remembered line of a document that is the very same object)."""
        with self._guard:
            cached = self._parsed.get(file_name)
        if cached is not None:
            return cached
        data, _ = read_file(self.folder / file_name)
        tables = parse_whole(data)
        lines: dict[str, Lines] = {}
        for name, payload in (split_tables(data) or {}).items():
            known = doc_lines(payload, tables.get(name, {}))
            if known is not None:
                lines[name] = known
        with self._guard:
            self._parsed[file_name] = tables
            self._lines[file_name] = lines
        return tables

    def forget_except(self, names: Iterable[str]) -> None:
        """Drop the parsed part files not in ``names`` (the newest manifest's): a reader
        polling a day of room actions kept every version it ever read. A snapshot still
        holding an older one reads it again from disk if it needs it."""
        keep = set(names)
        with self._guard:
            for name in [n for n in self._parsed if n not in keep]:
                del self._parsed[name]
                self._lines.pop(name, None)

    def load(self, manifest: Manifest, parts: Iterable[str] | None = None) -> dict[str, Table]:
        """The tables of the parts asked for (all of them when ``parts`` is None)."""
        wanted = manifest.files if parts is None else [p for p in parts if p in manifest.files]
        return join(self.read_part(manifest.files[part]) for part in wanted)

    def commit(
        self,
        base: Manifest | None,
        changed: Mapping[str, Mapping[str, Table] | None],
        manifest: Manifest,
    ) -> Manifest:
        """Write the ``changed`` parts (None: the part is gone) under ``manifest.counter``,
        then make ``manifest`` (its ``files`` completed from ``base``) the committed one.

        On any OS error nothing is committed and the new part files are removed."""
        files = dict(base.files) if base is not None else {}
        sessions = dict(base.sessions) if base is not None else {}
        written: list[Path] = []
        try:
            for part, tables in changed.items():
                if tables is None:
                    files.pop(part, None)
                    continue
                name = part_file_name(part, manifest.counter)
                with self._guard:
                    reuse = self._lines.get(files.get(part, ""))
                data, lines = encode_part(tables, reuse)
                self._write_new(self.folder / name, data)
                written.append(self.folder / name)
                with self._guard:
                    self._parsed[name] = {k: dict(v) for k, v in tables.items()}
                    self._lines[name] = lines
            for part, tables in changed.items():
                sessions.pop(part, None)
                if tables is not None:
                    files[part] = part_file_name(part, manifest.counter)
                    if part.startswith(SESSION_PREFIX):
                        sessions[part] = session_summary(tables)
            new = replace(manifest, files=files, sessions=sessions)
            if written:
                fsync_dir(self.folder)
            if base is not None and self.manifest_path.exists():
                self._keep_in_history(base)
            atomic_write(self.manifest_path, new.to_bytes(), self.policy, TEMP_PREFIX)
        except (OSError, StoreWriteFailed) as error:
            for path in written:
                with contextlib.suppress(OSError):
                    path.unlink()
                # Another process may commit this very name next: its file, not our failed
                # version, is what this process must read then.
                with self._guard:
                    self._parsed.pop(path.name, None)
                    self._lines.pop(path.name, None)
            if isinstance(error, StoreWriteFailed):
                raise
            raise StoreWriteFailed(self.manifest_path, error) from error
        return new

    def _write_new(self, path: Path, data: bytes) -> None:
        try:
            fd = self.policy.open_file(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
        except FileExistsError:
            # Left by a writer killed during a commit with this counter (the commit did not
            # happen: the counter is above every committed manifest's, so no manifest names
            # the file). Commits run under the writers' lock: nobody else is writing it.
            path.unlink()
            with self._guard:
                self._parsed.pop(path.name, None)
                self._lines.pop(path.name, None)
            fd = self.policy.open_file(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
        try:
            write_bytes(fd, data)
            os.fsync(fd)
        except OSError:
            with contextlib.suppress(OSError):
                path.unlink()  # half a part (full disk): never left behind
            raise
        finally:
            os.close(fd)

    def _keep_in_history(self, base: Manifest) -> None:
        self.policy.make_dir(self.history)
        kept = self.history / f"manifest.{base.counter}.json"
        if not kept.exists():
            os.link(self.manifest_path, kept)

    def kept_manifests(self) -> list[tuple[Path, Manifest]]:
        """The manifests of ``history/``, oldest first (unreadable ones left out)."""
        return self._kept_manifests()[0]

    def _kept_manifests(self) -> tuple[list[tuple[Path, Manifest]], int]:
        """The readable kept manifests, oldest first, and how many did not read."""
        found: list[tuple[int, Path, Manifest]] = []
        unreadable = 0
        if not self.history.is_dir():
            return [], 0
        for entry in self.history.iterdir():
            match = re.match(r"^manifest\.(\d+)\.json$", entry.name)
            if match is None:
                continue
            manifest = self._kept.get(entry.name)
            if manifest is None:
                with contextlib.suppress(OSError, Damaged):
                    manifest = self._kept[entry.name] = Manifest.from_bytes(entry.read_bytes())
            if manifest is not None:
                found.append((int(match.group(1)), entry, manifest))
            elif entry.exists():
                unreadable += 1
        kept = [(path, manifest) for _, path, manifest in sorted(found, key=lambda f: f[0])]
        return kept, unreadable

    def prune(self, keep_last: int, keep_days: int = 2) -> list[Path]:
        """Old manifests beyond the last ``keep_last`` removed, except the first of each of
        the last ``keep_days`` days that have one; then unnamed part files collected."""
        kept, unreadable = self._kept_manifests()
        first_of_day: dict[str, Path] = {}
        for path, manifest in kept:
            first_of_day.setdefault(manifest.updated_at[:10], path)
        days = sorted(first_of_day)[-keep_days:] if keep_days > 0 else []
        keep = {path for path, _ in kept[-keep_last:]} if keep_last > 0 else set()
        keep |= {first_of_day[day] for day in days}
        removed: list[Path] = []
        maybe_unnamed: set[tuple[str, str]] = set()
        for path, old in kept:
            if path not in keep:
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                    removed.append(path)
                self._kept.pop(path.name, None)
                maybe_unnamed.update(old.files.items())
        if not maybe_unnamed or unreadable:
            # A kept manifest that does not read may name any part: none is deleted then.
            return removed
        # Only the files of the manifests just removed can have become unnamed: the whole
        # folder is not listed at every commit (a lycée keeps hundreds of session files).
        current, _ = self.read_manifest()
        still = [current] + [m for p, m in kept if p in keep]
        for part, name in sorted(maybe_unnamed):
            if all(m.files.get(part) != name for m in still):
                with contextlib.suppress(FileNotFoundError):
                    (self.folder / name).unlink()
                    removed.append(self.folder / name)
                with self._guard:
                    self._parsed.pop(name, None)
                    self._lines.pop(name, None)
        return removed

    def collect(self) -> list[Path]:
        """Part files that neither the manifest nor a kept manifest names, and temp files,
        removed (a commit killed before its manifest replace leaves some): at start-up, under
        the writers' lock."""
        named: set[str] = set()
        manifest, _ = self.read_manifest()  # Damaged when it does not read: nothing removed
        named.update(manifest.files.values())
        kept, unreadable = self._kept_manifests()
        for _, old in kept:
            named.update(old.files.values())
        removed: list[Path] = []
        for entry in self.folder.iterdir():
            stale_temp = entry.name.startswith(TEMP_PREFIX) and entry.name.endswith(".tmp")
            # While a kept manifest does not read, it may name any part: none is removed.
            unnamed = (
                not unreadable
                and PART_FILE.match(entry.name) is not None
                and entry.name not in named
            )
            if stale_temp or unnamed:
                with contextlib.suppress(FileNotFoundError):
                    entry.unlink()
                    removed.append(entry)
                with self._guard:
                    self._parsed.pop(entry.name, None)
                    self._lines.pop(entry.name, None)
        return removed
