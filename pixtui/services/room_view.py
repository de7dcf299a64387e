"""What the room screen shows, computed from stored instants and "now" (no textual here).

Times are shown to the minute: a grid of 30 countdowns that changed every second would send
kilobytes per second over SSH for nothing (SPEC §8: at most 300 bytes/s idle).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from pixtui.domain.enums import LiveAlertKind
from pixtui.domain.models import Candidate, Session
from pixtui.domain.room import (
    GlyphSet,
    RoomCounters,
    RoomState,
    glyph,
    is_ended,
    is_started,
    ongoing_alert,
    room_counters,
    room_state,
    room_status,
    sort_for_attention,
    state_label,
)
from pixtui.domain.timing import (
    DEFAULT_TEST_MINUTES,
    CountdownPhase,
    candidate_deadline,
    format_clock,
    format_extra_time,
    latest_deadline,
    overtime,
    remaining,
    session_countdown,
    session_end,
)
from pixtui.i18n import t


@dataclass(frozen=True)
class TileView:
    """One candidate as the grid shows it; equal views mean nothing to repaint."""

    id: str
    state: RoomState
    stale: bool
    glyph: str
    state_label: str
    name: str
    division: str
    tags: str  # "+33 %", aid, language, accessibility
    short_tag: str  # the most important of them, whole ("+200 %"), for compact tiles
    start: str
    end: str  # the personal end; for a finished test, when it finished
    clock: str  # remaining ("1 h 14") or overtime ("+12 min")
    alert: str  # "Q 12" / "Ext." when an alert is ongoing
    checks: str  # identity checked / signed marks


@dataclass(frozen=True)
class HeaderView:
    title: str
    place: str  # site and room
    examiners: str
    clock: str
    countdown: str  # the last personal end and the time left (or the start, or the close)
    slot_end: str  # "fin créneau 11:30" once the slot has begun
    slot_over: bool
    counters: RoomCounters
    overtime: int = 0  # running past their own end
    resume_requests: int = 0
    simulated: bool = False  # another process runs this rehearsal faster than real time


def format_minutes(delta: timedelta, *, round_up: bool = False) -> str:
    """ "1 h 05", "12 min": minute precision (remaining time rounds up, so 0 means over)."""
    seconds = int(delta.total_seconds())
    minutes = -(-seconds // 60) if round_up else seconds // 60
    hours, minutes = divmod(max(minutes, 0), 60)
    if hours:
        return t("room.minutes.hours", hours=hours, minutes=f"{minutes:02d}")
    return t("room.minutes.minutes", minutes=minutes)


def tile_view(
    candidate: Candidate,
    now: datetime,
    test_minutes: int,
    *,
    ascii_only: bool = False,
    glyphs: GlyphSet = GlyphSet.UNICODE,
) -> TileView:
    status = room_status(candidate, now, test_minutes)
    deadline = candidate_deadline(candidate, test_minutes)
    late = overtime(candidate, now, test_minutes)
    left = remaining(candidate, now, test_minutes)
    if late:
        clock_text = t("room.tile.overtime", delta=format_minutes(late))
    elif left is not None:
        clock_text = format_minutes(left, round_up=True)
    else:
        clock_text = ""
    alert_text = ""
    if not is_started(candidate):
        pass  # a finished test's unhandled alert is for the finalisation, not the room
    elif ongoing_alert(candidate, LiveAlertKind.COMPANION):
        alert_text = t("room.tile.companion")
    elif challenge := ongoing_alert(candidate, LiveAlertKind.CHALLENGE):
        alert_text = t("room.tile.question", number=challenge.question_number or "?")
    tags = [format_extra_time(candidate.extra_time_ratio)] if candidate.extra_time_ratio else []
    if candidate.aid_note:
        tags.append(t("room.tag.aid"))
    if candidate.language_note:
        tags.append(t("room.tag.language"))
    if candidate.accessibility_adjustment:
        tags.append(t("room.tag.accessibility"))
    short_tag = ""
    if candidate.extra_time_ratio:
        short_tag = (
            format_extra_time(candidate.extra_time_ratio).replace("\u00a0", "").replace(" ", "")
        )
    elif candidate.aid_note:
        short_tag = t("room.tag.aid.short")
    elif candidate.language_note:
        short_tag = t("room.tag.language")
    elif candidate.accessibility_adjustment:
        short_tag = t("room.tag.accessibility.short")
    checks = (t("room.check.identity") if candidate.identity_checked_at else "-") + (
        t("room.check.signed") if candidate.signed_at else "-"
    )
    return TileView(
        id=candidate.id,
        state=status.state,
        stale=status.stale,
        glyph=glyph(status.state, ascii_only=ascii_only, stale=status.stale, glyphs=glyphs),
        state_label=state_label(status.state, stale=status.stale),
        name=f"{candidate.last_name.upper()} {candidate.first_name}",
        division=candidate.division,
        tags=" ".join(tags),
        short_tag=short_tag,
        start=format_clock(candidate.started_at) if candidate.started_at else "",
        end=_end_text(candidate, deadline),
        clock=clock_text,
        alert=alert_text,
        checks=checks,
    )


def _end_text(candidate: Candidate, deadline: datetime | None) -> str:
    """The personal end while running; once finished, when it really finished."""
    if is_ended(candidate) and candidate.ended_at is not None:
        return format_clock(candidate.ended_at)
    return format_clock(deadline) if deadline else ""


def display_signature(
    session: Session,
    candidates: list[Candidate],
    now: datetime,
    test_minutes: int,
    slot_minutes: int,
) -> tuple:
    """Changes exactly when something the room shows changes (a record, or a minute shown).

    Cheap enough to compute every second, so the tiles are rebuilt only when it moves.
    """
    parts: list[tuple] = [(session.id, session.rev, now.replace(second=0, microsecond=0))]
    if session.date and session.start_time:
        countdown = session_countdown(session, now, slot_minutes)
        parts.append((countdown.phase, int(countdown.delta.total_seconds()) // 60))
    for c in candidates:
        deadline = candidate_deadline(c, test_minutes)
        if deadline is not None:
            bucket: object = (deadline - now).total_seconds() // 60
        else:
            bucket = (
                c.authorized_at is not None and (now - c.authorized_at).total_seconds() // 60 >= 15
            )
        parts.append((c.id, c.rev, bucket))
    return tuple(parts)


def room_tiles(
    candidates: list[Candidate],
    now: datetime,
    test_minutes: int,
    *,
    ascii_only: bool = False,
    glyphs: GlyphSet = GlyphSet.UNICODE,
) -> list[TileView]:
    active = [c for c in candidates if not c.removed]
    return [
        tile_view(c, now, test_minutes, ascii_only=ascii_only, glyphs=glyphs)
        for c in sort_for_attention(active, now, test_minutes)
    ]


ATTENTION_STATES = frozenset(
    {
        RoomState.COMPANION_ALERT,
        RoomState.ALERT,
        RoomState.OVERTIME,
        RoomState.RESUME_REQUESTED,
    }
)


def attention_line(tiles: list[TileView]) -> str:
    """Who needs the invigilator now, whatever the grid's scroll position: "▲ DUPONT Léa Q 12 ·
    » MARTIN Tom +5 min"; empty when nobody does. Tiles come attention-first."""
    parts = []
    for tile in tiles:
        if tile.state not in ATTENTION_STATES:
            break
        what = tile.alert or (tile.clock if tile.state is RoomState.OVERTIME else tile.state_label)
        parts.append(f"{tile.glyph} {tile.name} {what}")
    return " · ".join(parts)


