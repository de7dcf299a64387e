"""What every section screen shares: title bar, navigation bar, footer, live refresh."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Footer

from pixtui.domain.clock import local
from pixtui.domain.timing import format_clock
from pixtui.formatting import format_day_long
from pixtui.i18n import t
from pixtui.messages import StoreChanged
from pixtui.widgets.navbar import NavBar
from pixtui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from pixtui.app import PixtuiApp


class PixScreen(Screen):
    """A section of pixtui. Subclasses give ``SECTION``, ``TITLE_KEY`` and ``compose_body``."""

    SECTION: ClassVar[str] = "accueil"
    TITLE_KEY: ClassVar[str] = "nav.home"

    def __init__(self) -> None:
        super().__init__()
        self._seen_counter = -1
        self._minute_timer: Timer | None = None

    @property
    def pix(self) -> PixtuiApp:
        return self.app  # type: ignore[return-value]

    @property
    def snapshot(self) -> Any:
        return self.pix.snapshot

    def now(self) -> datetime:
        return self.pix.clock.now()

    def compose(self) -> ComposeResult:
        yield TitleBar(id="title-bar")
        yield NavBar(self.SECTION)
        yield from self.compose_body()
        yield Footer(show_command_palette=False, compact=True)

    def compose_body(self) -> Iterable[Widget]:
        return ()

    def on_mount(self) -> None:
        # Textual calls every class's own on_mount, the subclass's first: subclasses set up
        # their widgets in theirs and must not call super().on_mount() (it would run twice).
        self._update_title()
        self._refresh_if_changed(force=True)

    def on_screen_resume(self) -> None:
        self._update_title()
        self._schedule_minute_tick()
        self._refresh_if_changed()

    def on_screen_suspend(self) -> None:
        # A covered screen keeps no timer: a callback on it made Textual repaint the whole
        # top screen (kilobytes over SSH); it catches up when it comes back.
        if self._minute_timer is not None:
            self._minute_timer.stop()
            self._minute_timer = None

    def on_store_changed(self, message: StoreChanged) -> None:
        self._refresh_if_changed()

    def _refresh_if_changed(self, force: bool = False) -> None:
        from pixtui.store import StoreError

        counter = self.snapshot.counter
        if force or counter != self._seen_counter:
            self._seen_counter = counter
            try:
                self.refresh_data()
            except StoreError as error:
                # A part of a closed school year is read (and checked) when a screen first
                # needs it, not at start-up: its damage is said in French, as the poll says
                # a damaged manifest; the screen keeps what it had.
                self.notify(error.message, severity="error")

    def refresh_data(self) -> None:
        """Show the current snapshot; called on mount and after every store change."""

    def leave(self, then: Callable[[], object]) -> None:
        """Closed by its section's F-key (back to the section's first screen): ``then`` pops it.
        A screen holding unsaved work asks first (see EnrolmentScreen)."""
        then()

    # --- the title bar ------------------------------------------------------------------

    def _update_title(self) -> None:
        bar = self.query_one(TitleBar)
        bar.left = self.snapshot.school.name or "pixtui"
        bar.middle = self.title_text()
        now = local(self.now())
        bar.right = f"{format_day_long(now.date())} {format_clock(now)}"

    def title_text(self) -> str:
        return t(self.TITLE_KEY)

    def _schedule_minute_tick(self) -> None:
        # Wake at the next minute boundary only: an idle screen sends nothing in between.
        if self._minute_timer is not None:
            self._minute_timer.stop()
        now = local(self.now())
        delay = 60 - now.second - now.microsecond / 1e6
        self._minute_timer = self.set_timer(max(delay, 0.5), self._minute_tick, name="minute")

    def _minute_tick(self) -> None:
        self._minute_timer = None
        if self.is_active:
            self._update_title()
            self._schedule_minute_tick()
