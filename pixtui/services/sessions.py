"""Creating, editing and deleting sessions, and ticking their checklist (rules 2-4).

The form works on a :class:`SessionDraft` (the texts the user typed). ``check_draft`` parses and
validates it against a snapshot, for the form to show every problem at once; ``save_draft``
does the same inside a store transaction (fresh data, under the lock) and refuses on ERRORs, or
on WARNINGs that were not confirmed. No textual here: the screens call these functions through
``app.write``.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from pixtui.domain.checklist import SESSION_CHECKLIST, default_checklist
from pixtui.domain.codes import (
    generate_access_code,
    generate_invigilator_password,
    normalise_access_code,
    normalise_pix_session_number,
)
from pixtui.domain.finalisation import edit_problems
from pixtui.domain.models import Candidate, ChecklistItem, SchoolSettings, Session
from pixtui.domain.problems import (
    NeedsConfirmation,
    Problem,
    Refused,
    Severity,
    errors,
    warnings,
)
from pixtui.domain.retention import retention_until
from pixtui.domain.sessions import (
    parse_date,
    parse_time,
    split_examiners,
    validate_date_text,
    validate_session,
    validate_time_text,
)
from pixtui.domain.sessions import session_can_be_deleted as _deletion_problems
from pixtui.domain.timing import format_date, format_instant, format_time
from pixtui.i18n import t


def confirmation_text(problems: Sequence[Problem], question_key: str, **params: object) -> str:
    """The question of a ConfirmDialog: every warning on its own line, then the question."""
    lines = [f"• {p.message}" for p in problems]
    return "\n".join([*lines, "", t(question_key, **params)])


def _has_come_in(tx: Any, session_id: str) -> bool:
    """A candidate of the session was confirmed present or started."""
    return any(
        c.authorized_at is not None or c.started_at is not None
        for c in tx.candidates.where(session_id=session_id)
        if not c.removed
    )


def refuse_if_final(session: Session) -> None:
    """Rule 8: after finalisation a session is read-only (an organiser can reopen it)."""
    if problems := edit_problems(session):
        raise Refused(problems)


def require(problems: Sequence[Problem], confirmed: bool) -> None:
    """Raise for ERRORs, and for WARNINGs unless they were confirmed."""
    if found := errors(problems):
        raise Refused(found)
    if not confirmed and (found := warnings(problems)):
        raise NeedsConfirmation(found)


# --- The form -------------------------------------------------------------------------------


@dataclass
class SessionDraft:
    """What the session form holds: texts as typed, plus the rehearsal flag."""

    site: str = ""
    room: str = ""
    date: str = ""
    start_time: str = ""
    examiners: str = ""
    description: str = ""
    pix_number: str = ""
    access_code: str = ""
    invigilator_password: str = ""
    rehearsal: bool = False


FORM_FIELDS: tuple[str, ...] = (
    "site",
    "room",
    "date",
    "start_time",
    "examiners",
    "description",
    "pix_number",
    "access_code",
    "invigilator_password",
)


def draft_from_session(session: Session) -> SessionDraft:
    return SessionDraft(
        site=session.site,
        room=session.room,
        date=format_date(session.date),
        start_time=format_time(session.start_time),
        examiners=", ".join(session.examiners),
        description=session.description,
        pix_number=session.pix_number or "",
        access_code=session.access_code,
        invigilator_password=session.invigilator_password,
        rehearsal=session.rehearsal,
    )


def rehearsal_codes(rng: random.Random | None = None) -> tuple[str, str]:
    """An access code and an invigilator password in Pix's formats, for a rehearsal session."""
    return generate_access_code(rng), generate_invigilator_password(rng)


def fill_rehearsal_codes(
    draft: SessionDraft, sessions: Sequence[Session], rng: random.Random | None = None
) -> SessionDraft:
    """A rehearsal draft with its empty codes generated (number, access code, password).

    The number gets a leading 9 and is unique among the stored sessions, so the room screen
    finds it by number like a real one.
    """
    r = rng or random.SystemRandom()
    filled = dataclasses.replace(draft)
    if not filled.pix_number.strip():
        taken = {s.pix_number for s in sessions}
        number = ""
        while not number or number in taken:
            number = "9" + "".join(r.choice("0123456789") for _ in range(5))
        filled.pix_number = number
    code, password = rehearsal_codes(rng)
    if not filled.access_code.strip():
        filled.access_code = code
    if not filled.invigilator_password.strip():
        filled.invigilator_password = password
    return filled


def apply_draft(draft: SessionDraft, base: Session | None) -> tuple[Session, list[Problem]]:
    """The session the draft describes (a copy of ``base`` when editing) and its parse errors.

    Fields that do not parse are left empty on the session and reported with the text typed,
    so ``validate_session`` does not report them a second time as "missing".
    """
    session = dataclasses.replace(base) if base is not None else Session()
    problems: list[Problem] = []
    session.site = draft.site.strip()
    session.room = draft.room.strip()
    session.examiners = split_examiners(draft.examiners)
    session.description = draft.description.strip()
    session.rehearsal = draft.rehearsal
    if draft.date.strip():
        session.date = parse_date(draft.date)
        if session.date is None:
            problems += validate_date_text(draft.date)
    else:
        session.date = None
    if draft.start_time.strip():
        session.start_time = parse_time(draft.start_time)
        if session.start_time is None:
            problems += validate_time_text(draft.start_time)
    else:
        session.start_time = None
    number = normalise_pix_session_number(draft.pix_number)
    session.pix_number = number or None
    session.access_code = normalise_access_code(draft.access_code)
    session.invigilator_password = draft.invigilator_password.strip()
    if not session.rehearsal:
        # A real session is created in Pix Certif first: its number and codes are copied here.
        for name, key in (
            ("pix_number", "prep.session.pix_number_required"),
            ("access_code", "prep.session.access_code_required"),
            ("invigilator_password", "prep.session.password_required"),
        ):
            if not getattr(session, name):
                problems.append(Problem.warning(key, name))
    return session, problems


