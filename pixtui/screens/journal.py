"""Journal: the append-only audit trail, newest first (who did what, when, on which record).

Each row names the pupil (as stored now, or as the line recorded it when the record is gone),
the session's Pix number and the E/C code the change added, so one can tell from the screen
who ended whose test. A record emptied by the retention purge says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from textual.widget import Widget
from textual.widgets import DataTable, Static

from pixtui.domain.models import Event
from pixtui.domain.timing import format_instant
from pixtui.i18n import CATALOGUE, t
from pixtui.screens.base import PixScreen
from pixtui.store.snapshot import Snapshot
from pixtui.widgets.tables import PlainTable

SHOWN_EVENTS = 500

# column key -> width at 80 columns (the table's padding adds 2 per column)
COLUMNS: tuple[tuple[str, int], ...] = (
    ("when", 14),
    ("who", 9),
    ("action", 16),
    ("pupil", 15),
    ("session", 7),
    ("code", 4),
)

_PUPIL_RECORDS = ("candidate", "pupil")
_SESSION_LINKED = ("candidate", "result")


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
    repo = snapshot.candidates if event.record_type == "candidate" else snapshot.pupils
    record = repo.get(event.record_id) if event.record_id else None
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
    if event.record_type in _SESSION_LINKED:
        return str(_recorded(event, "session_id") or "")
    return ""


def _session_number(event: Event, snapshot: Snapshot) -> str:
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


class JournalScreen(PixScreen):
    SECTION = "journal"
    TITLE_KEY = "nav.journal"

    def compose_body(self) -> Iterable[Widget]:
        yield Static(id="journal-summary")
        yield PlainTable(id="journal-table", cursor_type="row")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key, width in COLUMNS:
            table.add_column(t(f"journal.col.{key}"), key=key, width=width)
        table.focus()

    def refresh_data(self) -> None:
        events = list(reversed(self.pix.store.journal_tail(SHOWN_EVENTS)))
        snapshot = self.snapshot
        table = self.query_one(DataTable)
        table.clear()
        for event in events:
            subject = describe(event, snapshot)
            table.add_row(
                format_instant(event.at, year=False, seconds=True),
                event.who,
                action_label(event.action),
                subject.pupil,
                subject.session,
                subject.code,
            )
        self.query_one("#journal-summary", Static).update(
            t("journal.summary", count=len(events)) if events else t("journal.none")
        )
