"""The settings reach the commands: the store named in /etc/pixtui.toml, a broken file, --help
naming the order, the keymap and glyph set given to the TUI, and ``pixtui doctor`` end to end."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import pytest

from pixtui.config import Config, Setting
from tests.cli.test_commands import run


@pytest.fixture
def system_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "etc-pixtui.toml"
    monkeypatch.setenv("PIXTUI_SYSTEM_CONFIG", str(path))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("PIXTUI_STORE", raising=False)
    monkeypatch.delenv("PIXTUI_LANG", raising=False)
    return path


def init_store(capsys: pytest.CaptureFixture[str], path: Path) -> None:
    code, _, err = run(
        capsys, "init", "--store", path, "--name", "Collège", "--uai", "0211234A",
        "--type", "college", "--group", "0",
    )  # fmt: skip
    assert code == 0, err


def test_the_store_named_in_the_system_file_is_used(
    capsys: pytest.CaptureFixture[str], system_file: Path, tmp_path: Path
) -> None:
    store = tmp_path / "srv" / "pixtui.json"
    init_store(capsys, store)
    system_file.write_text(f'store = "{store}"\nlang = "en"\n', encoding="utf-8")
    code, out, err = run(capsys, "check")
    assert code == 0, err
    assert str(store) in out and "pupils" in out  # the file's language too
    code, out, _ = run(capsys, "--lang", "fr", "check")  # a flag beats the file
    assert "0 élève, 0 session" in out


def test_a_broken_settings_file_stops_every_command_but_doctor(
    capsys: pytest.CaptureFixture[str], system_file: Path
) -> None:
    system_file.write_text('stor = "/srv/pixtui.json"\n', encoding="utf-8")
    code, out, err = run(capsys, "check")
    assert code == 2 and not out
    assert err.strip() == (
        f"Le fichier de réglages {system_file} contient le réglage inconnu « stor » "
        "(réglages possibles : store, lang, glyphs, keymap)."
    )
    code, out, _ = run(capsys, "doctor")
    assert code == 1
    assert "[STOP] Réglages : Le fichier de réglages" in out
    assert "sudoedit /etc/pixtui.toml" in out


def test_help_names_the_order(capsys: pytest.CaptureFixture[str], system_file: Path) -> None:
    code, out, _ = run(capsys, "--help")
    text = " ".join(out.split()).replace("- ", "-")  # argparse may wrap a path at a hyphen
    assert code == 0
    assert f"{system_file}, puis $XDG_CONFIG_HOME/pixtui/config.toml" in text
    assert "puis les variables PIXTUI_STORE, PIXTUI_LANG et PIXTUI_GLYPHS" in text
    assert "puis les options --store, --lang et --glyphs" in text
    assert "doctor" in out


def test_doctor_on_a_good_store(
    capsys: pytest.CaptureFixture[str], system_file: Path, tmp_path: Path
) -> None:
    store = tmp_path / "srv" / "pixtui.json"
    init_store(capsys, store)
    system_file.write_text(f'store = "{store}"\n', encoding="utf-8")
    code, out, _ = run(capsys, "doctor")
    assert code == 0, out
    text = " ".join(out.split())
    assert f"[INFO] Fichier de données : {store} (d'après : fichier {system_file})" in text
    assert "[ OK ] Ouverture : fichier vérifié : 0 élève, 0 session" in out
    assert "[STOP]" not in out


def test_doctor_on_a_missing_store_exits_1(
    capsys: pytest.CaptureFixture[str], system_file: Path, tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "doctor", "--store", tmp_path / "nowhere" / "pixtui.json")
    assert code == 1
    assert "(d'après : option --store)" in out and "[STOP] Fichier de données" in out


def test_glyphs_reach_the_terminal_module(monkeypatch: pytest.MonkeyPatch) -> None:
    from pixtui.commands.room import apply_glyphs
    from pixtui.terminal import glyph_set

    config = Config(store=Setting(Path("/x")), lang=Setting("fr"), glyphs=Setting("ascii", "f"))
    apply_glyphs(config)
    assert os.environ["PIXTUI_GLYPHS"] == "ascii"
    assert glyph_set() == "ascii"  # what the room screen asks
    apply_glyphs(Config(store=Setting(Path("/x")), lang=Setting("fr"), glyphs=Setting("auto")))
    assert "PIXTUI_GLYPHS" not in os.environ
    monkeypatch.setenv("TERM", "linux")
    assert glyph_set() == "linux"


async def test_the_keymap_rebinds_by_id(demo_store, tmp_path: Path) -> None:
    from pixtui.commands.room import build_app
    from pixtui.screens.help import HelpScreen

    config = Config(
        store=Setting(demo_store.path),
        lang=Setting("fr"),
        glyphs=Setting("auto"),
        keymap={"help": "f10"},
    )
    args = argparse.Namespace(store=demo_store.path, config=config)
    app = build_app(args)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f1")  # no longer help: the keymap replaced it
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