def _only_parsed(problems: list[Problem], parse_problems: list[Problem]) -> list[Problem]:
    # A date typed but unreadable gives "date invalide" only, not also "date obligatoire".
    bad_fields = {p.field for p in parse_problems if p.severity is Severity.ERROR}
    kept = [p for p in problems if not (p.field in bad_fields and p.key.endswith("_required"))]
    return parse_problems + kept


def session_problems(
    session: Session,
    parse_problems: list[Problem],
    *,
    school: SchoolSettings,
    sessions: Sequence[Session],
    candidates: Sequence[Candidate],
    today: date,
) -> list[Problem]:
    count = sum(1 for c in candidates if c.session_id == session.id and not c.removed)
    others = [s for s in sessions if s.id != session.id]
    found = validate_session(
        session, school=school, others=others, today=today, candidate_count=count
    )
    return _only_parsed(found, parse_problems)


def check_draft(
    snapshot: Any, draft: SessionDraft, session_id: str | None, today: date
) -> list[Problem]:
    """Every problem of the draft against a snapshot (for the form, before saving)."""
    base = snapshot.sessions.get(session_id) if session_id else None
    session, parsed = apply_draft(draft, base)
    return session_problems(
        session,
        parsed,
        school=snapshot.school,
        sessions=snapshot.sessions.all(),
        candidates=snapshot.candidates.where(session_id=session.id) if base else [],
        today=today,
    )


def save_draft(
    tx: Any,
    draft: SessionDraft,
    *,
    session_id: str | None,
    rev: int | None,
    today: date,
    confirmed: bool = False,
) -> Session:
    """Create (``session_id`` None) or edit a session in transaction ``tx``.

    An edit carries the revision the form was opened on: a save over someone else's newer
    change raises the store's ``StaleRevision`` (who and when).
    """
    base: Session | None = None
    if session_id is not None:
        base = tx.sessions.get(session_id)
        if base is None:
            raise Refused([Problem.error("prep.session.gone")])
        refuse_if_final(base)
        if draft.rehearsal and not base.rehearsal and _has_come_in(tx, base.id):
            # Simulated pupils would then write over real exam records.
            raise Refused([Problem.error("prep.session.rehearsal_on_real")])
        if rev is not None:
            base.rev = rev  # the revision the user saw: the store refuses if it moved since
    if draft.rehearsal:
        draft = fill_rehearsal_codes(draft, tx.sessions.all())
    session, parsed = apply_draft(draft, base)
    school = tx.school
    problems = session_problems(
        session,
        parsed,
        school=school,
        sessions=tx.sessions.all(),
        candidates=tx.candidates.where(session_id=session.id) if base else [],
        today=today,
    )
    require(problems, confirmed)
    assert session.date is not None  # validated above
    if base is None:
        session.checklist = default_checklist()
        session.retention_until = retention_until(session.date, school.retention_years)
        return tx.sessions.add(session)
    if base.date != session.date or session.retention_until is None:
        session.retention_until = retention_until(session.date, school.retention_years)
    return tx.sessions.save(session)


def deletion_problems(snapshot_or_tx: Any, session_id: str) -> list[Problem]:
    session = snapshot_or_tx.sessions.get(session_id)
    if session is None:
        return [Problem.error("prep.session.gone")]
    return _deletion_problems(session, snapshot_or_tx.candidates.where(session_id=session_id))


def delete_session(tx: Any, session_id: str, *, confirmed: bool = False) -> Session:
    """Delete a session that never started, with its (never started) candidates."""
    require(deletion_problems(tx, session_id), confirmed)
    session = tx.sessions.get(session_id)
    for candidate in tx.candidates.where(session_id=session_id):
        tx.candidates.delete(candidate.id)
    tx.sessions.delete(session_id)
    return session


# --- The checklist ------------------------------------------------------------------------------


def toggle_checklist_item(tx: Any, session_id: str, key: str) -> bool:
    """Tick or untick one item (who and when: the transaction's actor and time); its new state."""
    state: dict[str, bool] = {}

    def mutate(session: Session) -> None:
        if not any(item.key == key for item in session.checklist):
            session.checklist = checklist_items(session)  # a session created without them
        for item in session.checklist:
            if item.key == key:
                item.done = not item.done
                item.by = tx.actor if item.done else None
                item.at = tx.now if item.done else None
                state["done"] = item.done

    if tx.sessions.get(session_id) is None:
        raise Refused([Problem.error("prep.session.gone")])
    tx.sessions.update(session_id, mutate)
    return state["done"]


def checklist_items(session: Session) -> list[ChecklistItem]:
    """The session's items, plus any step of ``SESSION_CHECKLIST`` it does not hold yet (a
    session created elsewhere, e.g. by the demo, may have none): shown as not done."""
    held = {item.key for item in session.checklist}
    return list(session.checklist) + [
        ChecklistItem(key) for key in SESSION_CHECKLIST if key not in held
    ]


def checklist_line(done: bool, label: str, by: str | None, at: datetime | None) -> str:
    """``[x] Salle préparée — mdupont, 12/03 14:05``."""

    mark = "[x]" if done else "[ ]"
    if done and by and at:
        when = format_instant(at, year=False)
        return t("prep.checklist.line_done", mark=mark, label=label, by=by, at=when)
    return f"{mark} {label}"
