"""Command-line fixtures: every default path of pixtui points inside the test's folder."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]

RunPixtui = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture(autouse=True)
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """HOME, XDG folders and pixtui's variables isolated; also applied to this process."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    monkeypatch.delenv("PIXTUI_STORE", raising=False)
    monkeypatch.delenv("PIXTUI_LANG", raising=False)
    monkeypatch.chdir(tmp_path)
    env = dict(os.environ)
    # The subprocess must run this tree's pixtui, whatever is installed in the venv.
    env["PYTHONPATH"] = str(REPO_ROOT)
    return env


@pytest.fixture
def run_pixtui(cli_env: dict[str, str], tmp_path: Path) -> RunPixtui:
    """``python -m pixtui ARGS`` in a real process, stdin not a terminal."""

    def run(
        *args: str | os.PathLike[str],
        env: dict[str, str] | None = None,
        stdin: int | None = subprocess.DEVNULL,
    ) -> subprocess.CompletedProcess[str]:
        command: Sequence[str] = [sys.executable, "-m", "pixtui", *map(str, args)]
        return subprocess.run(
            command,
            env={**cli_env, **(env or {})},
            cwd=tmp_path,
            stdin=stdin,
            capture_output=True,
            text=True,
            timeout=60,
        )

    return run


def _one_sentence(stderr: str) -> str:
    """The single line a user error prints; fails on tracebacks, several lines or nothing."""
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    sentence = lines[0]
    assert sentence.rstrip().endswith("."), sentence
    return sentence


@pytest.fixture
def one_sentence() -> Callable[[str], str]:
    return _one_sentence
