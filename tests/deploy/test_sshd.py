"""pixtui over a real sshd, the way invigilators use it (issue 14).

An ``sshd`` of the machine's OpenSSH runs as the current user on a free localhost port, with a
temporary configuration and host key, key authentication only, and the store given by
``SetEnv PIXTUI_STORE=…`` as the README says (``ssh host cmd`` reads no /etc/profile.d). Over
it: ``pixtui check``, then a room session in an 80x24 pty (password, search, presence), then the
window is closed. The store must hold the presence, signed by the login, and pixtui must be gone.

Skipped with its reason when OpenSSH is missing; ``.ci/run`` installs it so CI runs it. Run it
alone with ``python -m pytest tests/deploy/test_sshd.py -v``.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from pixtui.domain.clock import SystemClock
from pixtui.domain.names import fold
from tests.deploy.terminal import Terminal

REPO_ROOT = Path(__file__).resolve().parents[2]
SSHD = shutil.which("sshd") or ("/usr/sbin/sshd" if os.path.exists("/usr/sbin/sshd") else None)
SSH = shutil.which("ssh")
SSH_KEYGEN = shutil.which("ssh-keygen")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (SSHD and SSH and SSH_KEYGEN),
        reason="OpenSSH is not installed (apt-get install openssh-server openssh-client; "
        ".ci/run does it)",
    ),
]


@dataclass
class Server:
    port: int
    login: str
    store: Path
    client_key: Path
    known_hosts: Path
    folder: Path

    def ssh(self, *command: str, tty: bool = False) -> list[str]:
        return [
            str(SSH),
            "-F", "/dev/null",
            *(["-tt"] if tty else ["-T"]),
            "-p", str(self.port),
            "-i", str(self.client_key),
            "-o", "IdentitiesOnly=yes",
            "-o", "BatchMode=yes",
            "-o", "StrictHostKeyChecking=accept-new",
            "-o", f"UserKnownHostsFile={self.known_hosts}",
            "-o", "LogLevel=ERROR",
            f"{self.login}@127.0.0.1",
            *command,
        ]  # fmt: skip

    def pixtui(self, *args: str) -> str:
        """The remote command: this tree's pixtui, with the Python running the tests."""
        return " ".join([sys.executable, "-m", "pixtui", *args])


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _keygen(path: Path) -> None:
    subprocess.run(
        [str(SSH_KEYGEN), "-q", "-t", "ed25519", "-N", "", "-f", str(path)],
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("sshd")
    _keygen(folder / "host_key")
    _keygen(folder / "client_key")
    shutil.copy(folder / "client_key.pub", folder / "authorized_keys")
    store = folder / "store" / "pixtui.json"
    store.parent.mkdir()
    login = pwd.getpwuid(os.getuid()).pw_name
    port = _free_port()
    config = folder / "sshd_config"
    config.write_text(
        "\n".join(
            [
                f"Port {port}",
                "ListenAddress 127.0.0.1",
                f"HostKey {folder / 'host_key'}",
                f"PidFile {folder / 'sshd.pid'}",
                f"AuthorizedKeysFile {folder / 'authorized_keys'}",
                "StrictModes no",  # the keys live in a test folder, not in a home
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password",  # CI runs as root
                "UsePAM no",  # an sshd that is not root cannot use PAM
                "PrintMotd no",
                "PrintLastLog no",
                f"AllowUsers {login}",
                # What the README tells the administrator to write (plus this tree on the path).
                f"SetEnv PIXTUI_STORE={store} LANG=C.UTF-8 PYTHONPATH={REPO_ROOT}"
                " PIXTUI_SYSTEM_CONFIG=/nonexistent/pixtui-tests.toml",
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    if os.getuid() == 0:
        os.makedirs("/run/sshd", mode=0o755, exist_ok=True)  # sshd's privilege separation
    log = folder / "sshd.log"
    daemon = subprocess.Popen(
        [str(SSHD), "-D", "-f", str(config), "-E", str(log)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if daemon.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"sshd did not start: {log.read_text(errors='replace')}")
                time.sleep(0.1)
        yield Server(port, login, store, folder / "client_key", folder / "known_hosts", folder)
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)


def client_env() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PIXTUI_")}
    env["TERM"] = "xterm-256color"
    return env


def remote(server: Server, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        server.ssh(server.pixtui(*args)),
        capture_output=True,
        text=True,
        timeout=60,
        env=client_env(),
        stdin=subprocess.DEVNULL,
        check=False,
    )


def pixtui_processes(store: Path) -> list[int]:
    """Processes whose command line names this store folder (the remote pixtui)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
        except OSError:
            continue
        if f"PIXTUI_STORE={store}".encode() in environ.split(b"\0"):
            found.append(int(entry.name))
    return found


def test_check_over_ssh_finds_the_store_from_sshd_setenv(server: Server) -> None:
    from pixtui.services.demo_store import write_demo

    write_demo(server.store, actor=server.login, clock=SystemClock(), replace=True)
    done = remote(server, "check")
    assert done.returncode == 0, done.stderr
    assert f"{server.store}" in done.stdout and "élèves" in done.stdout
    doctor = remote(server, "doctor")
    assert "(d'après : variable $PIXTUI_STORE)" in " ".join(doctor.stdout.split())
    assert "[ OK ] Ouverture" in doctor.stdout


def test_a_room_session_over_ssh_is_on_disk_when_the_window_closes(server: Server) -> None:
    from pixtui.services.demo_store import write_demo
    from pixtui.store import Store

    summary = write_demo(server.store, actor="referent", clock=SystemClock(), replace=True)
    store = Store.open(server.store, actor="test", clock=SystemClock())
    snap = store.snapshot()
    session = next(s for s in snap.sessions.all() if s.pix_number == summary.rehearsal_number)
    absent = next(
        c
        for c in snap.candidates.all()
        if c.session_id == session.id and not c.authorized_to_start and c.started_at is None
    )
    window = Terminal(
        server.ssh(server.pixtui("salle", summary.rehearsal_number), tty=True), client_env()
    )
    try:
        window.wait_for(r"(?i)mot de passe", timeout=30)
        window.send(summary.rehearsal_password + "\r")
        window.wait_for(r"Présence", timeout=20)
        window.mark()
        window.send("/")  # search, as an invigilator finds a pupil among 20
        window.wait_for(r"Rechercher un candidat")
        window.mark()
        window.send(fold(f"{absent.last_name} {absent.first_name}"))
        window.wait_for(re.escape(absent.last_name.upper()[:8]))
        time.sleep(0.3)
        window.send("\r")
        time.sleep(0.3)
        window.mark()
        window.send("p")
        window.wait_for(r"Présent", timeout=10)
        deadline = time.monotonic() + 5
        while not store.snapshot().candidates.get(absent.id).authorized_to_start:
            assert time.monotonic() < deadline, "the presence never reached the store"
            time.sleep(0.1)
    finally:
        window.close()
    # Closing the window loses nothing, and leaves no pixtui behind on the server.
    candidate = store.snapshot().candidates.get(absent.id)
    assert candidate.authorized_to_start and candidate.authorized_at is not None
    mine = [
        event
        for event in store.iter_journal(newest_first=True)
        if event.record_id == absent.id and event.who == server.login
    ]
    assert mine, "the journal must say who confirmed the presence"
    deadline = time.monotonic() + 15
    while pixtui_processes(server.store):
        assert time.monotonic() < deadline, "pixtui still runs after the connection dropped"
        time.sleep(0.2)
