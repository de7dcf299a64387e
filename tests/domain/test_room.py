"""The invigilator's room logic: states, attention order, counters and every action's rule."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from pixtui.domain.enums import (
    AbortReason,
    AssessmentState,
    LiveAlertKind,
    LiveAlertStatus,
)
from pixtui.domain.models import Candidate, LiveAlert, Session
from pixtui.domain.room import (
    ATTENTION_ORDER,
    QuestionFlags,
    RoomActionRefused,
    RoomCounters,
    RoomState,
    RoomStatus,
    add_incident,
    allowed_live_reasons,
    authorize_resume,
    cancel_presence,
    check_identity,
    clear_companion_alert,
    confirm_presence,
    end_test,
    glyph,
    mark_completed,
    mark_joined,
    mark_resumed,
    mark_signed,
    mark_started,
    raise_alert,
    record_first_start,
    refuse_alert,
    room_state,
    room_status,
    set_abort_reason,
    sort_for_attention,
    undo_identity,
    undo_signed,
    unfinished_at_end,
    validate_alert,
)

T0 = datetime(2024, 3, 12, 7, 0, tzinfo=UTC)  # 08:00 in Paris
BY = "mmartin"


def cand(last: str = "Martin", first: str = "Zoé", **kw) -> Candidate:
    return Candidate(last_name=last, first_name=first, **kw)


def started(at: datetime = T0, **kw) -> Candidate:
    c = cand(**kw)
    confirm_presence(c, at)
    mark_started(c, at)
    return c


def refused(action, *args) -> str:
    with pytest.raises(RoomActionRefused) as info:
        action(*args)
    return str(info.value)


# --- States -----------------------------------------------------------------------------------


def test_attention_order_is_the_spec_order() -> None:
    assert ATTENTION_ORDER == (
        RoomState.COMPANION_ALERT,
        RoomState.ALERT,
        RoomState.OVERTIME,
        RoomState.RESUME_REQUESTED,
        RoomState.WAITING_RESUME,
        RoomState.IN_PROGRESS,
        RoomState.PRESENT,
        RoomState.ABSENT,
        RoomState.FINISHED,
    )


def test_state_derivation() -> None:
    now = T0 + timedelta(minutes=30)
    assert room_state(cand(), now) is RoomState.ABSENT
    present = cand()
    confirm_presence(present, T0)
    assert room_state(present, now) is RoomState.PRESENT
    running = started()
    assert room_state(running, now) is RoomState.IN_PROGRESS
    assert room_state(running, T0 + timedelta(minutes=106)) is RoomState.OVERTIME
    # Extra time pushes overtime later: 105 × 1.33 = 139.65, rounded up to 140 min.
    slow = started(extra_time_ratio=0.33)
    assert room_state(slow, T0 + timedelta(minutes=140)) is RoomState.IN_PROGRESS
    assert room_state(slow, T0 + timedelta(minutes=141)) is RoomState.OVERTIME
    # Finished trumps everything.
    end_test(running, now, BY)
    assert room_state(running, T0 + timedelta(hours=3)) is RoomState.FINISHED
    done = cand(assessment_state=AssessmentState.ENDED_DUE_TO_FINALIZATION)
    assert room_state(done, now) is RoomState.FINISHED


def test_alert_states_take_priority() -> None:
    now = T0 + timedelta(minutes=200)  # also in overtime
    c = started()
    raise_alert(c, LiveAlertKind.CHALLENGE, 12, None, T0 + timedelta(minutes=20))
    assert room_state(c, now) is RoomState.ALERT
    raise_alert(c, LiveAlertKind.COMPANION, None, None, T0 + timedelta(minutes=21))
    assert room_state(c, now) is RoomState.COMPANION_ALERT


def test_waiting_resume_state() -> None:
    c = started()
    authorize_resume(c, T0 + timedelta(minutes=40), BY)
    assert room_state(c, T0 + timedelta(minutes=41)) is RoomState.WAITING_RESUME
    # Overtime outranks waiting to resume.
    assert room_state(c, T0 + timedelta(minutes=120)) is RoomState.OVERTIME
    mark_resumed(c, T0 + timedelta(minutes=42))
    assert room_state(c, T0 + timedelta(minutes=43)) is RoomState.IN_PROGRESS


def test_stale_presence_flag() -> None:
    c = cand()
    confirm_presence(c, T0)
    assert room_status(c, T0 + timedelta(minutes=15)) == RoomStatus(RoomState.PRESENT, False)
    assert room_status(c, T0 + timedelta(minutes=16)) == RoomStatus(RoomState.PRESENT, True)
    confirm_presence(c, T0 + timedelta(minutes=16))  # re-confirming renews it
    assert not room_status(c, T0 + timedelta(minutes=20)).stale
    assert glyph(RoomState.PRESENT, stale=True) == "?"


def test_sort_for_attention_is_by_state_then_name() -> None:
    now = T0 + timedelta(minutes=30)
    absent_b = cand("Bernard", "Léo")
    absent_a = cand("André", "Tom")
    finished = started(last="Aaron")
    mark_completed(finished, now)
    running_z = started(last="Zola")
    running_e = started(last="Écrivain")  # accents fold: É sorts as E
    alert = started(last="Yves")
    raise_alert(alert, LiveAlertKind.CHALLENGE, 3, None, now)
    present = cand("Petit", "Ana")
    confirm_presence(present, now)
    order = sort_for_attention(
        [absent_b, finished, running_z, absent_a, alert, present, running_e], now
    )
    assert [c.last_name for c in order] == [
        "Yves",
        "Écrivain",
        "Zola",
        "Petit",
        "André",
        "Bernard",
        "Aaron",
    ]


def test_glyphs_are_distinct_and_ascii_fallbacks_are_ascii() -> None:
    unicode_glyphs = [glyph(s) for s in RoomState]
    ascii_glyphs = [glyph(s, ascii_only=True) for s in RoomState]
    assert len(set(unicode_glyphs)) == len(RoomState) == len(set(ascii_glyphs))
    assert all(g.isascii() and len(g) == 1 for g in ascii_glyphs)
    assert all(len(g) == 1 for g in unicode_glyphs)
    # Only glyphs of the CP437 repertoire (also in WGL4), which the Linux console font and
    # PuTTY's usual fonts draw. Python's codec maps 0x01-0x1F to controls, hence the list.
    cp437_low = "☺☻♥♦♣♠•◘○◙♂♀♪♫☼►◄↕‼¶§▬↨↑↓→←∟↔▲▼"
    for g in unicode_glyphs:
        assert g in cp437_low or g.encode("cp437")


def test_counters() -> None:
    now = T0 + timedelta(minutes=10)
    absent = cand()
    present = cand()
    confirm_presence(present, now)
    running = started()
    alerting = started()
    raise_alert(alerting, LiveAlertKind.CHALLENGE, 5, None, now)
    done = started()
    mark_completed(done, now)
    ended = started()
    end_test(ended, now, BY)
    gone = cand(removed=True)
    counters = RoomCounters.of([absent, present, running, alerting, done, ended, gone])
    assert counters == RoomCounters(enrolled=6, present=5, started=4, finished=2, alerts=1)


# --- Presence ---------------------------------------------------------------------------------


def test_identity_and_signature_marks() -> None:
    c = cand()
    check_identity(c, T0, "mme.roux")
    mark_signed(c, T0 + timedelta(minutes=1), "mme.roux")
    assert c.identity_checked_at == T0 and c.signed_at == T0 + timedelta(minutes=1)
    # They set a state: a second invigilator doing it again keeps it done, and the first mark.
    check_identity(c, T0 + timedelta(minutes=2), "m.blanc")
    mark_signed(c, T0 + timedelta(minutes=2), "m.blanc")
    assert (c.identity_checked_at, c.identity_checked_by) == (T0, "mme.roux")
    assert (c.signed_at, c.signed_by) == (T0 + timedelta(minutes=1), "mme.roux")
    undo_identity(c)
    undo_signed(c)
    assert c.identity_checked_at is None and c.signed_at is None
    assert refused(check_identity, cand(removed=True), T0) == (
        "Ce candidat a été désinscrit de la session."
    )


def test_confirm_and_cancel_presence() -> None:
    c = cand()
    assert refused(cancel_presence, c) == "La présence de ce candidat n'est pas confirmée."
    confirm_presence(c, T0)
    assert c.authorized_to_start and c.authorized_at == T0
    cancel_presence(c)
    assert not c.authorized_to_start and c.authorized_at is None
    running = started()
    assert refused(confirm_presence, running, T0) == (
        "Ce candidat a déjà démarré : pour le laisser revenir, autorisez la reprise du test."
    )
    assert refused(cancel_presence, running) == (
        "Ce candidat a démarré son test : sa présence ne peut plus être annulée."
    )


def test_naive_instants_are_refused() -> None:
    with pytest.raises(ValueError):
        confirm_presence(cand(), datetime(2024, 3, 12, 8, 0))


def test_mark_started() -> None:
    c = cand()
    assert refused(mark_started, c, T0) == "Confirmez d'abord la présence de ce candidat."
    confirm_presence(c, T0)
    mark_joined(c, T0 + timedelta(minutes=1))
    mark_started(c, T0 + timedelta(minutes=3))
    assert c.assessment_state is AssessmentState.STARTED
    assert c.started_at == T0 + timedelta(minutes=3)
    assert c.joined_at == T0 + timedelta(minutes=1)
    assert not c.authorized_to_start  # used up, like Pix
    assert refused(mark_started, c, T0) == "Ce candidat a déjà démarré son test."


def test_record_first_start() -> None:
    s = Session()
    record_first_start(s, T0 + timedelta(minutes=5))
    record_first_start(s, T0 + timedelta(minutes=9))
    assert s.first_started_at == T0 + timedelta(minutes=5)
    record_first_start(s, T0)  # a start typed afterwards at an earlier time
    assert s.first_started_at == T0


# --- Alerts -----------------------------------------------------------------------------------


def test_allowed_live_reasons() -> None:
    assert allowed_live_reasons(LiveAlert()) == ["E4", "E5", "E8", "E9", "E11", "E12"]
    everything = LiveAlert(has_image=True, has_embed=True, has_attachment=True, is_focus=True)
    assert allowed_live_reasons(everything) == [
        "E1",
        "E2",
        "E3",
        "E4",
        "E5",
        "E8",
        "E9",
        "E10",
        "E11",
        "E12",
    ]
    assert "E10" in allowed_live_reasons(LiveAlert(is_focus=True))
    assert "E1" not in allowed_live_reasons(LiveAlert(has_embed=True))


def test_raise_alert_rules() -> None:
    assert refused(raise_alert, cand(), LiveAlertKind.CHALLENGE, 3, None, T0) == (
        "Un signalement ne concerne qu'un test démarré."
    )
    c = started()
    assert refused(raise_alert, c, LiveAlertKind.CHALLENGE, None, None, T0) == (
        "Le numéro de la question doit être compris entre 1 et 500."
    )
    alert = raise_alert(c, LiveAlertKind.CHALLENGE, 7, QuestionFlags(has_image=True), T0)
    assert (
        alert.status is LiveAlertStatus.ONGOING and alert.has_image and alert.question_number == 7
    )
    assert refused(raise_alert, c, LiveAlertKind.CHALLENGE, 8, None, T0) == (
        "Un signalement de ce type est déjà en cours pour ce candidat."
    )
    companion = raise_alert(c, LiveAlertKind.COMPANION, 99, None, T0)
    assert companion.question_number is None


def test_validate_alert_creates_a_live_issue_report() -> None:
    c = started()
    alert = raise_alert(c, LiveAlertKind.CHALLENGE, 14, QuestionFlags(is_focus=True), T0)
    assert refused(validate_alert, c, alert.id, "E1", T0, BY) == (
        "Le motif E1 ne peut pas valider ce signalement ; motifs possibles : "
        "E4, E5, E8, E9, E10, E11, E12."
    )
    at = T0 + timedelta(minutes=2)
    report = validate_alert(c, alert.id, "e10", at, BY)
    assert (report.code, report.question_number, report.source) == ("E10", 14, "live")
    assert (report.created_at, report.created_by) == (at, BY)
    assert c.issue_reports == [report]
    assert alert.status is LiveAlertStatus.VALIDATED
    assert (alert.reason_code, alert.handled_at, alert.handled_by) == ("E10", at, BY)
    assert refused(validate_alert, c, alert.id, "E4", at, BY) == "Ce signalement a déjà été traité."
    assert refused(validate_alert, c, "nope", "E4", at, BY) == (
        "Ce signalement n'existe pas pour ce candidat."
    )
    assert room_state(c, at) is RoomState.IN_PROGRESS


def test_refuse_alert() -> None:
    c = started()
    alert = raise_alert(c, LiveAlertKind.CHALLENGE, 3, None, T0)
    refuse_alert(c, alert.id, T0 + timedelta(minutes=1), BY)
    assert alert.status is LiveAlertStatus.DISMISSED and c.issue_reports == []
    assert refused(refuse_alert, c, alert.id, T0, BY) == "Ce signalement a déjà été traité."
    # A new alert can then be raised on a later question.
    raise_alert(c, LiveAlertKind.CHALLENGE, 4, None, T0)


def test_clear_companion_alert() -> None:
    c = started()
    challenge = raise_alert(c, LiveAlertKind.CHALLENGE, 3, None, T0)
    # The ids of a challenge alert do not clear a companion alert, and vice versa.
    assert refused(clear_companion_alert, c, challenge.id, T0, BY) == (
        "Ce signalement n'existe pas pour ce candidat."
    )
    companion = raise_alert(c, LiveAlertKind.COMPANION, None, None, T0)
    assert refused(refuse_alert, c, companion.id, T0, BY) == (
        "Ce signalement n'existe pas pour ce candidat."
    )
    clear_companion_alert(c, companion.id, T0, BY)
    assert companion.status is LiveAlertStatus.CLEARED
    assert room_state(c, T0) is RoomState.ALERT  # the question alert is still there


# --- Resume -------------------------------------------------------------------------------------


def test_authorize_resume_rules() -> None:
    assert refused(authorize_resume, cand(), T0, BY) == (
        "La reprise ne s'autorise que pour un test démarré."
    )
    c = started()
    resume = authorize_resume(c, T0 + timedelta(minutes=30), BY)
    assert c.authorized_to_start and resume.by == BY and c.resumes == [resume]
    assert refused(authorize_resume, c, T0 + timedelta(minutes=31), BY) == (
        "La reprise de ce candidat est déjà autorisée."
    )
    mark_resumed(c, T0 + timedelta(minutes=32))
    assert resume.resumed_at == T0 + timedelta(minutes=32) and not c.authorized_to_start
    assert refused(mark_resumed, c, T0) == "La reprise de ce candidat n'a pas été autorisée."
    authorize_resume(c, T0 + timedelta(hours=23, minutes=59), BY)  # a second resume, in time


def test_resume_refused_after_24_hours() -> None:
    c = started()
    assert refused(authorize_resume, c, T0 + timedelta(hours=24), BY) == (
        "La reprise n'est plus possible : le test a démarré à 08:00 il y a plus de 24 heures."
    )


def test_resume_refused_while_an_alert_is_ongoing() -> None:
    c = started()
    alert = raise_alert(c, LiveAlertKind.CHALLENGE, 3, None, T0)
    assert refused(authorize_resume, c, T0, BY) == (
        "Gérez d'abord le signalement en cours : autoriser la reprise ne le traite pas."
    )
    refuse_alert(c, alert.id, T0, BY)
    authorize_resume(c, T0, BY)


def test_resume_refused_once_finished() -> None:
    c = started()
    mark_completed(c, T0 + timedelta(minutes=90))
    assert refused(authorize_resume, c, T0 + timedelta(minutes=91), BY) == (
        "Le test de ce candidat est déjà terminé."
    )


# --- End ---------------------------------------------------------------------------------------


def test_end_test_is_irreversible() -> None:
    assert refused(end_test, cand(), T0, BY) == "Ce candidat n'a pas démarré son test."
    c = started()
    authorize_resume(c, T0 + timedelta(minutes=5), BY)
    end_test(c, T0 + timedelta(minutes=100), BY)
    assert c.assessment_state is AssessmentState.ENDED_BY_INVIGILATOR
    assert (c.ended_at, c.ended_by) == (T0 + timedelta(minutes=100), BY)
    assert not c.authorized_to_start
    assert refused(end_test, c, T0, BY) == "Le test de ce candidat est déjà terminé."
    assert refused(mark_started, c, T0) == "Le test de ce candidat est déjà terminé."
    assert refused(confirm_presence, c, T0) == "Le test de ce candidat est déjà terminé."


def test_mark_completed() -> None:
    c = started()
    mark_completed(c, T0 + timedelta(minutes=80))
    assert c.assessment_state is AssessmentState.COMPLETED
    assert refused(mark_completed, c, T0) == "Le test de ce candidat est déjà terminé."
    assert refused(end_test, c, T0, BY) == "Le test de ce candidat est déjà terminé."
    assert refused(mark_completed, cand(), T0) == "Ce candidat n'a pas démarré son test."


# --- Incidents and abort reasons ------------------------------------------------------------------


def test_add_incident() -> None:
    c = cand()
    report = add_incident(c, " c4 ", "  A signé sur la ligne de son voisin. ", T0, BY)
    assert (report.code, report.description, report.source) == (
        "C4",
        "A signé sur la ligne de son voisin.",
        "room",
    )
    assert c.issue_reports == [report]
    # C6 (suspected fraud) needs nothing else.
    assert add_incident(c, "C6", "", T0, BY).code == "C6"
    assert refused(add_incident, c, "C7", " ", T0, BY) == (
        "Décrivez l'incident : le code C7 · Incident technique non bloquant demande une description."
    )
    assert refused(add_incident, c, "C3", "parti", T0, BY) == (
        "Le code C3 ne peut pas être utilisé ; codes possibles : C1, C2, C4, C6, C7, C8."
    )
    assert "E4" in refused(add_incident, c, "E4", "site", T0, BY)
    add_incident(c, "C8", "x" * 500, T0, BY)
    assert refused(add_incident, c, "C8", "x" * 501, T0, BY) == (
        "La description compte 501 caractères ; 500 au plus sont acceptés par Pix."
    )


def test_set_abort_reason() -> None:
    assert refused(set_abort_reason, cand(), AbortReason.CANDIDATE) == (
        "Ce candidat n'a pas démarré : il n'a pas de raison d'abandon."
    )
    running = started()
    set_abort_reason(running, AbortReason.TECHNICAL)
    assert running.abort_reason is AbortReason.TECHNICAL
    ended = started()
    end_test(ended, T0 + timedelta(minutes=50), BY)
    set_abort_reason(ended, AbortReason.CANDIDATE)
    assert ended.abort_reason is AbortReason.CANDIDATE
    set_abort_reason(ended, None)
    assert ended.abort_reason is None
    done = started()
    mark_completed(done, T0 + timedelta(minutes=90))
    assert refused(set_abort_reason, done, AbortReason.CANDIDATE) == (
        "Ce candidat a terminé son test : Pix refuse une raison d'abandon pour un test terminé."
    )


def test_unfinished_at_end() -> None:
    running = started(last="A")
    done = started(last="B")
    mark_completed(done, T0 + timedelta(minutes=90))
    ended = started(last="C")
    end_test(ended, T0 + timedelta(minutes=90), BY)
    absent = cand(last="D")
    gone = started(last="E")
    gone.removed = True
    assert unfinished_at_end([running, done, ended, absent, gone]) == [running]
