"""Snapshots (frozen clock): Accueil and the room with 25 candidates, at 80x24 and 120x40, in
NO_COLOR and in 16 colours. Update with ``--snapshot-update``, then look at the SVGs."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path

import pytest
from rich.color import ColorSystem
from rich.console import Console
from rich.segment import Segment
from rich.style import Style

import pixtui.app
from pixtui.app import PixtuiApp
from pixtui.domain.clock import FixedClock
from pixtui.domain.enums import AssessmentState
from pixtui.domain.models import Candidate
from pixtui.store import Store

from .pilot_helpers import keys_for


def rehearsal_with_25(store: Store, clock: FixedClock) -> list[str]:
    """The demo's rehearsal room (24 candidates) plus one late pupil, started 2 minutes ago;
    returns the keys that open that room."""
    session = next(s for s in store.snapshot().sessions.all() if s.rehearsal)
    now = clock.now()
    late = Candidate(
        id="snapshot-late-pupil",
        session_id=session.id,
        last_name="Zeller",
        first_name="Noémie",
        division="3E",
        identity_checked_at=now - timedelta(minutes=3),
        signed_at=now - timedelta(minutes=3),
        joined_at=now - timedelta(minutes=2),
        started_at=now - timedelta(minutes=2),
        assessment_state=AssessmentState.STARTED,
    )
    with store.transaction("test.add_candidate") as tx:
        tx.candidates.add(late)
    assert len(store.snapshot().candidates.where(session_id=session.id)) == 25
    return ["f5", "home", "enter", *keys_for(session.invigilator_password), "enter"]


@pytest.mark.parametrize("size", ((80, 24), (120, 40)), ids=("80x24", "120x40"))
def test_accueil(snap_compare, demo_app: PixtuiApp, size: tuple[int, int]) -> None:
    """Accueil: today's sessions with Statut in sight, the campaign's figures, what is left."""
    assert snap_compare(demo_app, terminal_size=size)


@pytest.mark.parametrize("size", ((80, 24), (120, 40)), ids=("80x24", "120x40"))
def test_room_25_candidates(
    snap_compare, demo_app: PixtuiApp, clock: FixedClock, size: tuple[int, int]
) -> None:
    """The room with 25 candidates: header, « À traiter » line and the whole grid on one screen."""
    keys = rehearsal_with_25(demo_app.store, clock)
    assert snap_compare(demo_app, press=keys, terminal_size=size)


def test_room_no_color(
    snap_compare, demo_store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """NO_COLOR: every state still told by its glyph and an attribute, not by colour."""
    monkeypatch.setenv("NO_COLOR", "1")  # Textual reads it when the App is created
    app = PixtuiApp(demo_store, clock, watch_terminal=False)
    assert app.no_color
    keys = rehearsal_with_25(demo_store, clock)
    assert snap_compare(app, press=keys, terminal_size=(80, 24))


class SixteenColourApp(PixtuiApp):
    """Exports what a 16-colour terminal shows: each colour reduced as Rich does on output.

    Textual's screenshot console is always truecolor, so without this the SVG would not show
    what ``TEXTUAL_COLOR_SYSTEM=standard`` users see.
    """

    # A subclass's relative CSS_PATH would be read next to this test file.
    CSS_PATH = str(Path(pixtui.app.__file__).with_name(PixtuiApp.CSS_PATH))

    def export_screenshot(self, *, title: str | None = None, simplify: bool = False) -> str:
        width, height = self.size
        console = Console(
            width=width,
            height=height,
            file=io.StringIO(),
            force_terminal=True,
            color_system="truecolor",
            record=True,
            legacy_windows=False,
            safe_box=False,
        )
        update = self.screen._compositor.render_update(
            full=True, screen_stack=self._background_screens, simplify=simplify
        )
        console.print(_Reduced(update, console))
        return console.export_svg(title=title or self.title)


class _Reduced:
    """A renderable whose segments have their colours reduced to the 16 standard ones."""

    def __init__(self, renderable: object, console: Console) -> None:
        self._renderable = renderable
        self._console = console

    def __rich_console__(self, console: Console, options):  # noqa: ANN204
        for segment in console.render(self._renderable, options):
            style = segment.style
            if style is None or segment.control:
                yield segment
                continue
            color = style.color.downgrade(ColorSystem.STANDARD) if style.color else None
            bgcolor = style.bgcolor.downgrade(ColorSystem.STANDARD) if style.bgcolor else None
            yield Segment(segment.text, style + Style(color=color, bgcolor=bgcolor))


def test_room_16_colours(
    snap_compare, demo_store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PuTTY's 16 colours: the room's states stay distinct once colours are reduced."""
    import textual.constants

    # Textual reads TEXTUAL_COLOR_SYSTEM once, when textual.constants is imported: set the
    # constant the App reads when it is created.
    monkeypatch.setattr(textual.constants, "COLOR_SYSTEM", "standard")
    app = SixteenColourApp(demo_store, clock, watch_terminal=False)
    assert app.console.color_system == "standard"
    keys = rehearsal_with_25(demo_store, clock)
    assert snap_compare(app, press=keys, terminal_size=(80, 24))
