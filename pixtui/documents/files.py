"""Writing an exported file so that a reader never sees half of it.

Exports go to folders the staff choose (a USB key, a network share): the file is written to a
temporary name in the same folder, flushed to disk, then renamed over the target in one step.
Any failure removes the temporary file and raises :class:`ExportFailed` with one French sentence.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from pixtui.documents.errors import ExportFailed
from pixtui.i18n import t

_TEMP_SUFFIX = ".pixtui-tmp"


def write_file_atomically(
    directory: str | os.PathLike[str], name: str, data: bytes, mode: int = 0o600
) -> Path:
    """Write ``data`` to ``directory/name`` atomically and return the path written."""
    folder = Path(directory)
    if not name or name in (".", "..") or "/" in name or "\\" in name or "\0" in name:
        raise ExportFailed(t("documents.error.bad_name", name=name))
    target = folder / name
    if not folder.is_dir():
        raise ExportFailed(t("documents.error.no_folder", folder=str(folder)))
    temp_path: str | None = None
    try:
        fd, temp_path = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=_TEMP_SUFFIX)
        try:
            os.fchmod(fd, mode)
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp_path, target)
        temp_path = None
        _fsync_folder(folder)
    except OSError as error:
        raise ExportFailed(_sentence_for(error, folder, target)) from error
    finally:
        if temp_path is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp_path)
    return target


def _fsync_folder(folder: Path) -> None:
    # The rename is only durable once the folder entry is on disk; some filesystems (network
    # shares) cannot fsync a folder, which is not worth failing an export for.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def _sentence_for(error: OSError, folder: Path, target: Path) -> str:
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return t("documents.error.disk_full", path=str(target))
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return t("documents.error.not_writable", folder=str(folder))
    if error.errno in (errno.ENOENT, errno.ENOTDIR):
        return t("documents.error.no_folder", folder=str(folder))
    return t("documents.error.write_failed", path=str(target), reason=error.strerror or str(error))
