"""Shared fixtures of the store tests: a fixed clock and a fresh store in a temp folder.

``store_path`` is parametrised over both layouts (issue 12): every test that uses it runs on
the single file and on the store folder. A test that looks at one layout's own bytes asks
for ``file_store_path`` (or ``folder_store_path``) instead."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from pixtui.domain.clock import FixedClock
from pixtui.domain.models import SchoolSettings
from pixtui.store import Store


@pytest.fixture(autouse=True)
def _single_files_stay_single_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """The store tests test the single-file layout itself (a store before its migration,
    and every whole backup is one): ``Store.open`` does not migrate it here; test_migrate.py
    migrates explicitly (``migrate=True``)."""
    from pixtui.store import migrate

    monkeypatch.setattr(migrate, "MIGRATE_FILES", False)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2024, 3, 12, 8, 30, tzinfo=UTC))


LAYOUTS = {"file": "pixtui.json", "folder": "pixtui.d"}


@pytest.fixture(params=list(LAYOUTS))
def store_path(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    return tmp_path / "data" / LAYOUTS[request.param]


@pytest.fixture
def file_store_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / LAYOUTS["file"]


@pytest.fixture
def store(store_path: Path, clock: FixedClock) -> Store:
    school = SchoolSettings(name="Collège Jean Moulin", uai="0750001A")
    return Store.create(store_path, school, actor="mdupont", clock=clock)
