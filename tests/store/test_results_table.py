"""The ``results`` table: absent from older files (reads as empty), journalled as "result"."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from pixtui.domain.clock import FixedClock
from pixtui.domain.models import SchoolSettings
from pixtui.domain.results import CertificationResult, ResultStatus
from pixtui.store import SCHEMA_VERSION, Store

NOW = datetime(2027, 3, 18, 8, 40, tzinfo=UTC)


def test_absent_table_reads_empty_and_first_write_adds_it(tmp_path):
    store = Store.create(tmp_path / "s.json", SchoolSettings(name="X"), "me", FixedClock(NOW))
    assert "results" not in json.loads(store.path.read_text())  # files written before it
    assert store.snapshot().results.all() == []
    reopened = Store.open(store.path, "me", FixedClock(NOW))
    assert reopened.snapshot().schema_version == SCHEMA_VERSION  # no migration needed
    result = CertificationResult(
        last_name="Durand",
        first_name="Léa",
        birthdate=date(2010, 2, 14),
        division="3A",
        status=ResultStatus.REJECTED,
        score=None,
        competence_levels={"1.1": 3, "1.2": None},
    )
    with reopened.transaction("import.results") as tx:
        assert tx.results.all() == []
        tx.results.add(result)
    got = reopened.snapshot().results.get(result.id)
    assert got.status is ResultStatus.REJECTED and got.competence_levels == {"1.1": 3, "1.2": None}
    assert got.birthdate == date(2010, 2, 14)
    event = reopened.journal_tail(1)[0]
    assert event.record_type == "result" and event.record_id == result.id
    # other tables were written back untouched
    data = json.loads(reopened.path.read_text())
    assert list(data)[-1] == "results" and data["school"]


def test_an_update_that_changes_nothing_keeps_the_revision_and_writes_no_line(store) -> None:
    """update() with a no-op mutation: same revision, no journal line, no stale form later."""
    from pixtui.domain.models import Pupil

    with store.transaction("pupil.add") as tx:
        pupil = tx.pupils.add(Pupil(last_name="Durand"))
    lines = len(store.journal_tail(1000))
    with store.transaction("pupil.touch") as tx:
        same = tx.pupils.update(pupil.id, lambda p: None)
    assert same.rev == pupil.rev
    assert store.snapshot().pupils.get(pupil.id).rev == pupil.rev
    assert len(store.journal_tail(1000)) == lines
    with store.transaction("pupil.rename") as tx:
        changed = tx.pupils.update(pupil.id, lambda p: setattr(p, "first_name", "Léa"))
    assert changed.rev == pupil.rev + 1
