"""Reading a store folder (issue 12): what a snapshot gives when the history moved on."""

from __future__ import annotations

import json
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


def _three_years(path: Path, clock: FixedClock) -> dict[str, str]:
    """A folder on 2024-03-12 (school year 2023-2024): a finalised session of 2021-2022, a
    session of 2021-2022 never finalised (still to do), one of this year, each with a
    candidate, and results of both years."""
    from datetime import date

    from pixtui.domain.enums import SessionStatus
    from pixtui.domain.models import Candidate
    from pixtui.domain.results import CertificationResult

    store = Store.create(path, SchoolSettings(name="C"), actor="a", clock=clock)
    ids: dict[str, str] = {}
    with store.transaction("setup") as tx:
        for name, day, status in (
            ("closed", date(2022, 3, 1), SessionStatus.FINALIZED),
            ("late", date(2022, 5, 1), SessionStatus.CREATED),
            ("now", date(2024, 3, 20), SessionStatus.CREATED),
        ):
            session = tx.sessions.add(Session(room=name, date=day, status=status))
            tx.candidates.add(Candidate(session_id=session.id, last_name=name))
            ids[name] = session.id
        tx.results.add(CertificationResult(last_name="old", taken_on=date(2022, 3, 1)))
        tx.results.add(CertificationResult(last_name="new", taken_on=date(2024, 3, 20)))
    return ids


def test_opening_and_the_current_campaign_leave_closed_years_unread(
    tmp_path: Path, clock: FixedClock
) -> None:
    """Start-up reads the school, the pupils and this year's parts (and those still to do); the finalised sessions
    and the results of past years are read when a screen asks for them (« all » is all)."""
    from pixtui.domain.sessions import in_current_campaign
    from pixtui.store.parts import part_of

    path = tmp_path / "pixtui.d"
    ids = _three_years(path, clock)
    store = Store.open(path, actor="b", clock=clock)
    snap = store.snapshot()
    today = clock.now().date()
    sessions = snap.sessions_where(
        lambda day, status: in_current_campaign(day, status.value == "created", today)
    )
    assert sorted(s.room for s in sessions) == ["late", "now"]
    candidates = snap.candidates_of(s.id for s in sessions)
    assert sorted(c.last_name for c in candidates) == ["late", "now"]
    parts = store._parts  # the store's own layer: which part files this process parsed
    assert parts is not None
    manifest, _ = parts.read_manifest()
    closed = {part_of("sessions", {"id": ids["closed"]}), "results-2021"}
    read = {name.rsplit(".", 2)[0] for name in parts._parsed}
    assert read & closed == set()
    assert {"school", "results-2023"} <= read
    # Asking for everything still gives everything.
    assert sorted(s.room for s in snap.sessions.all()) == ["closed", "late", "now"]
    assert len(snap.results) == 2
    assert sorted(s.room for s in snap.sessions_where(lambda d, s: True)) == [
        "closed",
        "late",
        "now",
    ]


def test_a_damaged_part_of_a_closed_year_is_found_when_read(
    tmp_path: Path, clock: FixedClock
) -> None:
    """Opening no longer reads it; reading it (a screen of the past, ``check``) finds it."""
    import pytest

    from pixtui.store import StoreDamaged
    from pixtui.store.parts import part_of

    path = tmp_path / "pixtui.d"
    ids = _three_years(path, clock)
    Store.open(path, actor="b", clock=clock)  # the day's whole copy is made here
    manifest = json.loads((path / "manifest.json").read_bytes())
    part = manifest["parts"][part_of("sessions", {"id": ids["closed"]})]
    (path / part).write_text('{"sessions": {"1": {"id": 3}}}')
    store = Store.open(path, actor="b", clock=clock)
    with pytest.raises(StoreDamaged):
        store.snapshot().sessions.all()
    with pytest.raises(StoreDamaged):
        store.check()


def test_one_sessions_records_are_read_from_its_part_alone(
    tmp_path: Path, clock: FixedClock
) -> None:
    """The room and a session's screens ask for one session: on a folder only its part is
    read, and the answers are those of the whole tables (private copies for ``session``)."""
    from pixtui.domain.models import PasswordFailures

    path = tmp_path / "pixtui.d"
    ids = _three_years(path, clock)
    with Store.open(path, actor="a", clock=clock).transaction("failure") as tx:
        tx.password_failures.add(PasswordFailures(id=ids["now"], count=2))
    store = Store.open(path, actor="b", clock=clock)
    snap = store.snapshot()
    session = snap.session(ids["now"])
    failure = snap.password_failure(ids["now"])
    candidates = snap.candidates_of([ids["now"]])
    assert session is not None and session.room == "now"
    assert failure is not None and failure.count == 2
    assert [c.last_name for c in candidates] == ["now"]
    assert snap.session("nobody") is None and snap.password_failure(ids["late"]) is None
    parts = store._parts
    assert parts is not None
    read = {name.rsplit(".", 2)[0] for name in parts._parsed}
    assert f"session-{ids['closed']}" not in read
    session.room = "changed"  # a private copy
    assert snap.session(ids["now"]).room == "now"
    whole = Store.open(path, actor="c", clock=clock).snapshot()
    assert whole.sessions.get(ids["now"]) == snap.session(ids["now"])
    assert whole.candidates.where(session_id=ids["now"]) == candidates
