"""Shared fixtures of the store tests: a fixed clock and a fresh store in a temp folder."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from pixtui.domain.clock import FixedClock
from pixtui.domain.models import SchoolSettings
from pixtui.store import Store


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2024, 3, 12, 8, 30, tzinfo=UTC))


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "pixtui.json"


@pytest.fixture
def store(store_path: Path, clock: FixedClock) -> Store:
    school = SchoolSettings(name="Collège Jean Moulin", uai="0750001A")
    return Store.create(store_path, school, actor="mdupont", clock=clock)
