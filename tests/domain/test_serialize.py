"""from_record: the per-class compiled builder reads a stored dict as the plain field loop does."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from typing import Any

import pytest

from pixtui.domain.enums import AssessmentState, Certifiability, LoginMethod
from pixtui.domain.models import Candidate, Pupil, Session
from pixtui.domain.serialize import _fields, from_record, to_record
from pixtui.store.records import TABLES


def loop_from_record(cls: type, data: dict[str, Any]) -> Any:
    """The rule, written as the loop it always was (the reference the builder must match)."""
    kwargs = {}
    for name, convert in _fields(cls):
        if name in data:
            value = data[name]
            kwargs[name] = None if value is None else convert(value)
    return cls(**kwargs)


def test_every_record_of_the_demo_reads_as_the_loop_reads_it(demo_store) -> None:
    snapshot = demo_store.snapshot()
    count = 0
    for name, (cls, _) in TABLES.items():
        for record in getattr(snapshot, name).all() if name != "school" else [snapshot.school]:
            stored = to_record(record)
            assert from_record(cls, stored) == loop_from_record(cls, stored)
            count += 1
    assert count > 200


def test_missing_keys_take_defaults_and_stored_none_stays_none() -> None:
    pupil = from_record(Pupil, {"id": "p1", "last_name": None, "login_methods": None})
    assert pupil.last_name is None  # stored None is kept, not replaced by the default ""
    assert pupil.first_name == ""  # missing: the dataclass's default
    assert pupil.certifiability is Certifiability.UNKNOWN
    assert pupil == loop_from_record(Pupil, {"id": "p1", "last_name": None, "login_methods": None})


def test_texts_lose_their_controls_and_odd_values_go_through_unchanged() -> None:
    stored = {
        "id": "c1",
        "last_name": "DUPONT\x1b[31m\u202e",
        "first_name": "Léa\tMarie\r\nJo",
        "division": "",
        "enrolment_note": 3,  # not a text: left as stored, as before
        "extra_time_ratio": 1,  # an int read as a float
        "assessment_state": "started",
        "started_at": "2026-03-10T08:00:00+00:00",
        "birthdate": "2011-05-02",
    }
    candidate = from_record(Candidate, stored)
    assert candidate == loop_from_record(Candidate, stored)
    assert candidate.last_name == "DUPONT[31m"
    assert candidate.first_name == "Léa Marie\nJo"
    assert candidate.enrolment_note == 3
    assert candidate.extra_time_ratio == 1.0 and isinstance(candidate.extra_time_ratio, float)
    assert candidate.assessment_state is AssessmentState.STARTED
    assert candidate.started_at == datetime(2026, 3, 10, 8, tzinfo=UTC)
    assert candidate.birthdate == date(2011, 5, 2)


def test_an_unknown_enum_value_is_refused_as_the_enum_refuses_it() -> None:
    with pytest.raises(ValueError):
        from_record(Pupil, {"id": "p1", "certifiability": "peut-être"})
    with pytest.raises(ValueError):
        from_record(Pupil, {"id": "p1", "login_methods": [["gar"]]})  # unhashable
    pupil = from_record(Pupil, {"id": "p1", "login_methods": ["mediacentre", None]})
    assert pupil.login_methods == [LoginMethod.MEDIACENTRE, None]


def test_nested_records_are_built_too() -> None:
    stored = {"id": "s1", "checklist": [{"key": "rooms", "done": True}], "date": "2026-03-10"}
    session = from_record(Session, stored)
    assert session == loop_from_record(Session, stored)
    assert dataclasses.is_dataclass(session.checklist[0]) and session.checklist[0].done
