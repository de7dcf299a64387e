"""An import never marks the school as left behind one vague question (issue 11 item 1).

The scenario of the issue: in Élèves, a 10-line file with 4 bad lines, then P and « Importer »
marked all the real pupils « partis » while the confirmation spoke of the valid lines only.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pixtui.domain.problems import Refused
from pixtui.screens.import_review import ImportReviewScreen
from pixtui.screens.pupils import PupilsScreen
from pixtui.services.imports import (
    LEFT_SHARE_ASKED_APART,
    ImportEffects,
    apply_import,
    import_effects,
    prepare_import,
)
from pixtui.widgets.confirm import ConfirmDialog
from tests.conftest import FROZEN_NOW

TODAY = FROZEN_NOW.date()

SMALL_FILE = (
    "Nom;Prénom;Date de naissance;Classe\r\n"
    "NOUVEAU;Un;01/02/2012;3A\r\n"
    "NOUVEAU;Deux;02/02/2012;3A\r\n"
    "NOUVEAU;Trois;03/02/2012;3A\r\n"
    "NOUVEAU;Quatre;04/02/2012;3A\r\n"
    "NOUVEAU;Cinq;05/02/2012;3A\r\n"
    "BAD;Date;31/02/2012;3A\r\n"
    "BAD;Futur;01/01/2031;3A\r\n"
    ";SansNom;01/01/2012;3A\r\n"
    'BAD"QUOTE;X;01/01/2012;3A\r\n'
)


def current(store) -> int:
    return sum(1 for p in store.snapshot().pupils.all() if not p.left_school)


def in_3a(store) -> int:
    """The file names only 3A: its pupils missing from it are the ones marked left."""
    return sum(1 for p in store.snapshot().pupils.all() if not p.left_school and p.division == "3A")


@pytest.fixture
def small_file(tmp_path: Path) -> Path:
    path = tmp_path / "liste.csv"
    path.write_text(SMALL_FILE, encoding="utf-8")
    return path


def _preview(store, path: Path):
    return prepare_import(path, store.snapshot().pupils.all(), today=TODAY)


def test_every_effect_is_counted(demo_store, small_file: Path) -> None:
    preview = _preview(demo_store, small_file)
    pupils = demo_store.snapshot().pupils.all()
    without = import_effects(preview, pupils, mark_left=False)
    with_left = import_effects(preview, pupils, mark_left=True)
    assert (without.created, without.updated, without.marked_left, without.refused) == (5, 0, 0, 4)
    assert with_left.marked_left == in_3a(demo_store) == 24
    assert not without.left_asked_apart and with_left.left_asked_apart


@pytest.mark.parametrize(
    ("left", "refused", "current_pupils", "apart"),
    [
        (0, 4, 100, False),  # nothing marked left: nothing to ask
        (1, 1, 100, True),  # a refused line may be the pupil marked left
        (10, 0, 100, False),  # a small share, a clean file
        (11, 0, 100, True),  # more than a small share of the school
    ],
)
def test_when_marking_left_is_asked_apart(left, refused, current_pupils, apart) -> None:
    assert LEFT_SHARE_ASKED_APART == 0.10
    assert ImportEffects(0, 0, left, refused, current_pupils).left_asked_apart is apart


def test_the_service_refuses_to_mark_the_school_left_without_its_own_confirmation(
    demo_store, small_file: Path
) -> None:
    preview = _preview(demo_store, small_file)
    counter = demo_store.snapshot().counter
    with pytest.raises(Refused) as error, demo_store.transaction("import.test") as tx:
        apply_import(tx, preview, mark_missing_as_left=True)
    assert "lignes du fichier sont refusées" in error.value.message
    assert demo_store.snapshot().counter == counter
    wrong = in_3a(demo_store) - 1  # a confirmation for another count is no confirmation
    with pytest.raises(Refused), demo_store.transaction("import.test") as tx:
        apply_import(tx, preview, mark_missing_as_left=True, confirmed_left=wrong)
    assert demo_store.snapshot().counter == counter


def test_with_its_exact_count_the_school_is_marked_left(demo_store, small_file: Path) -> None:
    preview = _preview(demo_store, small_file)
    count, before = in_3a(demo_store), current(demo_store)
    with demo_store.transaction("import.test") as tx:
        outcome = apply_import(tx, preview, mark_missing_as_left=True, confirmed_left=count)
    assert (outcome.created, outcome.updated, outcome.marked_left) == (5, 0, count)
    assert current(demo_store) == before - count + 5
    logged = demo_store.journal_tail(1)[0]
    assert logged.after == {"created": 5, "updated": 0, "marked_left": count, "refused": 4}


def test_without_marking_left_no_second_question(demo_store, small_file: Path) -> None:
    preview = _preview(demo_store, small_file)
    before = current(demo_store)
    with demo_store.transaction("import.test") as tx:
        outcome = apply_import(tx, preview)
    assert (outcome.created, outcome.marked_left) == (5, 0)
    assert current(demo_store) == before + 5


async def _open_review(pilot, name: str) -> None:
    await pilot.press("f3", "i", *name, "enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(pilot.app.screen, ImportReviewScreen)


def _question(app) -> str:
    return str(app.screen.query_one("#question").render())


async def test_the_screen_states_every_effect_then_asks_apart(
    demo_app, demo_store, small_file: Path, monkeypatch
) -> None:
    monkeypatch.chdir(small_file.parent)
    count, before = in_3a(demo_store), current(demo_store)
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await _open_review(pilot, small_file.name)
        await pilot.press("p", "a")
        await pilot.pause()
        first = _question(pilot.app)
        assert "5 élèves créés" in first and "0 mis à jour" in first
        assert f"{count} marqués partis" in first and "4 lignes refusées" in first
        await pilot.press("right", "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmDialog)  # the separate question
        second = _question(pilot.app)
        assert f"marquer {count} élèves « partis »" in second and "4 lignes" in second
        await pilot.press("enter")  # the safe answer has the focus: nothing written
        await pilot.pause()
        assert isinstance(pilot.app.screen, ImportReviewScreen)
        assert current(demo_store) == before
        await pilot.press("a", "right", "enter")
        await pilot.pause()
        await pilot.press("right", "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, PupilsScreen)
    assert current(demo_store) == before - count + 5


def test_the_cli_needs_the_exact_count_to_mark_left(
    demo_store, small_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pixtui.cli import main

    count, before = in_3a(demo_store), current(demo_store)
    counter = demo_store.snapshot().counter
    base = ["--store", str(demo_store.path), "import", str(small_file), "--accept-valid"]
    assert main([*base, "--mark-left"]) == 2
    out, err = capsys.readouterr()
    assert f"{count} marqués partis" in out
    assert f"--confirm-left {count}" in err and "Rien n'a été importé" in err
    assert demo_store.snapshot().counter == counter
    assert main([*base, "--mark-left", "--confirm-left", str(count - 1)]) == 2
    assert demo_store.snapshot().counter == counter
    assert main([*base, "--mark-left", "--confirm-left", str(count)]) == 0
    assert current(demo_store) == before - count + 5
