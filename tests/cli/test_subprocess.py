"""``python -m pixtui`` in real processes: what a user's shell really gets."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from pixtui.i18n import t

REPO_ROOT = Path(__file__).resolve().parents[2]
RunPixtui = Callable[..., subprocess.CompletedProcess[str]]


def test_version(run_pixtui: RunPixtui) -> None:
    from pixtui import __version__

    done = run_pixtui("--version")
    assert done.returncode == 0
    assert done.stdout == f"pixtui {__version__}\n" and done.stderr == ""


def test_help_has_no_english(run_pixtui: RunPixtui) -> None:
    done = run_pixtui("--help")
    assert done.returncode == 0
    for english in ("usage:", "show this help", "positional arguments"):
        assert english not in done.stdout
    assert done.stdout.startswith("usage : pixtui")


def test_english_on_request(run_pixtui: RunPixtui) -> None:
    done = run_pixtui("--lang", "en", "--help")
    assert "usage: pixtui" in done.stdout and "show this help message and exit" in done.stdout


@pytest.mark.parametrize(
    "args",
    (("check",), ("backup",), ("salle",), ()),
    ids=("check", "backup", "salle", "tui"),
)
def test_a_user_mistake_is_one_sentence(
    run_pixtui: RunPixtui, tmp_path: Path, args: tuple[str, ...], one_sentence: Callable
) -> None:
    path = tmp_path / "nulle-part.json"
    done = run_pixtui(*args, "--store", path) if args else run_pixtui("--store", path)
    assert done.returncode == 2
    sentence = one_sentence(done.stderr)
    if args in (("check",), ("backup",)):
        assert sentence == t("cli.error.store_missing", path=path)
    else:  # the TUI needs a terminal before anything else
        assert sentence == t("cli.error.not_a_terminal")


def test_missing_default_store_names_where_it_looked(
    run_pixtui: RunPixtui, tmp_path: Path, one_sentence: Callable
) -> None:
    done = run_pixtui("check")
    expected = tmp_path / "xdg-data" / "pixtui" / "pixtui.json"
    assert done.returncode == 2
    assert one_sentence(done.stderr) == t("cli.error.store_missing", path=expected)


def test_store_resolution_in_a_real_process(run_pixtui: RunPixtui, tmp_path: Path) -> None:
    init = ("init", "--name", "X", "--uai", "0211234A", "--type", "college")
    env_store = tmp_path / "par-variable.json"
    assert run_pixtui(*init, env={"PIXTUI_STORE": str(env_store)}).returncode == 0
    assert env_store.exists()
    assert run_pixtui(*init).returncode == 0
    assert (tmp_path / "xdg-data" / "pixtui" / "pixtui.json").exists()
    option_store = tmp_path / "par-option.json"
    done = run_pixtui(*init, "--store", option_store, env={"PIXTUI_STORE": str(env_store)})
    assert done.returncode == 0 and option_store.exists()


@pytest.fixture
def demo_path(run_pixtui: RunPixtui, tmp_path: Path) -> Path:
    path = tmp_path / "demo.json"
    done = run_pixtui("demo", "--store", path)
    assert done.returncode == 0, done.stderr
    return path


def test_demo_output(run_pixtui: RunPixtui, tmp_path: Path) -> None:
    path = tmp_path / "demo.json"
    done = run_pixtui("demo", "--store", path)
    assert done.returncode == 0 and done.stderr == ""
    from pixtui.domain.clock import SystemClock
    from pixtui.store import Store

    rehearsal = next(
        s
        for s in Store.open(path, actor="t", clock=SystemClock()).snapshot().sessions.all()
        if s.rehearsal
    )
    for value in (rehearsal.pix_number, rehearsal.access_code, rehearsal.invigilator_password):
        assert value and value in done.stdout
    again = run_pixtui("demo", "--store", path)
    assert again.returncode == 2 and "--replace" in again.stderr


@pytest.mark.parametrize("how", ("truncated", "garbage"))
def test_check_damaged_store(
    run_pixtui: RunPixtui, demo_path: Path, how: str, one_sentence: Callable
) -> None:
    data = demo_path.read_bytes()
    demo_path.write_bytes(data[: len(data) // 3] if how == "truncated" else os.urandom(4096))
    before = demo_path.read_bytes()
    done = run_pixtui("check", "--store", demo_path)
    assert done.returncode != 0
    assert "endommagé" in one_sentence(done.stderr)
    assert demo_path.read_bytes() == before
    # Opening the TUI or writing a backup never rewrites it either.
    assert run_pixtui("backup", "--store", demo_path).returncode != 0
    assert demo_path.read_bytes() == before


def test_restore_without_terminal_or_yes_is_refused(
    run_pixtui: RunPixtui, demo_path: Path, one_sentence: Callable
) -> None:
    assert run_pixtui("backup", "--store", demo_path).returncode == 0
    before = demo_path.read_bytes()
    done = run_pixtui("restore", "--store", demo_path)
    assert done.returncode == 2
    assert one_sentence(done.stderr) == t("cli.restore.no_tty")
    assert demo_path.read_bytes() == before


def test_restore_list_and_yes(run_pixtui: RunPixtui, demo_path: Path) -> None:
    assert run_pixtui("backup", "--store", demo_path, "--label", "avant").returncode == 0
    listed = run_pixtui("restore", "--list", "--store", demo_path)
    assert listed.returncode == 0 and ".avant" in listed.stdout and "[1]" in listed.stdout
    done = run_pixtui("restore", "--yes", "--store", demo_path)
    assert done.returncode == 0, done.stderr
    assert t("cli.restore.done", path=demo_path) in done.stdout
    assert run_pixtui("check", "--store", demo_path).returncode == 0


def _restore_on_a_terminal(env: dict[str, str], cwd: Path, store: Path, answer: bytes):
    """Runs ``pixtui restore`` with a pseudo-terminal as stdin and types ``answer``."""
    master, slave = os.openpty()
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "pixtui", "restore", "--store", str(store)],
            env={**env, "PYTHONPATH": str(REPO_ROOT)},
            cwd=cwd,
            stdin=slave,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        os.write(master, answer)
        out, err = process.communicate(timeout=60)
    finally:
        os.close(slave)
        os.close(master)
    return process.returncode, out.decode(), err.decode()


@pytest.mark.parametrize(
    ("answer", "code", "restored"), ((b"n\n", 1, False), (b"\n", 1, False), (b"oui\n", 0, True))
)
def test_restore_asks_on_a_terminal(
    cli_env: dict[str, str],
    tmp_path: Path,
    run_pixtui: RunPixtui,
    demo_path: Path,
    answer: bytes,
    code: int,
    restored: bool,
) -> None:
    assert run_pixtui("backup", "--store", demo_path).returncode == 0
    before = demo_path.read_bytes()
    returncode, out, err = _restore_on_a_terminal(cli_env, tmp_path, demo_path, answer)
    assert returncode == code, err
    assert "[o/N]" in out  # the question was asked
    if restored:
        assert t("cli.restore.done", path=demo_path) in out
        assert demo_path.read_bytes() != before  # the restore stamps who and when
    else:
        assert t("cli.restore.cancelled") in out
        assert demo_path.read_bytes() == before
