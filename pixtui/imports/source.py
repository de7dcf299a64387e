"""Reading an import file from disk in bounded memory, refusing early what is not an export.

A school's biggest export (a profile collection of 2,000 pupils) is under 2 MB; ``/dev/zero``,
a FIFO or a 20 MB one-line file must be refused in a moment, not read until memory runs out.
Only regular files are read (a device or a FIFO never ends or blocks), at most
:data:`MAX_FILE_BYTES` bytes, whatever the file's size claims.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from pixtui.domain.problems import Refused
from pixtui.i18n import t

MAX_FILE_BYTES = 8 * 2**20
"""Four times the biggest real export; protects the UI thread and the machine's memory."""

_CHUNK = 2**20


class ImportFileError(Refused):
    """The file cannot be read at all; the message is one French sentence."""


def read_import_file(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of ``path`` (a regular file of at most ``limit`` bytes); ImportFileError else."""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; a regular file ignores it
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise ImportFileError(t("prep.import.not_found", path=path)) from None
    except IsADirectoryError:
        raise ImportFileError(t("prep.import.is_dir", path=path)) from None
    except PermissionError:
        raise ImportFileError(t("prep.import.no_permission", path=path)) from None
    except OSError:
        raise ImportFileError(t("prep.import.unreadable", path=path)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ImportFileError(t("prep.import.is_dir", path=path))
        if not stat.S_ISREG(info.st_mode):
            raise ImportFileError(t("prep.import.not_regular", path=path))
        too_big = t("prep.import.too_big", path=path, mb=limit // 2**20)
        if info.st_size > limit:
            raise ImportFileError(too_big)
        chunks: list[bytes] = []
        size = 0
        while chunk := os.read(fd, min(_CHUNK, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:  # the file grew while being read
                raise ImportFileError(too_big)
    except OSError:
        raise ImportFileError(t("prep.import.unreadable", path=path)) from None
    finally:
        os.close(fd)
    return b"".join(chunks)
