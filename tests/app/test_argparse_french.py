"""argparse's own English is replaced: a French user never sees "usage:" or "error:"."""

from __future__ import annotations

import pytest

from pixtui.cli import main


def test_help_is_french(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage : pixtui")
    assert "afficher cette aide" in out
    for english in ("usage:", "show this help", "positional arguments"):
        assert english not in out


def test_unknown_subcommand_is_one_french_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["frobnicate"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "erreur" in err and "choix invalide" in err
    assert "error:" not in err and "invalid choice" not in err


def test_english_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "en", "--help"])
    assert "show this help message and exit" in capsys.readouterr().out
