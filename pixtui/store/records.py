"""Record bookkeeping shared by transactions and snapshots: names, diffs, stamps."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any, TypeVar

from pixtui.domain.models import Candidate, Pupil, Record, SchoolSettings, Session
from pixtui.domain.results import CertificationResult
from pixtui.domain.serialize import to_record

R = TypeVar("R", bound=Record)

BOOKKEEPING = frozenset({"rev", "updated_at", "updated_by"})

# table name -> (record class, record type written in the journal)
TABLES: dict[str, tuple[type[Record], str]] = {
    "school": (SchoolSettings, "school"),
    "pupils": (Pupil, "pupil"),
    "sessions": (Session, "session"),
    "candidates": (Candidate, "candidate"),
    # Added with the results import (schema 1 still): a file without it reads as empty.
    "results": (CertificationResult, "result"),
}


def changed_fields(
    before: dict[str, Any] | None, after: dict[str, Any] | None
) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """Before/after values of the fields that differ (bookkeeping fields left out)."""
    if before is None and after is None:
        return None, None
    if before is None:
        return None, {k: v for k, v in (after or {}).items() if k not in BOOKKEEPING}
    if after is None:
        return {k: v for k, v in before.items() if k not in BOOKKEEPING}, None
    keys = [k for k in {**before, **after} if k not in BOOKKEEPING]
    diff = [k for k in keys if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in diff}, {k: after.get(k) for k in diff}


def stamped(obj: Record, rev: int, now: datetime, actor: str) -> dict[str, Any]:
    """The stored form of ``obj`` with the store's bookkeeping (the caller's object is untouched)."""
    raw = to_record(obj)
    raw["rev"] = rev
    raw["updated_at"] = to_record(now)
    raw["updated_by"] = actor
    return raw


def field_names(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(cls))


def parse_instant(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None