def header_view(
    session: Session,
    candidates: list[Candidate],
    now: datetime,
    slot_minutes: int,
    test_minutes: int = DEFAULT_TEST_MINUTES,
) -> HeaderView:
    title = t("room.header.title", number=session.pix_number or "–")
    if session.rehearsal:
        title = t("room.header.rehearsal", title=title)
    countdown, slot_end, slot_over = "", "", False
    if session.ended_at is not None:
        countdown = t("room.countdown.ended", at=format_clock(session.ended_at))
    elif session.date and session.start_time:
        c = session_countdown(session, now, slot_minutes)
        slot_over = c.phase is CountdownPhase.AFTER
        if c.phase is CountdownPhase.BEFORE:
            countdown = t("room.countdown.before", delta=format_minutes(c.delta, round_up=True))
        else:
            slot_end = t(
                "room.countdown.slot_end", end=format_clock(session_end(session, slot_minutes))
            )
            last = latest_deadline(candidates, test_minutes)
            if last is not None and last > now:
                countdown = t(
                    "room.countdown.last_end",
                    end=format_clock(last),
                    delta=format_minutes(last - now, round_up=True),
                )
            elif last is not None:
                countdown = t("room.countdown.last_end_over", end=format_clock(last))
    states = [room_state(c, now, test_minutes) for c in candidates if not c.removed]
    return HeaderView(
        title=title,
        place=t("room.header.place", site=session.site, room=session.room),
        examiners=", ".join(session.examiners),
        clock=format_clock(now),
        countdown=countdown,
        slot_end=slot_end,
        slot_over=slot_over,
        counters=room_counters(candidates),
        overtime=states.count(RoomState.OVERTIME),
        resume_requests=states.count(RoomState.RESUME_REQUESTED),
        simulated=session.rehearsal and session.simulation_speed > 1,
    )


