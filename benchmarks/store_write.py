"""Store write and reload times on a demo-sized store and a 2,000-pupil campaign store.

Run: ``/work/venv/bin/python benchmarks/store_write.py [--reps N]``. Prints medians, and the
ratio to a plain ``json.loads`` + ``json.dumps`` of the same file measured in the same run
(machines are noisy; the ratio is what to compare between machines). Target (SPEC §8): a
median write of at most 30 ms at 2,000 pupils.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.lycee import finish_candidate  # noqa: E402
from pixtui.domain.clock import FixedClock  # noqa: E402
from pixtui.domain.enums import (  # noqa: E402
    Certifiability,
    LoginMethod,
    SessionStatus,
)
from pixtui.domain.models import (  # noqa: E402
    Candidate,
    ChecklistItem,
    Finalization,
    PreviousCertification,
    Pupil,
    SchoolSettings,
    Session,
    StatusChange,
)
from pixtui.store import Store  # noqa: E402
from pixtui.store.atomic import atomic_write  # noqa: E402
from pixtui.store.permissions import FilePolicy  # noqa: E402

FIRST = ["Léa", "Zoé", "Inès", "Noé", "Chloé", "Hugo", "Maël", "Anaïs", "Jérémie", "Loïc"]
LAST = ["Martin", "Bernard", "Dubois", "Lefèvre", "Girard", "Mercier", "Bonnet", "Faure"]


def build(path: Path, pupils: int, sessions: int, candidates: int, full: bool) -> Store:
    rng = random.Random(pupils)
    clock = FixedClock(datetime(2024, 3, 4, 7, 0, tzinfo=UTC))
    store = Store.create(path, SchoolSettings(name="Collège Démo", uai="0750001A"), "ref", clock)
    now = clock.now()
    people = [
        Pupil(
            last_name=f"{rng.choice(LAST)}-{i}",
            first_name=rng.choice(FIRST),
            birthdate=date(2009, 1, 1) + timedelta(days=rng.randrange(365)),
            sex=rng.choice("MF"),
            division=f"3{'ABCDEFGHIJ'[i % 10]}" if pupils < 500 else f"T{i % 60:02d}",
            certifiability=rng.choice(list(Certifiability)),
            certifiability_date=date(2024, 1, 15),
            certifiable_competences=rng.randrange(0, 17),
            login_methods=[rng.choice(list(LoginMethod))],
            ine=f"{rng.randrange(10**9):09d}AB",
            previous_certifications=(
                [PreviousCertification(date(2023, 3, 1), "Validée", 240, "123456")]
                if full and i % 20 == 0
                else []
            ),
        )
        for i in range(pupils)
    ]
    rooms = [
        Session(
            pix_number=str(200000 + s),
            site="Collège",
            room=f"Salle {s % 8}",
            date=date(2024, 3, 4) + timedelta(days=s // 4),
            examiners=["mdupont", "jmartin"],
            access_code="BCDF23",
            invigilator_password="2b3C4d",
            status=SessionStatus.FINALIZED if full else SessionStatus.CREATED,
            status_history=[StatusChange(SessionStatus.FINALIZED, now, "ref")] if full else [],
            checklist=[
                ChecklistItem(
                    key=k, done=full, by="ref" if full else None, at=now if full else None
                )
                for k in ("informed", "room", "workstations", "kit", "handover")
            ],
            first_started_at=now if full else None,
            finalization=Finalization(now, "ref", False, False, "RAS") if full else None,
        )
        for s in range(sessions)
    ]
    enrolled = []
    for c in range(candidates):
        pupil = people[c % pupils]
        cand = Candidate(
            session_id=rooms[c % sessions].id,
            pupil_id=pupil.id,
            last_name=pupil.last_name,
            first_name=pupil.first_name,
            birthdate=pupil.birthdate,
            division=pupil.division,
            extra_time_ratio=0.33 if c % 12 == 0 else 0.0,
        )
        if full:
            finish_candidate(cand, c, now)
        enrolled.append(cand)
    with store.transaction("bench.build") as tx:
        tx.pupils.add_many(people)
        tx.sessions.add_many(rooms)
        tx.candidates.add_many(enrolled)
    return store


def median_ms(action: Callable[[], object], reps: int) -> float:
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(name: str, pupils: int, sessions: int, candidates: int, reps: int) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pixtui.json"
        me = build(path, pupils, sessions, candidates, full=pupils >= 1000)
        other = Store.open(path, "jmartin", me.clock)  # another invigilator's process
        snap = me.snapshot()
        cands = snap.candidates.all()
        target = cands[len(cands) // 2]
        room = target.session_id
        flip = [0]

        def write(store: Store) -> Callable[[], None]:
            def run() -> None:
                flip[0] += 1
                with store.transaction("room.sign") as tx:
                    tx.candidates.update(
                        target.id, lambda c: setattr(c, "aid_note", f"note {flip[0]}")
                    )

            return run

        mine = write(me)
        theirs = write(other)
        warm = median_ms(mine, reps)  # my own write came last: nothing to parse

        def after_other_wrote() -> float:
            theirs()
            start = time.perf_counter()
            mine()
            return (time.perf_counter() - start) * 1000

        cold = statistics.median(after_other_wrote() for _ in range(reps))

        def reload_after_other_wrote() -> float:
            theirs()
            start = time.perf_counter()
            me.poll()
            me.snapshot().candidates.where(session_id=room)  # what the room screen reads
            return (time.perf_counter() - start) * 1000

        reload = statistics.median(reload_after_other_wrote() for _ in range(reps))

        def full_reload() -> None:
            theirs()
            me.poll()
            snap = me.snapshot()
            snap.pupils.all()
            snap.candidates.all()
            snap.sessions.all()

        full = median_ms(full_reload, max(3, reps // 5))
        data = path.read_bytes()
        parsed = json.loads(data)
        plain = median_ms(lambda: json.dumps(json.loads(data)).encode(), reps)
        scratch = Path(folder) / "io-floor.json"
        io_floor = median_ms(lambda: atomic_write(scratch, data, FilePolicy(), ".io."), reps)
        return {
            "name": name,
            "size_kib": len(data) / 1024,
            "docs": sum(len(t) for t in parsed.values()),
            "warm": warm,
            "cold": cold,
            "reload": reload,
            "full_reload": full,
            "plain": plain,
            "io": io_floor,
        }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=40)
    parser.add_argument("--growth", action="store_true", help="also 500/1000/4000 pupils")
    args = parser.parse_args()
    cases = [("démo (120 élèves, 5 sessions, 100 candidats)", 120, 5, 100)]
    if args.growth:
        cases += [("500 élèves", 500, 25, 500), ("1 000 élèves", 1000, 50, 1000)]
    cases.append(("campagne 2 000 élèves (100 sessions, 2 000 candidats)", 2000, 100, 2000))
    if args.growth:
        cases.append(("campagne 4 000 élèves", 4000, 200, 4000))
    print(
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, Python {platform.python_version()}, "
        f"{platform.machine()} {platform.processor() or ''}".strip()
    )
    header = (
        "| store | size KiB | docs | write, own last (ms) | write after another process "
        "(ms) | room reload (ms) | full reload + convert all (ms) | json loads+dumps (ms) "
        "| write/plain | I/O floor: temp+fsync+replace (ms) |"
    )
    print(header)
    print("|" + "---|" * 10)
    for case in cases:
        r = measure(*case, reps=args.reps)
        print(
            f"| {r['name']} | {r['size_kib']:.0f} | {r['docs']} | {r['warm']:.1f} | "
            f"{r['cold']:.1f} | {r['reload']:.1f} | {r['full_reload']:.0f} | {r['plain']:.1f} | "
            f"{r['cold'] / r['plain']:.2f} | {r['io']:.1f} |"
        )


if __name__ == "__main__":
    main()
