"""An SSH window closed under pixtui: the process ends by itself, without spinning the CPU."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.app.pty_helpers import read_until, spawn

pytestmark = pytest.mark.slow


# pixtui's own entry point, with the watchdog (every HANGUP_CHECK_SECONDS = 5 s) injected at
# 0.2 s so the test does not wait 5 s for it.
_WITH_A_QUICK_WATCHDOG = (
    "import sys, pixtui.app; pixtui.app.HANGUP_CHECK_SECONDS = 0.2; "
    "from pixtui.cli import main; sys.exit(main())"
)


def _spawn(store: Path, *, ignore_hangup: bool) -> tuple[subprocess.Popen, int]:
    return spawn(_WITH_A_QUICK_WATCHDOG, ["--store", str(store)], ignore_hangup=ignore_hangup)


def _cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@pytest.mark.parametrize("ignore_hangup", [False, True], ids=["sighup", "no-sighup"])
def test_exits_when_the_terminal_goes_away(demo_store, ignore_hangup: bool) -> None:
    process, master = _spawn(demo_store.path, ignore_hangup=ignore_hangup)
    try:
        read_until(master, b"Accueil")
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
