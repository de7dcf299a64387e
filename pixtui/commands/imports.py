"""``pixtui import [pupils|certifiability|logins] FILE`` and ``pixtui import results FILE…``:
headless imports (SPEC §6).

Without a type the file's headers say what it is. ``--dry-run`` prints the report and the plan
and writes nothing; a real run writes (in one transaction) only when no line is refused, unless
``--accept-valid`` says to write the valid lines anyway.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from pixtui.commands.common import clock, open_store
from pixtui.domain.clock import local_today
from pixtui.i18n import t

if TYPE_CHECKING:
    from pixtui.domain.models import Pupil
    from pixtui.services.imports import ImportEffects, ImportPreview

# The words accepted before FILE (English as in SPEC §6, and their French names).
KIND_WORDS = {
    "pupils": "pupil_list",
    "eleves": "pupil_list",
    "élèves": "pupil_list",
    "certifiability": "profile_collection",
    "certificabilite": "profile_collection",
    "certificabilité": "profile_collection",
    "logins": "orga_pupils",
    "connexions": "orga_pupils",
}


def register(sub: argparse._SubParsersAction, store_option: Callable) -> None:
    imp = sub.add_parser("import", help=t("prep.cli.help"), description=t("prep.cli.description"))
    store_option(imp)
    imp.add_argument("target", nargs="+", metavar=t("prep.cli.metavar"), help=t("prep.cli.target"))
    imp.add_argument("--dry-run", action="store_true", help=t("prep.cli.dry_run"))
    imp.add_argument("--accept-valid", action="store_true", help=t("prep.cli.accept_valid"))
    imp.add_argument("--mark-left", action="store_true", help=t("prep.cli.mark_left"))
    imp.add_argument(
        "--confirm-left",
        type=int,
        default=None,
        metavar=t("prep.cli.metavar_count"),
        help=t("prep.cli.confirm_left"),
    )
    imp.add_argument(
        "--classe",
        dest="division",
        default=None,
        metavar=t("after.cli.metavar_class"),
        help=t("after.cli.division"),
    )
    imp.set_defaults(handler=run_import)


RESULTS_WORDS = frozenset({"results", "resultats", "résultats"})


def parse_target(target: list[str]) -> tuple[str | None, Path]:
    """``[TYPE] FILE`` → (import kind value or None, path); a French UserError otherwise."""
    from pixtui.cli import UserError

    if len(target) == 1:
        return None, Path(target[0]).expanduser()
    if len(target) == 2:
        word = target[0].casefold()
        if word not in KIND_WORDS:
            raise UserError(t("prep.cli.bad_kind", word=target[0]))
        return KIND_WORDS[word], Path(target[1]).expanduser()
    raise UserError(t("prep.cli.one_file"))


def _progress_printer() -> Callable[[int, int], None] | None:
    if not sys.stderr.isatty():
        return None

    def show(line: int, total: int) -> None:
        percent = 100 * line // max(total, 1)
        print(f"\r{t('prep.cli.progress', percent=percent)}", end="", file=sys.stderr, flush=True)

    return show


def run_import(args: argparse.Namespace) -> int:
    from pixtui.cli import UserError
    from pixtui.imports import ImportKind
    from pixtui.services.imports import apply_import, prepare_import

    if args.target[0].casefold() in RESULTS_WORDS:
        # several files at once, one per class (Pix Orga exports results class by class)
        from pixtui.commands.after import run_results_import

        return run_results_import(args, args.target[1:])
    kind_value, path = parse_target(args.target)
    store = open_store(args)
    pupils = store.snapshot().pupils.all()
    progress = _progress_printer()
    try:
        preview = prepare_import(
            path,
            pupils,
            today=local_today(clock()),
            expected=ImportKind(kind_value) if kind_value else None,
            progress=progress,
        )
    finally:
        if progress is not None:
            print("\r" + " " * 40 + "\r", end="", file=sys.stderr, flush=True)
    try:
        effects = _report(args, preview, pupils)
    except BrokenPipeError:  # « pixtui import … | head »: nothing is written unseen
        from pixtui.cli import silence_stdout

        silence_stdout()
        raise UserError(t("prep.cli.output_closed")) from None
    if effects is None:
        return 0
    confirmed = confirm_left(args, effects)
    with store.transaction("import." + preview.kind.value) as tx:
        outcome = apply_import(
            tx, preview, mark_missing_as_left=args.mark_left, confirmed_left=confirmed
        )
    done = t(
        "prep.cli.done",
        created=outcome.created,
        updated=outcome.updated,
        left=outcome.marked_left,
    )
    try:
        print(done, flush=True)
    except BrokenPipeError:  # written: say so where it can still be read, and succeed
        from pixtui.cli import silence_stdout

        silence_stdout()
        print(done, file=sys.stderr)
    return 0


def _report(
    args: argparse.Namespace, preview: ImportPreview, pupils: list[Pupil]
) -> ImportEffects | None:
    """Print the report and the plan; the effects to write, or None for a dry run.

    The output is flushed before anything is written: a closed pipe (``| head`` that already
    left) raises BrokenPipeError here, while nothing is written yet.
    """
    from pixtui.cli import UserError
    from pixtui.services.imports import describe_preview, effects_text, import_effects

    for line in describe_preview(preview, pupils):
        print(line)
    print()
    if preview.report.error:
        sys.stdout.flush()
        raise UserError(t("prep.cli.file_refused"))
    effects = import_effects(preview, pupils, mark_left=args.mark_left)
    print(t("prep.cli.effects", effects=effects_text(effects)))
    if args.dry_run:
        print(t("prep.cli.dry_run_done"), flush=True)
        return None
    sys.stdout.flush()
    if preview.refused_count and not args.accept_valid:
        raise UserError(t("prep.cli.refused_lines", count=preview.refused_count))
    return effects


def confirm_left(args: argparse.Namespace, effects: ImportEffects) -> int | None:
    """The separate confirmation of marking pupils left, when it is needed.

    ``--confirm-left N`` gives it (N must be the exact count); on a terminal the question is
    asked; otherwise nothing is written and the sentence says how to confirm.
    """
    from pixtui.cli import UserError
    from pixtui.services.imports import left_question

    if not effects.left_asked_apart:
        return None
    count = effects.marked_left
    if args.confirm_left == count:
        return count
    question = left_question(effects)
    if args.confirm_left is None and sys.stdin.isatty():
        answer = input(question + " " + t("prep.cli.left_prompt", count=count) + " ")
        if answer.strip().casefold() in t("cli.yes_answers").split(","):
            return count
    raise UserError(t("prep.cli.left_unconfirmed", question=question, count=count))
