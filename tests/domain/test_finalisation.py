"""Finalisation (rule 8) and the status pipeline: every refusal rule, then a full finalisation."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from pixtui.domain.enums import (
    AbortReason,
    AssessmentState,
    LiveAlertKind,
    LiveAlertStatus,
    SessionStatus,
)
from pixtui.domain.finalisation import (
    Refused,
    advance_status,
    draft_from_room,
    edit_problems,
    finalisation_problems,
    finalisation_summary,
    finalise,
    is_read_only,
    next_status,
    reopen,
    summary_text,
)
from pixtui.domain.labels import issue_code_label, label
from pixtui.domain.models import Candidate, IssueReport, LiveAlert, Session
from pixtui.domain.problems import Severity, errors, keys
from pixtui.domain.serialize import from_record, to_record
from pixtui.i18n import set_language

T0 = datetime(2024, 4, 4, 8, 0, tzinfo=UTC)
REFERENT = "referent"


@pytest.fixture(autouse=True)
def french() -> None:
    set_language("fr")


def make_session() -> Session:
    return Session(
        pix_number="123456",
        site="Collège Jean Moulin",
        room="Salle 12",
        date=date(2024, 4, 4),
        start_time=time(10, 0),
        examiners=["M. Bernard"],
    )


def make_candidate(
    session: Session,
    last: str,
    first: str,
    state: AssessmentState | None,
    **kwargs: object,
) -> Candidate:
    return Candidate(
        session_id=session.id,
        last_name=last,
        first_name=first,
        birthdate=date(2010, 1, 1),
        division="3A",
        assessment_state=state,
        started_at=T0 if state else None,
        **kwargs,  # type: ignore[arg-type]
    )


def room(session: Session) -> list[Candidate]:
    """A realistic room: finished, ended by the invigilator, still running, absent."""
    return [
        make_candidate(session, "Zola", "Emma", AssessmentState.COMPLETED),
        make_candidate(
            session,
            "Durand",
            "Léa",
            AssessmentState.COMPLETED,
            alerts=[
                LiveAlert(
                    kind=LiveAlertKind.CHALLENGE,
                    status=LiveAlertStatus.VALIDATED,
                    question_number=12,
                    reason_code="E4",
                    handled_at=T0 + timedelta(minutes=30),
                    handled_by="M. Bernard",
                ),
                LiveAlert(status=LiveAlertStatus.DISMISSED, question_number=14),
            ],
        ),
        make_candidate(
            session,
            "Benali",
            "Inès",
            AssessmentState.ENDED_BY_INVIGILATOR,
            abort_reason=AbortReason.CANDIDATE,
            issue_reports=[IssueReport(code="C8", description="Malaise, sortie à 10 h 40.")],
        ),
        make_candidate(session, "martin", "Noé", AssessmentState.STARTED),
        make_candidate(session, "Absent", "Paul", None),
    ]


# --- draft from the room ----------------------------------------------------------------


def test_draft_lists_started_candidates_in_pix_order_with_room_reports() -> None:
    session = make_session()
    draft = draft_from_room(session, room(session))
    assert [r.last_name for r in draft.reports] == ["Benali", "Durand", "martin", "Zola"]
    durand = draft.reports[1]
    assert [(i.code, i.question_number, i.source) for i in durand.issue_reports] == [
        ("E4", 12, "live")
    ]
    assert durand.issue_reports[0].created_by == "M. Bernard"
    benali = draft.reports[0]
    assert benali.abort_reason is AbortReason.CANDIDATE
    assert [i.code for i in benali.issue_reports] == ["C8"]
    # Pix's box is never pre-ticked: reports alone are no "extra time after an incident"
    assert draft.has_incident is False and draft.incident_reasons == []
    assert draft.has_joining_issue is False


def test_draft_does_not_duplicate_an_already_recorded_live_report() -> None:
    session = make_session()
    candidate = make_candidate(
        session,
        "Durand",
        "Léa",
        AssessmentState.COMPLETED,
        alerts=[LiveAlert(status=LiveAlertStatus.VALIDATED, question_number=3, reason_code="E1")],
        issue_reports=[IssueReport(code="E1", question_number=3, source="live")],
    )
    draft = draft_from_room(session, [candidate])
    assert len(draft.reports[0].issue_reports) == 1


def test_draft_drops_an_abort_reason_left_on_a_completed_test() -> None:
    session = make_session()
    candidate = make_candidate(
        session, "Durand", "Léa", AssessmentState.COMPLETED, abort_reason=AbortReason.TECHNICAL
    )
    assert draft_from_room(session, [candidate]).reports[0].abort_reason is None


def test_draft_ignores_removed_candidates_and_other_sessions() -> None:
    session, other = make_session(), make_session()
    removed = make_candidate(session, "Gone", "Al", AssessmentState.COMPLETED, removed=True)
    elsewhere = make_candidate(other, "Else", "Bo", AssessmentState.COMPLETED)
    draft = draft_from_room(session, [removed, elsewhere])
    assert draft.reports == []


# --- refusal rules ----------------------------------------------------------------------


def test_refused_without_any_started_certification() -> None:
    session = make_session()
    draft = draft_from_room(session, [make_candidate(session, "Absent", "Paul", None)])
    problems = finalisation_problems(draft)
    assert keys(errors(problems)) == ["results.final.no_started"]
    assert "aucun candidat n'a démarré" in problems[0].message


@pytest.mark.parametrize(
    "state",
    [
        AssessmentState.STARTED,
        AssessmentState.ENDED_BY_INVIGILATOR,
        AssessmentState.ENDED_DUE_TO_FINALIZATION,
    ],
)
def test_every_unfinished_candidate_needs_an_abort_reason(state: AssessmentState) -> None:
    session = make_session()
    draft = draft_from_room(session, [make_candidate(session, "Martin", "Noé", state)])
    problems = errors(finalisation_problems(draft))
    assert keys(problems) == ["results.final.abort_reason_missing"]
    assert "MARTIN Noé" in problems[0].message
    assert problems[0].field == f"abort_reason:{draft.reports[0].candidate_id}"
    draft.reports[0].abort_reason = AbortReason.TECHNICAL
    assert errors(finalisation_problems(draft)) == []


def test_a_finished_candidate_may_not_have_an_abort_reason() -> None:
    session = make_session()
    draft = draft_from_room(
        session, [make_candidate(session, "Zola", "Emma", AssessmentState.COMPLETED)]
    )
    draft.reports[0].abort_reason = AbortReason.CANDIDATE
    assert keys(errors(finalisation_problems(draft))) == ["results.final.abort_reason_on_completed"]


def test_global_comment_and_descriptions_are_limited_to_500_characters() -> None:
    session = make_session()
    candidate = make_candidate(session, "Zola", "Emma", AssessmentState.COMPLETED)
    draft = draft_from_room(session, [candidate])
    draft.examiner_global_comment = "x" * 500
    draft.add_issue(candidate.id, "C7", "y" * 500)
    draft.has_incident = True
    assert errors(finalisation_problems(draft)) == []
    draft.examiner_global_comment = "x" * 501
    draft.add_issue(candidate.id, "C8", "z" * 501)
    problems = errors(finalisation_problems(draft))
    assert sorted(keys(problems)) == [
        "results.final.comment_too_long",
        "results.final.description_too_long",
    ]
    assert any("501 caractères" in p.message for p in problems)


@pytest.mark.parametrize("code", ["C1", "C2", "C4", "C6", "C7", "C8"])
def test_active_finalisation_codes_are_accepted(code: str) -> None:
    session = make_session()
    candidate = make_candidate(session, "Zola", "Emma", AssessmentState.COMPLETED)
    draft = draft_from_room(session, [candidate])
    draft.add_issue(candidate.id, code, "Décrit sur le PV d'incident.")
    assert errors(finalisation_problems(draft)) == []


@pytest.mark.parametrize("code", ["C3", "C5", "A1", "A2"])
def test_deprecated_codes_are_refused(code: str) -> None:
    session = make_session()
    candidate = make_candidate(session, "Zola", "Emma", AssessmentState.COMPLETED)
    draft = draft_from_room(session, [candidate])
    draft.add_issue(candidate.id, code, "Texte.")
    assert "results.final.code_not_offered" in keys(errors(finalisation_problems(draft)))


def test_e_codes_only_come_from_validated_live_alerts() -> None:
    session = make_session()
    candidate = make_candidate(session, "Zola", "Emma", AssessmentState.COMPLETED)
    draft = draft_from_room(session, [candidate])
    issue = draft.add_issue(candidate.id, "E4")
    issue.question_number = 7
    problems = errors(finalisation_problems(draft))
    assert keys(problems) == ["results.final.e_code_live_only"]
    assert "signalement en direct" in problems[0].message


def test_a_live_e_report_needs_its_question_number() -> None:
    session = make_session()
    candidate = make_candidate(
        session,
        "Zola",
        "Emma",
        AssessmentState.COMPLETED,
        alerts=[LiveAlert(status=LiveAlertStatus.VALIDATED, reason_code="E9")],
    )
    draft = draft_from_room(session, [candidate])
    assert keys(errors(finalisation_problems(draft))) == ["results.final.question_number"]


def test_unknown_code_and_missing_description_are_refused() -> None:
    session = make_session()
    candidate = make_candidate(session, "Zola", "Emma", AssessmentState.COMPLETED)
    draft = draft_from_room(session, [candidate])
    draft.add_issue(candidate.id, "C9", "x")
    draft.add_issue(candidate.id, "C7", "   ")
    draft.add_issue(candidate.id, "C6")  # fraud: nothing else required
    assert keys(errors(finalisation_problems(draft))) == [
        "results.final.unknown_code",
        "results.final.description_required",
    ]


def test_reports_alone_never_tick_nor_suggest_the_incident_box() -> None:
    """A missed signature (C4) or a calm C7 is no incident that extra time made up for."""
    session = make_session()
    candidate = make_candidate(session, "Zola", "Emma", AssessmentState.COMPLETED)
    candidate.issue_reports = [IssueReport(code="C4", description="Oubli de signature.")]
    candidate.ended_at = T0 + timedelta(minutes=100)  # within the 105 minutes
    draft = draft_from_room(session, [candidate])
    draft.add_issue(candidate.id, "C7", "Coupure réseau de 2 minutes.")
    assert draft.has_incident is False and draft.incident_reasons == []
    assert finalisation_problems(draft) == []
    finalise(session, [candidate], draft, T0, REFERENT)
    assert session.finalization is not None and session.finalization.has_incident is False


def test_extra_time_after_an_incident_suggests_the_box_with_its_reason() -> None:
    """Pix Certif's box: « Malgré un incident survenu pendant la session, les candidats ont pu
    terminer leur test … Un temps supplémentaire a été accordé à un ou plusieurs candidats »."""
    session = make_session()
    late = make_candidate(session, "Zola", "Emma", AssessmentState.COMPLETED)
    late.issue_reports = [IssueReport(code="C7", description="Coupure réseau.", source="room")]
    late.ended_at = T0 + timedelta(minutes=117)  # 12 min past her 105 minutes
    calm_late = make_candidate(session, "Arnaud", "Léo", AssessmentState.COMPLETED)
    calm_late.ended_at = T0 + timedelta(minutes=130)  # late, but no incident: no reason
    draft = draft_from_room(session, [late, calm_late])
    assert draft.has_incident is False  # suggested, never ticked for the referent
    assert draft.incident_reasons == [
        "ZOLA Emma a terminé 12 min après son heure de fin, après « C7 · "
        + issue_code_label("C7")
        + " »"
    ]
    problems = finalisation_problems(draft)
    assert [(p.key, p.severity) for p in problems] == [
        ("results.final.incident_suggested", Severity.WARNING)
    ]
    assert "ZOLA Emma" in problems[0].message and "Malgré un incident" in problems[0].message
    with pytest.raises(Refused) as refused:
        finalise(session, [late, calm_late], draft, T0, REFERENT)
    assert refused.value.needs_confirmation and session.status is SessionStatus.CREATED
    draft.has_incident = True
    assert finalisation_problems(draft) == []
    rows = finalisation_summary(session, [late, calm_late], draft)
    box = next(r for r in rows if r.section == "complementary")
    assert box.label.startswith("Malgré un incident survenu pendant la session")
    assert box.value == "Oui"


def test_finalise_refuses_errors_and_changes_nothing() -> None:
    session = make_session()
    candidates = room(session)
    before = [to_record(c) for c in candidates], to_record(session)
    draft = draft_from_room(session, candidates)  # MARTIN Noé still started, no reason
    with pytest.raises(Refused) as refused:
        finalise(session, candidates, draft, T0, REFERENT)
    assert keys(refused.value.problems) == ["results.final.abort_reason_missing"]
    assert not refused.value.needs_confirmation
    assert ([to_record(c) for c in candidates], to_record(session)) == before


def test_finalise_refuses_a_stale_draft() -> None:
    session = make_session()
    candidates = room(session)
    draft = draft_from_room(session, candidates)
    for report in draft.reports:
        if report.uncompleted:
            report.abort_reason = AbortReason.TECHNICAL
    candidates[-1].assessment_state = AssessmentState.STARTED  # Paul arrived meanwhile
    with pytest.raises(Refused) as refused:
        finalise(session, candidates, draft, T0, REFERENT)
    assert keys(refused.value.problems) == ["results.final.stale_draft"]


def test_finalise_refuses_another_sessions_draft_and_a_second_finalisation() -> None:
    session, other = make_session(), make_session()
    candidate = make_candidate(session, "Zola", "Emma", AssessmentState.COMPLETED)
    draft = draft_from_room(session, [candidate])
    with pytest.raises(Refused) as refused:
        finalise(other, [candidate], draft, T0, REFERENT)
    assert "results.final.wrong_session" in keys(refused.value.problems)
    finalise(session, [candidate], draft, T0, REFERENT)
    with pytest.raises(Refused) as refused:
        finalise(session, [candidate], draft, T0 + timedelta(hours=1), REFERENT)
    assert keys(refused.value.problems) == ["results.final.already_finalised"]


# --- a full finalisation ----------------------------------------------------------------


def test_full_finalisation() -> None:
    session = make_session()
    candidates = room(session)
    draft = draft_from_room(session, candidates)
    noe = next(r for r in draft.reports if r.first_name == "Noé")
    noe.abort_reason = AbortReason.TECHNICAL
    draft.add_issue(noe.candidate_id, "C7", "Poste figé à la question 20, redémarrage impossible.")
    zola = next(r for r in draft.reports if r.last_name == "Zola")
    draft.add_issue(zola.candidate_id, "C4", "A signé sur la ligne de son voisin.")
    draft.has_joining_issue = True
    draft.examiner_global_comment = "  Session calme, une coupure réseau à 10 h 15.  "
    at = T0 + timedelta(hours=2)

    infos = finalise(session, candidates, draft, at, REFERENT)

    assert keys(infos) == ["results.final.will_end"]
    assert session.status is SessionStatus.FINALIZED
    assert [(c.status, c.at, c.by) for c in session.status_history] == [
        (SessionStatus.FINALIZED, at, REFERENT)
    ]
    assert session.finalization is not None
    assert session.finalization.finalized_at == at
    assert session.finalization.finalized_by == REFERENT
    assert not session.finalization.has_incident  # never ticked for the referent
    assert session.finalization.has_joining_issue
    assert (
        session.finalization.examiner_global_comment
        == "Session calme, une coupure réseau à 10 h 15."
    )
    by_name = {c.first_name: c for c in candidates}
    assert by_name["Noé"].assessment_state is AssessmentState.ENDED_DUE_TO_FINALIZATION
    assert by_name["Noé"].ended_at == at
    assert by_name["Noé"].abort_reason is AbortReason.TECHNICAL
    assert [i.code for i in by_name["Noé"].issue_reports] == ["C7"]
    assert by_name["Noé"].issue_reports[0].created_by == REFERENT
    assert [(i.code, i.source) for i in by_name["Léa"].issue_reports] == [("E4", "live")]
    assert by_name["Inès"].assessment_state is AssessmentState.ENDED_BY_INVIGILATOR
    assert by_name["Paul"].assessment_state is None  # absent: untouched
    assert is_read_only(session)
    assert keys(edit_problems(session)) == ["results.final.read_only"]
    assert "Finalisée" in edit_problems(session)[0].message
    # the records still round-trip through the store's serialisation
    assert to_record(from_record(Session, to_record(session))) == to_record(session)

    rows = finalisation_summary(session, candidates)
    sections = [r.section for r in rows]
    order = ["uncompleted", "completed", "complementary", "comment", "in_pix", "counts"]
    assert sections == sorted(sections, key=order.index)
    uncompleted = [(r.label, r.value) for r in rows if r.section == "uncompleted"]
    assert uncompleted[0] == (
        "BENALI Inès",
        "Raison de l'abandon : « Abandon : Manque de temps ou départ prématuré »",
    )
    assert uncompleted[1][0] == "BENALI Inès" and uncompleted[1][1].startswith("C8")
    assert ("MARTIN Noé", "Raison de l'abandon : « Problème technique »") in uncompleted
    completed = [(r.label, r.value) for r in rows if r.section == "completed"]
    assert [label for label, _ in completed] == ["ZOLA Emma"]  # DURAND's E4 is already in Pix
    # validated live alerts: recorded by Pix, nothing to type, counted apart
    in_pix = [(r.label, r.value) for r in rows if r.section == "in_pix"]
    assert [label for label, _ in in_pix] == ["DURAND Léa"]
    assert "(question 12)" in in_pix[0][1] and "signalement en direct" in in_pix[0][1]
    counts = [(r.label, r.value) for r in rows if r.section == "counts"]
    assert counts == [
        ("À saisir dans Pix Certif", "C4 × 1, C7 × 1, C8 × 1 (3 en tout)"),
        ("Déjà dans Pix, rien à saisir", "E4 × 1 (1 en tout)"),
    ]
    text = summary_text(session, rows)
    assert "Pix Certif" in text and "Oui" in text and "Session calme" in text
    # the draft rebuilt from the finalised records is the same finalisation
    again = draft_from_room(session, candidates)
    assert again.examiner_global_comment == session.finalization.examiner_global_comment
    assert sum(len(r.issue_reports) for r in again.reports) == 4


def test_reopen_is_for_organisers_and_only_from_finalised() -> None:
    session = make_session()
    candidate = make_candidate(session, "Zola", "Emma", AssessmentState.COMPLETED)
    with pytest.raises(Refused) as refused:
        reopen(session, T0, REFERENT, [REFERENT])
    assert keys(refused.value.problems) == ["results.final.reopen_not_finalised"]
    draft = draft_from_room(session, [candidate])
    draft.has_joining_issue = True
    finalise(session, [candidate], draft, T0, REFERENT)
    with pytest.raises(Refused) as refused:
        reopen(session, T0 + timedelta(hours=1), "surveillant", [REFERENT])
    assert keys(refused.value.problems) == ["results.final.reopen_organiser_only"]
    change = reopen(session, T0 + timedelta(hours=1), REFERENT, [REFERENT])
    assert change.status is SessionStatus.CREATED
    assert session.status is SessionStatus.CREATED and not is_read_only(session)
    assert [c.status for c in session.status_history] == [
        SessionStatus.FINALIZED,
        SessionStatus.CREATED,
    ]
    assert draft_from_room(session, [candidate]).has_joining_issue is True
    finalise(
        session,
        [candidate],
        draft_from_room(session, [candidate]),
        T0 + timedelta(hours=2),
        REFERENT,
    )
    assert session.status is SessionStatus.FINALIZED


# --- the status pipeline ----------------------------------------------------------------


def finalised_session() -> Session:
    session = make_session()
    candidate = make_candidate(session, "Zola", "Emma", AssessmentState.COMPLETED)
    finalise(session, [candidate], draft_from_room(session, [candidate]), T0, REFERENT)
    return session


def test_pipeline_goes_forward_one_step_at_a_time_with_date_and_who() -> None:
    session = finalised_session()
    day1, day2 = T0 + timedelta(days=3), T0 + timedelta(days=10)
    advance_status(session, SessionStatus.IN_PROCESS, day1, REFERENT)
    advance_status(session, SessionStatus.PROCESSED, day2, "adjoint")
    assert [(c.status, c.at, c.by) for c in session.status_history] == [
        (SessionStatus.FINALIZED, T0, REFERENT),
        (SessionStatus.IN_PROCESS, day1, REFERENT),
        (SessionStatus.PROCESSED, day2, "adjoint"),
    ]


def test_pipeline_refuses_finalising_without_the_wizard() -> None:
    session = make_session()
    with pytest.raises(Refused) as refused:
        advance_status(session, SessionStatus.FINALIZED, T0, REFERENT)
    assert keys(refused.value.problems) == ["results.status.use_finalisation"]
    assert session.status is SessionStatus.CREATED and session.status_history == []


def test_pipeline_refuses_skipping_a_step() -> None:
    session = make_session()
    with pytest.raises(Refused) as refused:
        advance_status(session, SessionStatus.PROCESSED, T0, REFERENT)
    assert keys(refused.value.problems) == ["results.status.skip"]
    assert "« Finalisée »" in str(refused.value)


def test_pipeline_processing_step_is_optional_as_pix_certif_never_shows_it() -> None:
    """Pix Certif shows Créée → Finalisée → Résultats transmis par Pix (statusToDisplayName
    in certif/app/models/session.js): finalised → processed directly is allowed."""
    session = finalised_session()
    assert next_status(session) is SessionStatus.PROCESSED
    advance_status(session, SessionStatus.PROCESSED, T0 + timedelta(days=1), REFERENT)
    assert [c.status for c in session.status_history] == [
        SessionStatus.FINALIZED,
        SessionStatus.PROCESSED,
    ]
    assert next_status(session) is None
    assert label(SessionStatus.IN_PROCESS).startswith("Finalisée")  # as Pix Certif shows it
    assert label(SessionStatus.PROCESSED) == "Résultats transmis par Pix"


def test_pipeline_refuses_going_backwards_or_staying() -> None:
    session = finalised_session()
    advance_status(session, SessionStatus.IN_PROCESS, T0 + timedelta(days=1), REFERENT)
    with pytest.raises(Refused) as refused:
        advance_status(session, SessionStatus.FINALIZED, T0 + timedelta(days=2), REFERENT)
    assert keys(refused.value.problems) == ["results.status.backwards"]
    with pytest.raises(Refused) as refused:
        advance_status(session, SessionStatus.CREATED, T0 + timedelta(days=2), REFERENT)
    assert keys(refused.value.problems) == ["results.status.backwards"]
    with pytest.raises(Refused) as refused:
        advance_status(session, SessionStatus.IN_PROCESS, T0 + timedelta(days=2), REFERENT)
    assert keys(refused.value.problems) == ["results.status.same"]
    with pytest.raises(Refused) as refused:
        reopen(session, T0 + timedelta(days=2), REFERENT, [REFERENT])
    assert keys(refused.value.problems) == ["results.final.reopen_not_finalised"]


def test_pipeline_refuses_a_date_before_the_previous_step() -> None:
    session = finalised_session()
    with pytest.raises(Refused) as refused:
        advance_status(session, SessionStatus.IN_PROCESS, T0 - timedelta(days=1), REFERENT)
    assert keys(refused.value.problems) == ["results.status.before_previous"]


def test_naive_instants_are_refused() -> None:
    session = finalised_session()
    with pytest.raises(ValueError):
        advance_status(session, SessionStatus.IN_PROCESS, datetime(2024, 4, 5, 8, 0), REFERENT)


def test_messages_exist_in_english_too() -> None:
    set_language("en")
    try:
        session = make_session()
        problems = finalisation_problems(draft_from_room(session, []))
        assert problems[0].message.startswith("Cannot finalise")
    finally:
        set_language("fr")
