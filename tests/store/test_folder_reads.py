"""Reading a store folder (issue 12): what a snapshot gives when the history moved on."""

from __future__ import annotations

from pathlib import Path

from pixtui.domain.clock import FixedClock
from pixtui.domain.models import Pupil, SchoolSettings, Session
from pixtui.store import Store


def test_a_snapshot_whose_parts_were_pruned_reads_one_version(
    tmp_path: Path, clock: FixedClock
) -> None:
    """Readers do not lock: a snapshot held while other processes commit can name parts that
    the history's pruning removed. It then reads every table again from one newer version,
    never the tables it had read from its own version beside the others from a newer one."""
    path = tmp_path / "pixtui.d"
    writer = Store.create(path, SchoolSettings(name="C"), actor="a", clock=clock, keep_backups=2)
    with writer.transaction("setup") as tx:
        session = tx.sessions.add(Session(room="0"))
        pupil = tx.pupils.add(Pupil(last_name="0"))
    reader = Store.open(path, actor="b", clock=clock)
    held = reader.snapshot()
    assert [s.room for s in held.sessions.all()] == ["0"]  # read from its own version
    for step in range(1, 31):  # the session and the pupil change together
        with writer.transaction("both") as tx:
            tx.sessions.update(session.id, lambda s, n=step: setattr(s, "room", str(n)))
            tx.pupils.update(pupil.id, lambda p, n=step: setattr(p, "last_name", str(n)))
    reader.poll()  # the reader's process adopts the newest version (and forgets the old parts)
    # The held version's pupils part is gone: the snapshot reads the newest version whole.
    pupils = [p.last_name for p in held.pupils.all()]
    rooms = [s.room for s in held.sessions.all()]
    assert pupils == rooms == ["30"]
    assert held.counter == writer.snapshot().counter
    assert held.sessions.get(session.id).room == "30"


def test_the_manifest_tells_each_session_parts_date_and_status(
    tmp_path: Path, clock: FixedClock
) -> None:
    """A reader can leave the finalised sessions of past years unread: the manifest gives each
    session part's sessions (date, status), written with the part; a manifest without them
    (written before) still reads, its parts then unknown."""
    import json
    from datetime import date

    from pixtui.domain.enums import SessionStatus
    from pixtui.store.parts import Manifest

    path = tmp_path / "pixtui.d"
    store = Store.create(path, SchoolSettings(name="C"), actor="a", clock=clock)
    with store.transaction("setup") as tx:
        old = tx.sessions.add(Session(room="1", date=date(2022, 3, 1)))
        new = tx.sessions.add(Session(room="2"))
    with store.transaction("finalise") as tx:
        tx.sessions.update(old.id, lambda s: setattr(s, "status", SessionStatus.FINALIZED))
    manifest = json.loads((path / "manifest.json").read_bytes())
    assert manifest["sessions"] == {
        f"session-{old.id}": [["2022-03-01", "finalized"]],
        f"session-{new.id}": [[None, "created"]],
    }
    with store.transaction("drop") as tx:
        tx.sessions.delete(new.id)
    manifest = json.loads((path / "manifest.json").read_bytes())
    assert list(manifest["sessions"]) == [f"session-{old.id}"]
    del manifest["sessions"]
    assert Manifest.from_bytes(json.dumps(manifest).encode()).sessions == {}
