"""Salle: the invigilator's room screen (SPEC §5.1), the heart of pixtui.

The screen shows and asks; every write is a function of ``pixtui.services.room`` (the session's
lifecycle and Pix's rules live there). The grid is rebuilt from the snapshot on every store
change (another invigilator's action shows within 2 s) and re-timed once a second from stored
instants, repainting only what changed. Messages go to a line of their own, never over the grid.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import suppress
from datetime import datetime
from typing import Any, TypeVar

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.widget import Widget
from textual.widgets import Input

from pixtui.domain import room as rules
from pixtui.domain.clock import Clock, ScaledClock, at_local, local_today
from pixtui.domain.enums import FINALISATION_CODES, AbortReason, LiveAlertKind
from pixtui.domain.labels import issue_code_title, label
from pixtui.domain.models import Candidate
from pixtui.domain.names import matches_search
from pixtui.domain.problems import Refused
from pixtui.domain.room import GlyphSet
from pixtui.domain.sessions import parse_time
from pixtui.domain.timing import candidate_deadline, format_clock, format_time
from pixtui.i18n import t
from pixtui.screens.base import PixScreen
from pixtui.services import room as service
from pixtui.services.rehearsal import (
    RehearsalRefused,
    SimEvent,
    Simulator,
    check_rehearsal,
    next_speed,
)
from pixtui.services.room_view import (
    HeaderView,
    TileView,
    attention_line,
    detail_parts,
    display_signature,
    end_session_choices,
    header_view,
    personal_end,
    room_tiles,
    undo_choices,
)
from pixtui.terminal import glyph_set
from pixtui.widgets.confirm import ConfirmDialog
from pixtui.widgets.dialogs import ChoiceDialog, TextDialog
from pixtui.widgets.line import Line, Part
from pixtui.widgets.room_grid import RoomGrid

TICK_SECONDS = 1.0
T = TypeVar("T")
SEVERITY_STYLES = {"information": "", "warning": "bold", "error": "bold reverse"}


def _name(c: Candidate) -> str:
    return f"{c.last_name} {c.first_name}"


def _by(who: str | None) -> str:
    return who or t("room.someone")


def _at(instant: datetime | None) -> str:
    return format_clock(instant) if instant else t("room.someone")


class RoomScreen(PixScreen):
    SECTION = "salle"
    TITLE_KEY = "nav.room"
    HELP_KEY = "room.help"

    # key, action, catalogue name (room.key.NAME), binding id (room-ID), in the footer (with
    # a tip, room.key.NAME.tip); the ids are stable: the settings' keymap refers to them.
    KEYS = (
        ("p", "presence", "presence", "presence", True),
        ("d", "start_now", "start", "start", True),
        ("a", "handle_alert", "alert", "alert", True),
        ("r", "resume", "resume", "resume", True),
        ("n", "incident", "incident", "incident", True),
        ("v", "show_code", "code", "code", True),
        ("i", "identity", "identity", "identity", False),
        ("s", "signed", "signed", "signed", False),
        ("u", "undo", "undo", "undo", False),
        ("h", "start_at", "start_at", "start-at", False),
        ("D", "start_all", "start_all", "start-all", False),
        ("l", "raise_question_alert", "raise_alert", "raise-alert", False),
        ("x", "raise_companion_alert", "raise_companion", "raise-companion", False),
        ("c", "completed", "completed", "completed", False),
        ("t", "end_test", "end_test", "end-test", False),
        ("o", "abort_reason", "abort", "abort", False),
        ("e", "end_session", "end_session", "end-session", False),
        ("m", "simulation", "simulation", "simulation", False),
        ("w", "simulation_speed", "speed", "speed", False),
        ("slash", "search", "search", "search", False),
        ("escape", "leave", "leave", "leave", False),
    )
    BINDINGS = [
        Binding(
            key,
            action,
            t(f"room.key.{name}"),
            show=shown,
            tooltip=t(f"room.key.{name}.tip") if shown else "",
            id=f"room-{binding_id}",
        )
        for key, action, name, binding_id, shown in KEYS
    ]
    # What an organiser watching from Coordination may not do without the room's password.
    WRITE_ACTIONS = frozenset(k[1] for k in KEYS) - {"show_code", "search", "leave"}

    def __init__(
        self,
        session_id: str,
        *,
        clock: Clock | None = None,
        read_only: bool = False,
        glyphs: str | None = None,
    ) -> None:
        super().__init__()
        self.session_id = session_id
        self.read_only = read_only
        self.glyphs = GlyphSet(glyph_set(override=glyphs))
        self.messages: list[str] = []  # what the message line said, oldest first
        self._clock = clock
        self._candidates: list[Candidate] = []
        self._tiles: list[TileView] = []
        self._header: HeaderView | None = None
        self._signature: tuple | None = None
        self._slot_over_announced = False
        self._past_announced: set[str] = set()
        self._simulator: Simulator | None = None
        self._sim_last: datetime | None = None

    # --- composition --------------------------------------------------------------------

    def compose_body(self) -> Iterable[Widget]:
        yield Line(id="room-header")
        yield Line(id="room-counters")
        yield Line(id="room-attention")
        yield RoomGrid(id="room-grid")
        yield Line(id="room-detail")
        yield Line(id="room-message")
        yield Input(placeholder=t("room.search.placeholder"), id="room-search")

    def on_mount(self) -> None:
        search = self.query_one("#room-search", Input)
        search.cursor_blink = False
        search.display = False
        self.query_one(RoomGrid).focus()
        every = self.pix.room_tick_seconds or TICK_SECONDS
        self.set_interval(every, self._tick, name="room-tick")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.read_only and action in self.WRITE_ACTIONS:
            return None  # shown dimmed: watching only
        return True

    @property
    def room_clock(self) -> Clock:
        return self._clock or self.pix.clock

    def now(self) -> datetime:
        return self.room_clock.now()

    def title_text(self) -> str:
        session = self.snapshot.session(self.session_id)
        return t("room.title", room=session.room) if session else t(self.TITLE_KEY)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Room messages go to the message line: a toast would cover the grid's right column."""
        self.messages.append(message)
        del self.messages[:-50]
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append(format_clock(self.now()) + " ", style="dim")
        line.append(message, style=SEVERITY_STYLES.get(severity, ""))
        self.query_one("#room-message", Line).show(line)

    def help_legend(self) -> list[tuple[str, str]]:
        """F1: every glyph of the grid, and the tags."""
        legend = rules.glyph_legend(self.glyphs)
        return [*legend, ("", t("room.legend.tags"))]

    # --- showing ------------------------------------------------------------------------

    def refresh_data(self) -> None:
        snap = self.snapshot
        self._candidates = [c for c in snap.candidates_of([self.session_id]) if not c.removed]
        self._tick()

    def _tick(self) -> None:
        """Re-time everything from stored instants; widgets repaint only if their text changed."""
        snap = self.snapshot
        session = snap.session(self.session_id)
        if session is None:
            return
        now = self.now()
        school = snap.school
        if self._simulator is not None:
            self._simulate(now)
        query = self.query_one("#room-search", Input).value
        signature = (
            query,
            display_signature(
                session, self._candidates, now, school.test_minutes, school.slot_minutes
            ),
        )
        if signature == self._signature and self._simulator is None:
            return  # nothing shown has changed since the last second: no work, no repaint
        self._signature = signature
        self._tiles = room_tiles(self._candidates, now, school.test_minutes, glyphs=self.glyphs)
        shown = {c.id for c in self._candidates if matches_search(query, c.last_name, c.first_name)}
        self.query_one(RoomGrid).show([tile for tile in self._tiles if tile.id in shown])
        header = header_view(
            session, self._candidates, now, school.slot_minutes, school.test_minutes
        )
        if header != self._header or self._simulator is not None:
            self._header = header
            self._show_header(header)
        self._show_attention()
        self._show_detail()
        self._announce_slot_end(header, now, school.test_minutes)

    def _show_header(self, header: HeaderView) -> None:
        """Two lines fitted to the width (80 columns included, every glyph set). Line 1: which
        session, its mode, the slot's end, then where and who (cut with « … » at the end: the
        room's name is also in the title bar). Line 2: the time and the counters the
        invigilator needs (présents, en cours, terminés), then the last personal end; the
        alert, overtime and resume counts leave first at 80 columns: the « À traiter (n) »
        line below counts them."""
        c = header.counters
        first: list[Part] = [(Text(header.title, style="bold"), 0)]
        if self.read_only:
            first.append((Text(t("room.read_only"), style="reverse"), 0))
        if self._simulator is not None and isinstance(self._clock, ScaledClock):
            badge = t("room.simulation.badge", speed=int(self._clock.speed))
            first.append((Text(badge, style="reverse"), 0))
        elif header.simulated:
            first.append((Text(t("room.simulated"), style="reverse"), 0))
        first.append((Text(header.slot_end), 0))
        first.append((Text(header.place), 0))
        if header.examiners:
            first.append((Text(t("room.header.examiners", names=header.examiners)), 0))
        self.query_one("#room-header", Line).show_parts(first)
        counts = t(
            "room.counters",
            present=c.present,
            enrolled=c.enrolled,
            running=c.in_progress,
            finished=c.finished,
        )
        second: list[Part] = [(Text(header.clock, style="bold"), 0), (Text(counts), 0)]
        for count, key, style in (
            (c.alerts, "room.counters.alerts", "bold reverse"),
            (header.overtime, "room.counters.overtime", "bold reverse"),
            (header.resume_requests, "room.counters.resumes", "reverse"),
        ):
            if count:
                second.append((Text(t(key, count=count), style=style), 2))
        second.append((Text(header.countdown), 0))
        self.query_one("#room-counters", Line).show_parts(second)

    def _show_attention(self) -> None:
        """Pinned above the grid: whatever the scroll, alerts, overtime and resume requests."""
        text = attention_line(self._tiles)
        line = Text(no_wrap=True, overflow="ellipsis")
        if text:
            count = text.count(" · ") + 1
            line.append(t("room.attention.title", count=count), style="bold reverse")
            line.append(text, style="bold")
        else:
            line.append(t("room.attention.none"), style="dim")
        self.query_one("#room-attention", Line).show(line)

    def _show_detail(self) -> None:
        candidate = self._selected()
        tile = next((tile for tile in self._tiles if candidate and tile.id == candidate.id), None)
        detail = Text(no_wrap=True, overflow="ellipsis")
        if candidate and tile:
            for text, style in detail_parts(candidate, tile):
                detail.append(text, style=style)
        elif not self._candidates:
            detail.append(t("room.empty"))
        self.query_one("#room-detail", Line).show(detail)  # repaints only if it changed

    def _announce_slot_end(self, header: HeaderView, now: datetime, test_minutes: int) -> None:
        """Once the slot is over: name those past their OWN end (never the ones inside it)."""
        session = self.snapshot.session(self.session_id)
        if session is None or session.ended_at or not header.slot_over:
            return
        past = rules.past_own_end(self._candidates, now, test_minutes)
        if {c.id for c in past} - self._past_announced:
            self._past_announced |= {c.id for c in past}
            names = ", ".join(_name(c) for c in past)
            self.notify(t("room.slot_over.past", names=names), severity="warning")
        elif not self._slot_over_announced:
            inside = rules.inside_own_time(self._candidates, now, test_minutes)
            last = max((candidate_deadline(c, test_minutes) for c in inside), default=None)
            if inside and last is not None:
                self.notify(t("room.slot_over.inside", count=len(inside), end=format_clock(last)))
        self._slot_over_announced = True

    def on_room_grid_selection_changed(self, event: RoomGrid.SelectionChanged) -> None:
        self._show_detail()

    # --- writing ------------------------------------------------------------------------

    def _selected(self) -> Candidate | None:
        selected = self.query_one(RoomGrid).selected_id
        return next((c for c in self._candidates if c.id == selected), None)

    def _write(self, action: str, write: Callable[[Any, datetime, str], T]) -> T | None:
        """One transaction through the room service; a refusal is one sentence on the line."""
        now, by = self.now(), self.pix.store.actor
        return self.pix.write(
            f"room.{action}", lambda tx: write(tx, now, by), on_refused=self._refused
        )

    def _refused(self, refusal: Refused) -> None:
        self.notify(refusal.message, severity="warning")

    def _on_candidate(
        self, action: str, do: Callable[..., T], candidate_id: str | None = None, *args: Any
    ) -> T | None:
        """``do(tx, session, candidate, *args, now=, by=)`` on the selected candidate."""
        candidate_id = candidate_id or self.query_one(RoomGrid).selected_id
        if candidate_id is None:
            return None
        return self._write(
            action,
            lambda tx, now, by: do(tx, self.session_id, candidate_id, *args, now=now, by=by),
        )

    def _confirm(
        self,
        question: str,
        confirm_label: str,
        then: Callable[[], object],
        *,
        destructive: bool = False,
    ) -> None:
        def answered(confirmed: bool | None) -> None:
            if confirmed:
                then()

        self.app.push_screen(
            ConfirmDialog(question, confirm_label=confirm_label, destructive=destructive),
            answered,
        )

    # --- presence, identity, signature: they set a state; U undoes, confirmed -----------

    def action_presence(self) -> None:
        candidate = self._selected()
        if candidate is None:
            return
        if candidate.authorized_to_start and not rules.presence_confirmation_stale(
            candidate, self.now()
        ):
            who, at = _by(candidate.authorized_by), _at(candidate.authorized_at)
            self.notify(t("room.already.presence", who=who, at=at))
            return
        self._on_candidate("confirm_presence", service.confirm_presence)

    def action_identity(self) -> None:
        candidate = self._selected()
        if candidate is None:
            return
        if candidate.identity_checked_at:
            who, at = _by(candidate.identity_checked_by), _at(candidate.identity_checked_at)
            self.notify(t("room.already.identity", who=who, at=at))
            return
        self._on_candidate("identity", service.check_identity)

    def action_signed(self) -> None:
        candidate = self._selected()
        if candidate is None:
            return
        if candidate.signed_at:
            who, at = _by(candidate.signed_by), _at(candidate.signed_at)
            self.notify(t("room.already.signed", who=who, at=at))
            return
        self._on_candidate("signed", service.mark_signed)

    def action_undo(self) -> None:
        candidate = self._selected()
        if candidate is None:
            return
        options = undo_choices(candidate)
        if not options:
            self.notify(t("room.undo.nothing"), severity="warning")
            return
        undo: dict[str, tuple[str, Callable[..., object]]] = {
            "presence": ("cancel_presence", service.cancel_presence),
            "identity": ("undo_identity", service.undo_identity),
            "signed": ("undo_signed", service.undo_signed),
        }
        texts = dict(options)

        def chosen(choice: str | None) -> None:
            if choice in undo:
                action, do = undo[choice]
                self._confirm(
                    t("room.undo.question", what=texts[choice]),
                    t("room.undo.confirm"),
                    lambda: self._on_candidate(action, do, candidate.id),
                    destructive=True,
                )

        self.app.push_screen(
            ChoiceDialog(t("room.undo.title", name=_name(candidate)), options), chosen
        )

    # --- starting -----------------------------------------------------------------------

    def action_start_now(self) -> None:
        candidate = self._selected()
        if candidate is None:
            return
        if rules.pending_resume(candidate):
            self._on_candidate("resumed", service.mark_resumed)
            return
        self._on_candidate("start", service.start)

    def action_start_at(self) -> None:
        candidate = self._selected()
        session = self.snapshot.session(self.session_id)
        if candidate is None or session is None:
            return

        def check(text: str) -> str | None:
            return None if parse_time(text) else t("room.start_at.bad")

        def answered(text: str | None) -> None:
            hour = parse_time(text) if text else None
            if hour is None:
                return
            at = at_local(local_today(self.room_clock), hour)

            def record() -> None:
                self._write(
                    "start",
                    lambda tx, now, by: service.start(
                        tx, self.session_id, candidate.id, now=now, by=by, at=at
                    ),
                )

            if at <= self.now() and service.early_start(session, at):
                slot = format_time(session.start_time)
                self._confirm(
                    t("room.start_at.early", at=format_clock(at), slot=slot),
                    t("room.start_at.early_confirm", at=format_clock(at)),
                    record,
                )
            else:
                record()

        self.app.push_screen(
            TextDialog(
                t("room.start_at.title", name=_name(candidate)),
                placeholder=t("room.start_at.placeholder"),
                check=check,
            ),
            answered,
        )

    def action_start_all(self) -> None:
        present = [
            c for c in self._candidates if c.authorized_to_start and c.assessment_state is None
        ]
        if not present:
            self.notify(t("room.start_all.none"), severity="warning")
            return

        def start_all() -> None:
            started = self._write(
                "start_all",
                lambda tx, now, by: service.start_all(tx, self.session_id, now=now, by=by),
            )
            if started is not None:
                self.notify(t("room.start_all.done", count=len(started)))

        self._confirm(
            t("room.start_all.question", count=len(present)),
            t("room.start_all.confirm"),
            start_all,
        )

    # --- live alerts (D6) ---------------------------------------------------------------

    def action_raise_question_alert(self) -> None:
        candidate = self._selected()
        if candidate is None:
            return

        def check(text: str) -> str | None:
            return (
                None
                if text.strip().isdigit() and 1 <= int(text) <= rules.QUESTION_NUMBER_MAX
                else t("room.alert.bad_number")
            )

        def answered(text: str | None) -> None:
            if text:
                self._on_candidate(
                    "raise_alert",
                    lambda tx, s, c, now, by: service.raise_alert(
                        tx, s, c, LiveAlertKind.CHALLENGE, now=now, by=by, question_number=int(text)
                    ),
                    candidate.id,
                )

        self.app.push_screen(
            TextDialog(
                t("room.alert.raise_title"),
                placeholder=t("room.alert.number_placeholder"),
                check=check,
            ),
            answered,
        )

    def action_raise_companion_alert(self) -> None:
        self._on_candidate(
            "raise_companion_alert",
            lambda tx, s, c, now, by: service.raise_alert(
                tx, s, c, LiveAlertKind.COMPANION, now=now, by=by
            ),
        )

    def action_handle_alert(self) -> None:
        candidate = self._selected()
        if candidate is None:
            return
        companion = rules.ongoing_alert(candidate, LiveAlertKind.COMPANION)
        if companion is not None:
            # Pix shows the extension alert first: the candidate is blocked until it is cleared.
            def cleared(choice: str | None) -> None:
                if choice == "clear":
                    self._on_candidate(
                        "clear_companion_alert",
                        service.clear_companion_alert,
                        candidate.id,
                        companion.id,
                    )

            self.app.push_screen(
                ChoiceDialog(
                    t("room.alert.companion_title"),
                    [("clear", t("room.alert.companion_clear"))],
                    note=t("room.alert.companion_note"),
                ),
                cleared,
            )
            return
        alert = rules.ongoing_alert(candidate, LiveAlertKind.CHALLENGE)
        if alert is None:
            self.notify(t("room.alert.none"), severity="warning")
            return
        allowed = set(rules.allowed_live_reasons(alert))
        options: list[tuple[str, str]] = []
        conditional = service.CONDITIONAL_REASONS
        for code in sorted(allowed | set(conditional), key=lambda c: int(c[1:])):
            text = issue_code_title(code)
            if code in conditional and code not in allowed:
                text = t(
                    "room.alert.conditional",
                    title=text,
                    condition=t(f"room.alert.if.{conditional[code]}"),
                )
            options.append((code, text))
        options.append(("refuse", t("room.alert.refuse")))

        def chosen(choice: str | None) -> None:
            if choice == "refuse":
                self._on_candidate("refuse_alert", service.refuse_alert, candidate.id, alert.id)
            elif choice is not None:
                self._on_candidate(
                    "validate_alert", service.validate_alert, candidate.id, alert.id, choice
                )

        self.app.push_screen(
            ChoiceDialog(
                t("room.alert.title", number=alert.question_number or "?"),
                options,
                note=t("room.alert.note"),
            ),
            chosen,
        )

    # --- resume, end, completed ---------------------------------------------------------

    def action_resume(self) -> None:
        candidate = self._selected()
        if candidate is None:
            return
        resumed = self._on_candidate("authorize_resume", service.authorize_resume)
        if resumed is not None and self._simulator is not None:
            self._simulator.forget_left(candidate.id)

    def action_end_test(self) -> None:
        candidate = self._selected()
        if candidate is None:
            return
        if not rules.is_started(candidate):
            self.notify(t("domain.room.end_not_started"), severity="warning")
            return
        self._confirm(
            t("room.end_test.question", name=_name(candidate)),
            t("room.end_test.confirm"),
            lambda: self._on_candidate("end_test", service.end_test, candidate.id),
            destructive=True,
        )

    def action_completed(self) -> None:
        candidate = self._selected()
        if candidate is None:
            return
        self._confirm(
            t("room.completed.question", name=_name(candidate)),
            t("room.completed.confirm"),
            lambda: self._on_candidate("completed", service.mark_completed, candidate.id),
        )

    # --- incidents and abort reason (for the PV and the finalisation) --------------------

    def action_incident(self) -> None:
        candidate = self._selected()
        if candidate is None:
            return
        options = [(code, issue_code_title(code)) for code in FINALISATION_CODES]

        def chosen(code: str | None) -> None:
            if code is None:
                return

            def described(text: str | None) -> None:
                if text is not None:
                    self._on_candidate("incident", service.add_incident, candidate.id, code, text)

            self.app.push_screen(
                TextDialog(
                    t("room.incident.describe", title=issue_code_title(code)),
                    placeholder=t("room.incident.placeholder"),
                    max_length=rules.DESCRIPTION_MAX_CHARS,
                ),
                described,
            )

        self.app.push_screen(
            ChoiceDialog(t("room.incident.title", name=_name(candidate)), options), chosen
        )

    def action_abort_reason(self) -> None:
        candidate = self._selected()
        if candidate is None:
            return
        options = [(reason.value, label(reason)) for reason in AbortReason]
        options.append(("none", t("room.abort.none")))

        def chosen(choice: str | None) -> None:
            if choice is not None:
                reason = None if choice == "none" else AbortReason(choice)
                self._on_candidate("abort_reason", service.set_abort_reason, candidate.id, reason)

        self.app.push_screen(ChoiceDialog(t("room.abort.title"), options), chosen)

    # --- end of the session (D7): nobody inside their own time is ended by default ---------

    def action_end_session(self) -> None:
        now = self.now()
        test_minutes = self.snapshot.school.test_minutes
        past = rules.past_own_end(self._candidates, now, test_minutes)
        inside = rules.inside_own_time(self._candidates, now, test_minutes)

        def end() -> None:
            result = self._write(
                "end_session",
                lambda tx, now, by: service.end_session(tx, self.session_id, now=now, by=by),
            )
            if result is not None:
                key = (
                    "room.end_session.done_inside"
                    if result.still_running
                    else "room.end_session.done"
                )
                self.notify(t(key, count=len(result.ended), inside=len(result.still_running)))

        if not past and not inside:
            self._confirm(t("room.end_session.question"), t("room.end_session.confirm"), end)
            return

        note, options = end_session_choices(past, inside, test_minutes)
        early = {c.id: c for c in inside}

        def chosen(choice: str | None) -> None:
            if choice == "end":
                end()
            elif choice in early:
                c = early[choice]
                end_at = personal_end(c, test_minutes)
                self._confirm(
                    t("room.end_session.early_question", name=_name(c), end=end_at),
                    t("room.end_test.confirm"),
                    lambda: self._on_candidate("end_test", service.end_test, c.id),
                    destructive=True,
                )

        self.app.push_screen(ChoiceDialog(t("room.end_session.title"), options, note=note), chosen)

    # --- rehearsal (SPEC §5.4) -----------------------------------------------------------

    def _store_speed(self, speed: int) -> None:
        self._write(
            "simulation_speed",
            lambda tx, now, by: service.set_simulation_speed(
                tx, self.session_id, speed, now=now, by=by
            ),
        )

    def action_simulation(self) -> None:
        session = self.snapshot.session(self.session_id)
        if session is None:
            return
        try:
            check_rehearsal(session, t("room.simulation.refused"))
        except RehearsalRefused as refusal:
            self.notify(str(refusal), severity="warning")
            return
        if self._simulator is not None:
            self._simulator = None
            self._store_speed(0)
            self.notify(t("room.simulation.off"))
        else:
            if not isinstance(self._clock, ScaledClock):
                self._clock = ScaledClock(self.pix.clock, 1)
            self._simulator = Simulator(test_minutes=self.snapshot.school.test_minutes)
            self._sim_last = self.now()
            self._store_speed(int(self._clock.speed))
            self.notify(t("room.simulation.on", speed=int(self._clock.speed)))
        self._header = self._signature = None
        self._tick()

    def action_simulation_speed(self) -> None:
        if self._simulator is None or not isinstance(self._clock, ScaledClock):
            self.notify(t("room.simulation.not_running"), severity="warning")
            return
        self._clock.set_speed(next_speed(self._clock.speed))
        self._store_speed(int(self._clock.speed))
        self._header = self._signature = None
        self._tick()

    def _simulate(self, now: datetime) -> None:
        assert self._simulator is not None
        elapsed = now - (self._sim_last or now)
        self._sim_last = now
        if elapsed.total_seconds() <= 0:
            return
        steps = self._simulator.steps(self._candidates, now, elapsed)
        if not steps:
            return
        applied = self._write(
            "simulation",
            lambda tx, _now, by: service.apply_simulation(
                tx, self.session_id, steps, now=now, by=by
            ),
        )
        if applied is None:
            self._simulator = None  # refused (finalised session): the pupils stop
            return
        names = {c.id: f"{c.first_name} {c.last_name}" for c in self._candidates}
        for step in applied:
            if step.event in (SimEvent.ARRIVED, SimEvent.LEFT):
                name = names.get(step.candidate_id, "?")
                self.notify(t(f"room.simulation.{step.event.value}", name=name))

    def on_unmount(self) -> None:
        if self._simulator is not None:
            self._simulator = None
            with suppress(Exception):  # leaving must never fail over a label
                self._store_speed(0)

    # --- access code, search, leaving ------------------------------------------------------

    def action_show_code(self) -> None:
        session = self.snapshot.session(self.session_id)
        if session is None:
            return
        from pixtui.screens.access_code import AccessCodeScreen

        ascii_only = self.glyphs is not GlyphSet.UNICODE
        self.app.push_screen(AccessCodeScreen(session.access_code, ascii_only=ascii_only))

    def action_search(self) -> None:
        search = self.query_one("#room-search", Input)
        search.display = True
        search.focus()

    @on(Input.Changed, "#room-search")
    def _search_changed(self) -> None:
        self._tick()

    @on(Input.Submitted, "#room-search")
    def _search_submitted(self) -> None:
        self.query_one(RoomGrid).focus()

    def action_leave(self) -> None:
        search = self.query_one("#room-search", Input)
        if search.display:
            search.value = ""
            search.display = False
            self.query_one(RoomGrid).focus()
            return
        self.leave(self.app.pop_screen)

    def leave(self, then: Callable[[], object]) -> None:
        """Échap or F5: leaving the room is confirmed (a key pressed by mistake keeps it)."""
        self._confirm(t("room.leave.question"), t("room.leave.confirm"), then)
