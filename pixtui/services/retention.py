"""Rule 9 (A3) end to end: the dry run, the purge, and what it leaves behind on disk.

The purge anonymises in ONE transaction through :func:`pixtui.domain.retention.apply_purge`.
Copies of the data then go too, so no name or birthdate of an expired session survives:

- the journal recorded before/after values (names, birthdates…): its lines about the purged
  records are rewritten with those values redacted (the one sanctioned rewrite of the
  append-only journal, itself journalled). Lines still say *that* a field changed, when and by
  whom; the audit trail keeps its shape, only the personal values go.
- every backup (ring link, labelled or set-aside copy) that still holds personal values of a
  purged record is deleted. We chose this over "delete every backup older than the purge":
  it is exact, does not depend on file times, and re-running ``pixtui purge`` after a crash
  between the steps finishes the job, since the purged records are found from the store.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pixtui.domain.clock import local_today
from pixtui.domain.retention import (
    CANDIDATE_FIELDS,
    PUPIL_FIELDS,
    RESULT_FIELDS,
    SESSION_FIELDS,
    PurgePlan,
    PurgeReport,
    apply_purge,
    purge_plan,
)
from pixtui.domain.serialize import to_record
from pixtui.domain.text import safe_text
from pixtui.i18n import CATALOGUE, t

PURGE_ACTION = "retention.purge"
JOURNAL_ACTION = "retention.journal_redacted"
BACKUPS_ACTION = "retention.backups_deleted"
AFTER_ACTION = "retention.store_cleaned"

# record type -> (store table, the fields the purge empties)
PURGED_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "session": ("sessions", SESSION_FIELDS),
    "candidate": ("candidates", CANDIDATE_FIELDS),
    "pupil": ("pupils", PUPIL_FIELDS),
    "result": ("results", RESULT_FIELDS),
}


def _leaf_keys(fields: tuple[str, ...]) -> frozenset[str]:
    """``issue_reports.description`` → ``description``: redaction looks at keys at any depth."""
    return frozenset(name.rsplit(".", 1)[-1] for name in fields)


def _top_keys(fields: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(name.split(".", 1)[0] for name in fields))


def _anonymous_names() -> frozenset[str]:
    # the purge may have run in either language
    return frozenset(CATALOGUE["results.retention.anonymous"])


@dataclass
class PurgedIds:
    """The records already anonymised, found from the store (so the follow-up steps can be
    re-run after a crash)."""

    by_type: dict[str, set[str]] = field(default_factory=dict)
    sessions_present: set[str] | None = None  # every session still in the store

    def __contains__(self, key: tuple[str, str]) -> bool:
        return key[1] in self.by_type.get(key[0], set())

    def session_gone(self, session_id: Any) -> bool:
        """A purged session, or one deleted from the store: its candidates' personal data
        has no reason to stay in the journal."""
        if not isinstance(session_id, str) or not session_id:
            return False
        if session_id in self.by_type.get("session", set()):
            return True
        return self.sessions_present is not None and session_id not in self.sessions_present

    @property
    def empty(self) -> bool:
        return not any(self.by_type.values())


def purged_ids(snapshot: Any) -> PurgedIds:
    anonymous = _anonymous_names()
    sessions = {s.id for s in snapshot.sessions.all() if s.purged_at is not None}
    candidates = {
        c.id
        for c in snapshot.candidates.all()
        if c.session_id in sessions and c.last_name in anonymous and not c.first_name
    }
    pupils = {
        p.id
        for p in snapshot.pupils.all()
        if p.last_name in anonymous and not p.first_name and p.birthdate is None
    }
    results = {
        r.id
        for r in snapshot.results.all()
        if r.last_name in anonymous and not r.first_name and r.birthdate is None
    }
    return PurgedIds(
        {"session": sessions, "candidate": candidates, "pupil": pupils, "result": results},
        sessions_present={s.id for s in snapshot.sessions.all()},
    )


# --- the journal -----------------------------------------------------------------------------


def _redact_value(value: Any, keys: frozenset[str], marker: str) -> tuple[Any, bool]:
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        changed = False
        for key, item in value.items():
            if key in keys and item not in (None, "", [], False, 0, 0.0, marker):
                out[key] = marker
                changed = True
            else:
                out[key], inner = _redact_value(item, keys, marker)
                changed = changed or inner
        return out, changed
    if isinstance(value, list):
        items = [_redact_value(item, keys, marker) for item in value]
        return [item for item, _ in items], any(inner for _, inner in items)
    return value, False


def _session_of(record: dict[str, Any]) -> Any:
    for side in ("before", "after"):
        value = record.get(side)
        if isinstance(value, dict) and value.get("session_id"):
            return value["session_id"]
    return None


def journal_redactor(ids: PurgedIds):
    """A function for :meth:`Store.redact_journal`: the personal values of purged records
    become a marker, everything else is kept."""
    marker = t("after.journal.redacted")
    keys = {kind: _leaf_keys(fields) for kind, (_, fields) in PURGED_FIELDS.items()}

    def redact(record: dict[str, Any]) -> dict[str, Any] | None:
        kind = record.get("record_type")
        if not isinstance(kind, str):
            return None  # not a record's line (a login, an export): nothing personal to redact
        if (kind, str(record.get("record_id"))) not in ids and not (
            kind == "candidate" and ids.session_gone(_session_of(record))
        ):
            return None
        changed = False
        out = dict(record)
        for side in ("before", "after"):
            if isinstance(record.get(side), dict):
                out[side], inner = _redact_value(record[side], keys[kind], marker)
                changed = changed or inner
        return out if changed else None

    return redact


# --- the backups -----------------------------------------------------------------------------


def backup_check(ids: PurgedIds, current: Any):
    """A function for :meth:`Store.delete_backups_holding`: true when a backup's version of a
    purged record differs from the purged one in a personal field."""
    now: dict[tuple[str, str], dict[str, Any]] = {}
    for kind, (table, fields) in PURGED_FIELDS.items():
        repo = getattr(current, table)
        for record_id in ids.by_type.get(kind, set()):
            record = repo.get(record_id)
            if record is not None:
                raw = to_record(record)
                now[(kind, record_id)] = {k: raw.get(k) for k in _top_keys(fields)}

    def holds(tables: Mapping[str, Mapping[str, dict[str, Any]]]) -> bool:
        for kind, (table, _fields) in PURGED_FIELDS.items():
            if not ids.by_type.get(kind):
                continue
            for doc in tables.get(table, {}).values():
                key = (kind, doc.get("id"))
                if key in now and any(doc.get(k) != v for k, v in now[key].items()):
                    return True
        return False

    return holds


# --- the whole purge -------------------------------------------------------------------------


def plan_for(snapshot: Any, today: date) -> PurgePlan:
    return purge_plan(
        snapshot.sessions.all(),
        snapshot.candidates.all(),
        snapshot.pupils.all(),
        today,
        snapshot.school.retention_years,
        results=snapshot.results.all(),
    )


@dataclass
class PurgeOutcome:
    report: PurgeReport | None
    journal_lines: int
    backups_deleted: list[Path]
    fresh_backup: Path | None = None
    foreign_files: list[Path] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [self.report.message()] if self.report else [t("after.purge.nothing_new")]
        out.append(t("after.purge.journal", count=self.journal_lines))
        out.append(t("after.purge.backups", count=len(self.backups_deleted)))
        if self.fresh_backup is not None:
            out.append(t("after.purge.fresh_backup", path=self.fresh_backup))
        if self.foreign_files:
            names = ", ".join(safe_text(p.name) for p in self.foreign_files)
            out.append(t("after.purge.foreign", count=len(self.foreign_files), names=names))
        return out


def run_purge(store: Any) -> PurgeOutcome:
    """Anonymise what expired today (one transaction), then redact the journal and delete the
    backups still holding purged personal data. Safe to run again: it finishes a purge that
    was interrupted between its steps."""
    today = local_today(store.clock)
    report: PurgeReport | None = None
    with store.transaction(PURGE_ACTION) as tx:
        plan = purge_plan(
            tx.sessions.all(),
            tx.candidates.all(),
            tx.pupils.all(),
            today,
            tx.school.retention_years,
            results=tx.results.all(),
        )
        if not plan.is_empty:
            sessions = [s for s in tx.sessions.all() if s.id in plan.ids("session")]
            candidates = [c for c in tx.candidates.all() if c.id in plan.ids("candidate")]
            pupils = [p for p in tx.pupils.all() if p.id in plan.ids("pupil")]
            results = [r for r in tx.results.all() if r.id in plan.ids("result")]
            report = apply_purge(
                plan, sessions, candidates, pupils, tx.now, tx.actor, results=results
            )
            for repo, records in (
                (tx.sessions, sessions),
                (tx.candidates, candidates),
                (tx.pupils, pupils),
                (tx.results, results),
            ):
                for record in records:
                    repo.save(record)
            tx.log(
                PURGE_ACTION,
                after={
                    "sessions": report.sessions,
                    "candidates": report.candidates,
                    "pupils": report.pupils,
                    "results": report.results,
                },
            )
    snapshot = store.snapshot()
    ids = purged_ids(snapshot)
    # Run even with nothing newly purged: candidates of deleted sessions are redacted too.
    changed, _dropped = store.redact_journal(journal_redactor(ids), JOURNAL_ACTION)
    deleted: list[Path] = []
    if not ids.empty:
        deleted = store.delete_backups_holding(backup_check(ids, snapshot), BACKUPS_ACTION)
    if report is None and not changed and not deleted:
        return PurgeOutcome(report, changed, deleted, None, store.foreign_files())
    # Temp files removed, a fresh good backup of the purged store, the folder's other files.
    fresh, foreign = store.after_purge(AFTER_ACTION)
    return PurgeOutcome(report, changed, deleted, fresh, foreign)


def dry_run_lines(snapshot: Any, today: date) -> list[str]:
    return plan_for(snapshot, today).lines()
