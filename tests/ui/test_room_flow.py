"""Salle by key presses alone on the demo's rehearsal; every step checked in the store itself."""

from __future__ import annotations

from datetime import datetime, timedelta

from textual.widgets import OptionList

from pixtui.app import PixtuiApp
from pixtui.domain import room as rules
from pixtui.domain.clock import FixedClock
from pixtui.domain.enums import (
    FINALISATION_CODES,
    AbortReason,
    AssessmentState,
    LiveAlertKind,
    LiveAlertStatus,
)
from pixtui.domain.models import Candidate, Event, Session
from pixtui.domain.room import RoomState
from pixtui.i18n import t
from pixtui.screens.access_code import AccessCodeScreen
from pixtui.screens.room import RoomScreen
from pixtui.screens.room_entry import RoomEntryScreen
from pixtui.services.room_access import FAILED_ACTION, OK_ACTION
from pixtui.store import Store
from pixtui.widgets.confirm import ConfirmDialog
from pixtui.widgets.dialogs import ChoiceDialog, TextDialog
from pixtui.widgets.password_dialog import PasswordDialog
from tests.conftest import ROOM_TICK

from .pilot_helpers import (
    enter_room,
    keys_for,
    move_to,
    notices,
    room_grid,
    screen_text,
    search_query,
)

WIDE = (120, 40)
ACTOR = "mdupont"  # the demo store's actor (tests/conftest.py)


# --- reading the store ------------------------------------------------------------------------


def rehearsal(store: Store) -> Session:
    return next(s for s in store.snapshot().sessions.all() if s.rehearsal)


def candidates(store: Store) -> list[Candidate]:
    return store.snapshot().candidates.where(session_id=rehearsal(store).id)


def fresh(store: Store, candidate_id: str) -> Candidate:
    return store.snapshot().candidates.get(candidate_id)


def absent(store: Store) -> list[Candidate]:
    return [
        c for c in candidates(store) if not c.authorized_to_start and c.assessment_state is None
    ]


def running(store: Store) -> list[Candidate]:
    """Started, no alert, no pending resume: plain "in progress"."""
    return [
        c
        for c in candidates(store)
        if c.assessment_state is AssessmentState.STARTED
        and not c.alerts
        and not c.resumes
        and not c.extra_time_ratio
    ]


def with_ongoing(store: Store, kind: LiveAlertKind) -> Candidate:
    return next(
        c
        for c in candidates(store)
        if any(a.kind is kind and a.status is LiveAlertStatus.ONGOING for a in c.alerts)
    )


class Journal:
    """The journal lines written since the mark."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.start = len(list(store.iter_journal()))

    def new(self) -> list[Event]:
        return list(self.store.iter_journal())[self.start :]

    def actions(self) -> list[tuple[str, str]]:
        return [(e.action, e.record_id) for e in self.new()]


async def choose(pilot, option_id: str) -> None:
    """In a ChoiceDialog: Début, ↓ to the option, Entrée."""
    assert isinstance(pilot.app.screen, ChoiceDialog)
    options = pilot.app.screen.query_one(OptionList)
    ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
    await pilot.press("home", *["down"] * ids.index(option_id), "enter")
    await pilot.pause()


async def confirm(pilot) -> None:
    """In a ConfirmDialog: → to the confirming button, Entrée."""
    assert isinstance(pilot.app.screen, ConfirmDialog)
    await pilot.press("right", "enter")
    await pilot.pause()


async def tick(pilot) -> None:
    """Let the room's timer (injected: ROOM_TICK instead of a second) run (no key press)."""
    await pilot.pause(ROOM_TICK * 5)


# --- entering the room ----------------------------------------------------------------------


