"""Shared helpers for the import tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from pixtui.i18n import set_language

EXAMPLES = Path(__file__).resolve().parents[2] / "data" / "imports"


@pytest.fixture(autouse=True)
def _french() -> None:
    set_language("fr")


def example(name: str) -> bytes:
    return (EXAMPLES / name).read_bytes()
