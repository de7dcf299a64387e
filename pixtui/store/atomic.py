"""Atomic replacement of a file: temp file in the same folder, fsync, os.replace, fsync folder.

Readers always see a complete old or complete new file; a crash leaves at most a temp file
(removed at the next start, under the lock).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from pixtui.store.errors import StoreWriteFailed
from pixtui.store.permissions import FilePolicy


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_bytes(fd: int, data: bytes) -> None:
    """Write all of ``data`` (os.write may write less than asked)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def atomic_write(
    path: Path, data: bytes | Sequence[bytes], policy: FilePolicy, temp_prefix: str
) -> None:
    """Replace ``path`` with ``data`` (bytes, or pieces written in order); on any OS error the
    old file is intact and no temp is left."""
    temp: str | None = None
    try:
        fd, temp = tempfile.mkstemp(prefix=temp_prefix, suffix=".tmp", dir=path.parent)
        try:
            policy.fix_fd(fd)
            for piece in [data] if isinstance(data, bytes) else data:
                write_bytes(fd, piece)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
        temp = None
    except OSError as error:
        raise StoreWriteFailed(path, error) from error
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
    # The new file is in place: a failing folder fsync must not report the write as failed
    # (a retry would apply the change twice). It only weakens durability on a power cut.
    with contextlib.suppress(OSError):
        fsync_dir(path.parent)


def remove_stale_temps(folder: Path, prefix: str) -> list[Path]:
    """Temp files left by a crashed writer (call under the writers' lock only)."""
    removed: list[Path] = []
    for entry in folder.iterdir():
        if entry.name.startswith(prefix) and entry.name.endswith(".tmp"):
            with contextlib.suppress(FileNotFoundError):
                entry.unlink()
                removed.append(entry)
    return removed
