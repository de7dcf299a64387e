"""``pixtui`` (the TUI) and ``pixtui salle [NUMBER]`` (straight to a room's password)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from pixtui.commands.common import clock, glyphs_option, open_store
from pixtui.i18n import t

if TYPE_CHECKING:
    from pixtui.app import PixtuiApp
    from pixtui.config import Config


def register(sub: argparse._SubParsersAction, store_option: Callable) -> None:
    salle = sub.add_parser("salle", help=t("cli.cmd.salle"), description=t("cli.cmd.salle"))
    store_option(salle)
    glyphs_option(salle)
    salle.add_argument(
        "number",
        nargs="?",
        default=None,
        metavar=t("cli.metavar.number"),
        help=t("cli.salle.number"),
    )
    salle.set_defaults(handler=open_room)


def open_tui(
    args: argparse.Namespace, *, start_mode: str = "accueil", room_number: str | None = None
) -> int:
    import sys

    from pixtui.cli import UserError
    from pixtui.terminal import configure_environment

    if not sys.stdout.isatty() or not sys.stdin.isatty():
        raise UserError(t("cli.error.not_a_terminal"))
    configure_environment()  # before textual is imported: its constants read the environment
    app = build_app(args, start_mode=start_mode, room_number=room_number)
    app.run(mouse=False)
    return app.return_code or 0


def build_app(
    args: argparse.Namespace, *, start_mode: str = "accueil", room_number: str | None = None
) -> PixtuiApp:
    """The app on the store, with the settings' glyph set and keymap applied."""
    config = getattr(args, "config", None)
    if config is not None:
        apply_glyphs(config)
    store = open_store(args)
    from pixtui.app import PixtuiApp

    app = PixtuiApp(store, clock(), start_mode=start_mode, room_number=room_number)
    if config is not None and config.keymap:
        app.set_keymap(dict(config.keymap))  # by binding id (Textual's public keymap API)
    return app


def open_room(args: argparse.Namespace) -> int:
    return open_tui(args, start_mode="salle", room_number=args.number)


def apply_glyphs(config: Config) -> None:
    """The glyph set chosen in the settings (file, $PIXTUI_GLYPHS or --glyphs) reaches the
    terminal module through its environment variable; ``auto`` leaves the choice to it."""
    import os

    from pixtui.config import ENV_GLYPHS

    if config.glyphs.value == "auto":
        os.environ.pop(ENV_GLYPHS, None)
    else:
        os.environ[ENV_GLYPHS] = config.glyphs.value
