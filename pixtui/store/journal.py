"""The append-only audit journal: one JSON line per change, beside the store file.

Writes only append (O_APPEND) and fsync: the journal is never read on the write path, so its
size does not slow writes. A line torn by a crash is skipped by readers, and the next append
starts on a new line so the torn one never swallows a good one.
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


def iter_events(path: Path) -> Iterator[Event]:
    """Oldest first; unreadable (torn) lines are skipped."""
    if not path.exists():
        return
    with open(path, "rb") as handle:
        for line in handle:
            if line.strip():
                event = _decode(line)
                if event is not None:
                    yield event


def iter_events_backwards(path: Path) -> Iterator[Event]:
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
