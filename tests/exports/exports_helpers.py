"""Shared by the export tests: a demo store with a 40-candidate session, PDF and CSV readers."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
from datetime import UTC, date, datetime, time
from pathlib import Path

from pypdf import PdfReader

from pixtui.domain.clock import FixedClock
from pixtui.domain.models import Candidate, Session
from pixtui.store import Store

FROZEN_NOW = datetime(2027, 3, 18, 8, 40, 0, tzinfo=UTC)  # as tests/conftest.py
ACTOR = "mdupont"
BIG_NUMBER = "555040"
BIG_DAY = date(2027, 3, 18)
EMPTY_NUMBER = "555000"
LONG_LAST = "Andrianantenaina-Rakotoarimanana de la Tour-d'Auvergne-Saint-Étienne-du-Rouvray"
FORMULA_LAST = '=HYPERLINK("http://x")'

_ACCENTED = [
    ("Bénard", "Éloïse"),
    ("Lecœur", "Anaïs"),
    ("Dufrêne", "Noël"),
    ("Müller", "Zoé"),
    ("Çelik", "Inès"),
    ("N'Diaye", "Aïssatou"),
    ("Ørsted", "Maëlle"),
    ("Prévost", "Jérôme"),
]


def make_store(
    path: Path, clock: FixedClock, *, file_mode: int | None = None, group: str | None = None
) -> Store:
    """The demo collège plus a 40-candidate session and an empty session on the demo day."""
    from pixtui.demo import build_demo

    data = build_demo(clock, organiser=ACTOR)
    store = Store.create(
        path, data.school, actor=ACTOR, clock=clock, file_mode=file_mode, group=group
    )
    big = Session(
        pix_number=BIG_NUMBER,
        site="Bâtiment C",
        room="Salle des fêtes",
        date=BIG_DAY,
        start_time=time(14, 0),
        examiners=["Mme Hélène Crépin", "M. Loïc Bœuf"],
        access_code="KWZP42",
        invigilator_password="7h#Rq2",
    )
    empty = Session(
        pix_number=EMPTY_NUMBER,
        site="Bâtiment C",
        room="Salle 8",
        date=date(2027, 5, 20),
        start_time=time(8, 0),
        access_code="EMPT11",
        invigilator_password="x9!Kq3",
    )
    people = []
    for index in range(40):
        last, first = _ACCENTED[index % len(_ACCENTED)]
        people.append(
            Candidate(
                session_id=big.id,
                last_name=last,
                first_name=first,
                birthdate=date(2012, 1 + index % 12, 1 + index % 27),
                division=f"3{'ABCD'[index % 4]}",
                extra_time_ratio=0.33 if index % 10 == 0 else 0.0,
            )
        )
    people[-2].last_name = LONG_LAST
    people[-1].last_name = FORMULA_LAST
    with store.transaction("test.setup") as tx:
        tx.pupils.add_many(data.pupils)
        tx.sessions.add_many([*data.sessions, big, empty])
        tx.candidates.add_many([*data.candidates, *people])
    return store


def finalized_session(store: Store) -> Session:
    return next(s for s in store.snapshot().sessions.all() if s.finalization is not None)


def session_by_number(store: Store, number: str) -> Session:
    return next(s for s in store.snapshot().sessions.all() if s.pix_number == number)


def pdf_pages(path: Path) -> list[str]:
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    return [flat(page.extract_text()) for page in PdfReader(io.BytesIO(data)).pages]


def pdf_page_width_mm(path: Path) -> float:
    page = PdfReader(str(path)).pages[0]
    return float(page.mediabox.width) * 25.4 / 72


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


def csv_rows(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, for Excel FR"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))


def leftovers(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.endswith(".pixtui-tmp"))


def mount_tmpfs(target: Path, options: str) -> bool:
    """A real small or read-only filesystem; only root can mount one."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    target.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)], capture_output=True
    )
    return done.returncode == 0


def unmount(target: Path) -> None:
    subprocess.run(["umount", str(target)], check=False, capture_output=True)
