"""Two real pixtui apps in two OS processes on one store: each sees the other's key presses."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pixtui.app import PixtuiApp
from pixtui.domain.clock import FixedClock
from pixtui.domain.room import RoomState

from .pilot_helpers import enter_room, room_grid, switch_presence

WORKER = Path(__file__).with_name("app_worker.py")
REPO_ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 3

pytestmark = pytest.mark.slow  # two OS processes; still run by the README's command and .ci/run


async def read_line(process: subprocess.Popen[str], timeout: float = 20.0) -> str:
    """One line from the other app, without blocking this app's event loop."""
    assert process.stdout is not None
    line = await asyncio.wait_for(asyncio.to_thread(process.stdout.readline), timeout)
    assert line, "the other app stopped: " + (process.stderr.read() if process.stderr else "")
    return line.strip()


async def test_key_presses_in_one_app_show_in_the_other(
    demo_app: PixtuiApp, clock: FixedClock
) -> None:
    store = demo_app.store
    session = next(s for s in store.snapshot().sessions.all() if s.rehearsal)
    absent = [
        c.id
        for c in store.snapshot().candidates.where(session_id=session.id)
        if not c.authorized_to_start and c.assessment_state is None
    ]
    assert len(absent) >= 2
    mine, theirs = absent[0], absent[1]
    other = subprocess.Popen(
        [sys.executable, str(WORKER), str(store.path), clock.now().isoformat()],
        env={"PYTHONPATH": str(REPO_ROOT), "PATH": "/usr/bin:/bin"},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert other.stdin is not None
    seen_by_other: list[str] = []
    seen_here: list[float | None] = []
    try:
        assert await read_line(other) == "READY"
        async with demo_app.run_test(size=(120, 40)) as pilot:
            await enter_room(pilot, session)
            grid = room_grid(demo_app)
            # P confirms, U cancels, P confirms again: each round is a change on each side.
            for round_ in range(ROUNDS):
                state = RoomState.PRESENT if round_ % 2 == 0 else RoomState.ABSENT
                await switch_presence(pilot, mine)
                other.stdin.write(f"ROUND {mine} {state.value} {theirs}\n")
                other.stdin.flush()
                seen_by_other.append(await read_line(other))
                assert await read_line(other) == "PRESSED"
                pressed = time.monotonic()

                def shown(state: RoomState = state) -> bool:
                    return any(t.id == theirs and t.state is state for t in grid.tiles)

                while not shown() and time.monotonic() - pressed < 2.0:
                    await pilot.pause(0.05)  # no key press here
                seen_here.append(time.monotonic() - pressed if shown() else None)
    finally:
        if other.poll() is None:
            other.stdin.close()
            try:
                other.wait(timeout=10)
            except subprocess.TimeoutExpired:
                other.kill()
    assert all(line.startswith("SAW") for line in seen_by_other), seen_by_other
    assert all(delay is not None and delay < 2.0 for delay in seen_here), seen_here
    # Both actions are in the store, journalled by their own invigilator.
    events = [e for e in store.journal_tail(50) if e.action == "room.confirm_presence"]
    assert {(e.who, e.record_id) for e in events} == {("mdupont", mine), ("surveillant-b", theirs)}
