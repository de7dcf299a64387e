"""What every subcommand needs: the store path, the login name, the clock, a confirmation."""

from __future__ import annotations

import argparse
import os
import pwd
import sys
from pathlib import Path

from pixtui.domain.clock import Clock, SystemClock
from pixtui.i18n import t


def store_path(args: argparse.Namespace) -> Path:
    from pixtui.store import default_store_path

    return Path(args.store).expanduser() if args.store else default_store_path()


def glyphs_option(parser: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    """--glyphs, for the commands that open the TUI (before or after the subcommand)."""
    from pixtui.config import GLYPH_SETS

    parser.add_argument(
        "--glyphs",
        choices=GLYPH_SETS,
        default=None if top_level else argparse.SUPPRESS,
        help=t("cli.opt.glyphs"),
    )


def login_name() -> str:
    """The Unix login of the process's real user id: who the journal says did it.

    Never LOGNAME or USER: anyone can set them (``LOGNAME=referent pixtui …``) to appear as
    someone else in the journal and to get an organiser's rights.
    """
    uid = os.getuid()
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:  # a uid without a passwd entry (a container): still one person
        return f"uid{uid}"


def clock() -> Clock:
    return SystemClock()


def confirm(question: str, assume_yes: bool) -> bool:
    """Ask on the terminal; without one, only ``--yes`` confirms."""
    from pixtui.cli import UserError

    if assume_yes:
        return True
    if not sys.stdin.isatty():
        raise UserError(t("cli.restore.no_tty"))
    answer = input(question).strip().casefold()
    return answer in t("cli.yes_answers").split(",")


def open_store(args: argparse.Namespace):  # -> Store (import kept lazy)
    from pixtui.cli import UserError
    from pixtui.store import Store
    from pixtui.store.paths import is_store_folder

    path = store_path(args)
    if path.is_dir() and not is_store_folder(path):  # a store folder (issue 12) is a store
        raise UserError(t("cli.error.store_is_folder", path=path))
    if not path.exists():
        raise UserError(t("cli.error.store_missing", path=path))
    return Store.open(path, actor=login_name(), clock=clock())
