"""A 2,000-pupil school: parse + plan time, progress callback, and the plan's counts."""

from __future__ import annotations

import random
import time
from datetime import date, timedelta

from pixtui.imports import (
    parse_profile_collection,
    parse_pupil_list,
    plan_certifiability_update,
    plan_pupil_import,
)

LAST = [
    "MARTIN",
    "BERNARD",
    "DUBOIS",
    "THOMAS",
    "ROBERT",
    "RICHARD",
    "PETIT",
    "DURAND",
    "LEROY",
    "MOREAU",
    "N'DIAYE",
    "LEFÈVRE-GARÇON",
    "DE LA FONTAINE-SAINT-HILAIRE",
    "ŒUVRARD",
    "MÜLLER",
    "FRANÇOIS",
]
FIRST = [
    "Léa",
    "Chloé",
    "Zoé",
    "Inès",
    "Anaïs",
    "Maël",
    "Noé",
    "Théo",
    "Jean-Noël",
    "Aïssatou",
    "Hugo",
    "Liam",
]
CLASSES = [f"{level}{letter}" for level in ("6", "5", "4", "3") for letter in "ABCDEFGH"] * 1


def school(size: int, seed: int = 7) -> list[list[str]]:
    rnd = random.Random(seed)
    rows = []
    for i in range(size):
        born = date(2009, 1, 1) + timedelta(days=rnd.randrange(365 * 4))
        rows.append(
            [
                f"{rnd.choice(LAST)}-{i:04d}",
                rnd.choice(FIRST),
                born.strftime("%d/%m/%Y"),
                rnd.choice(CLASSES),
                rnd.choice("MF"),
                f"{91000000 + i:010d}{chr(65 + i % 26)}",
            ]
        )
    return rows


def render(rows: list[list[str]]) -> bytes:
    head = "Nom de famille;Premier prénom;Date de naissance;Division;Sexe;Identifiant national\r\n"
    return (head + "".join(";".join(r) + "\r\n" for r in rows)).encode("cp1252")


def test_two_thousand_pupils_parse_and_plan_quickly() -> None:
    rows = school(2000)
    existing = plan_pupil_import([], parse_pupil_list(render(rows))).apply([])
    assert len(existing) == 2000
    # next year's list: 150 changed class, 40 left, 60 new
    rnd = random.Random(3)
    moved = rnd.sample(range(2000), 150)
    for i in moved:
        rows[i][3] = "2" + rows[i][3]
    left = set(rnd.sample(sorted(set(range(2000)) - set(moved)), 40))
    new_rows = [r for i, r in enumerate(rows) if i not in left] + school(2060, seed=99)[2000:]
    for i, r in enumerate(new_rows[-60:]):
        r[0], r[5] = f"NOUVEAU-{i}", f"{99000000 + i:010d}Z"
    data = render(new_rows)
    calls: list[tuple[int, int]] = []
    started = time.perf_counter()
    report = parse_pupil_list(data, progress=lambda line, total: calls.append((line, total)))
    plan = plan_pupil_import(existing, report)
    elapsed = time.perf_counter() - started
    print(f"\nparse+plan of {len(new_rows)} pupils: {elapsed * 1000:.0f} ms")
    assert not report.refused and not plan.conflicts
    assert (len(plan.new), len(plan.updates), len(plan.missing)) == (60, 150, 40)
    assert plan.full_list
    assert calls[-1] == (len(new_rows) + 1, len(new_rows) + 1) and len(calls) > 5
    assert elapsed < 3.0  # measured ~0.1 s on the 2-core build machine; generous for CI


def test_two_thousand_certifiability_rows_plan_quickly() -> None:
    rows = school(2000)
    existing = plan_pupil_import([], parse_pupil_list(render(rows))).apply([])
    head = (
        '"Nom du Participant";"Prénom du Participant";"Classe";"Date et heure de l\'envoi (Europe/Paris)";'
        '"Certifiable (O/N)";"Nombre de compétences certifiables"\n'
    )
    lines = [
        f'"{r[0]}";"{r[1]}";"{r[3]}";"0{1 + i % 9}/03/2024 10:00";"{"Oui" if i % 3 else "Non"}";'
        f'"{5 + i % 5 if i % 3 else i % 5}"'
        for i, r in enumerate(rows)
    ]
    lines += lines[:300]  # a second send for 300 pupils: the duplicates fold
    started = time.perf_counter()
    report = parse_profile_collection((head + "\n".join(lines) + "\n").encode("utf-8-sig"))
    plan = plan_certifiability_update(existing, report)
    elapsed = time.perf_counter() - started
    print(f"\nparse+plan of {len(lines)} profile rows: {elapsed * 1000:.0f} ms")
    assert len(report.rows) == 2000 and len(report.warnings) == 300
    assert len(plan.updates) == 2000 and not plan.unknown and not plan.ambiguous
    assert elapsed < 3.0