def _name(c: Candidate) -> str:
    return f"{c.last_name} {c.first_name}"


def _who(who: str | None) -> str:
    return who or t("room.someone")


def _when(instant: datetime | None) -> str:
    return format_clock(instant) if instant else t("room.someone")


def personal_end(c: Candidate, test_minutes: int) -> str:
    deadline = candidate_deadline(c, test_minutes)
    return format_clock(deadline) if deadline else ""


def detail_parts(candidate: Candidate, tile: TileView) -> list[tuple[str, str]]:
    """The selected candidate's line under the grid, as (text, style) parts."""
    parts = [(f"{tile.glyph} {tile.state_label}", "bold")]
    parts.append((f" · {_name(candidate)} ({candidate.division})", ""))
    if tile.start:
        key = "room.detail.finished" if is_ended(candidate) else "room.detail.times"
        parts.append((" · " + t(key, start=tile.start, end=tile.end), ""))
    if tile.clock:
        parts.append((f" · {tile.clock}", ""))
    if tile.alert:
        parts.append((f" · {tile.alert}", "bold"))
    if candidate.extra_time_changed_at:
        before = format_extra_time(candidate.extra_time_before or 0.0) or t("room.extra_time.none")
        changed = t(
            "room.detail.extra_changed",
            at=_when(candidate.extra_time_changed_at),
            who=_who(candidate.extra_time_changed_by),
            before=before,
        )
        parts.append((" · " + changed, "bold"))
    notes = [n for n in (tile.tags, candidate.aid_note, candidate.language_note) if n]
    if notes:
        parts.append((" · " + " · ".join(notes), ""))
    yes, no = t("room.yes"), t("room.no")
    checks = t(
        "room.detail.checks",
        identity=yes if candidate.identity_checked_at else no,
        signed=yes if candidate.signed_at else no,
    )
    parts.append((" · " + checks, ""))
    return parts


def undo_choices(candidate: Candidate) -> list[tuple[str, str]]:
    """What U can undo for this candidate, each naming who did it and when."""
    choices = []
    if candidate.authorized_to_start and candidate.assessment_state is None:
        who, at = _who(candidate.authorized_by), _when(candidate.authorized_at)
        choices.append(("presence", t("room.undo.presence", who=who, at=at)))
    if candidate.identity_checked_at:
        who, at = _who(candidate.identity_checked_by), _when(candidate.identity_checked_at)
        choices.append(("identity", t("room.undo.identity", who=who, at=at)))
    if candidate.signed_at:
        who, at = _who(candidate.signed_by), _when(candidate.signed_at)
        choices.append(("signed", t("room.undo.signed", who=who, at=at)))
    return choices


def end_session_choices(
    past: list[Candidate], inside: list[Candidate], test_minutes: int
) -> tuple[str, list[tuple[str, str]]]:
    """E's note (who is past their end, who is still inside it, with their ends) and its
    options: first (Entrée) the end of session that ends nobody inside their time, then one
    early end per candidate, by name. Lists come alphabetical (domain.room)."""
    note = []
    if past:
        note.append(t("room.end_session.past", names=", ".join(_name(c) for c in past)))
    if inside:
        names = ", ".join(f"{_name(c)} ({personal_end(c, test_minutes)})" for c in inside)
        note.append(t("room.end_session.inside", names=names))
    options = [("end", t("room.end_session.default"))]
    options += [
        (c.id, t("room.end_session.early", name=_name(c), end=personal_end(c, test_minutes)))
        for c in inside
    ]
    return "\n".join(note), options
