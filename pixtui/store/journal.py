"""The append-only audit journal: one JSON line per change, beside the store file.

Writes only append (O_APPEND) and fsync. A line torn by a crash is skipped by readers, and the
next append starts on a new line so the torn one never swallows a good one.

A commit writes its lines *before* it replaces the data file (issue 11, item 5): a committed
change can never lack its line. The price is that a crash between the two leaves lines for a
change that never happened; they carry a change counter above the file's. The next writer
(under the lock) finds them at the end of the journal and appends a ``store.unconfirmed``
marker with their counter and number; readers leave the lines it voids out, and ``check``
counts them. Only the tail is read on the write path (one block), so the journal's size does
not slow writes.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

from pixtui.domain.models import Event
from pixtui.domain.serialize import from_record, to_record
from pixtui.store.atomic import write_bytes
from pixtui.store.permissions import FilePolicy

_BLOCK = 64 * 1024
VOID_ACTION = "store.unconfirmed"


def encode_events(events: list[Event]) -> bytes:
    lines = (
        json.dumps(to_record(event), ensure_ascii=False, separators=(",", ":")) for event in events
    )
    return "".join(line + "\n" for line in lines).encode("utf-8")


def append_events(path: Path, events: list[Event], policy: FilePolicy) -> None:
    """Append and fsync (call under the writers' lock, so lines never interleave)."""
    if not events:
        return
    data = encode_events(events)
    fd = policy.open_file(path, os.O_RDWR | os.O_APPEND | os.O_CREAT)
    try:
        size = os.fstat(fd).st_size
        if size and os.pread(fd, 1, size - 1) != b"\n":
            data = b"\n" + data  # isolate a line torn by a crash
        write_bytes(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


def _decode(line: bytes) -> Event | None:
    try:
        record = json.loads(line)
        if not isinstance(record, dict):
            return None
        return from_record(Event, record)
    except (ValueError, TypeError, KeyError):
        return None


def _voided(event: Event) -> int:
    return int((event.after or {}).get("lines", 0)) if event.action == VOID_ACTION else 0


def iter_events(path: Path) -> Iterator[Event]:
    """Oldest first; torn lines and lines of unconfirmed (never committed) changes left out."""
    group: list[Event] = []
    for event in _raw_events(path):
        if event.action == VOID_ACTION:
            count = _voided(event)
            kept: list[Event] = []
            for older in reversed(group):
                if count > 0 and older.counter == event.counter:
                    count -= 1
                    continue
                kept.append(older)
            group = kept[::-1]
            continue
        if group and event.counter != group[-1].counter:
            yield from group
            group = []
        group.append(event)
    yield from group


def _raw_events(path: Path) -> Iterator[Event]:
    if not path.exists():
        return
    with open(path, "rb") as handle:
        for line in handle:
            if line.strip():
                event = _decode(line)
                if event is not None:
                    yield event


def iter_events_backwards(path: Path) -> Iterator[Event]:
    """Newest first; torn lines and lines of unconfirmed changes left out."""
    skip: dict[int | None, int] = {}
    for event in _raw_backwards(path):
        if event.action == VOID_ACTION:
            skip[event.counter] = skip.get(event.counter, 0) + _voided(event)
        elif skip.get(event.counter, 0) > 0:
            skip[event.counter] -= 1
        else:
            yield event


def unconfirmed_at_end(path: Path, counter: int) -> tuple[int, int]:
    """(number, counter) of the lines at the end of the journal written for a change above
    ``counter`` (the file's) and not yet voided: a commit that never replaced the file."""
    count = 0
    newest = 0
    for event in _raw_backwards(path):
        if (event.counter or 0) <= counter or event.action == VOID_ACTION:
            break
        newest = newest or (event.counter or 0)
        if event.counter == newest:
            count += 1
    return count, newest


def count_voided(path: Path) -> int:
    """How many journal lines belong to changes that were never committed (for ``check``)."""
    return sum(_voided(event) for event in _raw_events(path))


def _raw_backwards(path: Path) -> Iterator[Event]:
    """Newest first, reading the file from its end in blocks (fast on a big journal)."""
    if not path.exists():
        return
    with open(path, "rb") as handle:
        position = os.fstat(handle.fileno()).st_size
        rest = b""
        while position > 0:
            step = min(_BLOCK, position)
            position -= step
            handle.seek(position)
            chunk = handle.read(step) + rest
            lines = chunk.split(b"\n")
            rest = lines[0]  # may be incomplete: wait for the previous block
            for line in reversed(lines[1:]):
                if line.strip():
                    event = _decode(line)
                    if event is not None:
                        yield event
        if rest.strip():
            event = _decode(rest)
            if event is not None:
                yield event


def tail(path: Path, count: int) -> list[Event]:
    """The last ``count`` events, oldest first."""
    events: list[Event] = []
    if count <= 0:
        return events
    for event in iter_events_backwards(path):
        events.append(event)
        if len(events) >= count:
            break
    events.reverse()
    return events
