"""Transactions, repositories, revisions and snapshots in one process."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from store_layouts import committed_bytes, data_file, is_folder

from pixtui.domain.clock import FixedClock
from pixtui.domain.enums import AssessmentState
from pixtui.domain.models import Candidate, Pupil, Session
from pixtui.store import RecordNotFound, StaleRevision, Store, StoreError
from pixtui.store.parts import MANIFEST, Manifest


def _pupil(last: str = "Durand", first: str = "Zoé", division: str = "3A") -> Pupil:
    return Pupil(last_name=last, first_name=first, division=division, birthdate=date(2010, 5, 4))


def test_add_get_where_all(store: Store) -> None:
    with store.transaction("pupil.import") as tx:
        added = tx.pupils.add(_pupil())
        tx.pupils.add_many([_pupil("Martin", "Léo", "3B"), _pupil("Petit", "Inès", "3B")])
        assert added.rev == 1 and added.updated_by == "mdupont"
        assert tx.pupils.get(added.id) == added
        assert {p.last_name for p in tx.pupils.where(division="3B")} == {"Martin", "Petit"}
    snap = store.snapshot()
    assert snap.counter == 2
    assert len(snap.pupils.all()) == 3
    assert snap.pupils.get(added.id) == added
    assert snap.pupils.get("nope") is None
    assert [p.first_name for p in snap.pupils.where(division="3A")] == ["Zoé"]


def test_add_does_not_touch_the_callers_object(store: Store) -> None:
    pupil = _pupil()
    with store.transaction("pupil.add") as tx:
        stored = tx.pupils.add(pupil)
    assert pupil.rev == 0 and stored.rev == 1


def test_duplicate_id_refused(store: Store) -> None:
    pupil = _pupil()
    with store.transaction("pupil.add") as tx:
        tx.pupils.add(pupil)
    with pytest.raises(StoreError), store.transaction("pupil.add") as tx:
        tx.pupils.add(pupil)
    assert len(store.snapshot().pupils.all()) == 1


def test_exception_writes_nothing(store: Store, store_path: Path) -> None:
    before = committed_bytes(store_path)
    with pytest.raises(RuntimeError), store.transaction("pupil.add") as tx:
        tx.pupils.add(_pupil())
        raise RuntimeError("boom")
    assert committed_bytes(store_path) == before
    assert store.snapshot().pupils.all() == []
    assert store.journal_tail(5)[-1].action == "store.create"


def test_save_bumps_revision_and_stamps(store: Store, clock: FixedClock) -> None:
    with store.transaction("pupil.add") as tx:
        pupil = tx.pupils.add(_pupil())
    clock.advance(timedelta(minutes=5))
    edited = store.snapshot().pupils.get(pupil.id)
    assert edited is not None
    edited.division = "3C"
    with store.transaction("pupil.edit") as tx:
        saved = tx.pupils.save(edited)
    assert saved.rev == 2 and saved.updated_at == clock.now() and saved.division == "3C"
    assert store.snapshot().pupils.get(pupil.id) == saved


def test_stale_revision_names_who_and_when(
    store_path: Path, store: Store, clock: FixedClock
) -> None:
    with store.transaction("pupil.add") as tx:
        pupil = tx.pupils.add(_pupil())
    other = Store.open(store_path, actor="jmartin", clock=clock)
    form = other.snapshot().pupils.get(pupil.id)
    assert form is not None
    clock.advance(timedelta(hours=1, minutes=12))  # 09:42 UTC = 10:42 in Paris (winter)
    with store.transaction("pupil.edit") as tx:
        tx.pupils.update(pupil.id, lambda p: setattr(p, "division", "3D"))
    form.first_name = "Zoë"
    with pytest.raises(StaleRevision) as caught, other.transaction("pupil.edit") as tx:
        tx.pupils.save(form)
    assert caught.value.message == (
        "Cette fiche a été modifiée par mdupont à 10:42 ; rechargez-la avant d'enregistrer."
    )
    assert str(caught.value) == caught.value.message
    assert other.snapshot().pupils.get(pupil.id).first_name == "Zoé"


def test_update_keeps_both_room_actions(store_path: Path, store: Store, clock: FixedClock) -> None:
    with store.transaction("candidate.add") as tx:
        cand = tx.candidates.add(Candidate(session_id="s1", last_name="A"))
    other = Store.open(store_path, actor="jmartin", clock=clock)
    with store.transaction("room.sign") as tx:
        tx.candidates.update(cand.id, lambda c: setattr(c, "signed_at", clock.now()))
    with other.transaction("room.start") as tx:
        tx.candidates.update(
            cand.id, lambda c: setattr(c, "assessment_state", AssessmentState.STARTED)
        )
    final = store.snapshot().candidates.get(cand.id)
    assert final.signed_at == clock.now()
    assert final.assessment_state is AssessmentState.STARTED
    assert final.rev == 3


def test_delete_and_missing(store: Store) -> None:
    with store.transaction("session.add") as tx:
        session = tx.sessions.add(Session(site="Collège", room="B12"))
    with store.transaction("session.delete") as tx:
        assert tx.sessions.delete(session.id) is True
        assert tx.sessions.delete(session.id) is False
    assert store.snapshot().sessions.all() == []
    with pytest.raises(RecordNotFound), store.transaction("session.edit") as tx:
        tx.sessions.update(session.id, lambda s: None)


def test_school_read_and_save(store: Store) -> None:
    with store.transaction("school.edit") as tx:
        school = tx.school
        assert school.name == "Collège Jean Moulin"
        school.retention_years = 6
        tx.save_school(school)
    assert store.snapshot().school.retention_years == 6
    stale = store.snapshot().school
    stale.rev = 1
    with pytest.raises(StaleRevision), store.transaction("school.edit") as tx:
        tx.save_school(stale)


def test_where_rejects_unknown_field(store: Store) -> None:
    with pytest.raises(TypeError), store.transaction("x") as tx:
        tx.pupils.where(colour="blue")


def test_transaction_is_closed_after_the_block(store: Store) -> None:
    with store.transaction("pupil.add") as tx:
        pass
    with pytest.raises(StoreError):
        tx.pupils.add(_pupil())


def test_nested_transaction_refused(store: Store) -> None:
    with store.transaction("outer"), pytest.raises(StoreError), store.transaction("inner"):
        pass


def test_untouched_tables_are_written_byte_for_byte(store: Store, store_path: Path) -> None:
    if is_folder(store_path):
        pytest.skip("the single file's layout; the folder's: test_a_room_action_writes_one_part")
    with store.transaction("pupil.add") as tx:
        tx.pupils.add_many([_pupil(f"N{i}") for i in range(20)])
    pupils_line = [
        line for line in store_path.read_bytes().split(b"\n") if line.startswith(b'"pupils"')
    ]
    with store.transaction("candidate.add") as tx:
        tx.candidates.add(Candidate(session_id="s"))
    again = [line for line in store_path.read_bytes().split(b"\n") if line.startswith(b'"pupils"')]
    assert again == pupils_line


def _files(store_path: Path) -> dict[str, str]:
    return Manifest.from_bytes((store_path / MANIFEST).read_bytes()).files


def test_a_room_action_writes_one_part(store: Store, store_path: Path) -> None:
    """On the folder (issue 12) a change rewrites only the parts holding a changed document:
    a room action, its session's file, whatever the size of the school."""
    if not is_folder(store_path):
        pytest.skip("the folder's layout")
    with store.transaction("prepare") as tx:
        tx.pupils.add_many([_pupil(f"N{i}") for i in range(20)])
        one = tx.sessions.add(Session(site="Lycée", room="B12"))
        two = tx.sessions.add(Session(site="Lycée", room="C3"))
        candidate = tx.candidates.add(Candidate(session_id=one.id))
        tx.candidates.add(Candidate(session_id=two.id))
    before = _files(store_path)
    with store.transaction("room.present") as tx:
        tx.candidates.update(candidate.id, lambda c: setattr(c, "authorized_to_start", True))
    after = _files(store_path)
    assert {part for part in after if after[part] != before.get(part)} == {f"session-{one.id}"}
    assert set(after) == set(before)
    # A candidate moved to another session leaves its old part.
    with store.transaction("candidate.move") as tx:
        tx.candidates.update(candidate.id, lambda c: setattr(c, "session_id", two.id))
    moved = _files(store_path)
    rewritten = {part for part in moved if moved[part] != after.get(part)}
    assert rewritten == {f"session-{one.id}", f"session-{two.id}"}
    assert f"session-{one.id}" in moved  # still holds its session
    with store.transaction("session.delete") as tx:
        tx.sessions.delete(one.id)
    assert f"session-{one.id}" not in _files(store_path)
    snap = Store.open(store_path, actor="x", clock=store.clock).snapshot()
    assert [c.session_id for c in snap.candidates.all()] == [two.id, two.id]
    assert [s.room for s in snap.sessions.all()] == ["C3"]


