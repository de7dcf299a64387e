"""A program in a pseudo-terminal, as an invigilator's PuTTY window sees it (ttyprobe-style).

Only what the tests need: a sized pty, keys written as a terminal sends them, and waiting for a
text on screen. The screen is read from the output with escape sequences removed: a label or a
footer key is written in one run, which is enough to know which screen is up.
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Mapping, Sequence

ESCAPES = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b."
)


class Terminal:
    def __init__(
        self,
        argv: Sequence[str],
        env: Mapping[str, str],
        *,
        columns: int = 80,
        lines: int = 24,
    ) -> None:
        self.started = time.monotonic()
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        self.process = subprocess.Popen(
            list(argv),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=dict(env),
            start_new_session=True,  # the pty becomes its controlling terminal
            close_fds=True,
        )
        os.close(slave)
        self.master = master
        self.raw = bytearray()

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(self.master, 65536)
        except OSError:  # EIO: the program closed the terminal
            return False
        self.raw.extend(chunk)
        return bool(chunk)

    @property
    def text(self) -> str:
        return ESCAPES.sub(b"", bytes(self.raw)).decode("utf-8", "replace")

    def wait_for(self, pattern: str, timeout: float = 20.0) -> float:
        """Seconds since the start when ``pattern`` first showed; AssertionError after timeout.

        Only output after the previous mark counts (see :meth:`mark`)."""
        deadline = time.monotonic() + timeout
        regex = re.compile(pattern)
        while time.monotonic() < deadline:
            if regex.search(self.text):
                return time.monotonic() - self.started
            if not self._read(0.05) and self.process.poll() is not None:
                break
        tail = self.text[-1500:]
        raise AssertionError(f"{pattern!r} never showed; exit {self.process.poll()}; last: {tail}")

    def mark(self) -> None:
        """Forget what was shown so far: the next wait looks at new output only."""
        self.raw.clear()

    def send(self, data: str) -> None:
        os.write(self.master, data.encode("utf-8"))
        self._read(0.05)

    def close(self) -> None:
        """The window closed: the connection drops (SIGHUP to the session, then the pty goes)."""
        if self.process.poll() is None:
            with_group = os.getpgid(self.process.pid)
            os.killpg(with_group, signal.SIGHUP)
        os.close(self.master)
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)
