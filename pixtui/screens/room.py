"""Salle: the invigilator's room screen (SPEC §5.1), the heart of pixtui.

Every action is one store transaction through the domain's room rules; the grid is rebuilt
from the snapshot on every store change (another invigilator's action shows within 2 s) and
re-timed once a second from stored instants, repainting only what changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Input

from pixtui.domain import room as rules
from pixtui.domain.clock import Clock, ScaledClock, at_local, local_today
from pixtui.domain.enums import FINALISATION_CODES, AbortReason, LiveAlertKind
from pixtui.domain.finalisation import is_read_only
from pixtui.domain.labels import issue_code_title, label
from pixtui.domain.models import Candidate
from pixtui.domain.names import matches_search
from pixtui.domain.problems import Problem
from pixtui.domain.sessions import parse_time
from pixtui.i18n import t
from pixtui.screens.base import PixScreen
from pixtui.services.rehearsal import (
    RehearsalRefused,
    SimEvent,
    Simulator,
    Step,
    apply_step,
    check_rehearsal,
    next_speed,
)
from pixtui.services.room_view import HeaderView, display_signature, header_view, room_tiles
from pixtui.widgets.confirm import ConfirmDialog
from pixtui.widgets.dialogs import ChoiceDialog, TextDialog
from pixtui.widgets.line import Line
from pixtui.widgets.room_grid import RoomGrid

TICK_SECONDS = 1.0

# Reasons that depend on what the question holds (reference §3.5), with the flag to set.
CONDITIONAL_REASONS = {
    "E1": "has_image",
    "E2": "has_embed",
    "E3": "has_attachment",
    "E10": "is_focus",
}


class RoomScreen(PixScreen):
    SECTION = "salle"
    TITLE_KEY = "nav.room"
    HELP_KEY = "room.help"

    BINDINGS = [
        Binding(
            "p",
            "presence",
            t("room.key.presence"),
            tooltip=t("room.key.presence.tip"),
            id="room-presence",
        ),
        Binding(
            "d", "start_now", t("room.key.start"), tooltip=t("room.key.start.tip"), id="room-start"
        ),
        Binding(
            "a",
            "handle_alert",
            t("room.key.alert"),
            tooltip=t("room.key.alert.tip"),
            id="room-alert",
        ),
        Binding(
            "r", "resume", t("room.key.resume"), tooltip=t("room.key.resume.tip"), id="room-resume"
        ),
        Binding(
            "n",
            "incident",
            t("room.key.incident"),
            tooltip=t("room.key.incident.tip"),
            id="room-incident",
        ),
        Binding(
            "v", "show_code", t("room.key.code"), tooltip=t("room.key.code.tip"), id="room-code"
        ),
        Binding("i", "identity", t("room.key.identity"), show=False, id="room-identity"),
        Binding("s", "signed", t("room.key.signed"), show=False, id="room-signed"),
        Binding("h", "start_at", t("room.key.start_at"), show=False, id="room-start-at"),
        Binding("D", "start_all", t("room.key.start_all"), show=False, id="room-start-all"),
        Binding(
            "l",
            "raise_question_alert",
            t("room.key.raise_alert"),
            show=False,
            id="room-raise-alert",
        ),
        Binding(
            "x",
            "raise_companion_alert",
            t("room.key.raise_companion"),
            show=False,
            id="room-raise-companion",
        ),
        Binding("c", "completed", t("room.key.completed"), show=False, id="room-completed"),
        Binding("t", "end_test", t("room.key.end_test"), show=False, id="room-end-test"),
        Binding("o", "abort_reason", t("room.key.abort"), show=False, id="room-abort"),
        Binding("e", "end_session", t("room.key.end_session"), show=False, id="room-end-session"),
        Binding("m", "simulation", t("room.key.simulation"), show=False, id="room-simulation"),
        Binding("w", "simulation_speed", t("room.key.speed"), show=False, id="room-speed"),
        Binding("slash", "search", t("room.key.search"), show=False, id="room-search"),
        Binding("escape", "leave", t("room.key.leave"), show=False, id="room-leave"),
    ]

    # What an organiser watching from Coordination may not do without the room's password.
    WRITE_ACTIONS = frozenset(
        {
            "presence",
            "start_now",
            "handle_alert",
            "resume",
            "incident",
            "identity",
            "signed",
            "start_at",
            "start_all",
            "raise_question_alert",
            "raise_companion_alert",
            "completed",
            "end_test",
            "abort_reason",
            "end_session",
            "simulation",
            "simulation_speed",
        }
    )

    def __init__(
        self, session_id: str, *, clock: Clock | None = None, read_only: bool = False
    ) -> None:
        super().__init__()
        self.session_id = session_id
        self.read_only = read_only
        self._clock = clock
        self._candidates: list[Candidate] = []
        self._header: HeaderView | None = None
        self._signature: tuple | None = None
        self._slot_over_announced = False
        self._simulator: Simulator | None = None
        self._sim_last: datetime | None = None

    # --- composition --------------------------------------------------------------------

    def compose_body(self) -> Iterable[Widget]:
        yield Line(id="room-header")
        yield Line(id="room-counters")
        yield RoomGrid(id="room-grid")
        yield Line(id="room-detail")
        yield Input(placeholder=t("room.search.placeholder"), id="room-search")

    def on_mount(self) -> None:
        search = self.query_one("#room-search", Input)
        search.cursor_blink = False
        search.display = False
        self.query_one(RoomGrid).focus()
        self.set_interval(TICK_SECONDS, self._tick, name="room-tick")

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
        session = self.snapshot.sessions.get(self.session_id)
        return t("room.title", room=session.room) if session else t(self.TITLE_KEY)

    # --- showing ------------------------------------------------------------------------

    def refresh_data(self) -> None:
        snap = self.snapshot
        self._candidates = [
            c for c in snap.candidates.where(session_id=self.session_id) if not c.removed
        ]
        self._tick()

    def _tick(self) -> None:
        """Re-time everything from stored instants; widgets repaint only if their text changed."""
        snap = self.snapshot
        session = snap.sessions.get(self.session_id)
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
        shown = [c for c in self._candidates if matches_search(query, c.last_name, c.first_name)]
        ascii_only = self.app.ansi_color or False
        self.query_one(RoomGrid).show(
            room_tiles(shown, now, school.test_minutes, ascii_only=ascii_only)
        )
        header = header_view(session, self._candidates, now, school.slot_minutes)
        if header != self._header or self._simulator is not None:
            self._header = header
            self._show_header(header)
        self._show_detail()
        self._announce_slot_end(header)

    def _show_header(self, header: HeaderView) -> None:
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append(header.title, style="bold")
        if self.read_only:
            line.append(" · " + t("room.read_only"), style="reverse")
        if self._simulator is not None and isinstance(self._clock, ScaledClock):
            line.append(
                " · " + t("room.simulation.badge", speed=int(self._clock.speed)), style="reverse"
            )
        if header.examiners:
            line.append(" · " + t("room.header.examiners", names=header.examiners))
        self.query_one("#room-header", Line).show(line)
        c = header.counters
        # Alerts come right after the time: at 80 columns nothing may push them out of sight.
        counters = Text(no_wrap=True, overflow="ellipsis")
        counters.append(header.clock, style="bold")
        if c.alerts:
            counters.append(" " + t("room.counters.alerts", count=c.alerts), style="bold reverse")
        counters.append(f" · {header.countdown} · ")
        counters.append(
            t(
                "room.counters",
                enrolled=c.enrolled,
                present=c.present,
                started=c.started,
                finished=c.finished,
            )
        )
        self.query_one("#room-counters", Line).show(counters)

    def _show_detail(self) -> None:
        grid = self.query_one(RoomGrid)
        candidate = self._selected()
        tile = next((tile for tile in grid.tiles if candidate and tile.id == candidate.id), None)
        detail = Text(no_wrap=True, overflow="ellipsis")
        if candidate and tile:
            detail.append(f"{tile.glyph} {tile.state_label}", style="bold")
            detail.append(f" · {candidate.last_name} {candidate.first_name} ({candidate.division})")
            if tile.start:
                detail.append(" · " + t("room.detail.times", start=tile.start, end=tile.end))
            if tile.clock:
                detail.append(f" · {tile.clock}")
            if tile.alert:
                detail.append(f" · {tile.alert}", style="bold")
            notes = [n for n in (tile.tags, candidate.aid_note, candidate.language_note) if n]
            if notes:
                detail.append(" · " + " · ".join(notes))
            detail.append(
                " · "
                + t(
                    "room.detail.checks",
                    identity=t("room.yes") if candidate.identity_checked_at else t("room.no"),
                    signed=t("room.yes") if candidate.signed_at else t("room.no"),
                )
            )
        elif not self._candidates:
            detail.append(t("room.empty"))
        self.query_one("#room-detail", Line).show(detail)  # repaints only if it changed

    def _announce_slot_end(self, header: HeaderView) -> None:
        session = self.snapshot.sessions.get(self.session_id)
        if session is None or session.ended_at or self._slot_over_announced:
            return
        if header.slot_over:
            self._slot_over_announced = True
            if rules.unfinished_at_end(self._candidates):
                self.notify(t("room.slot_over"), severity="warning", timeout=30)

    def on_room_grid_selection_changed(self, event: RoomGrid.SelectionChanged) -> None:
        self._show_detail()

    # --- helpers for actions ------------------------------------------------------------

    def _selected(self) -> Candidate | None:
        selected = self.query_one(RoomGrid).selected_id
        return next((c for c in self._candidates if c.id == selected), None)

    def _act(
        self,
        action: str,
        change: Callable[[Candidate, datetime], object],
        *,
        candidate_id: str | None = None,
        started_at: Callable[[datetime], datetime] | None = None,
    ) -> bool:
        """Apply a room rule to one candidate in one transaction; a refusal is one notice."""
        candidate_id = candidate_id or self.query_one(RoomGrid).selected_id
        if candidate_id is None:
            return False
        now = self.now()

        def write(tx) -> object:
            self._refuse_if_final(tx)
            result = tx.candidates.update(candidate_id, lambda c: change(c, now))
            if started_at is not None:
                self._record_first_start(tx, started_at(now))
            return result

        return self.pix.write(f"room.{action}", write) is not None

    def _refuse_if_final(self, tx) -> None:
        """Rule 8: a finalised session's room log is what was keyed into Pix Certif."""
        session = tx.sessions.get(self.session_id)
        if session is not None and is_read_only(session):
            raise rules.RoomActionRefused(Problem.error("room.finalised"))

    def _record_first_start(self, tx, at: datetime) -> None:
        """Only when it changes: a needless session save would bump its revision and refuse
        the referent's open session form as stale."""
        session = tx.sessions.get(self.session_id)
        if session is not None and (
            session.first_started_at is None or at < session.first_started_at
        ):
            tx.sessions.update(self.session_id, lambda s: rules.record_first_start(s, at))

    def _session_is_open(self) -> bool:
        session = self.snapshot.sessions.get(self.session_id)
        if session is not None and session.finalization and session.finalization.finalized_at:
            self.notify(t("room.finalised"), severity="warning")
            return False
        return True

    # --- presence (D1, D3) --------------------------------------------------------------

    def action_presence(self) -> None:
        candidate = self._selected()
        if candidate is None or not self._session_is_open():
            return
        if candidate.authorized_to_start and candidate.assessment_state is None:
            self._act("cancel_presence", lambda c, now: rules.cancel_presence(c))
        else:
            self._act("confirm_presence", rules.confirm_presence)

    def action_identity(self) -> None:
        candidate = self._selected()
        if candidate is not None:
            done = candidate.identity_checked_at is None
            self._act("identity", lambda c, now: rules.check_identity(c, now, done))

    def action_signed(self) -> None:
        candidate = self._selected()
        if candidate is not None:
            done = candidate.signed_at is None
            self._act("signed", lambda c, now: rules.mark_signed(c, now, done))

    # --- starting -----------------------------------------------------------------------

    def action_start_now(self) -> None:
        candidate = self._selected()
        if candidate is None or not self._session_is_open():
            return
        if rules.pending_resume(candidate):
            self._act("resumed", rules.mark_resumed)
            return
        self._act("start", rules.mark_started, started_at=lambda now: now)

    def action_start_at(self) -> None:
        candidate = self._selected()
        if candidate is None or not self._session_is_open():
            return

        def check(text: str) -> str | None:
            return None if parse_time(text) else t("room.start_at.bad")

        def answered(text: str | None) -> None:
            hour = parse_time(text) if text else None
            if hour is None:
                return
            at = at_local(local_today(self.room_clock), hour)
            if at > self.now():
                self.notify(t("room.start_at.future"), severity="warning")
                return
            self._act("start", lambda c, now: rules.mark_started(c, at), started_at=lambda now: at)

        self.app.push_screen(
            TextDialog(
                t("room.start_at.title", name=f"{candidate.last_name} {candidate.first_name}"),
                placeholder=t("room.start_at.placeholder"),
                check=check,
            ),
            answered,
        )

    def action_start_all(self) -> None:
        present = [
            c for c in self._candidates if c.authorized_to_start and c.assessment_state is None
        ]
        if not present or not self._session_is_open():
            self.notify(t("room.start_all.none"), severity="warning")
            return

        def answered(confirmed: bool | None) -> None:
            if not confirmed:
                return
            now = self.now()
            ids = {c.id for c in present}

            def write(tx) -> int:
                self._refuse_if_final(tx)
                started = 0
                for candidate_id in ids:
                    candidate = tx.candidates.get(candidate_id)
                    # Another invigilator may have started or cancelled one meanwhile.
                    if (
                        candidate
                        and candidate.authorized_to_start
                        and candidate.assessment_state is None
                    ):
                        tx.candidates.update(candidate_id, lambda c: rules.mark_started(c, now))
                        started += 1
                if started:
                    self._record_first_start(tx, now)
                return started

            count = self.pix.write("room.start_all", write)
            if count is not None:
                self.notify(t("room.start_all.done", count=count))

        self.app.push_screen(
            ConfirmDialog(
                t("room.start_all.question", count=len(present)),
                confirm_label=t("room.start_all.confirm"),
            ),
            answered,
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
                number = int(text)
                self._act(
                    "raise_alert",
                    lambda c, now: rules.raise_alert(c, LiveAlertKind.CHALLENGE, number, None, now),
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
        self._act(
            "raise_companion_alert",
            lambda c, now: rules.raise_alert(c, LiveAlertKind.COMPANION, None, None, now),
        )

    def action_handle_alert(self) -> None:
        candidate = self._selected()
        if candidate is None:
            return
        by = self.pix.store.actor
        companion = rules.ongoing_alert(candidate, LiveAlertKind.COMPANION)
        if companion is not None:
            # Pix shows the extension alert first: the candidate is blocked until it is cleared.
            def cleared(choice: str | None) -> None:
                if choice == "clear":
                    self._act(
                        "clear_companion_alert",
                        lambda c, now: rules.clear_companion_alert(c, companion.id, now, by),
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
        for code in sorted(set(allowed) | set(CONDITIONAL_REASONS), key=lambda c: int(c[1:])):
            text = issue_code_title(code)
            if code in CONDITIONAL_REASONS and code not in allowed:
                text = t(
                    "room.alert.conditional",
                    title=text,
                    condition=t(f"room.alert.if.{CONDITIONAL_REASONS[code]}"),
                )
            options.append((code, text))
        options.append(("refuse", t("room.alert.refuse")))

        def chosen(choice: str | None) -> None:
            if choice is None:
                return
            if choice == "refuse":
                self._act("refuse_alert", lambda c, now: rules.refuse_alert(c, alert.id, now, by))
                return

            def validate(c: Candidate, now: datetime) -> None:
                flag = CONDITIONAL_REASONS.get(choice)
                if flag:  # the invigilator says the question holds that element
                    for live in c.alerts:
                        if live.id == alert.id:
                            setattr(live, flag, True)
                rules.validate_alert(c, alert.id, choice, now, by)

            self._act("validate_alert", validate)

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
        by = self.pix.store.actor
        if self._act("authorize_resume", lambda c, now: rules.authorize_resume(c, now, by)):
            selected = self.query_one(RoomGrid).selected_id
            if self._simulator is not None and selected:
                self._simulator.forget_left(selected)

    def action_end_test(self) -> None:
        candidate = self._selected()
        if candidate is None:
            return
        if not rules.is_started(candidate):
            self.notify(t("domain.room.end_not_started"), severity="warning")
            return
        by = self.pix.store.actor

        def answered(confirmed: bool | None) -> None:
            if confirmed:
                self._act(
                    "end_test", lambda c, now: rules.end_test(c, now, by), candidate_id=candidate.id
                )

        self.app.push_screen(
            ConfirmDialog(
                t("room.end_test.question", name=f"{candidate.last_name} {candidate.first_name}"),
                confirm_label=t("room.end_test.confirm"),
                destructive=True,
            ),
            answered,
        )

    def action_completed(self) -> None:
        candidate = self._selected()
        if candidate is None:
            return

        def answered(confirmed: bool | None) -> None:
            if confirmed:
                self._act("completed", rules.mark_completed, candidate_id=candidate.id)

        self.app.push_screen(
            ConfirmDialog(
                t("room.completed.question", name=f"{candidate.last_name} {candidate.first_name}"),
                confirm_label=t("room.completed.confirm"),
            ),
            answered,
        )

    # --- incidents and abort reason (for the PV and the finalisation) --------------------

    def action_incident(self) -> None:
        candidate = self._selected()
        if candidate is None:
            return
        by = self.pix.store.actor
        options = [(code, issue_code_title(code)) for code in FINALISATION_CODES]

        def chosen(code: str | None) -> None:
            if code is None:
                return

            def described(text: str | None) -> None:
                if text is None:
                    return
                self._act(
                    "incident",
                    lambda c, now: rules.add_incident(c, code, text, now, by),
                    candidate_id=candidate.id,
                )

            self.app.push_screen(
                TextDialog(
                    t("room.incident.describe", title=issue_code_title(code)),
                    placeholder=t("room.incident.placeholder"),
                    max_length=rules.DESCRIPTION_MAX_CHARS,
                ),
                described,
            )

        self.app.push_screen(
            ChoiceDialog(
                t("room.incident.title", name=f"{candidate.last_name} {candidate.first_name}"),
                options,
            ),
            chosen,
        )

    def action_abort_reason(self) -> None:
        candidate = self._selected()
        if candidate is None:
            return
        options = [(reason.value, label(reason)) for reason in AbortReason]
        options.append(("none", t("room.abort.none")))

        def chosen(choice: str | None) -> None:
            if choice is None:
                return
            reason = None if choice == "none" else AbortReason(choice)
            self._act(
                "abort_reason",
                lambda c, now: rules.set_abort_reason(c, reason),
                candidate_id=candidate.id,
            )

        self.app.push_screen(ChoiceDialog(t("room.abort.title"), options), chosen)

    # --- end of the session (D7) ----------------------------------------------------------

    def action_end_session(self) -> None:
        running = rules.unfinished_at_end(self._candidates)
        by = self.pix.store.actor
        names = ", ".join(f"{c.last_name} {c.first_name}" for c in running[:12])
        if len(running) > 12:
            names += t("room.end_session.more", count=len(running) - 12)
        question = (
            t("room.end_session.question_running", count=len(running), names=names)
            if running
            else t("room.end_session.question")
        )

        def answered(confirmed: bool | None) -> None:
            if not confirmed:
                return
            now = self.now()
            ids = [c.id for c in running]

            def write(tx) -> int:
                self._refuse_if_final(tx)
                ended = 0
                for candidate_id in ids:
                    candidate = tx.candidates.get(candidate_id)
                    if candidate and rules.is_started(candidate):
                        tx.candidates.update(candidate_id, lambda c: rules.end_test(c, now, by))
                        ended += 1

                def close(session) -> None:
                    session.ended_at = session.ended_at or now

                tx.sessions.update(self.session_id, close)
                return ended

            ended = self.pix.write("room.end_session", write)
            if ended is not None:
                self.notify(t("room.end_session.done", count=ended))

        self.app.push_screen(
            ConfirmDialog(
                question, confirm_label=t("room.end_session.confirm"), destructive=bool(running)
            ),
            answered,
        )

    # --- rehearsal (SPEC §5.4) -----------------------------------------------------------

    def action_simulation(self) -> None:
        session = self.snapshot.sessions.get(self.session_id)
        if session is None:
            return
        try:
            check_rehearsal(session, t("room.simulation.refused"))
        except RehearsalRefused as refusal:
            self.notify(str(refusal), severity="warning")
            return
        if self._simulator is not None:
            self._simulator = None
            self.notify(t("room.simulation.off"))
        else:
            if not isinstance(self._clock, ScaledClock):
                self._clock = ScaledClock(self.pix.clock, 1)
            self._simulator = Simulator(test_minutes=self.snapshot.school.test_minutes)
            self._sim_last = self.now()
            self.notify(t("room.simulation.on", speed=int(self._clock.speed)))
        self._header = self._signature = None
        self._tick()

    def action_simulation_speed(self) -> None:
        if self._simulator is None or not isinstance(self._clock, ScaledClock):
            self.notify(t("room.simulation.not_running"), severity="warning")
            return
        self._clock.set_speed(next_speed(self._clock.speed))
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

        def write(tx) -> list[Step]:
            self._refuse_if_final(tx)
            applied = []
            for step in steps:
                try:
                    tx.candidates.update(
                        step.candidate_id, lambda c, step=step: apply_step(c, step, now)
                    )
                except rules.RoomActionRefused:
                    continue  # the trainee acted first: the pupil simply does something else
                if step.event is SimEvent.STARTED:
                    self._record_first_start(tx, now)
                applied.append(step)
            return applied

        applied = self.pix.write("room.simulation", write)
        if applied is None:
            self._simulator = None  # refused (finalised session): the pupils stop
            return
        names = {c.id: f"{c.first_name} {c.last_name}" for c in self._candidates}
        for step in applied:
            if step.event in (SimEvent.ARRIVED, SimEvent.LEFT):
                self.notify(
                    t(
                        f"room.simulation.{step.event.value}",
                        name=names.get(step.candidate_id, "?"),
                    ),
                    timeout=12,
                )

    # --- access code, search, leaving ------------------------------------------------------

    def action_show_code(self) -> None:
        session = self.snapshot.sessions.get(self.session_id)
        if session is None:
            return
        from pixtui.screens.access_code import AccessCodeScreen

        self.app.push_screen(
            AccessCodeScreen(session.access_code, ascii_only=bool(self.app.ansi_color))
        )

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

        def answered(confirmed: bool | None) -> None:
            if confirmed:
                self.app.pop_screen()

        self.app.push_screen(
            ConfirmDialog(t("room.leave.question"), confirm_label=t("room.leave.confirm")), answered
        )