async def test_wrong_passwords_then_a_waiting_delay(demo_app: PixtuiApp, clock: FixedClock) -> None:
    store = demo_app.store
    session = rehearsal(store)
    journal = Journal(store)
    async with demo_app.run_test(size=WIDE, notifications=True) as pilot:
        await enter_room(pilot, session, password="mauvais")
        assert isinstance(demo_app.screen, PasswordDialog)
        assert t("room.password.wrong").split(":")[0] in screen_text(demo_app)
        assert journal.actions() == [(FAILED_ACTION, session.id)]
        assert journal.new()[0].who == ACTOR
        for typed in ("encore", session.invigilator_password.swapcase()):
            await pilot.press(*keys_for(typed), "enter")
            await pilot.pause()
        # Three failures: no dialog any more, a French notice with the delay.
        assert isinstance(demo_app.screen, RoomEntryScreen)
        assert t("room.password.wait", seconds=5) in notices(demo_app)
        assert journal.actions() == [(FAILED_ACTION, session.id)] * 3
        await pilot.press("enter")  # too early: refused without asking
        await pilot.pause()
        assert isinstance(demo_app.screen, RoomEntryScreen)
        clock.advance(timedelta(seconds=5))
        await pilot.press("enter", *keys_for(session.invigilator_password), "enter")
        await pilot.pause()
        assert isinstance(demo_app.screen, RoomScreen)
    assert journal.actions() == [(FAILED_ACTION, session.id)] * 3 + [(OK_ACTION, session.id)]
    # The journal never holds what was typed.
    assert "mauvais" not in store.paths.journal.read_text(encoding="utf-8")


