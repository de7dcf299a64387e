"""Who did it comes from the process's real user id, never from the environment (issue 11.10)."""

from __future__ import annotations

import os
import pwd
from pathlib import Path

import pytest

from pixtui.cli import main
from pixtui.commands.common import login_name

REAL_LOGIN = pwd.getpwuid(os.getuid()).pw_name


def test_the_login_ignores_logname_and_user(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOGNAME", "referent")
    monkeypatch.setenv("USER", "referent")
    monkeypatch.setenv("LNAME", "referent")
    monkeypatch.setenv("USERNAME", "referent")
    assert login_name() == REAL_LOGIN


def test_a_uid_without_a_passwd_entry_is_still_one_person(monkeypatch: pytest.MonkeyPatch) -> None:
    def unknown(uid: int) -> pwd.struct_passwd:
        raise KeyError(uid)

    monkeypatch.setattr(pwd, "getpwuid", unknown)
    monkeypatch.setenv("LOGNAME", "referent")
    assert login_name() == f"uid{os.getuid()}"


def test_the_journal_and_the_organiser_rights_follow_the_real_uid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``LOGNAME=referent pixtui …``: the journal names the real login, rights are not given."""
    from pixtui.commands.common import open_store

    store_file = tmp_path / "pixtui.json"
    monkeypatch.setenv("LOGNAME", "referent")
    monkeypatch.setenv("USER", "referent")
    assert main(["--store", str(store_file), "demo"]) == 0
    capsys.readouterr()

    class Args:
        store = store_file

    store = open_store(Args())
    assert store.actor == REAL_LOGIN
    assert {event.who for event in store.journal_tail(50)} == {REAL_LOGIN}
