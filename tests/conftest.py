"""Shared fixtures: a frozen clock, a demo store on disk, and a pixtui app over it."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pixtui.domain.clock import FixedClock
from pixtui.i18n import set_language

# A Thursday of the collège campaign, 09:40 in Paris: the demo's rehearsal is running.
FROZEN_NOW = datetime(2027, 3, 18, 8, 40, 0, tzinfo=UTC)
DEMO_ACTOR = "mdupont"
# The room re-times itself every second; tests inject a 50 ms tick instead of waiting 1.2 s.
ROOM_TICK = 0.05


def pytest_collection_finish(session: pytest.Session) -> None:
    """Fewer garbage collections while the tests run: what collection built (test modules,
    pixtui, Textual) is frozen out of the collector, and the young generation is collected
    every 50,000 allocations instead of 700. A Pilot test allocates millions of short-lived
    objects; with the defaults about a third of a worker's CPU went to the collector going
    over the same long-lived objects again. No test depends on when garbage is collected."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


@pytest.fixture(autouse=True)
def _french() -> Iterator[None]:
    set_language("fr")
    yield
    set_language("fr")


@pytest.fixture(autouse=True)
def _a_256_colour_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Screens must not depend on the terminal the tests happen to run in (pixtui picks its
    theme from TERM): a test that wants 16 colours or no colour says so itself."""
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("COLORTERM", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture(autouse=True)
def _no_settings_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """The machine's /etc/pixtui.toml and the account's own settings never reach a test (and
    PIXTUI_GLYPHS, which the TUI commands set from them, starts unset)."""
    import pixtui.config

    monkeypatch.setattr(pixtui.config, "SYSTEM_CONFIG", Path("/nonexistent/pixtui-tests.toml"))
    # and the pixtui processes the tests start (python -m pixtui, over ssh) do not read it either
    monkeypatch.setenv("PIXTUI_SYSTEM_CONFIG", "/nonexistent/pixtui-tests.toml")
    monkeypatch.setenv("XDG_CONFIG_HOME", "/nonexistent/pixtui-tests-config")
    monkeypatch.delenv("PIXTUI_GLYPHS", raising=False)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(FROZEN_NOW)


# The demo's files as write_demo leaves them, per (file name, actor, instant): write_demo is
# deterministic (same bytes for the same instant; tests/test_demo.py checks it), so a test's
# store is a copy of these instead of a fresh build (~0.05 s each, for about 230 tests).
_DEMO_FILES: dict[tuple[str, str, datetime], Path] = {}


def _write_demo_files(path: Path, clock: FixedClock, actor: str) -> None:
    import shutil
    import tempfile

    from pixtui.services.demo_store import write_demo

    if type(clock) is not FixedClock or path.exists() or any(path.parent.iterdir()):
        write_demo(path, actor=actor, clock=clock)
        return
    key = (path.name, actor, clock.now())
    if key not in _DEMO_FILES:
        template = Path(tempfile.mkdtemp(prefix="pixtui-demo-"))
        write_demo(template / path.name, actor=actor, clock=clock)
        _DEMO_FILES[key] = template
    template = _DEMO_FILES[key]
    for source in sorted(template.rglob("*")):
        target = path.parent / source.relative_to(template)
        if source.is_dir():
            target.mkdir(mode=source.stat().st_mode & 0o7777)
        else:
            shutil.copy(source, target)  # bytes and mode; a fresh mtime as written now


def write_demo_store(path: Path, clock: FixedClock, actor: str = DEMO_ACTOR):
    """A real store file holding the demo collège, built for ``clock``."""
    from pixtui.store import Store

    _write_demo_files(path, clock, actor)
    return Store.open(path, actor=actor, clock=clock)


@pytest.fixture
def demo_store(tmp_path: Path, clock: FixedClock):
    return write_demo_store(tmp_path / "pixtui.json", clock)


@pytest.fixture
def demo_app(demo_store, clock: FixedClock):
    from pixtui.app import PixtuiApp

    return PixtuiApp(demo_store, clock, watch_terminal=False, room_tick_seconds=ROOM_TICK)


def rehearsal_session(store):
    return next(s for s in store.snapshot().sessions.all() if s.rehearsal)
