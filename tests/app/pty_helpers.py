"""pixtui in a real pseudo-terminal, as an SSH user runs it (a session leader with a tty)."""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Sequence


def spawn(
    code: str,
    args: Sequence[str],
    *,
    ignore_hangup: bool = False,
    env: dict[str, str] | None = None,
) -> tuple[subprocess.Popen, int]:
    """Run ``python -c code args…`` on a new 80x24 pty; returns the process and the master fd."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))

    def as_under_sshd() -> None:
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)
        if ignore_hangup:  # e.g. started under nohup: only our own watchdog can notice
            signal.signal(signal.SIGHUP, signal.SIG_IGN)

    process = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env={**os.environ, "TERM": "xterm-256color", **(env or {})},
        preexec_fn=as_under_sshd,
        close_fds=True,
    )
    os.close(slave)
    return process, master


def read_until(master: int, marker: bytes | None, timeout: float = 20) -> bytes:
    """What the terminal showed until ``marker`` (or, with None, until the program closed it);
    answers the cursor-position queries a real terminal would."""
    seen = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: every process on the pty has gone
                chunk = b""
            if not chunk:
                if marker is None:
                    return seen
                break
            if b"\x1b[6n" in chunk:
                os.write(master, b"\x1b[1;1R")
            seen += chunk
            if marker is not None and marker in seen:
                return seen
    raise AssertionError(f"never shown: {marker!r}; last output: {seen[-400:]!r}")
