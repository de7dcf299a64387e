"""``pixtui plan --rooms FILE --slots FILE --invigilators FILE``: the whole campaign planned.

Reads the three CSV files (refused lines are listed and stop the run unless ``--accept-valid``),
takes the pupils from the store (all of them, or ``--classes 3A,3B``), solves with OR-Tools
CP-SAT within ``--time`` seconds, prints the plan or why there is none, exports it as CSV and as
a PDF calendar with ``--out DIR``, and applies it to the store (sessions created and pupils
enrolled, in one transaction) unless ``--dry-run``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from pixtui.i18n import t


def register(sub: argparse._SubParsersAction, store_option: Callable) -> None:
    cmd = sub.add_parser(
        "plan", help=t("planning.cli.help"), description=t("planning.cli.description")
    )
    store_option(cmd)
    for name in ("rooms", "slots", "invigilators"):
        cmd.add_argument(
            f"--{name}",
            type=Path,
            required=True,
            metavar=t("cli.metavar.file"),
            help=t(f"planning.cli.{name}"),
        )
    cmd.add_argument("--classes", default=None, help=t("planning.cli.classes"))
    cmd.add_argument(
        "--extra-time",
        type=Path,
        default=None,
        metavar=t("cli.metavar.file"),
        help=t("planning.cli.extra_time"),
    )
    cmd.add_argument(
        "--weights",
        default="",
        metavar=t("planning.cli.metavar_weights"),
        help=t("planning.cli.weights"),
    )
    cmd.add_argument("--dry-run", action="store_true", help=t("planning.cli.dry_run"))
    cmd.add_argument("--accept-valid", action="store_true", help=t("prep.cli.accept_valid"))
    cmd.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar=t("planning.cli.metavar_dir"),
        help=t("planning.cli.out"),
    )
    cmd.add_argument(
        "--time",
        type=float,
        default=10.0,
        metavar=t("planning.cli.metavar_seconds"),
        help=t("planning.cli.time"),
    )
    cmd.add_argument(
        "--from", dest="start", default=None, metavar="JJ/MM/AAAA", help=t("planning.cli.from")
    )
    cmd.add_argument(
        "--to", dest="end", default=None, metavar="JJ/MM/AAAA", help=t("planning.cli.to")
    )
    cmd.set_defaults(handler=run_plan)


def _read(path: Path) -> bytes:
    from pixtui.cli import UserError

    try:
        return path.expanduser().read_bytes()
    except OSError:
        raise UserError(t("planning.cli.unreadable", path=path)) from None


def _day(text: str | None):
    from pixtui.cli import UserError
    from pixtui.domain.sessions import parse_date

    if text is None:
        return None
    day = parse_date(text)
    if day is None:
        raise UserError(t("planning.cli.bad_date", value=text))
    return day


def run_plan(args: argparse.Namespace) -> int:
    from pixtui.cli import UserError
    from pixtui.commands.common import open_store
    from pixtui.domain.clock import local
    from pixtui.services import planning as service

    store = open_store(args)
    files = service.read_input_files(_read(args.rooms), _read(args.slots), _read(args.invigilators))
    for report, path in zip(
        files.reports, (args.rooms, args.slots, args.invigilators), strict=True
    ):
        print(f"{path}: {report.summary()}")
        for line in report.refused:
            print(t("planning.cli.refused_line", line=line.line, reason=line.reason))
    if files.error:
        raise UserError(files.error)
    if files.refused and not args.accept_valid:
        raise UserError(t("planning.cli.refused", count=files.refused))
    snapshot = store.snapshot()
    extra_times: dict[str, float] = {}
    if args.extra_time is not None:
        from pixtui.imports.planning import parse_extra_times

        extra = parse_extra_times(_read(args.extra_time), snapshot.pupils.all())
        print(f"{args.extra_time}: {extra.summary()}")
        for line in extra.refused:
            print(t("planning.cli.refused_line", line=line.line, reason=line.reason))
        if extra.error:
            raise UserError(extra.error)
        if extra.refused and not args.accept_valid:
            raise UserError(t("planning.cli.refused", count=len(extra.refused)))
        extra_times = {row.pupil_id: row.ratio for row in extra.rows}
    today = local(store.clock.now()).date()
    start, end = _day(args.start), _day(args.end)
    window = service.window_for(snapshot, today)
    if start is None or end is None:
        if window is None:
            raise UserError(service.no_window_problem(today).message)
        start, end = start or window[0], end or window[1]
    from pixtui.domain.planning import parse_weights

    weights, bad = parse_weights(args.weights)
    if bad:
        raise UserError(" ".join(p.message for p in bad))
    classes = [c.strip() for c in args.classes.split(",") if c.strip()] if args.classes else None
    inputs, selection = service.build_inputs(
        snapshot,
        files,
        window=(start, end),
        today=today,
        classes=classes,
        weights=weights,
        extra_times=extra_times,
    )
    for line in service.already_lines(selection):
        print(line)
    outcome = service.solve(inputs, service.SolveOptions(time_limit=max(args.time, 0.5)))
    for hint in outcome.hints:
        print(hint.message)
    if outcome.plan is None or not outcome.ok:
        for problem in outcome.problems:
            print(problem.message)
        raise UserError(t("planning.cli.no_plan"))
    plan = outcome.plan
    print(service.plan_text(inputs, plan))
    if args.out is not None:
        from pixtui.services.exports import store_permissions

        written = service.export_plan(
            inputs,
            plan,
            args.out,
            school=snapshot.school.name,
            now=store.clock.now(),
            permissions=store_permissions(store),
        )
        for path in written:
            print(t("planning.cli.written", path=path))
    if args.dry_run:
        print(t("planning.cli.dry_run_done"))
        return 0
    with store.transaction("planning.apply") as tx:  # a Refused is one French sentence
        report = service.apply_plan(tx, inputs, plan, now=store.clock.now())
    print(report.summary())
    return 0
