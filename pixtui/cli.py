"""The ``pixtui`` command line (SPEC §6).

Textual is imported only when the TUI opens, so headless subcommands start fast. A user's
mistake ends with one French sentence on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from pixtui import __version__, cli_text
from pixtui.config import Config, ConfigError, load_config
from pixtui.domain.problems import Refused
from pixtui.domain.text import strip_controls
from pixtui.i18n import set_language, t

EXIT_OK = 0
EXIT_USER_ERROR = 2
EXIT_UNEXPECTED = 70

Handler = Callable[[argparse.Namespace], int]


def _store_option(parser: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    """--store and --lang, accepted before or after the subcommand.

    A subcommand's options must not reset the ones given before the subcommand (SUPPRESS).
    """
    parser.add_argument(
        "--store",
        type=Path,
        default=None if top_level else argparse.SUPPRESS,
        metavar=t("cli.metavar.file"),
        help=t("cli.opt.store", default="$XDG_DATA_HOME/pixtui/pixtui.json"),
    )
    parser.add_argument(
        "--lang",
        choices=("fr", "en"),
        default=None if top_level else argparse.SUPPRESS,
        help=t("cli.opt.lang"),
    )


class _NotTheTui(Exception):
    """The words are not the TUI's plain ``pixtui [--store F] [--lang L] [--glyphs G]``."""


class _TuiOnlyParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # the full parser says it, in French
        raise _NotTheTui(message)


def parse_tui_words(words: Sequence[str]) -> argparse.Namespace | None:
    """The arguments of ``pixtui`` opening the TUI, parsed without importing every command's
    module to build the full parser (~20 ms of each start-up); None when the words hold a
    command, a help or version request, or anything else: the full parser then reads them,
    and says what is wrong. Gives the same namespace as the full parser (tested)."""
    from pixtui.commands import common, room

    parser = _TuiOnlyParser(prog="pixtui", add_help=False)
    _store_option(parser, top_level=True)
    common.glyphs_option(parser, top_level=True)
    try:
        args, rest = parser.parse_known_args(words)
    except (_NotTheTui, argparse.ArgumentError):
        return None
    if rest:
        return None
    args.handler = room.open_tui
    args.command = None
    return args


def build_parser() -> argparse.ArgumentParser:
    import os

    from pixtui.commands import admin, after, common, demo, doctor, export, imports, plan, room
    from pixtui.config import system_config_path

    parser = cli_text.PixArgumentParser(
        prog="pixtui",
        description=t("cli.description"),
        epilog=t("cli.settings_order", system=system_config_path(os.environ)),
    )
    _store_option(parser, top_level=True)
    common.glyphs_option(parser, top_level=True)
    parser.add_argument(
        "--version", action="version", version=f"pixtui {__version__}", help=t("cli.opt.version")
    )
    parser.set_defaults(handler=room.open_tui)
    sub = parser.add_subparsers(
        title=t("cli.cmd.commands"),
        dest="command",
        metavar=t("cli.metavar.command"),
        parser_class=cli_text.PixArgumentParser,
    )
    for module in (admin, demo, export, room, imports, after, doctor, plan):
        module.register(sub, _store_option)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    try:
        config: Config | None = load_config()
        config_error: ConfigError | None = None
    except ConfigError as error:
        config, config_error = None, error
    set_language(_early_language(words, config))
    cli_text.install()
    args = parse_tui_words(words) or build_parser().parse_args(words)
    if config is None:
        if args.command != "doctor":  # doctor explains a broken settings file; others stop
            return fail(str(config_error))
        args.config_error = config_error
    else:
        try:
            config = config.with_flags(
                store=args.store, lang=args.lang, glyphs=getattr(args, "glyphs", None)
            )
        except ConfigError as error:
            return fail(str(error))
        args.store = config.store_path
        set_language(config.lang.value)
    args.config = config
    handler: Handler = args.handler
    if args.command in (None, "salle"):  # the TUI: Textual writes to the terminal itself
        return run_handler(handler, args)
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeOutput(stdout), SafeOutput(stderr)
    try:
        return run_handler(handler, args)
    finally:
        sys.stdout, sys.stderr = stdout, stderr


class SafeOutput(io.TextIOBase):
    """What a subcommand prints, without control or bidi characters (ESC, ENQ, C1, U+202E…).

    A name imported before the imports refused them, or typed in the JSON file, is printed by
    ``import --dry-run``, ``purge --dry-run``, ``check``…: the one place they all go through.
    """

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(strip_controls(text))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()

    def writable(self) -> bool:
        return True

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self._stream, "encoding", None) or "utf-8"


def run_handler(handler: Handler, args: argparse.Namespace) -> int:
    from pixtui.store.errors import StoreError

    try:
        return handler(args)
    except Refused as refusal:  # a rule the user broke: nothing written, one French sentence
        return fail(refusal.message)
    except StoreError as error:
        return fail(error.message)
    except KeyboardInterrupt:
        return fail(t("cli.error.interrupted"), code=130)
    except BrokenPipeError:  # « pixtui … | head »: the reader left; not a bug, not a crash log
        silence_stdout()
        return fail(t("cli.error.output_closed"))
    except Exception:  # a bug: keep the detail for us, give the user one sentence
        from pixtui.crash import write_crash_log

        return fail(t("cli.error.unexpected", log=write_crash_log()), code=EXIT_UNEXPECTED)


def silence_stdout() -> None:
    """After the reader of our output went away (``| head``): send the rest nowhere.

    Without this, Python's final flush of stdout fails again at exit and prints an English
    "Exception ignored" with a traceback.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, io.UnsupportedOperation):  # not a real file (tests)
        pass


class UserError(Refused):
    """A mistake the user can fix on the command line; its text is the French sentence to show."""


def fail(message: str, code: int = EXIT_USER_ERROR) -> int:
    print(message, file=sys.stderr)
    return code


def _early_language(argv: Sequence[str], config: Config | None) -> str:
    """The language must be known before argparse builds its (translated) help."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return config.lang.value if config else "fr"
