"""An SSH window closed under pixtui: the process ends by itself, without spinning the CPU."""

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
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


# pixtui's own entry point, with the watchdog (every HANGUP_CHECK_SECONDS = 5 s) injected at
# 0.2 s so the test does not wait 5 s for it.
_WITH_A_QUICK_WATCHDOG = (
    "import sys, pixtui.app; pixtui.app.HANGUP_CHECK_SECONDS = 0.2; "
    "from pixtui.cli import main; sys.exit(main())"
)


def _spawn(store: Path, *, ignore_hangup: bool) -> tuple[subprocess.Popen, int]:
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))

    def as_under_sshd() -> None:
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)
        if ignore_hangup:  # e.g. started under nohup: only our own watchdog can notice
            signal.signal(signal.SIGHUP, signal.SIG_IGN)

    env = {**os.environ, "TERM": "xterm-256color"}
    process = subprocess.Popen(
        [sys.executable, "-c", _WITH_A_QUICK_WATCHDOG, "--store", str(store)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        preexec_fn=as_under_sshd,
        close_fds=True,
    )
    os.close(slave)
    return process, master


def _read_until(master: int, marker: bytes, timeout: float = 20) -> None:
    seen = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            chunk = os.read(master, 65536)
            if b"\x1b[6n" in chunk:
                os.write(master, b"\x1b[1;1R")
            seen += chunk
            if marker in seen:
                return
    raise AssertionError("pixtui never showed its home screen")


def _cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@pytest.mark.parametrize("ignore_hangup", [False, True], ids=["sighup", "no-sighup"])
def test_exits_when_the_terminal_goes_away(demo_store, ignore_hangup: bool) -> None:
    process, master = _spawn(demo_store.path, ignore_hangup=ignore_hangup)
    try:
        _read_until(master, b"Accueil")
        cpu_before = _cpu_seconds(process.pid)
        os.close(master)  # the SSH connection drops
        process.wait(timeout=12)  # the watchdog checks every 0.2 s here
    finally:
        if process.poll() is None:
            cpu = _cpu_seconds(process.pid) - cpu_before
            process.kill()
            pytest.fail(f"still running 12 s after the hang-up ({cpu:.1f} s of CPU used meanwhile)")
    # Nothing lost: the store still opens and is unchanged.
    demo_store.check()
