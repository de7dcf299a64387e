"""The pixtui Textual application: sections as modes, the store polled, quitting confirmed."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

import textual.constants as textual_constants
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import ModalScreen, Screen

from pixtui.bindings import KEY_NAMES, SECTIONS, app_bindings
from pixtui.domain.clock import Clock
from pixtui.domain.problems import Refused
from pixtui.domain.text import safe_text
from pixtui.i18n import t
from pixtui.messages import StoreChanged
from pixtui.terminal import sixteen_colours, terminal_gone
from pixtui.widgets.confirm import ConfirmDialog
from pixtui.widgets.palette import PixCommandPalette, PupilNameProvider, SessionNumberProvider

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from pixtui.store import Store

T = TypeVar("T")

STORE_POLL_SECONDS = 1.0  # other processes' changes show within 2 s (SPEC §5.2)
HANGUP_CHECK_SECONDS = 5.0


def _modes() -> dict[str, Callable[[], Screen]]:
    from pixtui.screens import SCREEN_FACTORIES

    return dict(SCREEN_FACTORIES)


class PixtuiApp(App[int]):
    CSS_PATH = "pixtui.tcss"
    TITLE = "pixtui"
    BINDINGS = app_bindings()
    ENABLE_COMMAND_PALETTE = True
    COMMANDS = App.COMMANDS | {SessionNumberProvider, PupilNameProvider}
    # Keyboard-only: no text selection with the mouse, no automatic focus surprises.
    ALLOW_SELECT = False

    def __init__(
        self,
        store: Store,
        clock: Clock,
        *,
        start_mode: str = "accueil",
        room_number: str | None = None,
        watch_terminal: bool = True,
        room_tick_seconds: float | None = None,
        hangup_check_seconds: float | None = None,
    ) -> None:
        """``room_tick_seconds`` (the room's re-timing, 1 s) and ``hangup_check_seconds`` (the
        terminal watchdog, HANGUP_CHECK_SECONDS) are injectable so tests need not wait."""
        self.MODES = _modes()
        # The first screen is the start mode's own, composed with the app: switching to it
        # from on_mount (from Textual's empty default screen) re-parsed every stylesheet twice.
        self.DEFAULT_MODE = start_mode
        super().__init__()
        self.store = store
        self.clock = clock
        self.start_mode = start_mode
        self.room_number = room_number
        self._watch_terminal = watch_terminal
        self.room_tick_seconds = room_tick_seconds
        self._hangup_check_seconds = hangup_check_seconds
        self._last_counter = -1
        self._good_snapshot: Any = None

    # --- life cycle -------------------------------------------------------------------

    def on_mount(self) -> None:
        if not self.no_color and sixteen_colours(os.environ, textual_constants.COLOR_SYSTEM):
            # 16 colours (PuTTY's default TERM, TERM=linux): the terminal's own palette reads
            # better than the dark theme's greys squeezed into it. (NO_COLOR keeps the dark
            # theme: Textual turns it to greys, which an ANSI theme would lose entirely.)
            self.theme = "ansi-dark"
        self._last_counter = self.store.snapshot().counter
        self.set_interval(STORE_POLL_SECONDS, self.poll_store, name="store-poll")
        if self._watch_terminal and not self.is_headless:
            every = self._hangup_check_seconds or HANGUP_CHECK_SECONDS
            self.set_interval(every, self._exit_if_terminal_gone, name="hangup")

    def _exit_if_terminal_gone(self) -> None:
        if terminal_gone():
            self.exit(0)

    # --- the store --------------------------------------------------------------------

    @property
    def snapshot(self) -> Any:
        """The store's current snapshot, or the last good one if the file went bad meanwhile
        (the poll says so in French every second; screens keep showing what they had)."""
        from pixtui.store import StoreError

        try:
            self._good_snapshot = self.store.snapshot()
        except StoreError:
            if self._good_snapshot is None:
                raise
        return self._good_snapshot

    def poll_store(self) -> None:
        """Notice other processes' writes (a cheap stat); refresh only when the store moved.

        Compared with the counter this app last announced, not with Store.poll(): any
        snapshot() call (the room re-times itself every second) would swallow that answer.
        """
        from pixtui.store import StoreError

        try:
            counter = self.store.snapshot().counter
        except StoreError as error:
            # Damaged or vanished file: say so, keep showing the last good data meanwhile.
            self.notify(error.message, severity="error", timeout=STORE_POLL_SECONDS * 2)
            return
        if counter != self._last_counter:
            self._announce_change(by_me=False)

    def _announce_change(self, *, by_me: bool) -> None:
        snap = self.snapshot
        if snap.counter == self._last_counter and not by_me:
            return
        self._last_counter = snap.counter
        self.screen.post_message(
            StoreChanged(snap.counter, snap.updated_by, snap.updated_at, by_me=by_me)
        )

    def write(
        self,
        action: str,
        change: Callable[[Any], T],
        *,
        on_refused: Callable[[Refused], object] | None = None,
    ) -> T | None:
        """Run ``change(tx)`` in one store transaction; ``None`` when nothing was written.

        The one place a refusal is caught: a :class:`Refused` (a rule the user broke) becomes
        one French notice, or goes to ``on_refused`` when the screen shows it elsewhere (a
        form's own error line); a store failure (busy, damaged, changed meanwhile) becomes one
        French error notice. Writes are short (a few ms) and serialised by the store's lock,
        so they run on the UI thread: the author sees the result at once.
        """
        from pixtui.store import StoreError

        try:
            with self.store.transaction(action) as tx:
                result = change(tx)
        except Refused as refusal:
            if on_refused is not None:
                on_refused(refusal)
            else:
                self.notify(refusal.message, severity="warning", timeout=10)
            return None
        except StoreError as error:
            self.notify(error.message, severity="error", timeout=10)
            return None
        self._announce_change(by_me=True)
        return result

    # --- navigation -------------------------------------------------------------------

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notice (screens' and widgets' too: they call this one) is plain text.

        pixtui's sentences hold no markup, and a name, a room or a number typed on the command
        line (« pixtui salle "[/]" ») must never crash the notice or style it; control
        characters never reach the terminal (:func:`pixtui.domain.text.safe_text`).
        """
        super().notify(
            safe_text(message, multiline=True),
            title=safe_text(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def action_go(self, mode: str) -> None:
        """A section's F-key: that section; from a screen opened in it (a session's detail,
        enrolment, help), back to its first screen, as from any other section."""
        if self.current_mode != mode:
            self.switch_mode(mode)
        else:
            self._back_to_section_start()

    def _back_to_section_start(self) -> None:
        """Close the pushed screens one by one, each as it closes itself (a screen with
        unsaved work asks); a dialog or form (modal) on top is left to be answered."""
        from pixtui.screens.base import PixScreen

        screen = self.screen
        if len(self.screen_stack) <= 1 or isinstance(screen, ModalScreen):
            return

        def pop() -> None:
            if self.screen is screen:
                self.pop_screen()
                self._back_to_section_start()

        if isinstance(screen, PixScreen):
            screen.leave(pop)
        else:
            pop()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if (
            action == "go"
            and parameters
            and parameters[0] == self.current_mode
            and len(self.screen_stack) <= 1
        ):
            return None  # dimmed: already there
        return True

    def action_help(self) -> None:
        from pixtui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_command_palette(self) -> None:
        if self.use_command_palette and not PixCommandPalette.is_open(self):
            self.push_screen(PixCommandPalette())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for section in SECTIONS:
            name = t(section.label_key)
            yield SystemCommand(
                t("palette.go", name=name),
                t("palette.go.help", name=name, key=section.key.upper()),
                lambda mode=section.mode: self.action_go(mode),
            )
        yield SystemCommand(t("palette.help"), t("palette.help.help"), self.action_help)
        yield SystemCommand(t("palette.quit"), t("palette.quit.help"), self.action_request_quit)

    def open_session(self, session_id: str) -> None:
        """Go to the Sessions section and open this session's screen (command palette)."""
        from pixtui.screens.session import SessionScreen

        self.action_go("sessions")

        def push() -> None:
            shown = self.screen
            if not (isinstance(shown, SessionScreen) and shown.session_id == session_id):
                self.push_screen(SessionScreen(session_id))

        self.call_after_refresh(push)

    def open_pupil(self, pupil_id: str) -> None:
        """Go to the Élèves section with the cursor on this pupil (command palette)."""
        from pixtui.screens.pupils import PupilsScreen

        self.action_go("eleves")

        def show() -> None:
            if isinstance(self.screen, PupilsScreen):
                self.screen.show_pupil(pupil_id)

        self.call_after_refresh(show)

    def open_room(self, session_id: str) -> None:
        """Go to the Salle section and ask for this session's password."""
        from pixtui.screens.room_entry import RoomEntryScreen

        self.action_go("salle")

        def ask() -> None:
            entry = self.screen
            if isinstance(entry, RoomEntryScreen):
                entry.ask_password(session_id)

        self.call_after_refresh(ask)

    def show_room(self, session_id: str, *, read_only: bool = False) -> None:
        from pixtui.screens.room import RoomScreen

        self.push_screen(RoomScreen(session_id, read_only=read_only))

    @property
    def is_organiser(self) -> bool:
        return self.store.actor in self.store.snapshot().school.organisers

    # --- quitting ---------------------------------------------------------------------

    def action_request_quit(self) -> None:
        def answered(confirmed: bool | None) -> None:
            if confirmed:
                self.exit(0)

        if not isinstance(self.screen, ConfirmDialog):
            self.push_screen(
                ConfirmDialog(t("quit.question"), confirm_label=t("quit.confirm")), answered
            )

    async def action_quit(self) -> None:
        self.action_request_quit()

    def action_help_quit(self) -> None:
        self.notify(t("quit.hint"), title=t("quit.hint.title"))

    # --- a bug must not print Textual's English traceback (with pupils' data in its locals) --

    def _fatal_error(self) -> None:
        """PRIVATE Textual API (docs/textual-private-apis.md): Textual has no public hook for an
        unhandled exception; its own ``_fatal_error`` prints a traceback with local values.
        Ours writes them, without locals, to a 0600 log and shows one French sentence through
        the public ``panic``. Guarded by tests/app/test_private_textual.py."""
        from rich.text import Text

        from pixtui.crash import write_crash_log

        self.bell()
        log = write_crash_log(self._exception)
        self.panic(Text(t("cli.error.unexpected", log=log)))

    # --- French key names -------------------------------------------------------------

    def get_key_display(self, binding: Binding) -> str:
        if binding.key_display:
            return binding.key_display
        key = binding.key.split(",")[0]
        if key.startswith("ctrl+"):
            return "^" + key.removeprefix("ctrl+")
        if key in KEY_NAMES:
            return t(KEY_NAMES[key])
        if key.startswith("f") and key[1:].isdigit():
            return key.upper()
        return super().get_key_display(binding)
