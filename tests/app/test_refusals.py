"""One refusal type: every rule's refusal is a ``Refused``, caught once in ``app.write`` and once
by the command line, shown as its French sentence, with nothing written."""

from __future__ import annotations

import argparse

import pytest

from pixtui.cli import EXIT_USER_ERROR, UserError, run_handler
from pixtui.domain.enrolment import ExtraTimeError, parse_extra_time
from pixtui.domain.problems import NeedsConfirmation, Problem, Refused, Severity
from pixtui.domain.room import RoomActionRefused
from pixtui.services.imports import ImportFileError
from pixtui.services.rehearsal import RehearsalRefused
from pixtui.services.school import WindowRefused

ALL_REFUSALS = [
    NeedsConfirmation,
    RoomActionRefused,
    ExtraTimeError,
    WindowRefused,
    RehearsalRefused,
    ImportFileError,
    UserError,
]


def _record_notices(app) -> list[tuple[str, str]]:
    """The app's notices from now on, as (message, severity)."""
    seen: list[tuple[str, str]] = []
    app.notify = lambda message, *, severity="information", **_: seen.append((message, severity))
    return seen


@pytest.mark.parametrize("kind", ALL_REFUSALS, ids=lambda k: k.__name__)
def test_every_refusal_is_a_refused_with_its_sentence(kind: type[Refused]) -> None:
    refusal = kind(Problem.error("prep.session.gone"))
    assert isinstance(refusal, Refused)
    assert refusal.problem.key == "prep.session.gone"
    assert refusal.message == str(refusal) == Problem.error("prep.session.gone").message
    assert refusal.message  # a French sentence, not the key
    assert refusal.message != "prep.session.gone"


def test_the_old_names_are_the_one_class() -> None:
    from pixtui.domain import finalisation
    from pixtui.services import enrolment, sessions

    assert finalisation.Refused is sessions.Refused is enrolment.Refused is Refused
    assert sessions.NeedsConfirmation is enrolment.NeedsConfirmation is NeedsConfirmation


def test_message_joins_every_problem_and_a_sentence_is_kept() -> None:
    two = Refused([Problem.error("prep.session.gone"), Problem.error("prep.candidate.gone")])
    assert two.message == f"{two.problems[0].message} {two.problems[1].message}"
    assert not two.needs_confirmation
    plain = Refused("Le fichier est vide.")
    assert plain.message == "Le fichier est vide."
    assert plain.problem.severity is Severity.ERROR
    assert NeedsConfirmation([Problem.warning("prep.session.gone")]).needs_confirmation


def test_a_parser_refusal_is_still_a_value_error() -> None:
    with pytest.raises(ValueError):
        parse_extra_time("beaucoup")
    with pytest.raises(Refused):
        parse_extra_time("beaucoup")


async def test_app_write_shows_a_refusal_once_and_writes_nothing(demo_app, demo_store) -> None:
    before = demo_store.snapshot().counter

    def change(tx) -> str:
        tx.log("test.write", "session", "x")
        raise RoomActionRefused(Problem.error("room.finalised"))

    async with demo_app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        notices = _record_notices(demo_app)
        assert demo_app.write("test.write", change) is None
    assert notices == [(Problem.error("room.finalised").message, "warning")]
    assert demo_store.snapshot().counter == before


async def test_app_write_hands_a_refusal_to_the_screen_when_asked(demo_app, demo_store) -> None:
    seen: list[Refused] = []

    def change(tx) -> None:
        raise NeedsConfirmation([Problem.warning("prep.session.gone")])

    async with demo_app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        notices = _record_notices(demo_app)
        assert demo_app.write("test.write", change, on_refused=seen.append) is None
    assert [r.problem.key for r in seen] == ["prep.session.gone"]
    assert notices == []


async def test_app_write_returns_the_change_result(demo_app, demo_store) -> None:
    before = demo_store.snapshot().counter
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert demo_app.write("test.write", lambda tx: tx.school.name) == (
            demo_store.snapshot().school.name
        )
    assert demo_store.snapshot().counter >= before


@pytest.mark.parametrize("kind", ALL_REFUSALS, ids=lambda k: k.__name__)
def test_the_command_line_shows_any_refusal_as_one_sentence(
    kind: type[Refused], capsys: pytest.CaptureFixture[str]
) -> None:
    def handler(args: argparse.Namespace) -> int:
        raise kind(Problem.error("prep.session.gone"))

    assert run_handler(handler, argparse.Namespace()) == EXIT_USER_ERROR
    err = capsys.readouterr().err
    assert err.strip() == Problem.error("prep.session.gone").message
    assert "Traceback" not in err
