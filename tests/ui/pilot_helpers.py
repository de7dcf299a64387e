"""Helpers for Pilot tests: what the screen shows as text, and key sequences a user would type.

Also imported by ``app_worker.py`` (another process), so it imports nothing from the tests.
"""

from __future__ import annotations

import io
import re
import time
from typing import TYPE_CHECKING

from rich.console import Console

from pixtui.domain.names import name_key

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.app import App
    from textual.pilot import Pilot

    from pixtui.domain.models import Candidate, Session
    from pixtui.widgets.room_grid import RoomGrid

# Textual's own English strings that must never reach a French screen.
ENGLISH_WORDS = (
    "Quit",
    "Search for commands",
    "palette",
    "No matches",
    "Press",
    "Focus Next",
    "Focus Previous",
    "Copy selected",
    "Cancel",
    "Dismiss",
)


def screen_text(app: App) -> str:
    """The visible screen as plain text, every layer included (dialogs, toasts), no styles.

    Same composition as ``App.export_screenshot`` (Textual has no public text export).
    """
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system=None,
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    console.print(update)
    return console.export_text()


def notices(app: App) -> list[str]:
    """The notifications on screen now (toasts wrap their text, so read their messages), and
    what the room screens said on their message line (the room shows no toasts)."""
    said = [notification.message for notification in app._notifications]
    for screen in app.screen_stack:
        said += getattr(screen, "messages", [])
    return said


def english_left(text: str) -> list[str]:
    """The English words found as whole words ("Quit" is not "Quitter")."""
    return [word for word in ENGLISH_WORDS if re.search(rf"\b{re.escape(word)}\b", text)]


def keys_for(text: str) -> list[str]:
    """Key names that type ``text`` (letters, digits and spaces)."""
    keys = []
    for char in text:
        if char == " ":
            keys.append("space")
        elif char.isalnum():
            keys.append(char)
        else:
            raise ValueError(f"no key for {char!r}")
    return keys


async def wait_until(pilot: Pilot, done: Callable[[], bool], timeout: float = 3.0) -> None:
    """Let the app run until ``done()`` holds or ``timeout`` seconds have passed (no key press);
    the caller still asserts what it expects, so a condition never met still fails the test."""
    start = time.monotonic()
    while not done() and time.monotonic() - start < timeout:
        await pilot.pause(0.05)


def search_query(candidate: Candidate) -> str:
    """What an invigilator types to find this candidate (accent-free, lower case)."""
    return f"{name_key(candidate.last_name)} {name_key(candidate.first_name)}"


def room_grid(app: App) -> RoomGrid:
    from pixtui.widgets.room_grid import RoomGrid

    return app.screen.query_one(RoomGrid)


async def enter_room(pilot: Pilot, session: Session, password: str | None = None) -> None:
    """F5, Entrée on today's (only) session, the password, Entrée."""
    await pilot.press("f5")
    await pilot.pause()
    await pilot.press("home", "enter")
    await pilot.pause()
    typed = session.invigilator_password if password is None else password
    await pilot.press(*keys_for(typed), "enter")
    await pilot.pause()


async def move_to(pilot: Pilot, candidate_id: str) -> None:
    """The fewest presses of →/← (one tile in any layout), Début or Fin to reach the candidate."""
    grid = room_grid(pilot.app)
    ids = [tile.id for tile in grid.tiles]
    target = ids.index(candidate_id)
    current = ids.index(grid.selected_id) if grid.selected_id in ids else 0
    routes = [
        ([], current),
        (["home"], 0),
        (["end"], len(ids) - 1),
    ]
    first, start = min(routes, key=lambda route: len(route[0]) + abs(target - route[1]))
    step = "right" if target > start else "left"
    await pilot.press(*first, *[step] * abs(target - start))
    assert grid.selected_id == candidate_id


async def switch_presence(pilot: Pilot, candidate_id: str) -> None:
    """Confirm the presence (P), or undo it (U, the presence line, then the confirming button):
    never a toggle key in the room."""
    await move_to(pilot, candidate_id)
    tile = next(tile for tile in room_grid(pilot.app).tiles if tile.id == candidate_id)
    if tile.state.value == "present":
        await pilot.press("u")
        await pilot.pause()
        await pilot.press("home", "enter")
        await pilot.pause()
        await pilot.press("right", "enter")
    else:
        await pilot.press("p")
    await pilot.pause()
