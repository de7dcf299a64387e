"""The store's errors: each carries one French sentence for the user (from the catalogue).

Messages never contain pupils' names: they name files, logins and times only.
"""

from __future__ import annotations

import errno
from datetime import datetime
from pathlib import Path

from pixtui.domain.clock import local
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
            message = t("store.stale", who=updated_by, time=local(updated_at).strftime("%H:%M"))
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
