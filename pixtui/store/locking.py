"""The writers' lock: a thread lock, then an exclusive ``flock`` on a sidecar file.

flock belongs to an open file description, so threads sharing one descriptor would not exclude
each other: hence the thread lock first, and a fresh descriptor for each acquisition. The
kernel drops the flock when the process dies (kill -9, SSH hang-up): no stale lock. The lock
file is never deleted (deleting it would let two processes lock two different inodes).
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pixtui.i18n import t
from pixtui.store.errors import StoreBusy, StoreError
from pixtui.store.permissions import FilePolicy

DEFAULT_TIMEOUT = 5.0
_POLL = 0.02


class WriterLock:
    def __init__(self, path: Path, policy: FilePolicy, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.path = path
        self.policy = policy
        self.timeout = timeout
        self._thread_lock = threading.Lock()
        self._owner: int | None = None

    @contextmanager
    def hold(self) -> Iterator[None]:
        if self._owner == threading.get_ident():
            raise StoreError(t("store.nested_transaction"))
        deadline = time.monotonic() + self.timeout
        if not self._thread_lock.acquire(timeout=self.timeout):
            raise self._busy()
        try:
            fd = self.policy.open_file(self.path, os.O_RDWR | os.O_CREAT)
            try:
                while True:
                    try:
                        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                        break
                    except BlockingIOError:
                        if time.monotonic() >= deadline:
                            raise self._busy() from None
                        time.sleep(_POLL)
                self._owner = threading.get_ident()
                try:
                    yield
                finally:
                    self._owner = None
                    fcntl.flock(fd, fcntl.LOCK_UN)
            finally:
                os.close(fd)
        finally:
            self._thread_lock.release()

    def _busy(self) -> StoreBusy:
        return StoreBusy(
            t("store.busy", path=self.path.with_suffix(""), seconds=round(self.timeout))
        )
