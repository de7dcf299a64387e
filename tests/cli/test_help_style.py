"""Every ``--help`` line in one style: lowercase, and a command says what it does with an infinitive."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest

from pixtui.cli import build_parser
from pixtui.i18n import set_language

PROPER_NAMES = ("Pix",)


def help_lines(
    parser: argparse.ArgumentParser, path: str = "pixtui"
) -> Iterator[tuple[str, str, bool]]:
    """(where, help text, whether it is a command's line) for every option and command."""
    for action in parser._actions:  # argparse has no public walk of its actions
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                yield f"{path} {choice.dest}", choice.help or "", True
            for name, sub in action.choices.items():
                yield from help_lines(sub, f"{path} {name}")
        elif (
            action.help
            and action.help != argparse.SUPPRESS
            and not isinstance(action, argparse._HelpAction)  # argparse's own, lowercase
        ):
            yield f"{path} {'/'.join(action.option_strings) or action.dest}", action.help, False


def starts_right(text: str) -> bool:
    """Lowercase first, unless the line opens on an acronym (INE, CSV, UAI) or Pix's name."""
    first = text.split()[0].strip(":,")
    return first[:1].islower() or first.isupper() or first in PROPER_NAMES


@pytest.fixture(params=["fr", "en"])
def parser(request: pytest.FixtureRequest) -> Iterator[argparse.ArgumentParser]:
    set_language(request.param)
    try:
        yield build_parser()
    finally:
        set_language("fr")


def test_every_help_line_starts_in_lowercase(parser: argparse.ArgumentParser) -> None:
    lines = list(help_lines(parser))
    assert len(lines) > 50  # every subcommand's options were walked
    assert [(where, text) for where, text, _ in lines if not text or not starts_right(text)] == []


def test_every_french_command_says_what_it_does_with_an_infinitive() -> None:
    set_language("fr")
    commands = [(where, text) for where, text, command in help_lines(build_parser()) if command]
    assert len(commands) >= 13
    assert [
        (where, text)
        for where, text in commands
        if not text.split()[0].endswith(("er", "ir", "re"))
    ] == []


def test_the_style_check_refuses_a_capital() -> None:
    assert not starts_right("Crée une session")
    assert starts_right("créer une session") and starts_right("INE de l'élève")
    assert starts_right("Pix session number")
