"""After the session, headless: ``pixtui purge``, ``pixtui session …`` and the results import
(``pixtui import results FILE…`` is registered by :mod:`pixtui.commands.imports`)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime, time
from pathlib import Path

from pixtui.commands.common import confirm, open_store
from pixtui.i18n import t


def register(sub: argparse._SubParsersAction, store_option: Callable) -> None:
    purge = sub.add_parser("purge", help=t("after.cli.purge"), description=t("after.cli.purge"))
    store_option(purge)
    purge.add_argument("--dry-run", action="store_true", help=t("after.cli.purge_dry_run"))
    purge.add_argument("--yes", action="store_true", help=t("after.cli.yes"))
    purge.set_defaults(handler=run_purge)

    session = sub.add_parser(
        "session", help=t("after.cli.session"), description=t("after.cli.session")
    )
    store_option(session)
    actions = session.add_subparsers(
        dest="session_action", metavar=t("after.cli.metavar_action"), required=True
    )
    from pixtui.commands.session_setup import register_actions

    register_actions(actions, store_option)  # create, inscrire, temps-majore
    status = actions.add_parser(
        "status", help=t("after.cli.status"), description=t("after.cli.status")
    )
    status.add_argument("number", metavar=t("cli.metavar.number"), help=t("after.cli.number"))
    status.add_argument(
        "status",
        nargs="?",
        default=None,
        metavar=t("after.cli.metavar_status"),
        help=t("after.cli.status_word"),
    )
    status.add_argument(
        "--date", default=None, metavar=t("after.cli.metavar_date"), help=t("after.cli.date")
    )
    store_option(status)
    status.set_defaults(handler=run_status)

    handover = actions.add_parser(
        "remise",
        aliases=["handover"],
        help=t("after.cli.handover"),
        description=t("after.cli.handover"),
    )
    handover.add_argument("number", metavar=t("cli.metavar.number"), help=t("after.cli.number"))
    handover.add_argument(
        "--to", required=True, metavar=t("after.cli.metavar_to"), help=t("after.cli.to")
    )
    handover.add_argument(
        "--date", default=None, metavar=t("after.cli.metavar_date"), help=t("after.cli.date")
    )
    store_option(handover)
    handover.set_defaults(handler=run_handover)

    reopen = actions.add_parser(
        "rouvrir",
        aliases=["reopen"],
        help=t("after.cli.reopen"),
        description=t("after.cli.reopen"),
    )
    reopen.add_argument("number", metavar=t("cli.metavar.number"), help=t("after.cli.number"))
    reopen.add_argument("--yes", action="store_true", help=t("after.cli.yes"))
    store_option(reopen)
    reopen.set_defaults(handler=run_reopen)

    summary = actions.add_parser(
        "bilan",
        aliases=["summary"],
        help=t("after.cli.summary"),
        description=t("after.cli.summary"),
    )
    summary.add_argument("number", metavar=t("cli.metavar.number"), help=t("after.cli.number"))
    summary.add_argument(
        "--out", default=None, metavar=t("after.cli.metavar_folder"), help=t("after.cli.out")
    )
    store_option(summary)
    summary.set_defaults(handler=run_summary)


def _session(store, number: str):
    from pixtui.cli import UserError
    from pixtui.documents import DocumentError
    from pixtui.services.finalisation import session_by_number

    try:
        return session_by_number(store.snapshot(), number)
    except DocumentError as error:
        raise UserError(str(error)) from None


def _parse_when(text: str | None, store) -> datetime | None:
    """``JJ/MM/AAAA`` (noon, Paris time) or ``JJ/MM/AAAA HH:MM``; None means now. The day and
    the time are read by the one parser of what users type (pixtui.domain.sessions)."""
    from pixtui.cli import UserError
    from pixtui.domain.clock import SCHOOL_ZONE, at_local
    from pixtui.domain.sessions import parse_date, parse_time

    if text is None:
        return None
    day_text, _, time_text = text.strip().partition(" ")
    day = parse_date(day_text)
    hour = parse_time(time_text) if time_text.strip() else time(12, 0)
    if day is None or hour is None:
        raise UserError(t("after.cli.bad_date", date=text))
    when = at_local(day, hour, SCHOOL_ZONE)
    if when > store.clock.now():
        raise UserError(t("after.cli.date_future", date=text))
    return when


def run_status(args: argparse.Namespace) -> int:
    from pixtui.cli import UserError
    from pixtui.domain.labels import label
    from pixtui.services.finalisation import STATUS_ACTION, apply_status, parse_status, status_lines

    store = open_store(args)
    session = _session(store, args.number)
    if args.status is not None:
        status = parse_status(args.status)
        if status is None:
            raise UserError(t("after.cli.bad_status", word=args.status))
        when = _parse_when(args.date, store)

        with store.transaction(STATUS_ACTION) as tx:
            apply_status(tx, session.id, status, when)
        session = store.snapshot().sessions.get(session.id)
    print(t("after.cli.status_now", number=session.pix_number or "—", status=label(session.status)))
    for line in status_lines(session):
        print("  " + line)
    return 0


def run_handover(args: argparse.Namespace) -> int:
    from pixtui.services.finalisation import HANDOVER_ACTION, apply_handover

    store = open_store(args)
    session = _session(store, args.number)
    when = _parse_when(args.date, store)

    with store.transaction(HANDOVER_ACTION) as tx:
        apply_handover(tx, session.id, args.to, when)
    print(t("after.cli.handover_done", number=session.pix_number or "—", to=args.to.strip()))
    return 0


def run_reopen(args: argparse.Namespace) -> int:
    from pixtui.services.finalisation import REOPEN_ACTION, apply_reopen

    store = open_store(args)
    session = _session(store, args.number)
    if not confirm(t("after.cli.reopen_question", number=session.pix_number or "—"), args.yes):
        print(t("after.cli.cancelled"))
        return 1

    with store.transaction(REOPEN_ACTION) as tx:
        apply_reopen(tx, session.id)
    print(t("after.cli.reopened", number=session.pix_number or "—"))
    return 0


def run_summary(args: argparse.Namespace) -> int:
    from pixtui.cli import UserError
    from pixtui.documents import DocumentError
    from pixtui.services.finalisation import export_summary, summary_for

    store = open_store(args)
    session = _session(store, args.number)
    print(summary_for(store.snapshot(), session.id))
    if args.out:
        try:
            paths = export_summary(store, session.id, args.out)
        except DocumentError as error:
            raise UserError(str(error)) from None
        for path in paths:
            print(t("after.cli.written", path=path))
    return 0


def run_purge(args: argparse.Namespace) -> int:
    from pixtui.domain.clock import local_today
    from pixtui.services.retention import dry_run_lines, plan_for
    from pixtui.services.retention import run_purge as purge

    store = open_store(args)
    today = local_today(store.clock)
    for line in dry_run_lines(store.snapshot(), today):
        print(line)
    if args.dry_run:
        print(t("after.cli.dry_run_done"))
        return 0
    if not plan_for(store.snapshot(), today).is_empty and not confirm(
        t("after.cli.purge_question"), args.yes
    ):
        print(t("after.cli.cancelled"))
        return 1
    outcome = purge(store)
    for line in outcome.lines():
        print(line)
    return 0


# --- pixtui import results FILE… ---------------------------------------------------------------


def run_results_import(args: argparse.Namespace, files: list[str]) -> int:
    from pixtui.cli import UserError
    from pixtui.services.results import (
        IMPORT_ACTION,
        apply_results,
        describe_preview,
        prepare_results,
    )

    if not files:
        raise UserError(t("after.cli.no_file"))
    store = open_store(args)
    pupils = store.snapshot().pupils.all()
    division = getattr(args, "division", None)
    preview = prepare_results([Path(f).expanduser() for f in files], pupils, division=division)
    for line in describe_preview(preview, store.snapshot()):
        print(line)
    print()
    if preview.unreadable:
        raise UserError(t("after.cli.results_unreadable", count=len(preview.unreadable)))
    if not preview.results:
        raise UserError(t("after.cli.results_empty"))
    if preview.without_class:
        raise UserError(t("after.cli.results_no_class"))
    if args.dry_run:
        print(t("prep.cli.dry_run_done"))
        return 0
    if preview.refused_count and not args.accept_valid:
        raise UserError(t("prep.cli.refused_lines", count=preview.refused_count))
    with store.transaction(IMPORT_ACTION) as tx:
        outcome = apply_results(tx, preview)
    print(outcome.message())
    return 0
