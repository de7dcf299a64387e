"""``pixtui`` (the TUI) and ``pixtui salle [NUMBER]`` (straight to a room's password)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from pixtui.commands.common import clock, open_store
from pixtui.i18n import t


def register(sub: argparse._SubParsersAction, store_option: Callable) -> None:
    salle = sub.add_parser("salle", help=t("cli.cmd.salle"), description=t("cli.cmd.salle"))
    store_option(salle)
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
    store = open_store(args)
    from pixtui.app import PixtuiApp

    app = PixtuiApp(store, clock(), start_mode=start_mode, room_number=room_number)
    app.run(mouse=False)
    return app.return_code or 0


def open_room(args: argparse.Namespace) -> int:
    return open_tui(args, start_mode="salle", room_number=args.number)
