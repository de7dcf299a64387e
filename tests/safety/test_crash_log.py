"""The crash log never follows a symlink planted where it is written (issue 11.15)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from pixtui import crash


def _fail() -> None:
    raise ValueError("boom")


def _write() -> Path:
    try:
        _fail()
    except ValueError as error:
        return crash.write_crash_log(error)
    raise AssertionError("unreachable")


@pytest.fixture
def shared_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The /tmp fallback: the state folder cannot be made, the temp folder is shared."""
    state_file = tmp_path / "not-a-folder"
    state_file.write_text("")
    monkeypatch.setenv("XDG_STATE_HOME", str(state_file))  # mkdir fails under a file
    shared = tmp_path / "tmp"
    shared.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(shared))
    monkeypatch.setattr(crash.time, "strftime", lambda fmt: "20270318-094000")
    return shared


def test_a_planted_symlink_is_not_followed(shared_tmp: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("précieux\n")
    # every name the log could take with a predictable pattern, pointing at the victim
    for name in (
        f"crash-20270318-094000-{os.getpid()}.log",
        f"pixtui-crash-20270318-094000-{os.getpid()}.log",
    ):
        (shared_tmp / name).symlink_to(victim)
    path = _write()
    assert victim.read_text() == "précieux\n"
    assert path.parent == shared_tmp and not path.is_symlink()
    assert "ValueError: boom" in path.read_text(encoding="utf-8")
    assert (path.stat().st_mode & 0o777) == 0o600


def test_two_crashes_in_the_same_second_keep_both_logs(shared_tmp: Path) -> None:
    first, second = _write(), _write()
    assert first != second and first.exists() and second.exists()


def test_an_unwritable_state_folder_falls_back_to_the_temp_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes everywhere")
    state = tmp_path / "state"
    (state / "pixtui").mkdir(parents=True)
    (state / "pixtui").chmod(0o500)
    monkeypatch.setenv("XDG_STATE_HOME", str(state))
    shared = tmp_path / "tmp"
    shared.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(shared))
    try:
        path = _write()
    finally:
        (state / "pixtui").chmod(0o700)
    assert path.parent == shared and (path.stat().st_mode & 0o777) == 0o600
