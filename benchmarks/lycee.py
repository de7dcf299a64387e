"""A seeded store of a 2,000-pupil lycée after five school years (issue 12's upper case).

``build_lycee(path, seed=2026, years=5)`` writes, one transaction per school year, what such a
lycée accumulates: about 670 new pupils a year (pupils who left stay, marked left), 100 sessions
of 20 candidates a year with the room's traces (presence, start, end, alerts, issue reports,
resumes), every session finalised, and one result per candidate. Five years give about 25,000
documents. Everything random comes from ``random.Random(seed)`` (ids included): the same seed
writes the same records.

Run ``python benchmarks/lycee.py OUT.json [--years N] [--seed S]`` to write one by hand.
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pixtui.domain.clock import FixedClock  # noqa: E402
from pixtui.domain.enums import (  # noqa: E402
    AbortReason,
    AssessmentState,
    Certifiability,
    LiveAlertKind,
    LiveAlertStatus,
    LoginMethod,
    SchoolType,
    SessionStatus,
)
from pixtui.domain.models import (  # noqa: E402
    Candidate,
    ChecklistItem,
    Finalization,
    IssueReport,
    LiveAlert,
    Pupil,
    Resume,
    SchoolSettings,
    Session,
    StatusChange,
)
from pixtui.domain.results import CertificationResult, ResultStatus  # noqa: E402
from pixtui.store import Store  # noqa: E402

FIRST = ["Léa", "Zoé", "Inès", "Noé", "Chloé", "Hugo", "Maël", "Anaïs", "Jérémie", "Loïc", "Yanis"]
LAST = ["Martin", "Bernard", "Dubois", "Lefèvre", "Girard", "Mercier", "Bonnet", "Faure", "Roux"]
FIRST_YEAR = 2021
PUPILS = 2000
NEW_A_YEAR = 670
SESSIONS_A_YEAR = 100
SEATS = 20


class _Ids:
    def __init__(self, rng: random.Random) -> None:
        self._rng = rng

    def __call__(self) -> str:
        return f"{self._rng.getrandbits(128):032x}"


def _pupil(rng: random.Random, new_id: _Ids, year: int, index: int) -> Pupil:
    return Pupil(
        id=new_id(),
        last_name=f"{rng.choice(LAST)}-{year}-{index}",
        first_name=rng.choice(FIRST),
        birthdate=date(year - 15, 1, 1) + timedelta(days=rng.randrange(365)),
        sex=rng.choice("MF"),
        division=f"2{index % 20 + 1:02d}",
        certifiability=rng.choice(list(Certifiability)),
        certifiability_date=date(year, 10, 1),
        certifiable_competences=rng.randrange(0, 17),
        login_methods=[rng.choice(list(LoginMethod))],
        ine=f"{rng.randrange(10**9):09d}AB",
    )


def _session(new_id: _Ids, year: int, number: int, now: datetime) -> Session:
    return Session(
        id=new_id(),
        pix_number=str(year * 1000 + number),
        site="Lycée",
        room=f"Salle {number % 12}",
        date=date(year + 1, 1, 15) + timedelta(days=number // 6),
        examiners=["mdupont", "jmartin"],
        access_code="BCDF23",
        invigilator_password="2b3C4d",
        status=SessionStatus.FINALIZED,
        status_history=[StatusChange(SessionStatus.FINALIZED, now, "ref")],
        checklist=[
            ChecklistItem(key=k, done=True, by="ref", at=now)
            for k in ("informed", "room", "workstations", "kit", "handover")
        ],
        first_started_at=now,
        finalization=Finalization(now, "ref", False, False, "RAS"),
    )


def finish_candidate(cand: Candidate, c: int, now: datetime) -> None:
    """The room's traces of a finished test: presence, start, end, and for some candidates an
    end by the invigilator, an alert, an issue report, a resume (shared with store_write.py)."""
    cand.identity_checked_at = cand.signed_at = cand.authorized_at = now
    cand.authorized_to_start = True
    cand.started_at = now
    cand.ended_at = now + timedelta(minutes=100)
    ended_by_invigilator = c % 25 == 0
    cand.assessment_state = (
        AssessmentState.ENDED_BY_INVIGILATOR if ended_by_invigilator else AssessmentState.COMPLETED
    )
    if ended_by_invigilator:
        cand.abort_reason = AbortReason.TECHNICAL
    if c % 6 == 0:
        cand.alerts = [
            LiveAlert(
                kind=LiveAlertKind.CHALLENGE,
                status=LiveAlertStatus.VALIDATED,
                raised_at=now,
                question_number=12,
                handled_at=now,
                handled_by="mdupont",
                reason_code="E5",
            )
        ]
    if c % 10 == 0:
        cand.issue_reports = [
            IssueReport(
                code="C1",
                description="L'élève a dû changer de poste après une panne.",
                created_at=now,
                created_by="mdupont",
            )
        ]
    if c % 30 == 0:
        cand.resumes = [Resume(now, "mdupont", now)]


def _candidate(new_id: _Ids, session: Session, pupil: Pupil, c: int, now: datetime) -> Candidate:
    cand = Candidate(
        id=new_id(),
        session_id=session.id,
        pupil_id=pupil.id,
        last_name=pupil.last_name,
        first_name=pupil.first_name,
        birthdate=pupil.birthdate,
        division=pupil.division,
        extra_time_ratio=0.33 if c % 12 == 0 else 0.0,
    )
    finish_candidate(cand, c, now)
    return cand


def _result(
    rng: random.Random, new_id: _Ids, cand: Candidate, session: Session
) -> CertificationResult:
    score = rng.randrange(0, 600)
    return CertificationResult(
        id=new_id(),
        certification_number=f"{rng.randrange(10**8):08d}",
        first_name=cand.first_name,
        last_name=cand.last_name,
        birthdate=cand.birthdate,
        birthplace="PARIS",
        division=cand.division,
        status=ResultStatus.VALIDATED,
        score=score,
        competence_levels={f"{a}.{b}": rng.randrange(0, 6) for a in range(1, 6) for b in (1, 2)},
        session_number=session.pix_number,
        certification_center="Lycée Démo",
        taken_on=session.date,
        pupil_id=cand.pupil_id,
        source="resultats.csv",
        line=1,
    )


def build_lycee(path: Path, seed: int = 2026, years: int = 5, actor: str = "ref") -> Store:
    """Write the store at ``path`` (refused if it exists) and return it opened."""
    rng = random.Random(seed)
    new_id = _Ids(rng)
    clock = FixedClock(datetime(FIRST_YEAR, 9, 1, 7, 0, tzinfo=UTC))
    school = SchoolSettings(
        id=new_id(), name="Lycée Démo", uai="0750002B", school_type=SchoolType.LYCEE
    )
    store = Store.create(path, school, actor, clock)
    current: list[Pupil] = []
    for offset in range(years):
        year = FIRST_YEAR + offset
        clock.set(datetime(year, 9, 1, 7, 0, tzinfo=UTC))
        arriving = NEW_A_YEAR if current else PUPILS
        leaving = max(0, len(current) + arriving - PUPILS)
        with store.transaction("bench.year") as tx:
            for pupil in current[:leaving]:
                tx.pupils.update(pupil.id, lambda p: setattr(p, "left_school", True))
            current = current[leaving:]
            fresh = [_pupil(rng, new_id, year, i) for i in range(arriving)]
            tx.pupils.add_many(fresh)
            current += fresh
        now = datetime(year + 1, 2, 1, 9, 0, tzinfo=UTC)
        clock.set(now)
        sessions = [_session(new_id, year, n, now) for n in range(SESSIONS_A_YEAR)]
        taking = rng.sample(current, SESSIONS_A_YEAR * SEATS)
        candidates = [
            _candidate(new_id, sessions[c // SEATS], pupil, c, now)
            for c, pupil in enumerate(taking)
        ]
        results = [_result(rng, new_id, c, sessions[i // SEATS]) for i, c in enumerate(candidates)]
        with store.transaction("bench.campaign") as tx:
            tx.sessions.add_many(sessions)
            tx.candidates.add_many(candidates)
            tx.results.add_many(results)
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--years", type=int, default=5)
    args = parser.parse_args()
    store = build_lycee(args.out, args.seed, args.years)
    snap = store.snapshot()
    counts = {
        "pupils": len(snap.pupils),
        "sessions": len(snap.sessions),
        "candidates": len(snap.candidates),
        "results": len(snap.results),
    }
    size = args.out.stat().st_size
    print(f"{args.out}: {sum(counts.values())} documents {counts}, {size / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
