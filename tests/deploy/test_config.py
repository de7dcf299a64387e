"""Settings in layers: /etc/pixtui.toml, then the account's file, then the environment, then
the command line; each setting knows where it came from; a bad file is one French sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

import pixtui.config
from pixtui.config import ConfigError, load_config
from pixtui.i18n import set_language


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, dict[str, str]]:
    """A system file and a user file (both absent until written) and a clean environment."""
    system = tmp_path / "etc" / "pixtui.toml"
    system.parent.mkdir()
    monkeypatch.setattr(pixtui.config, "SYSTEM_CONFIG", system)
    env = {"XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    user = tmp_path / "config" / "pixtui" / "config.toml"
    user.parent.mkdir(parents=True)
    return system, user, env


def test_defaults_without_any_file(files, tmp_path: Path) -> None:
    _, _, env = files
    config = load_config(env)
    assert config.store.value == tmp_path / "data" / "pixtui" / "pixtui.json"
    assert config.store.source == "default"
    assert (config.lang.value, config.glyphs.value, dict(config.keymap)) == ("fr", "auto", {})
    assert config.files_read == ()


def test_each_layer_overrides_the_one_before(files, tmp_path: Path) -> None:
    system, user, env = files
    system.write_text(
        'store = "/srv/pixtui/pixtui.json"\nlang = "en"\nglyphs = "ascii"\n'
        '[keymap]\nhelp = "f10"\nquit = "ctrl+q"\n',
        encoding="utf-8",
    )
    config = load_config(env)
    assert config.store.value == Path("/srv/pixtui/pixtui.json")
    assert config.store.source == str(system)
    assert (config.lang.value, config.glyphs.value) == ("en", "ascii")

    user.write_text('lang = "fr"\n[keymap]\nhelp = "f12, ctrl+h"\n', encoding="utf-8")
    config = load_config(env)
    assert config.store.source == str(system)  # the user's file does not name a store
    assert (config.lang.value, config.lang.source) == ("fr", str(user))
    assert dict(config.keymap) == {"help": "f12,ctrl+h", "quit": "ctrl+q"}
    assert config.keymap_sources == {"help": str(user), "quit": str(system)}
    assert config.files_read == (system, user)

    env |= {
        "PIXTUI_STORE": str(tmp_path / "env.json"),
        "PIXTUI_LANG": "en",
        "PIXTUI_GLYPHS": "unicode",
    }
    config = load_config(env)
    assert (config.store.value, config.store.source) == (tmp_path / "env.json", "$PIXTUI_STORE")
    assert (config.lang.value, config.glyphs.value) == ("en", "unicode")

    config = config.with_flags(store=tmp_path / "flag.json", lang="fr", glyphs="ascii")
    assert (config.store.value, config.store.source) == (tmp_path / "flag.json", "--store")
    assert (config.lang.source, config.glyphs.source) == ("--lang", "--glyphs")


def test_key_names_as_people_write_them(files) -> None:
    system, _, env = files
    system.write_text('[keymap]\nhelp = "F10, Ctrl+H"\nroom-start-all = "D"\n', encoding="utf-8")
    assert dict(load_config(env).keymap) == {"help": "f10,ctrl+h", "room-start-all": "D"}


def test_a_relative_store_is_taken_from_the_files_folder(files) -> None:
    system, _, env = files
    system.write_text('store = "data/pixtui.json"\n', encoding="utf-8")
    assert load_config(env).store.value == system.parent / "data" / "pixtui.json"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('stor = "/srv/x.json"\n', "le réglage inconnu « stor »"),
        ('lang = "de"\n', "« de » n'est pas possible (choisir parmi fr, en)"),
        ('glyphs = "emoji"\n', "« emoji » n'est pas possible"),
        ("store = 3\n", "« store » doit être un texte"),
        ('store = "/x\n', "n'est pas du TOML valide"),
        ('keymap = "f1"\n', "section [keymap]"),
        ('[keymap]\nhelp = "f1,,f2"\n', "contiennent une touche vide"),
    ],
)
def test_a_bad_file_is_one_french_sentence_naming_it(files, content: str, expected: str) -> None:
    system, _, env = files
    system.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(env)
    assert expected in str(raised.value)
    assert str(system) in str(raised.value)
    assert "\n" not in str(raised.value).strip()


def test_a_folder_or_non_utf8_file_is_refused(files) -> None:
    system, user, env = files
    system.write_bytes('lang = "fr" # é'.encode("latin-1"))
    with pytest.raises(ConfigError, match="n'est pas en UTF-8"):
        load_config(env)
    system.unlink()
    system.mkdir()
    with pytest.raises(ConfigError, match="est un dossier"):
        load_config(env)


def test_a_bad_environment_value_is_refused(files) -> None:
    _, _, env = files
    with pytest.raises(ConfigError, match=r"\$PIXTUI_GLYPHS"):
        load_config(env | {"PIXTUI_GLYPHS": "fancy"})


def test_english_sentence_too(files) -> None:
    system, _, env = files
    system.write_text('colour = "x"\n', encoding="utf-8")
    set_language("en")
    with pytest.raises(ConfigError, match="unknown setting « colour »"):
        load_config(env)


def test_another_system_file_by_environment(files, tmp_path: Path) -> None:
    """$PIXTUI_SYSTEM_CONFIG replaces /etc/pixtui.toml (the tests' subprocesses use it)."""
    system, _, env = files
    system.write_text('lang = "en"\n', encoding="utf-8")
    other = tmp_path / "other.toml"
    other.write_text('glyphs = "ascii"\n', encoding="utf-8")
    config = load_config(env | {"PIXTUI_SYSTEM_CONFIG": str(other)})
    assert (config.lang.value, config.glyphs.value) == ("fr", "ascii")
    assert config.files_read == (other,)