async def test_escape_on_the_password_stays_outside(demo_app: PixtuiApp) -> None:
    journal = Journal(demo_app.store)
    async with demo_app.run_test(size=WIDE) as pilot:
        await pilot.press("f5", "enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(demo_app.screen, RoomEntryScreen)
    assert journal.actions() == []


# --- the whole session --------------------------------------------------------------------------


async def test_a_whole_session_by_keys(demo_app: PixtuiApp, clock: FixedClock) -> None:
    store = demo_app.store
    session = rehearsal(store)
    a1, a2, a3 = absent(store)[:3]
    plain = running(store)
    journal = Journal(store)

    def now() -> datetime:
        return clock.now()

    async with demo_app.run_test(size=WIDE, notifications=True) as pilot:
        await enter_room(pilot, session)
        assert isinstance(demo_app.screen, RoomScreen)
        grid = room_grid(demo_app)
        assert len(grid.tiles) == len(candidates(store))

        # Presence for several; a confirmation cancelled, then given again.
        for candidate in (a1, a2, a3):
            await move_to(pilot, candidate.id)
            await pilot.press("p")
            await pilot.pause()
            c = fresh(store, candidate.id)
            assert c.authorized_to_start and c.authorized_at == now()
        # P again sets the same state (never a toggle): a3 stays present.
        await move_to(pilot, a3.id)
        await pilot.press("p")
        await pilot.pause()
        assert fresh(store, a3.id).authorized_to_start
        assert t("room.already.presence", who=ACTOR, at="09:40") in notices(demo_app)
        # Undoing is its own key, confirmed, and names who did it and when.
        await pilot.press("u")
        await pilot.pause()
        assert t("room.undo.presence", who=ACTOR, at="09:40") in screen_text(demo_app)
        await choose(pilot, "presence")
        await confirm(pilot)
        assert not fresh(store, a3.id).authorized_to_start
        assert fresh(store, a3.id).authorized_at is None

        # One started now.
        clock.advance(timedelta(minutes=1))
        await move_to(pilot, a1.id)
        await pilot.press("d")
        await pilot.pause()
        c = fresh(store, a1.id)
        assert c.assessment_state is AssessmentState.STARTED and c.started_at == now()
        assert not c.authorized_to_start

        # All present ones started at once, after a confirmation.
        clock.advance(timedelta(minutes=1))
        present = [c for c in candidates(store) if c.authorized_to_start and not c.assessment_state]
        assert a2.id in {c.id for c in present} and len(present) >= 2
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(demo_app.screen, ConfirmDialog)
        assert t("room.start_all.question", count=len(present)) in screen_text(demo_app)
        await confirm(pilot)
        for c in present:
            c = fresh(store, c.id)
            assert c.assessment_state is AssessmentState.STARTED and c.started_at == now()
        assert not fresh(store, a3.id).assessment_state  # cancelled: not present, not started

        # A question alert validated with an E reason: an issue report for the finalisation.
        clock.advance(timedelta(minutes=1))
        alerted = with_ongoing(store, LiveAlertKind.CHALLENGE)
        question = next(a for a in alerted.alerts if a.status is LiveAlertStatus.ONGOING)
        reports_before = len(alerted.issue_reports)
        await move_to(pilot, alerted.id)
        await pilot.press("a")
        await pilot.pause()
        await choose(pilot, "E4")
        c = fresh(store, alerted.id)
        handled = next(a for a in c.alerts if a.id == question.id)
        assert handled.status is LiveAlertStatus.VALIDATED and handled.reason_code == "E4"
        assert (handled.handled_at, handled.handled_by) == (now(), ACTOR)
        assert len(c.issue_reports) == reports_before + 1
        report = c.issue_reports[-1]
        assert (report.code, report.question_number, report.source) == (
            "E4",
            question.question_number,
            "live",
        )
        assert report.created_at == now()

        # Another alert raised (question 7), refused: no report, the same question goes on.
        raiser = plain[0]
        await move_to(pilot, raiser.id)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(demo_app.screen, TextDialog)
        await pilot.press("7", "enter")
        await pilot.pause()
        c = fresh(store, raiser.id)
        assert [(a.kind, a.question_number, a.status) for a in c.alerts] == [
            (LiveAlertKind.CHALLENGE, 7, LiveAlertStatus.ONGOING)
        ]
        # The alert moved the candidate to the top: the cursor followed it.
        assert grid.selected_id == raiser.id
        assert grid.tiles[0].id in {raiser.id, with_ongoing(store, LiveAlertKind.COMPANION).id}
        await pilot.press("a")
        await pilot.pause()
        await choose(pilot, "refuse")
        c = fresh(store, raiser.id)
        assert c.alerts[0].status is LiveAlertStatus.DISMISSED and c.issue_reports == []

        # A resume authorised, then the candidate back in.
        clock.advance(timedelta(minutes=1))
        resumer = plain[1]
        await move_to(pilot, resumer.id)
        await pilot.press("r")
        await pilot.pause()
        c = fresh(store, resumer.id)
        assert [(r.authorized_at, r.by, r.resumed_at) for r in c.resumes] == [(now(), ACTOR, None)]
        tile = next(tile for tile in grid.tiles if tile.id == resumer.id)
        assert tile.state is RoomState.WAITING_RESUME
        await pilot.press("d")
        await pilot.pause()
        assert fresh(store, resumer.id).resumes[0].resumed_at == now()
        assert not fresh(store, resumer.id).authorized_to_start

        # A resume refused for a candidate who never started: a French notice, nothing written.
        await move_to(pilot, a3.id)
        before = journal.actions()
        await pilot.press("r")
        await pilot.pause()
        assert journal.actions() == before
        assert fresh(store, a3.id).resumes == []
        assert t("domain.room.resume_not_started") in notices(demo_app)

        # One test ended: Entrée alone answers "no", then confirmed.
        clock.advance(timedelta(minutes=1))
        ender = plain[2]
        await move_to(pilot, ender.id)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(demo_app.screen, ConfirmDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert fresh(store, ender.id).assessment_state is AssessmentState.STARTED
        await pilot.press("t")
        await pilot.pause()
        await confirm(pilot)
        c = fresh(store, ender.id)
        assert c.assessment_state is AssessmentState.ENDED_BY_INVIGILATOR
        assert (c.ended_at, c.ended_by) == (now(), ACTOR)

        # An incident (C code and text) and an abort reason on that candidate.
        await move_to(pilot, ender.id)
        await pilot.press("n")
        await pilot.pause()
        await choose(pilot, FINALISATION_CODES[0])
        assert isinstance(demo_app.screen, TextDialog)
        await pilot.press(*keys_for("malaise en salle"), "enter")
        await pilot.pause()
        report = fresh(store, ender.id).issue_reports[-1]
        assert (report.code, report.description, report.source, report.created_by) == (
            FINALISATION_CODES[0],
            "malaise en salle",
            "room",
            ACTOR,
        )
        await pilot.press("o")
        await pilot.pause()
        await choose(pilot, AbortReason.TECHNICAL.value)
        assert fresh(store, ender.id).abort_reason is AbortReason.TECHNICAL

        # The access code: hidden, shown for the whole room on one key, hidden on the next.
        code = session.access_code
        assert code not in screen_text(demo_app)
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(demo_app.screen, AccessCodeScreen)
        assert " ".join(code) in screen_text(demo_app)
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(demo_app.screen, RoomScreen)
        assert " ".join(code) not in screen_text(demo_app)

        # Incremental search, then Échap: everyone back, the cursor on the one found.
        target = plain[3]
        await pilot.press("slash", *keys_for(search_query(target)))
        await pilot.pause()
        assert [tile.id for tile in grid.tiles] == [target.id]
        await pilot.press("enter")
        await pilot.pause()
        assert grid.selected_id == target.id
        await pilot.press("escape")
        await pilot.pause()
        assert len(grid.tiles) == len(candidates(store)) and grid.selected_id == target.id
        assert isinstance(demo_app.screen, RoomScreen)

        # The end of the session: Entrée ends those past their own end, nobody inside it.
        clock.advance(timedelta(minutes=1))
        working = [c for c in candidates(store) if c.assessment_state is AssessmentState.STARTED]
        past = rules.past_own_end(working, now(), 105)
        inside = rules.inside_own_time(working, now(), 105)
        still = [c.id for c in past]
        assert inside
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(demo_app.screen, ChoiceDialog)
        await pilot.press("enter")
        await pilot.pause()
        for candidate_id in still:
            c = fresh(store, candidate_id)
            assert c.assessment_state is AssessmentState.ENDED_BY_INVIGILATOR
            assert (c.ended_at, c.ended_by) == (now(), ACTOR)
        for c in inside:
            assert fresh(store, c.id).assessment_state is AssessmentState.STARTED
        assert store.snapshot().sessions.get(session.id).ended_at == now()
        done = t("room.end_session.done_inside", count=len(still), inside=len(inside))
        assert done in notices(demo_app)

    # Every action is in the journal, by whom, in order, on the right record.
    lines = journal.actions()
    expected = [
        ("room.confirm_presence", a1.id),
        ("room.confirm_presence", a2.id),
        ("room.confirm_presence", a3.id),
        ("room.cancel_presence", a3.id),
        ("room.start", a1.id),
        ("room.validate_alert", alerted.id),
        ("room.raise_alert", raiser.id),
        ("room.refuse_alert", raiser.id),
        ("room.authorize_resume", resumer.id),
        ("room.resumed", resumer.id),
        ("room.end_test", ender.id),
        ("room.incident", ender.id),
        ("room.abort_reason", ender.id),
    ]
    positions = [lines.index(line) for line in expected]
    assert positions == sorted(positions)
    candidate_ids = {c.id for c in candidates(store)}
    assert {rid for action, rid in lines if action == "room.start_all"} & candidate_ids == {
        c.id for c in present
    }
    assert {rid for action, rid in lines if action == "room.end_session"} >= set(still)
    assert ("room.end_session", session.id) in lines
    assert all(e.who == ACTOR for e in journal.new())


# --- the cursor and the clock ---------------------------------------------------------------


async def test_cursor_moves_with_arrows_in_two_columns(demo_app: PixtuiApp) -> None:
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await enter_room(pilot, rehearsal(demo_app.store))
        grid = room_grid(demo_app)
        ids = [tile.id for tile in grid.tiles]
        await pilot.press("home")
        assert grid.selected_id == ids[0]
        await pilot.press("right")
        assert grid.selected_id == ids[1]
        await pilot.press("down")  # two tiles a row at 80 columns
        assert grid.selected_id == ids[3]
        await pilot.press("left", "up")
        assert grid.selected_id == ids[0]
        await pilot.press("up")  # already on the first row: stays
        assert grid.selected_id == ids[0]
        await pilot.press("end")
        assert grid.selected_id == ids[-1]
        await pilot.press("right")
        assert grid.selected_id == ids[-1]


async def test_cursor_stays_on_the_candidate_when_the_order_changes(
    demo_app: PixtuiApp, clock: FixedClock
) -> None:
    store = demo_app.store
    async with demo_app.run_test(size=WIDE, notifications=True) as pilot:
        await enter_room(pilot, rehearsal(store))
        grid = room_grid(demo_app)
        watched = running(store)[-1]
        await move_to(pilot, watched.id)
        index_before = [tile.id for tile in grid.tiles].index(watched.id)
        await pilot.press("l", "3", "enter")  # a question alert: alerts come first
        await pilot.pause()
        ids = [tile.id for tile in grid.tiles]
        assert ids.index(watched.id) < index_before
        assert grid.selected_id == watched.id
        # The next key acts on that same candidate.
        await pilot.press("p")
        await pilot.pause()
        assert t("domain.room.presence_started") in notices(demo_app)
        await pilot.press("a")
        await pilot.pause()
        await choose(pilot, "refuse")
        alert = fresh(store, watched.id).alerts[0]
        assert (alert.status, alert.handled_by) == (LiveAlertStatus.DISMISSED, ACTOR)
        assert grid.selected_id == watched.id


async def test_another_process_change_shows_in_the_room_within_two_seconds(
    demo_app: PixtuiApp, clock: FixedClock
) -> None:
    """Five changes by another invigilator, written at different moments of the app's timers."""
    import time

    store = demo_app.store
    other = Store.open(store.path, actor="autre-surveillant", clock=clock)
    targets = (
        absent(store)[:2]
        + [c for c in candidates(store) if c.authorized_to_start and not c.assessment_state][:3]
    )
    assert len(targets) == 5
    async with demo_app.run_test(size=WIDE) as pilot:
        await enter_room(pilot, rehearsal(store))
        grid = room_grid(demo_app)
        watched = running(store)[0]
        await move_to(pilot, watched.id)
        for offset, target in zip((0.0, 0.2, 0.4, 0.6, 0.8), targets, strict=True):
            await pilot.pause(offset)
            was_absent = not target.authorized_to_start
            with other.transaction("room.confirm_presence" if was_absent else "room.start") as tx:
                if was_absent:
                    tx.candidates.update(
                        target.id, lambda c: rules.confirm_presence(c, clock.now())
                    )
                else:
                    tx.candidates.update(target.id, lambda c: rules.mark_started(c, clock.now()))
            wanted = RoomState.PRESENT if was_absent else RoomState.IN_PROGRESS
            written = time.monotonic()

            def shown(target: Candidate = target, wanted: RoomState = wanted) -> bool:
                return any(tile.id == target.id and tile.state is wanted for tile in grid.tiles)

            while not shown() and time.monotonic() - written < 2.0:
                await pilot.pause(0.05)  # no key press: only the app's polling may bring it
            assert shown(), f"change {offset} s after the last one not shown within 2 s"
            assert grid.selected_id == watched.id


async def test_a_start_leaves_the_session_alone_when_nothing_changes(
    demo_app: PixtuiApp,
) -> None:
    store = demo_app.store
    session = rehearsal(store)
    assert session.first_started_at is not None  # the demo room is already running
    present = next(
        c for c in candidates(store) if c.authorized_to_start and c.assessment_state is None
    )
    async with demo_app.run_test(size=WIDE) as pilot:
        await enter_room(pilot, session)
        await move_to(pilot, present.id)
        await pilot.press("d")
        await pilot.pause()
    assert fresh(store, present.id).assessment_state is AssessmentState.STARTED
    after = store.snapshot().sessions.get(session.id)
    assert after.first_started_at == session.first_started_at
    assert after.rev == session.rev


def _minutes(delta: timedelta, *, up: bool) -> str:
    seconds = int(delta.total_seconds())
    minutes = -(-seconds // 60) if up else seconds // 60
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d}" if hours else f"{minutes} min"


def _local_hhmm(instant: datetime) -> str:
    from zoneinfo import ZoneInfo

    return instant.astimezone(ZoneInfo("Europe/Paris")).strftime("%H:%M")


def expected_clock(c: Candidate, now: datetime, test_minutes: int) -> tuple[str, str]:
    """(end, clock text) computed here from the stored start, independently of the room code."""
    import math

    start = c.started_at.replace(microsecond=0)
    # The personal duration, rounded UP to the whole minute (README: one rule everywhere).
    minutes = math.ceil(round(test_minutes * (1 + c.extra_time_ratio), 9))
    end = start + timedelta(minutes=minutes)
    if now > end:
        return _local_hhmm(end), "+" + _minutes(now - end, up=False)
    return _local_hhmm(end), _minutes(end - now, up=True)


async def test_countdowns_and_overtime_come_from_stored_instants(
    demo_app: PixtuiApp, clock: FixedClock
) -> None:
    store = demo_app.store
    test_minutes = store.snapshot().school.test_minutes
    slot_minutes = store.snapshot().school.slot_minutes
    session = rehearsal(store)
    timed = [
        c
        for c in candidates(store)
        if c.assessment_state is AssessmentState.STARTED and not c.alerts and not c.resumes
    ]
    assert any(c.extra_time_ratio for c in timed)

    def check_tiles(app: PixtuiApp) -> None:
        tiles = {tile.id: tile for tile in room_grid(app).tiles}
        for c in timed:
            end, left = expected_clock(c, clock.now(), test_minutes)
            assert (tiles[c.id].end, tiles[c.id].clock) == (end, left), c.last_name

    async with demo_app.run_test(size=WIDE, notifications=True) as pilot:
        await enter_room(pilot, session)
        check_tiles(demo_app)
        # Jumps of the clock, not ticks: each display is recomputed from the stored starts.
        for jump in (timedelta(minutes=7, seconds=31), timedelta(minutes=53), timedelta(hours=1)):
            clock.advance(jump)
            await tick(pilot)
            check_tiles(demo_app)
        tiles = {tile.id: tile for tile in room_grid(demo_app).tiles}
        late = [c for c in timed if not c.extra_time_ratio]
        assert late and all(tiles[c.id].state is RoomState.OVERTIME for c in late)
        assert all(tiles[c.id].clock.startswith("+") for c in late)
        # Overtime comes before plain "in progress" in the grid.
        order = [tile.state for tile in room_grid(demo_app).tiles]
        assert order.index(RoomState.OVERTIME) < order.index(RoomState.IN_PROGRESS)
        # The slot is over: the header gives its end and the last personal end; the message
        # line names only those past their own end (never a pupil still inside their time).
        start = datetime.combine(session.date, session.start_time)
        from zoneinfo import ZoneInfo

        slot_end = start.replace(tzinfo=ZoneInfo("Europe/Paris")) + timedelta(minutes=slot_minutes)
        text = screen_text(demo_app)
        assert t("room.countdown.slot_end", end=slot_end.strftime("%H:%M")) in text
        said = " ".join(notices(demo_app))
        assert all(f"{c.last_name} {c.first_name}" in said for c in late)
        assert not any(
            f"{c.last_name} {c.first_name}" in said
            for c in timed
            if tiles[c.id].state is not RoomState.OVERTIME
        )
        shown = {c.id: tiles[c.id].clock for c in timed}

    # Reopening (a dropped SSH connection) shows the same times: nothing was kept in memory.
    again = PixtuiApp(store, clock, watch_terminal=False)
    async with again.run_test(size=WIDE) as pilot:
        await enter_room(pilot, session)
        tiles = {tile.id: tile for tile in room_grid(again).tiles}
        assert {c.id: tiles[c.id].clock for c in timed} == shown
