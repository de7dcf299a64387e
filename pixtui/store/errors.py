"""The store's errors: each carries one French sentence for the user (from the catalogue).

Messages never contain pupils' names: they name files, logins and times only.
"""

from __future__ import annotations

import errno
import grp
import os
import pwd
import stat
from datetime import datetime
from pathlib import Path

from pixtui.domain.timing import format_clock
from pixtui.i18n import t


class StoreError(Exception):
    """Base class; ``message`` is what the user reads, ``str(error)`` gives the same."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class StoreBusy(StoreError):
    """The lock was not obtained in time (another process holds it)."""


class StoreMissing(StoreError):
    """The store file does not exist."""


class StoreExists(StoreError):
    """``Store.create`` over an existing file."""


class StoreDamaged(StoreError):
    """The file does not parse; it is left untouched. ``backup`` names the newest good copy."""

    def __init__(self, message: str, path: Path, backup: Path | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.backup = backup


class StoreTooNew(StoreError):
    """The file's schema is newer than this code (or no migration path exists)."""


class StaleRevision(StoreError):
    """A save over someone else's newer change."""

    def __init__(self, updated_by: str | None, updated_at: datetime | None) -> None:
        if updated_by and updated_at:
            message = t("store.stale", who=updated_by, time=format_clock(updated_at))
        else:
            message = t("store.stale_unknown")
        super().__init__(message)
        self.updated_by = updated_by
        self.updated_at = updated_at


class RecordNotFound(StoreError):
    """``save``/``update``/``delete`` of a record that no longer exists."""


class StoreWriteFailed(StoreError):
    """The disk refused the write (full, quota, permission); the old file is intact."""

    def __init__(self, path: Path, error: OSError) -> None:
        super().__init__(t("store.write_failed", path=path, reason=os_reason(error)))
        self.path = path
        self.errno = error.errno


def os_reason(error: OSError) -> str:
    """A short French reason for an OS error (never the English strerror)."""
    code = error.errno
    if code == errno.ENOSPC:
        return t("store.reason.disk_full")
    if code == errno.EDQUOT:
        return t("store.reason.quota")
    if code in (errno.EACCES, errno.EPERM):
        return t("store.reason.permission")
    if code == errno.EROFS:
        return t("store.reason.read_only")
    return t("store.reason.other", code=errno.errorcode.get(code or 0, str(code)))


def _login() -> str:
    try:
        return pwd.getpwuid(os.getuid()).pw_name
    except KeyError:
        return f"uid{os.getuid()}"


def _group_of(path: Path) -> str:
    for candidate in (path, path.parent):
        try:
            gid = os.stat(candidate).st_gid
        except OSError:
            continue
        try:
            return grp.getgrgid(gid).gr_name
        except KeyError:
            return str(gid)
    return "pixtui"


def kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return t("store.kind.folder")
    if stat.S_ISFIFO(mode):
        return t("store.kind.fifo")
    return t("store.kind.special")


def open_error(path: Path, error: OSError) -> StoreError:
    """The one sentence for a store that cannot be opened (never a crash log)."""
    mode = getattr(error, "mode", None)
    if isinstance(error, IsADirectoryError):
        return StoreError(t("store.not_a_file", path=path, kind=t("store.kind.folder")))
    if isinstance(mode, int):  # fileformat.NotAFile
        return StoreError(t("store.not_a_file", path=path, kind=kind_of(mode)))
    if isinstance(error, FileNotFoundError):
        return StoreMissing(t("store.missing", path=path))
    if error.errno in (errno.EACCES, errno.EPERM):
        return StoreError(t("store.unreadable", path=path, login=_login(), group=_group_of(path)))
    return StoreError(t("store.folder_not_writable", folder=path.parent, reason=os_reason(error)))


def folder_error(folder: Path, error: OSError) -> StoreError:
    """The folder refuses a file pixtui must create or write (lock, journal, backups)."""
    return StoreError(t("store.folder_not_writable", folder=folder, reason=os_reason(error)))
