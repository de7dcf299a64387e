"""Finalisation, status pipeline and handover (A1, A2, A4): each one store transaction.

Screens and commands call these with a transaction (``app.write`` or ``store.transaction``);
domain refusals (:class:`pixtui.domain.finalisation.Refused`) propagate with their French
sentences. Every change is journalled by the repositories, plus one event naming the action.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from pixtui.documents import finalization_csv
from pixtui.domain.enums import SessionStatus
from pixtui.domain.finalisation import (
    FinalisationDraft,
    Refused,
    advance_status,
    draft_from_room,
    finalisation_summary,
    finalise,
    reopen,
    summary_text,
)
from pixtui.domain.models import Candidate, Handover, Session
from pixtui.domain.problems import Problem
from pixtui.domain.timing import format_instant
from pixtui.i18n import t
from pixtui.services.exports import (
    PendingFile,
    find_session_by_number,
    session_file_stem,
    store_permissions,
    write_files,
)

FINALISE_ACTION = "session.finalise"
REOPEN_ACTION = "session.reopen"
STATUS_ACTION = "session.status"
HANDOVER_ACTION = "session.handover"
MAX_HANDOVER_LENGTH = 80


def candidates_of(source: Any, session_id: str) -> list[Candidate]:
    return source.candidates.where(session_id=session_id)


def load_draft(snapshot: Any, session_id: str) -> FinalisationDraft:
    """The wizard's starting point: the room log of the session, as Pix Certif wants it."""
    session = snapshot.sessions.get(session_id)
    if session is None:
        raise Refused([Problem.error("after.error.session_gone")])
    return draft_from_room(session, candidates_of(snapshot, session_id))


def _session(tx: Any, session_id: str) -> Session:
    session = tx.sessions.get(session_id)
    if session is None:
        raise Refused([Problem.error("after.error.session_gone")])
    return session


def apply_finalisation(
    tx: Any, draft: FinalisationDraft, accept_warnings: bool = False
) -> list[Problem]:
    """Finalise in the transaction (raises :class:`Refused`); returns the infos to show."""
    session = _session(tx, draft.session_id)
    candidates = candidates_of(tx, session.id)
    infos = finalise(session, candidates, draft, tx.now, tx.actor, accept_warnings)
    touched = {r.candidate_id for r in draft.reports}
    for candidate in candidates:
        if candidate.id in touched:
            tx.candidates.save(candidate)
    tx.sessions.save(session)
    return infos


def apply_reopen(tx: Any, session_id: str) -> Session:
    session = _session(tx, session_id)
    reopen(session, tx.now, tx.actor, tx.school.organisers)
    tx.sessions.save(session)
    return session


def apply_status(
    tx: Any, session_id: str, status: SessionStatus, at: datetime | None = None
) -> Session:
    """Record a pipeline step (finalised → [in process] → processed), when and who."""
    session = _session(tx, session_id)
    advance_status(session, status, at or tx.now, tx.actor)
    tx.sessions.save(session)
    return session


def handover_problems(to: str) -> list[Problem]:
    name = to.strip()
    if not name:
        return [Problem.error("after.handover.to_required")]
    if len(name) > MAX_HANDOVER_LENGTH:
        return [Problem.error("after.handover.too_long", None, limit=MAX_HANDOVER_LENGTH)]
    return []


def apply_handover(tx: Any, session_id: str, to: str, at: datetime | None = None) -> Handover:
    """A1: the documents (PV, émargement, PV d'incident) handed to the administration."""
    problems = handover_problems(to)
    if problems:
        raise Refused(problems)
    session = _session(tx, session_id)
    if session.status is SessionStatus.CREATED:
        raise Refused([Problem.error("after.handover.not_finalised")])
    session.handover = Handover(at=at or tx.now, by=tx.actor, to=to.strip())
    tx.sessions.save(session)
    return session.handover


# --- the summary and its export --------------------------------------------------------------


@dataclass(frozen=True)
class SummaryExport:
    paths: list[Path]


def summary_for(snapshot: Any, session_id: str) -> str:
    session = snapshot.sessions.get(session_id)
    if session is None:
        raise Refused([Problem.error("after.error.session_gone")])
    rows = finalisation_summary(session, candidates_of(snapshot, session_id))
    return summary_text(session, rows)


def export_summary(store: Any, session_id: str, out_dir: str | os.PathLike[str]) -> list[Path]:
    """The finalisation CSV (``finalization_csv``) and the text summary, in ``out_dir``."""
    snapshot = store.snapshot()
    session = snapshot.sessions.get(session_id)
    if session is None:
        raise Refused([Problem.error("after.error.session_gone")])
    candidates = candidates_of(snapshot, session_id)
    stem = session_file_stem(session)
    data = finalization_csv(snapshot.school, session, candidates)
    text = summary_text(session, finalisation_summary(session, candidates))
    files = [
        PendingFile(f"{stem}_{t('after.file.finalisation')}.csv", data),
        PendingFile(f"{stem}_{t('after.file.summary')}.txt", text.encode("utf-8")),
    ]
    return write_files(out_dir, files, store_permissions(store))


def session_by_number(snapshot: Any, number: str) -> Session:
    return find_session_by_number(snapshot, number)


def status_lines(session: Session) -> list[str]:
    """The pipeline of one session as French lines: each step with its date and who."""
    from pixtui.domain.labels import label

    lines = []
    for change in session.status_history:
        when = format_instant(change.at)
        lines.append(t("after.status.line", status=label(change.status), at=when, by=change.by))
    if session.handover is not None:
        when = format_instant(session.handover.at)
        lines.append(
            t("after.handover.line", at=when, by=session.handover.by, to=session.handover.to)
        )
    return lines


STATUS_WORDS = {
    "in_process": SessionStatus.IN_PROCESS,
    "en_cours": SessionStatus.IN_PROCESS,
    "en_traitement": SessionStatus.IN_PROCESS,
    "processed": SessionStatus.PROCESSED,
    "traitee": SessionStatus.PROCESSED,
    "traitée": SessionStatus.PROCESSED,
    "resultats": SessionStatus.PROCESSED,
    "résultats": SessionStatus.PROCESSED,
}


def parse_status(word: str) -> SessionStatus | None:
    """``in_process`` / ``processed`` (Pix's values) or their French words."""
    return STATUS_WORDS.get(word.strip().casefold().replace("-", "_"))


def pending(sessions: Sequence[Session]) -> list[Session]:
    return [s for s in sessions if s.status is not SessionStatus.PROCESSED]
