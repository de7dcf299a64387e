"""A minimal pseudo-terminal harness: run a program as an SSH user's terminal would, and measure.

Counts the bytes the program writes, waits for text to appear, sends keys, reads CPU time and
memory from /proc. Linux only; standard library only, so the benchmarks run from the project alone.
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
from dataclasses import dataclass, field

KEYS = {
    "enter": "\r",
    "left": "\x1b[D",
    "escape": "\x1b",
    "tab": "\t",
    "f1": "\x1bOP",
    "f2": "\x1bOQ",
    "f3": "\x1bOR",
    "f4": "\x1bOS",
    "f5": "\x1b[15~",
    "f6": "\x1b[17~",
    "f7": "\x1b[18~",
    "f8": "\x1b[19~",
    "f9": "\x1b[20~",
    "down": "\x1b[B",
    "home": "\x1b[H",
    "end": "\x1b[F",
    "up": "\x1b[A",
    "ctrl+q": "\x11",
}
_ANSI = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>]")


@dataclass
class Run:
    process: subprocess.Popen
    master: int
    started: float
    output: bytearray = field(default_factory=bytearray)

    # --- reading ---------------------------------------------------------------------

    def pump(self, seconds: float) -> int:
        """Read for ``seconds``; return the number of bytes read."""
        end = time.perf_counter() + seconds
        count = 0
        while True:
            left = end - time.perf_counter()
            if left <= 0:
                return count
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:
                    return count
                if not chunk:
                    return count
                self.output += chunk
                count += len(chunk)
                self._answer_queries(chunk)

    def _answer_queries(self, chunk: bytes) -> None:
        # Textual asks for the cursor position / sync-output support; a real terminal answers.
        if b"\x1b[6n" in chunk:
            os.write(self.master, b"\x1b[1;1R")

    def text(self) -> str:
        return _ANSI.sub(b"", bytes(self.output)).decode("utf-8", "replace")

    def wait_for(self, pattern: str, timeout: float = 30.0) -> float:
        """Seconds since start when ``pattern`` first appears in the output's text."""
        regex = re.compile(pattern)
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if regex.search(self.text()):
                return time.perf_counter() - self.started
            self.pump(0.01)
        raise TimeoutError(f"{pattern!r} never appeared")

    def settle(self, quiet: float = 0.3, timeout: float = 10.0) -> None:
        """Read until the program has been silent for ``quiet`` seconds."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if self.pump(quiet) == 0:
                return

    # --- writing ---------------------------------------------------------------------

    def press(self, *keys: str) -> None:
        """Named keys (``KEYS``) or single characters."""
        for key in keys:
            if key not in KEYS and len(key) != 1:
                raise ValueError(f"unknown key {key!r}")
            os.write(self.master, KEYS.get(key, key).encode())
            time.sleep(0.05)

    def key_latency(self, key: str, timeout: float = 5.0) -> float:
        """Seconds from writing ``key`` to the first byte of the program's answer."""
        if key not in KEYS and len(key) != 1:
            raise ValueError(f"unknown key {key!r}")
        self.settle(0.3)
        sent = time.perf_counter()
        os.write(self.master, KEYS.get(key, key).encode())
        ready, _, _ = select.select([self.master], [], [], timeout)
        latency = time.perf_counter() - sent
        if not ready:
            raise TimeoutError(f"no answer to {key!r}")
        self.pump(0.05)
        return latency

    # --- the process -----------------------------------------------------------------

    def cpu_seconds(self) -> float:
        return sum(_cpu_of(pid) for pid in _tree(self.process.pid))

    def rss_mib(self) -> float:
        return sum(_rss_of(pid) for pid in _tree(self.process.pid)) / 1024

    def stop(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass  # already gone
        os.close(self.master)


def start(
    argv: list[str], *, cols: int = 80, rows: int = 24, env: dict[str, str] | None = None
) -> Run:
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    environment = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(cols), "LINES": str(rows)}
    environment.pop("COLORTERM", None)  # stock OpenSSH does not forward it
    environment.update(env or {})
    started = time.perf_counter()

    def controlling_terminal() -> None:
        # A new session whose controlling terminal is the pty, as under sshd.
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    process = subprocess.Popen(
        argv,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=environment,
        preexec_fn=controlling_terminal,
        close_fds=True,
    )
    os.close(slave)
    return Run(process, master, started)


def _tree(pid: int) -> list[int]:
    pids = [pid]
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as handle:
            children = handle.read().split()
    except OSError:
        return pids
    for child in children:
        pids += _tree(int(child))
    return pids


def _cpu_of(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


def _rss_of(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return float(line.split()[1])
    except OSError:
        pass
    return 0.0
