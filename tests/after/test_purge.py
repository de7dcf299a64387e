"""Purge: the dry run writes nothing (bytes compared); the real purge leaves no name or
birthdate of an expired session in the store file, its backups or its journal."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from pixtui.cli import main
from pixtui.domain.clock import FixedClock
from tests.after.conftest import add_expired_session


def all_bytes(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith(".lock")
    }


def test_dry_run_writes_nothing(after_store, capsys):
    add_expired_session(after_store)
    after_store.backup("manuelle")
    folder = after_store.path.parent
    before = all_bytes(folder)
    assert main(["--store", str(after_store.path), "purge", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "ZORGLUB Ermengarde (3X)" in out
    assert all_bytes(folder) == before


@pytest.fixture(params=["file", "folder"])
def any_layout_store(request, tmp_path: Path):
    """The after-session store on the single file, and on the store folder (issue 12)."""
    if request.param == "file":
        return request.getfixturevalue("after_store")
    from tests.after.conftest import FROZEN_NOW
    from tests.conftest import write_demo_store

    return write_demo_store(tmp_path / "pixtui.d", FixedClock(FROZEN_NOW))


def test_purge_leaves_no_personal_data_anywhere(any_layout_store, capsys):
    after_store = any_layout_store
    session_id, secrets = add_expired_session(after_store)
    after_store.backup("manuelle")  # a manual copy holding the data too
    folder = after_store.path.parent
    assert any(b"ZORGLUB" in data for name, data in all_bytes(folder).items() if "backups" in name)
    assert main(["--store", str(after_store.path), "purge", "--yes"]) == 0
    out = capsys.readouterr().out
    assert "1 session" in out or "1" in out
    for name, data in all_bytes(folder).items():
        for secret in secrets:
            assert secret.encode() not in data, f"{secret} still in {name}"
    snap = after_store.snapshot()
    session = snap.sessions.get(session_id)
    assert session.purged_at is not None and session.description == ""
    candidates = snap.candidates.where(session_id=session_id)
    assert len(candidates) == 2  # counted still
    assert all(c.assessment_state is not None for c in candidates)
    actions = [e.action for e in after_store.iter_journal()]
    assert "retention.purge" in actions and "retention.journal_redacted" in actions
    assert "retention.backups_deleted" in actions
    # other data and the demo's later backups are still there
    assert snap.pupils.all() and len(snap.sessions.all()) > 1
    # running it again finds nothing new and writes nothing to the store
    counter = snap.counter
    assert main(["--store", str(after_store.path), "purge", "--yes"]) == 0
    assert after_store.snapshot().counter == counter


def test_purge_resumes_after_an_interruption(after_store):
    """The store was purged but the journal and backups were not (a crash in between)."""
    from pixtui.domain.clock import local_today
    from pixtui.services.retention import run_purge

    _, secrets = add_expired_session(after_store)
    real_redact = after_store.redact_journal
    after_store.redact_journal = lambda *a, **k: (_ for _ in ()).throw(OSError("crash"))
    with contextlib.suppress(OSError):
        run_purge(after_store)
    after_store.redact_journal = real_redact
    assert b"ZORGLUB" in after_store.paths.journal.read_bytes()
    outcome = run_purge(after_store)
    assert outcome.report is None and outcome.journal_lines > 0
    assert local_today(after_store.clock)
    for secret in secrets:
        assert secret.encode() not in after_store.paths.journal.read_bytes()


def test_purge_reaches_deleted_sessions_temp_files_and_leaves_a_good_backup(after_store, capsys):
    """Issue 11, item 7: the journal kept the candidates of deleted sessions, a killed backup
    left a hidden temp copy, purge deleted every backup, and exports in the store's folder
    went unmentioned."""
    from datetime import date

    from pixtui.domain.models import Candidate, Session
    from pixtui.services.sessions import delete_session
    from pixtui.store import list_backups

    add_expired_session(after_store)
    session = Session(pix_number="100777", room="Salle 9", date=date(2027, 6, 1))
    with after_store.transaction("test.setup") as tx:
        tx.sessions.add(session)
        tx.candidates.add(
            Candidate(session_id=session.id, last_name="XYLOPHAGE", first_name="Gudule")
        )
    with after_store.transaction("session.delete") as tx:
        delete_session(tx, session.id, confirmed=True)
    folder = after_store.path.parent
    temp = folder / "backups" / ".pixtui.json.20270101T000000Z.manuelle.abcd.tmp"
    temp.write_bytes(b"XYLOPHAGE Gudule")  # what a killed `pixtui backup` leaves
    export = folder / "emargement-100777.csv"
    export.write_text("XYLOPHAGE;Gudule\n")
    assert main(["--store", str(after_store.path), "purge", "--yes"]) == 0
    out = capsys.readouterr().out
    assert not temp.exists()
    journal = (folder / "pixtui.json.journal.jsonl").read_bytes()
    assert b"XYLOPHAGE" not in journal and b"Gudule" not in journal
    good = [b for b in list_backups(after_store.path) if b.ok]
    assert any(b.label == "apres-purge" for b in good)
    newest = max(good, key=lambda b: b.created_at)
    assert b"ZORGLUB" not in newest.path.read_bytes()
    assert "emargement-100777.csv" in out and "n'a pas été écrit par pixtui" in out
