"""The import prompt completes the path typed (issue 13: no completion): complete_path, and → in
the prompt (F3, i)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from pixtui.imports.paths import complete_path
from tests.prep.conftest import paste


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "Téléchargements").mkdir()
    (tmp_path / "Téléchargements" / "eleves_3e_2027.csv").write_text("x")
    (tmp_path / "Téléchargements" / "eleves_3e_2026.csv").write_text("x")
    (tmp_path / "Téléchargements" / "collecte.csv").write_text("x")
    (tmp_path / ".cache").mkdir()
    (tmp_path / "Eleves.csv").write_text("x")
    return tmp_path


def test_one_match_completes_whole_a_folder_ends_with_a_slash(folder: Path) -> None:
    assert complete_path(f"{folder}/Tél") == f"{folder}/Téléchargements/"
    assert complete_path(f"{folder}/Téléchargements/co") == f"{folder}/Téléchargements/collecte.csv"


def test_several_matches_complete_as_far_as_they_agree(folder: Path) -> None:
    assert (
        complete_path(f"{folder}/Téléchargements/el") == f"{folder}/Téléchargements/eleves_3e_202"
    )
    # nothing more in common: the first in alphabetical order is proposed
    typed = f"{folder}/Téléchargements/eleves_3e_202"
    assert complete_path(typed) == typed + "6.csv"


def test_case_hidden_entries_home_and_nothing(folder: Path, monkeypatch) -> None:
    assert complete_path(f"{folder}/ele") == f"{folder}/Eleves.csv"
    assert complete_path(f"{folder}/") in (f"{folder}/Eleves.csv", f"{folder}/Téléchargements/")
    assert complete_path(f"{folder}/.ca") == f"{folder}/.cache/"
    assert not str(complete_path(f"{folder}/") or "").endswith(".cache/")
    monkeypatch.setenv("HOME", str(folder))
    assert complete_path("~/Tél") == "~/Téléchargements/"
    assert complete_path(f"{folder}/zz") is None
    assert complete_path(f"{folder}/nowhere/x") is None
    assert complete_path("  ") is None
    assert complete_path(f"{folder}/Eleves.csv") is None  # already whole


async def test_right_arrow_completes_the_import_prompt(demo_app, folder: Path) -> None:
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3", "i")
        await pilot.pause()
        field = pilot.app.screen.query_one(Input)
        await paste(pilot, f"{folder}/", into=field)  # the test's folder: ~70 keys otherwise
        await pilot.press(*"Tél")
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("right")
        assert field.value == f"{folder}/Téléchargements/"
        await pilot.press(*"co")
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("right")
        assert field.value == f"{folder}/Téléchargements/collecte.csv"
