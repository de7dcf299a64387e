"""``pixtui [--store F] [--lang L] [--glyphs G]`` is parsed without building every command's
parser (issue 12: ~20 ms of each start-up), into the namespace the full parser gives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pixtui import cli
from tests.fresh_imports import modules_after

TUI_WORDS = [
    [],
    ["--store", "/tmp/x.json"],
    ["--store=/tmp/x.json", "--lang", "en"],
    ["--lang=fr", "--glyphs", "ascii", "--store", "demo"],  # a store named like a command
    ["--sto", "x.json"],  # an abbreviation argparse accepts
    ["--store", "a", "--store", "b"],
]
NOT_TUI_WORDS = [
    ["salle"],
    ["--store", "x", "salle", "12"],
    ["check"],
    ["-h"],
    ["--help"],
    ["--version"],
    ["--store"],  # missing value: the full parser says so
    ["--lang", "de"],
    ["--glyphs", "emoji"],
    ["--nope"],
    ["--", "x"],
]


def full(words: list[str]):
    return cli.build_parser().parse_args(words)


@pytest.mark.parametrize("words", TUI_WORDS)
def test_the_tui_words_give_the_full_parsers_namespace(words: list[str]) -> None:
    quick = cli.parse_tui_words(words)
    assert quick is not None
    assert vars(quick) == vars(full(words))


@pytest.mark.parametrize("words", NOT_TUI_WORDS)
def test_anything_else_goes_to_the_full_parser(words: list[str], capsys) -> None:
    assert cli.parse_tui_words(words) is None
    assert capsys.readouterr() == ("", "")  # nothing said: the full parser says it


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["--store", "--lang", "--glyphs", "fr", "en", "ascii", "x.json", "salle", "-h", "="]
        ),
        max_size=5,
    )
)
def test_either_the_same_namespace_or_the_full_parser(words: list[str]) -> None:
    quick = cli.parse_tui_words(words)
    if quick is None:
        return
    assert vars(quick) == vars(full(words))


def test_opening_the_tui_imports_no_other_command() -> None:
    loaded = modules_after(
        "from pixtui import cli\nassert cli.parse_tui_words(['--store', 'x.json']) is not None"
    )
    commands = {m for m in loaded if m.startswith("pixtui.commands.")}
    assert commands == {"pixtui.commands.common", "pixtui.commands.room"}
