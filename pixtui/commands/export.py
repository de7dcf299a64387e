"""``pixtui export day|session|pupils|classes``: the printable documents and CSV lists, headless.

Each path written is printed on its own line (scripts can read them); a refusal is one French
sentence on stderr and a non-zero exit, like every other subcommand.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from pixtui.commands.common import clock, open_store
from pixtui.domain.clock import Clock
from pixtui.i18n import CATALOGUE, t

if TYPE_CHECKING:
    from pixtui.store import Store


def register(sub: argparse._SubParsersAction, store_option: Callable) -> None:
    export = sub.add_parser(
        "export", help=t("exports.cli.export"), description=t("exports.cli.export")
    )
    # No title: argparse would translate a missing description into the text « None ».
    kinds = export.add_subparsers(dest="export_kind", metavar="DOCUMENTS", required=True)

    day = kinds.add_parser("day", help=t("exports.cli.day"), description=t("exports.cli.day"))
    day.add_argument("day", metavar="DATE", help=t("exports.cli.day.date"))
    _common_options(day, store_option, printable=True)
    day.set_defaults(handler=run_day)

    session = kinds.add_parser(
        "session", help=t("exports.cli.session"), description=t("exports.cli.session")
    )
    session.add_argument("number", metavar="NUMERO", help=t("exports.cli.session.number"))
    _common_options(session, store_option, printable=True)
    session.set_defaults(handler=run_session)

    pupils = kinds.add_parser(
        "pupils", help=t("exports.cli.pupils"), description=t("exports.cli.pupils")
    )
    _common_options(pupils, store_option, printable=False)
    pupils.set_defaults(handler=run_pupils)

    classes = kinds.add_parser(
        "classes", help=t("exports.cli.classes"), description=t("exports.cli.classes")
    )
    _common_options(classes, store_option, printable=False)
    classes.set_defaults(handler=run_classes)


def _common_options(
    parser: argparse.ArgumentParser, store_option: Callable, *, printable: bool
) -> None:
    store_option(parser)
    parser.add_argument(
        "--out", type=Path, required=True, metavar="DOSSIER", help=t("exports.cli.out")
    )
    if printable:
        parser.add_argument("--a3", action="store_true", help=t("exports.cli.a3"))
        parser.add_argument("--public", action="store_true", help=t("exports.cli.public"))
    else:
        parser.add_argument(
            "--include-left", action="store_true", help=t("exports.cli.include_left")
        )


def run_day(args: argparse.Namespace) -> int:
    from pixtui.services.exports import export_day

    store = open_store(args)
    now = clock()
    day = parse_day(args.day, today=_school_today(store, now))
    return _report(
        lambda: export_day(
            store, day, args.out, clock=now, page_format=_format(args), only_public=args.public
        )
    )


def run_session(args: argparse.Namespace) -> int:
    from pixtui.services.exports import export_session, find_session_by_number

    store = open_store(args)
    now = clock()

    def run() -> list[Path]:
        session = find_session_by_number(store.snapshot(), args.number)
        return export_session(
            store,
            session.id,
            args.out,
            clock=now,
            page_format=_format(args),
            only_public=args.public,
        )

    return _report(run)


def run_pupils(args: argparse.Namespace) -> int:
    from pixtui.services.exports import export_pupils

    store = open_store(args)
    return _report(
        lambda: export_pupils(store, args.out, clock=clock(), include_left=args.include_left)
    )


def run_classes(args: argparse.Namespace) -> int:
    from pixtui.services.exports import export_certifiability

    store = open_store(args)
    return _report(
        lambda: export_certifiability(
            store, args.out, clock=clock(), include_left=args.include_left
        )
    )


def parse_day(text: str, *, today: date) -> date:
    """AAAA-MM-JJ or JJ/MM/AAAA, or « aujourdhui » / « today » (the school's date)."""
    from pixtui.cli import UserError
    from pixtui.domain.sessions import parse_date

    if text.strip().casefold() in _today_words():
        return today
    day = parse_date(text)
    if day is None:
        raise UserError(t("exports.error.bad_day", value=text))
    return day


def _today_words() -> set[str]:
    # Both languages' words, whatever the interface language: scripts should not depend on it.
    words = ",".join(CATALOGUE["exports.word.today"]).split(",")
    return {word.strip().casefold() for word in words if word.strip()}


def _school_today(store: Store, now: Clock) -> date:
    from pixtui.documents.formatting import school_zone
    from pixtui.domain.clock import local_today

    return local_today(now, school_zone(store.snapshot().school))


def _format(args: argparse.Namespace) -> str:
    return "A3" if args.a3 else "A4"


def _report(export: Callable[[], list[Path]]) -> int:
    from pixtui.cli import UserError
    from pixtui.documents import DocumentError

    try:
        paths = export()
    except DocumentError as error:
        raise UserError(str(error)) from error
    for path in paths:
        print(path)
    return 0
