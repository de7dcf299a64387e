"""Snapshot tests of the "before the session" screens at 80x24 and 120x40 (frozen clock)."""

from __future__ import annotations

import shutil

import pytest

from tests.prep.conftest import EXAMPLES

SIZES = [(80, 24), (120, 40)]

# name: (keys from the start screen, what the snapshot proves, in one line)
SCREENS = {
    "pupils": (
        ["f3"],
        "Certificabilité, Connexion and Suivi whole at 80, names cut with …, « → » for the rest",
    ),
    "pupils_by_class": (["f3", "v"], "the per-class counts whole, « → » for E-mail seul"),
    "sessions": (["f4"], "Statut and Prépa. in sight at 80: a rehearsal is told from a session"),
    "session": (["f4", "down", "enter"], "the candidates and their accommodations; F1 kept"),
    "session_checklist": (["f4", "down", "enter", "c"], "the steps read [x]/[ ] without colour"),
    "session_form": (["f4", "n"], "a new session's form opens with no refusal shown"),
    "session_form_edit": (["f4", "down", "m"], "an open session's form, « Tout est en règle »"),
    "enrolment": (
        ["f4", "down", "enter", "i"],
        "[ ]/[x] choice, names, certifiability and À savoir whole; footer keeps F1 Aide",
    ),
    "accommodations": (
        ["f4", "down", "enter", "a"],
        "the accommodations dialog whole over the session, its keys said",
    ),
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", list(SCREENS))
def test_screen(snap_compare, demo_app, name, size):
    """Each snapshot proves what SCREENS says of it (read as text at 80x24 before accepting)."""
    keys, proves = SCREENS[name]
    assert snap_compare(demo_app, terminal_size=size, press=keys), proves


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_import_review(snap_compare, demo_app, tmp_path, monkeypatch, size):
    """A broken pupils' file: each refused line with its reason and its cells, A/P/Échap said."""
    shutil.copy(EXAMPLES / "liste_cassee.csv", tmp_path / "liste.csv")
    monkeypatch.chdir(tmp_path)

    async def read(pilot) -> None:
        await pilot.press("f3", "i", *"liste.csv", "enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(demo_app, terminal_size=size, run_before=read)