def test_journal_only_transaction_does_not_rewrite(store: Store, store_path: Path) -> None:
    token = store.snapshot().token
    with store.transaction("documents.print") as tx:
        tx.log("documents.print", "session", "abc", after={"kind": "émargement"})
    assert store.snapshot().token == token
    last = store.journal_tail(1)[0]
    assert (last.action, last.record_id, last.after, last.counter) == (
        "documents.print",
        "abc",
        {"kind": "émargement"},
        1,
    )


def test_poll_sees_other_processes_writes(
    store_path: Path, store: Store, clock: FixedClock
) -> None:
    other = Store.open(store_path, actor="jmartin", clock=clock)
    assert store.poll() is False
    with other.transaction("pupil.add") as tx:
        tx.pupils.add(_pupil())
    assert other.poll() is False  # its own write is already in its snapshot
    assert store.poll() is True
    assert store.poll() is False
    snap = store.snapshot()
    assert snap.counter == 2 and snap.updated_by == "jmartin" and snap.updated_at == clock.now()


def test_snapshot_is_cached_until_the_token_changes(store: Store) -> None:
    first = store.snapshot()
    assert store.snapshot() is first
    with store.transaction("pupil.add") as tx:
        tx.pupils.add(_pupil())
    assert store.snapshot() is not first
    assert first.pupils.all() == []  # an old snapshot never changes


