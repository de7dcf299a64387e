"""Record bookkeeping shared by transactions and snapshots: names, diffs, stamps."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any, TypeVar

from pixtui.domain.models import (
    Candidate,
    PasswordFailures,
    Pupil,
    Record,
    SchoolSettings,
    Session,
)
from pixtui.domain.results import CertificationResult
from pixtui.domain.serialize import from_record, to_record

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
    # Added for the room password's delay (schema 1 still): a file without it reads as empty.
    "password_failures": (PasswordFailures, "password_failures"),
}


def record_problem(table: str, doc: dict[str, Any]) -> str | None:
    """Why a stored document of ``table`` cannot be read as its record, or None if it can.

    Every document parsed from disk goes through here (start-up, ``check``, backups, and the
    changed lines another process wrote): a pupil with a bad birthdate or a session with an
    unknown status is damage, found and named, never a crash later in a screen.
    """
    spec = TABLES.get(table)
    if spec is None:
        return None
    if not isinstance(doc.get("id"), str) or not doc["id"]:
        return f"a record of {table} has no id"
    try:
        from_record(spec[0], doc)
    except Exception as error:  # any failure to build the record is damage
        return f"a record of {table} does not read: {type(error).__name__}"
    return None


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
