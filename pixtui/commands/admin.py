"""``pixtui init``, ``check``, ``backup`` and ``restore``: the store's life cycle."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable

from pixtui.commands.common import clock, confirm, login_name, open_store, store_path
from pixtui.domain.clock import local_today
from pixtui.domain.enums import SchoolType
from pixtui.domain.labels import label
from pixtui.domain.models import SchoolSettings
from pixtui.domain.names import fold
from pixtui.domain.sessions import proposed_campaign_window
from pixtui.domain.timing import format_date, format_instant
from pixtui.formatting import format_ago, format_size
from pixtui.i18n import t

UAI_PATTERN = re.compile(r"^[0-9]{7}[A-Z]$")  # ASCII only: \d would accept other scripts' digits


def register(sub: argparse._SubParsersAction, store_option: Callable) -> None:
    init = sub.add_parser("init", help=t("cli.cmd.init"), description=t("cli.cmd.init"))
    store_option(init)
    init.add_argument(
        "--name", required=True, metavar=t("cli.metavar.name"), help=t("cli.init.name")
    )
    init.add_argument("--uai", required=True, metavar=t("cli.metavar.uai"), help=t("cli.init.uai"))
    init.add_argument(
        "--type",
        dest="school_type",
        required=True,
        metavar=t("cli.metavar.type"),
        help=t("cli.init.type"),
    )
    init.add_argument(
        "--organisers", default="", metavar=t("cli.metavar.logins"), help=t("cli.init.organisers")
    )
    init.add_argument(
        "--group", default=None, metavar=t("cli.metavar.group"), help=t("cli.init.group")
    )
    init.set_defaults(handler=run_init)

    check = sub.add_parser("check", help=t("cli.cmd.check"), description=t("cli.cmd.check"))
    store_option(check)
    check.set_defaults(handler=run_check)

    backup = sub.add_parser("backup", help=t("cli.cmd.backup"), description=t("cli.cmd.backup"))
    store_option(backup)
    backup.add_argument(
        "--label", default="manuelle", metavar=t("cli.metavar.label"), help=t("cli.backup.label")
    )
    backup.set_defaults(handler=run_backup)

    restore = sub.add_parser("restore", help=t("cli.cmd.restore"), description=t("cli.cmd.restore"))
    store_option(restore)
    restore.add_argument(
        "number",
        nargs="?",
        type=int,
        default=None,
        metavar=t("cli.metavar.number"),
        help=t("cli.restore.which"),
    )
    restore.add_argument("--list", action="store_true", help=t("cli.restore.list_only"))
    restore.add_argument("--yes", action="store_true", help=t("cli.opt.yes"))
    restore.set_defaults(handler=run_restore)


def run_init(args: argparse.Namespace) -> int:
    from pixtui.cli import UserError
    from pixtui.store import Store

    name = args.name.strip()
    uai = args.uai.strip().upper()
    if not name:
        raise UserError(t("cli.init.empty_name"))
    if not UAI_PATTERN.match(uai):
        raise UserError(t("cli.init.bad_uai", uai=args.uai))
    try:
        school_type = SchoolType(fold(args.school_type.strip()))  # "Collège", "lycée" too
    except ValueError as error:
        raise UserError(t("cli.init.bad_type")) from error
    me = login_name()
    organisers = [login.strip() for login in args.organisers.split(",") if login.strip()] or [me]
    school = SchoolSettings(name=name, uai=uai, school_type=school_type, organisers=organisers)
    now = clock()
    # the current school year's window, proposed for the referent to confirm or correct: a new
    # store otherwise only knows the seed's 2023-2024 windows (issue 10 item 10)
    window = proposed_campaign_window(school_type, local_today(now))
    known = {(w.school_type, w.school_year) for w in school.campaign_windows}
    if (window.school_type, window.school_year) not in known:
        school.campaign_windows.append(window)
    path = store_path(args)
    mode = 0o660 if args.group else 0o600
    Store.create(path, school, actor=me, clock=now, file_mode=mode, group=args.group)
    print(t("cli.init.done", path=path))
    print(
        t(
            "cli.init.window_proposed",
            level=label(school_type),
            year=window.school_year,
            start=format_date(window.start),
            end=format_date(window.end),
        )
    )
    return 0


def run_check(args: argparse.Namespace) -> int:
    store = open_store(args)
    store.check()
    snap = store.snapshot()
    print(
        t(
            "cli.check.ok",
            path=store.path,
            version=snap.schema_version,
            changes=snap.counter,
            pupils=len(snap.pupils.all()),
            sessions=len(snap.sessions.all()),
        )
    )
    parts = store.part_count()
    if parts is None:
        print(t("cli.check.layout_file"))
    else:
        print(t("cli.check.layout_folder", folder=store.paths.root, parts=parts))
    unconfirmed = store.unconfirmed_journal_lines()
    if unconfirmed:
        print(t("store.check.unconfirmed", count=unconfirmed))
    return 0


def run_backup(args: argparse.Namespace) -> int:
    store = open_store(args)
    print(t("cli.backup.done", path=store.backup(args.label)))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    """Lists backups (newest first); restores the chosen or newest readable one after a yes."""
    from pixtui.cli import UserError
    from pixtui.store import Store, list_backups

    path = store_path(args)
    backups = list_backups(path)
    if not backups:
        raise UserError(t("cli.restore.none", path=path))
    print(t("cli.restore.list_header", path=path))
    now = clock().now()
    for index, backup in enumerate(backups, start=1):
        print(
            t(
                "cli.restore.line",
                index=index,
                when=_when(backup.created_at),
                ago=format_ago(backup.created_at, now) if backup.created_at else "?",
                name=backup.path.name,
                size=format_size(backup.size),
                state=t("cli.restore.good") if backup.ok else t("cli.restore.bad"),
            )
        )
    if args.list:
        return 0
    if args.number is None:
        chosen = next((backup for backup in backups if backup.ok), None)
        if chosen is None:
            raise UserError(t("cli.restore.none_good", path=path))
    else:
        if not 1 <= args.number <= len(backups):
            raise UserError(t("cli.restore.bad_index", index=args.number))
        chosen = backups[args.number - 1]
        if not chosen.ok:
            raise UserError(t("cli.restore.damaged_choice", index=args.number))
    question = t("cli.restore.confirm", when=_when(chosen.created_at), name=chosen.path.name)
    if not confirm(question, args.yes):
        print(t("cli.restore.cancelled"))
        return 1
    Store.restore(path, chosen.path, actor=login_name(), clock=clock())
    print(t("cli.restore.done", path=path))
    return 0


def _when(instant) -> str:
    return format_instant(instant, seconds=True) or "?"