def test_snapshot_all_shared_get_private(store: Store) -> None:
    with store.transaction("pupil.add") as tx:
        pupil = tx.pupils.add(_pupil())
    snap = store.snapshot()
    assert snap.pupils.all()[0] is snap.pupils.all()[0]
    copy = snap.pupils.get(pupil.id)
    copy.division = "changed"
    assert snap.pupils.get(pupil.id).division == "3A"
    assert snap.pupils.all()[0].division == "3A"


def test_failed_save_leaves_older_snapshots_intact(store: Store) -> None:
    with store.transaction("pupil.add") as tx:
        pupil = tx.pupils.add(_pupil())
    snap = store.snapshot()
    with pytest.raises(RuntimeError), store.transaction("pupil.edit") as tx:
        tx.pupils.update(pupil.id, lambda p: setattr(p, "division", "XX"))
        raise RuntimeError
    assert snap.pupils.all()[0].division == "3A"
    with store.transaction("pupil.read") as tx:
        assert tx.pupils.get(pupil.id).division == "3A"


def test_a_table_generation_moves_only_when_that_table_changes(
    store: Store, store_path: Path, clock: FixedClock
) -> None:
    """Issue 12: the Élèves screen must redraw nothing when another process writes
    something that is not a pupil; the snapshot gives a cheap token per table."""
    other = Store.open(store_path, actor="jmartin", clock=clock)
    with store.transaction("pupil.add") as tx:
        pupil = tx.pupils.add(Pupil(last_name="Zoé"))
    before = store.snapshot().generation("pupils")
    with other.transaction("session.add") as tx:
        tx.sessions.add(Session(site="Lycée", room="B12"))
    assert store.poll()
    assert store.snapshot().generation("pupils") == before  # another table changed
    with other.transaction("pupil.edit") as tx:
        tx.pupils.update(pupil.id, lambda p: setattr(p, "first_name", "Léa"))
    assert store.poll()
    after = store.snapshot().generation("pupils")
    assert after != before
    with store.transaction("session.add") as tx:  # this process's own write
        tx.sessions.add(Session(site="Lycée", room="C3"))
    assert store.snapshot().generation("pupils") == after


def test_an_edit_keeps_every_line_in_its_place(store: Store, store_path: Path) -> None:
    """A saved or updated record stays where it was in the file: the other lines do not move,
    so another process re-reading the table compares each line with the one at its place."""
    with store.transaction("pupil.import") as tx:
        tx.pupils.add_many([_pupil("Martin"), _pupil("Petit"), _pupil("Robert")])
    first = store.snapshot().pupils.all()[0]
    before = data_file(store_path).read_bytes().split(b"\n")
    with store.transaction("pupil.edit") as tx:
        tx.pupils.update(first.id, lambda p: setattr(p, "follow_up", "PAP"))
    after = data_file(store_path).read_bytes().split(b"\n")
    moved = [i for i, (old, new) in enumerate(zip(before, after, strict=True)) if old != new]
    # The single file: the counter in _meta and the edited pupil's own line; the folder's
    # pupils part: the pupil's line (the counter is the manifest's).
    assert len(moved) == (1 if is_folder(store_path) else 2)
    assert [p.last_name for p in store.snapshot().pupils.all()] == ["Martin", "Petit", "Robert"]
