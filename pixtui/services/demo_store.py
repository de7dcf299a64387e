"""Write the fictional demo collège into a store."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from pixtui.domain.clock import Clock, local
from pixtui.domain.timing import format_time


@dataclass(frozen=True)
class DemoSummary:
    counts: dict[str, int]
    rehearsal_number: str
    rehearsal_access_code: str
    rehearsal_password: str
    rehearsal_time: str


def _set_aside(path: Path, stamp: str) -> Path:
    """Move the old store with its journal and backups into one folder beside it: nothing is
    deleted, and the new store's backups are not mixed with the old one's."""
    from pixtui.store.paths import StorePaths

    paths = StorePaths.of(path)
    aside = path.with_name(f"{path.name}.avant-demo-{stamp}")
    aside.mkdir(mode=0o700)
    if paths.is_folder:  # the store folder whole, and the stub that named it
        parts = [paths.root, *([path] if paths.moved_from is not None else [])]
    else:
        parts = [paths.file, paths.journal, paths.backups]
    for part in parts:
        if os.path.lexists(part):
            os.replace(part, aside / part.name)
    return aside


def write_demo(path: Path, *, actor: str, clock: Clock, replace: bool = False) -> DemoSummary:
    """Create ``path`` holding the demo; an existing file is kept aside, never deleted."""
    from pixtui.demo import build_demo
    from pixtui.store import Store

    data = build_demo(clock, organiser=actor)
    if replace and os.path.lexists(path):
        _set_aside(path, local(clock.now()).strftime("%Y%m%d-%H%M%S"))
    store = Store.create(path, data.school, actor=actor, clock=clock)
    with store.transaction("demo.write") as tx:
        tx.pupils.add_many(data.pupils)
        tx.sessions.add_many(data.sessions)
        tx.candidates.add_many(data.candidates)
    rehearsal = next(session for session in data.sessions if session.rehearsal)
    return DemoSummary(
        counts={
            "pupils": len(data.pupils),
            "classes": len({pupil.division for pupil in data.pupils}),
            "sessions": len(data.sessions),
        },
        rehearsal_number=rehearsal.pix_number or "",
        rehearsal_access_code=rehearsal.access_code,
        rehearsal_password=rehearsal.invigilator_password,
        rehearsal_time=format_time(rehearsal.start_time),
    )
