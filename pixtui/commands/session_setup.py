"""Setting a session up headless (what a school's IT scripts and black-box tests need):

``pixtui session create``, ``pixtui session inscrire NUMBER --classe 3A … | --ine INE …`` and
``pixtui session temps-majore NUMBER INE POURCENT``. Same services, rules, warnings and refusals
as the screens: a warning is accepted only with ``--oui``; a refusal is one French sentence and
exit code 2 (``pixtui.cli.run_handler``); a change of extra time after the start is a warning.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from pixtui.commands.common import clock, open_store
from pixtui.i18n import t


def register_actions(actions: argparse._SubParsersAction, store_option: Callable) -> None:
    """Adds create / inscrire / temps-majore to ``pixtui session``."""
    create = actions.add_parser(
        "create",
        aliases=["creer"],
        help=t("cli.session.create"),
        description=t("cli.session.create"),
    )
    for option, key, required in (
        ("--date", "date", True),
        ("--heure", "time", True),
        ("--site", "site", True),
        ("--salle", "room", True),
        ("--numero", "number", False),
        ("--code", "code", False),
        ("--mot-de-passe", "password", False),
        ("--surveillants", "examiners", False),
        ("--observations", "description", False),
    ):
        create.add_argument(option, required=required, default="", help=t(f"cli.session.opt.{key}"))
    create.add_argument("--repetition", action="store_true", help=t("cli.session.opt.rehearsal"))
    _oui(create)
    store_option(create)
    create.set_defaults(handler=run_create)

    enrol = actions.add_parser(
        "inscrire",
        aliases=["enrol"],
        help=t("cli.session.enrol"),
        description=t("cli.session.enrol"),
    )
    enrol.add_argument("number", metavar=t("cli.metavar.number"), help=t("after.cli.number"))
    enrol.add_argument("--classe", action="append", default=[], help=t("cli.session.opt.class"))
    enrol.add_argument("--ine", action="append", default=[], help=t("cli.session.opt.ine"))
    _oui(enrol)
    store_option(enrol)
    enrol.set_defaults(handler=run_enrol)

    extra = actions.add_parser(
        "temps-majore",
        aliases=["extra-time"],
        help=t("cli.session.extra"),
        description=t("cli.session.extra"),
    )
    extra.add_argument("number", metavar=t("cli.metavar.number"), help=t("after.cli.number"))
    extra.add_argument("ine", metavar="INE", help=t("cli.session.opt.ine"))
    extra.add_argument(
        "percent", metavar=t("cli.session.metavar.percent"), help=t("cli.session.opt.percent")
    )
    extra.add_argument("--aide", default=None, help=t("cli.session.opt.aid"))
    extra.add_argument("--langue", default=None, help=t("cli.session.opt.language"))
    extra.add_argument(
        "--accessibilite", choices=("oui", "non"), default=None, help=t("cli.session.opt.access")
    )
    _oui(extra)
    store_option(extra)
    extra.set_defaults(handler=run_extra_time)


def _oui(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--oui", "--yes", action="store_true", help=t("cli.session.opt.yes"))


def _write(store: Any, action: str, change: Callable[[Any], Any]) -> Any:
    """One transaction; a warning not accepted with --oui is one sentence (nothing written)."""
    from pixtui.cli import UserError
    from pixtui.domain.problems import NeedsConfirmation

    try:
        with store.transaction(action) as tx:
            return change(tx)
    except NeedsConfirmation as asked:
        raise UserError(t("cli.session.needs_oui", problems=asked.message)) from None


def _session(store: Any, number: str) -> Any:
    from pixtui.cli import UserError
    from pixtui.documents import DocumentError
    from pixtui.services.exports import find_session_by_number

    try:
        return find_session_by_number(store.snapshot(), number)
    except DocumentError as error:
        raise UserError(str(error)) from None


def run_create(args: argparse.Namespace) -> int:
    from pixtui.services.sessions import SessionDraft, save_draft

    store = open_store(args)
    draft = SessionDraft(
        site=args.site,
        room=args.salle,
        date=args.date,
        start_time=args.heure,
        examiners=args.surveillants,
        description=args.observations,
        pix_number=args.numero,
        access_code=args.code,
        invigilator_password=args.mot_de_passe,
        rehearsal=args.repetition,
    )
    today = clock().now().date()
    session = _write(
        store,
        "session.create",
        lambda tx: save_draft(
            tx, draft, session_id=None, rev=None, today=today, confirmed=args.oui
        ),
    )
    print(
        t(
            "cli.session.created",
            number=session.pix_number or session.id,
            code=session.access_code,
            password=session.invigilator_password,
        )
    )
    return 0


def run_enrol(args: argparse.Namespace) -> int:
    from pixtui.cli import UserError
    from pixtui.domain.names import name_key
    from pixtui.services.enrolment import check_enrolment, enrol_pupils

    store = open_store(args)
    session = _session(store, args.number)
    snapshot = store.snapshot()
    classes = {name_key(c) for c in args.classe}
    ines = {i.strip().upper() for i in args.ine}
    if not classes and not ines:
        raise UserError(t("cli.session.enrol_whom"))
    pupils = [
        p
        for p in snapshot.pupils.all()
        if not p.left_school and (name_key(p.division) in classes or (p.ine or "").upper() in ines)
    ]
    unknown = sorted(ines - {(p.ine or "").upper() for p in pupils})
    if unknown:
        raise UserError(t("cli.session.unknown_ine", ine=", ".join(unknown)))
    if not pupils:
        raise UserError(t("cli.session.no_pupil", classes=", ".join(args.classe)))
    ids = [p.id for p in pupils]
    now = clock().now()
    check = check_enrolment(snapshot, session.id, ids, now)
    added = _write(
        store,
        "candidate.enrol",
        lambda tx: enrol_pupils(tx, session.id, ids, now=now, confirmed=args.oui),
    )
    for pupil, problems in check.refused:
        reason = " ".join(p.message for p in problems)
        print(
            t(
                "cli.session.refused_pupil",
                name=f"{pupil.last_name} {pupil.first_name}",
                reason=reason,
            )
        )
    print(t("cli.session.enrolled", count=len(added), number=session.pix_number or session.id))
    return 0


def run_extra_time(args: argparse.Namespace) -> int:
    from pixtui.cli import UserError
    from pixtui.domain.timing import format_extra_time
    from pixtui.services.enrolment import accommodations_of, set_accommodations

    store = open_store(args)
    session = _session(store, args.number)
    snapshot = store.snapshot()
    wanted = args.ine.strip().upper()
    pupil_ids = {p.id for p in snapshot.pupils.all() if (p.ine or "").upper() == wanted}
    candidate = next(
        (
            c
            for c in snapshot.candidates.where(session_id=session.id)
            if not c.removed and c.pupil_id in pupil_ids
        ),
        None,
    )
    if candidate is None:
        raise UserError(t("cli.session.not_enrolled", ine=args.ine, number=args.number))
    form = accommodations_of(candidate)
    form.extra_time = args.percent
    if args.aide is not None:
        form.aid_note = args.aide
    if args.langue is not None:
        form.language_note = args.langue
    if args.accessibilite is not None:
        form.accessibility = args.accessibilite == "oui"
    saved = _write(
        store,
        "candidate.accommodations",
        lambda tx: set_accommodations(
            tx, candidate.id, form, rev=candidate.rev, confirmed=args.oui
        ),
    )
    value = format_extra_time(saved.extra_time_ratio) or t("prep.session.no_extra_time")
    print(
        t("prep.session.extra_time_set", name=f"{saved.first_name} {saved.last_name}", value=value)
    )
    return 0
