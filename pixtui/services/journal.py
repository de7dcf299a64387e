"""The journal's rows in words: for each line of the append-only journal, the action's name and
whom it is about — the pupil (as stored now, or as the line recorded it when the record is
gone; a pupil emptied by the retention purge says so), the session's Pix number and the E/C code
the change added — so one can tell from the Journal screen (F9) who ended whose test."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pixtui.domain.models import Event
from pixtui.i18n import CATALOGUE, t
from pixtui.store.snapshot import Snapshot

_PUPIL_RECORDS = ("candidate", "pupil", "result")


def action_label(action: str) -> str:
    key = f"journal.action.{action}"
    return t(key) if key in CATALOGUE else action


def _record_label(record_type: str) -> str:
    key = f"journal.record.{record_type}"
    return t(key) if key in CATALOGUE else record_type


@dataclass(frozen=True)
class Subject:
    """Whom and what a journal line is about, as shown in its row."""

    pupil: str = ""
    session: str = ""
    code: str = ""


def _sides(event: Event) -> tuple[Mapping[str, Any], Mapping[str, Any]]:
    return event.before or {}, event.after or {}


def _recorded(event: Event, name: str) -> Any:
    """A field as the line recorded it (after the change, else before)."""
    before, after = _sides(event)
    value = after.get(name)
    return value if value not in (None, "") else before.get(name)


def _erased_values() -> frozenset[str]:
    # the purge may have run in either language: its name and the journal's marker
    return frozenset(CATALOGUE["results.retention.anonymous"]) | frozenset(
        CATALOGUE["after.journal.redacted"]
    )


def _pupil_name(event: Event, snapshot: Snapshot) -> str:
    repos: dict[str, Any] = {
        "candidate": snapshot.candidates,
        "pupil": snapshot.pupils,
        "result": snapshot.results,
    }
    record = repos[event.record_type].get(event.record_id) if event.record_id else None
    if record is not None:
        last, first = record.last_name, record.first_name
    else:
        last, first = _recorded(event, "last_name") or "", _recorded(event, "first_name") or ""
    erased = _erased_values()
    if last in erased or first in erased:
        return t("journal.pupil.erased")
    name = f"{last} {first}".strip()
    return name or t("journal.pupil.unknown")


def _session_id(event: Event, snapshot: Snapshot) -> str:
    if event.record_type in ("session", "password_failures"):
        return event.record_id
    if event.record_type == "candidate":
        candidate = snapshot.candidates.get(event.record_id) if event.record_id else None
        if candidate is not None:
            return candidate.session_id
        return str(_recorded(event, "session_id") or "")
    return ""


def _session_number(event: Event, snapshot: Snapshot) -> str:
    if event.record_type == "result":  # a Pix result carries its session's number, not an id
        result = snapshot.results.get(event.record_id) if event.record_id else None
        number = result.session_number if result is not None else None
        return str(number or _recorded(event, "session_number") or "")
    session_id = _session_id(event, snapshot)
    if not session_id:
        return ""
    session = snapshot.sessions.get(session_id)
    number = session.pix_number if session is not None else _recorded(event, "pix_number")
    return str(number) if number else t("journal.session.no_number")


def _by_id(items: Any) -> dict[str, Mapping[str, Any]]:
    if not isinstance(items, list):
        return {}
    return {str(i.get("id")): i for i in items if isinstance(i, Mapping)}


def event_codes(event: Event) -> list[str]:
    """The E/C codes this line added: a new signalement's code, or the E code given when a
    live alert was validated."""
    before, after = _sides(event)
    codes: list[str] = []
    old_reports = _by_id(before.get("issue_reports"))
    for report_id, report in _by_id(after.get("issue_reports")).items():
        if report_id not in old_reports and report.get("code"):
            codes.append(str(report["code"]))
    old_alerts = _by_id(before.get("alerts"))
    for alert_id, alert in _by_id(after.get("alerts")).items():
        code = alert.get("reason_code")
        if code and old_alerts.get(alert_id, {}).get("reason_code") != code:
            codes.append(str(code))
    return list(dict.fromkeys(codes))


def describe(event: Event, snapshot: Snapshot) -> Subject:
    """The pupil, session number and code of one journal line ("" where it has none)."""
    if event.record_type in _PUPIL_RECORDS:
        pupil = _pupil_name(event, snapshot)
    elif event.record_type:
        pupil = f"({_record_label(event.record_type)})"
    else:
        pupil = ""
    return Subject(pupil, _session_number(event, snapshot), " ".join(event_codes(event)))
