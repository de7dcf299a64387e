"""A second pixtui app in its own process, driven by key presses (used by test_two_processes).

Usage: ``python app_worker.py STORE ISO_INSTANT`` then, on stdin, one line per round:
``ROUND <id to watch> <room state to see> <id to press p on>``. For each round it answers
``SAW <seconds>`` (or ``MISSED``) once the watched candidate shows that state in its room
grid, then ``PRESSED`` after its own p on the other. ``READY`` when its room is open.
"""

from __future__ import annotations

import asyncio
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from pilot_helpers import enter_room, room_grid, switch_presence  # noqa: E402

from pixtui.app import PixtuiApp  # noqa: E402
from pixtui.domain.clock import FixedClock  # noqa: E402
from pixtui.domain.room import RoomState  # noqa: E402
from pixtui.store import Store  # noqa: E402

SEE_WITHIN = 2.0


def say(line: str) -> None:
    # Textual captures sys.stdout while an app runs: write to the real one.
    sys.__stdout__.write(line + "\n")
    sys.__stdout__.flush()


async def main(path: str, instant: str) -> None:
    clock = FixedClock(datetime.fromisoformat(instant))
    store = Store.open(path, actor="surveillant-b", clock=clock)
    session = next(s for s in store.snapshot().sessions.all() if s.rehearsal)
    app = PixtuiApp(store, clock, watch_terminal=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await enter_room(pilot, session)
        grid = room_grid(app)
        say("READY")
        while True:
            line = (await asyncio.to_thread(sys.stdin.readline)).split()
            if not line or line[0] != "ROUND":
                break
            see, state, press = line[1], RoomState(line[2]), line[3]
            asked = time.monotonic()

            def present(candidate_id: str = see, state: RoomState = state) -> bool:
                return any(tile.id == candidate_id and tile.state is state for tile in grid.tiles)

            while not present() and time.monotonic() - asked < SEE_WITHIN:
                await pilot.pause(0.05)  # no key press while waiting
            say(f"SAW {time.monotonic() - asked:.2f}" if present() else "MISSED")
            await switch_presence(pilot, press)
            say("PRESSED")


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:]))
