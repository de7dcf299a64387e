"""``pixtui demo``: a fictional collège to try pixtui and to train invigilators."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from pixtui.commands.common import clock, login_name, store_path
from pixtui.i18n import t


def register(sub: argparse._SubParsersAction, store_option: Callable) -> None:
    demo = sub.add_parser("demo", help=t("cli.cmd.demo"), description=t("cli.cmd.demo"))
    store_option(demo)
    demo.add_argument("--replace", action="store_true", help=t("cli.demo.replace"))
    demo.add_argument("--open", action="store_true", help=t("cli.demo.open"))
    demo.set_defaults(handler=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    from pixtui.cli import UserError
    from pixtui.services.demo_store import write_demo

    path = store_path(args)
    if path.exists() and not args.replace:
        raise UserError(t("cli.demo.exists", path=path))
    summary = write_demo(path, actor=login_name(), clock=clock(), replace=args.replace)
    print(t("cli.demo.done", path=path))
    print(t("cli.demo.counts", **summary.counts))
    print(
        t(
            "cli.demo.rehearsal",
            time=summary.rehearsal_time,
            number=summary.rehearsal_number,
            code=summary.rehearsal_access_code,
            password=summary.rehearsal_password,
        )
    )
    if args.open:
        from pixtui.commands.room import open_tui

        args.store = path
        return open_tui(args)
    print(t("cli.demo.next", path=path))
    return 0
