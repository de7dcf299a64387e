"""pixtui's settings, in layers: each layer overrides the one before it.

1. ``/etc/pixtui.toml``: the school server's settings, written by the administrator;
2. ``$XDG_CONFIG_HOME/pixtui/config.toml`` (else ``~/.config/pixtui/config.toml``): one account's;
3. the environment: ``PIXTUI_STORE``, ``PIXTUI_LANG``, ``PIXTUI_GLYPHS``;
4. the command line: ``--store``, ``--lang``, ``--glyphs``.

Why a file at all: ``ssh host pixtui`` runs no login shell, so /etc/profile.d is not read and an
``export PIXTUI_STORE=…`` there never reaches pixtui. A file pixtui reads itself always does.

A file holds, all optional::

    store = "/srv/pixtui/pixtui.json"   # relative paths are taken from the file's folder
    lang = "fr"                         # fr or en
    glyphs = "auto"                     # auto, unicode, linux or ascii
    [keymap]                            # binding id = keys (Textual's App.set_keymap)
    help = "f1,h"

Every setting remembers where it came from (``pixtui doctor`` says it). A file that cannot be
read, or holds an unknown key or a wrong value, is one French sentence naming the file and the
key: a typo in /etc/pixtui.toml must not send every invigilator to the wrong store silently.

No textual or rich here: the configuration is read before any of them is imported.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pixtui import terminal
from pixtui.i18n import LANGUAGES, t

SYSTEM_CONFIG = Path("/etc/pixtui.toml")
USER_CONFIG_NAME = Path("pixtui") / "config.toml"
GLYPH_SETS = ("auto", *terminal.GLYPH_SETS)  # auto: pixtui.terminal decides from TERM
KNOWN_KEYS = ("store", "lang", "glyphs", "keymap")

ENV_STORE = "PIXTUI_STORE"
ENV_LANG = "PIXTUI_LANG"
ENV_GLYPHS = "PIXTUI_GLYPHS"
ENV_SYSTEM_CONFIG = "PIXTUI_SYSTEM_CONFIG"

DEFAULT_SOURCE = "default"


class ConfigError(Exception):
    """A settings file that cannot be used; the text is the French sentence to show."""


@dataclass(frozen=True)
class Setting:
    """A value and where it came from: a file's path, ``$VAR``, ``--flag`` or ``default``."""

    value: Any
    source: str = DEFAULT_SOURCE


@dataclass(frozen=True)
class Config:
    store: Setting
    lang: Setting
    glyphs: Setting
    keymap: Mapping[str, str] = field(default_factory=dict)
    keymap_sources: Mapping[str, str] = field(default_factory=dict)
    files_read: tuple[Path, ...] = ()

    @property
    def store_path(self) -> Path:
        return Path(self.store.value)

    def with_flags(
        self,
        *,
        store: Path | str | None = None,
        lang: str | None = None,
        glyphs: str | None = None,
    ) -> Config:
        """The last layer: options typed on the command line."""
        changed = self
        if store is not None:
            changed = replace(changed, store=Setting(Path(store).expanduser(), "--store"))
        if lang is not None:
            changed = replace(changed, lang=Setting(_language(lang, "--lang"), "--lang"))
        if glyphs is not None:
            changed = replace(changed, glyphs=Setting(_glyphs(glyphs, "--glyphs"), "--glyphs"))
        return changed


def user_config_path(env: Mapping[str, str]) -> Path:
    xdg = env.get("XDG_CONFIG_HOME", "").strip()
    base = Path(xdg).expanduser() if xdg else Path.home() / ".config"
    return base / USER_CONFIG_NAME


def system_config_path(env: Mapping[str, str]) -> Path:
    """/etc/pixtui.toml; ``$PIXTUI_SYSTEM_CONFIG`` names another (tests, a second install)."""
    other = env.get(ENV_SYSTEM_CONFIG, "").strip()
    return Path(other) if other else SYSTEM_CONFIG


def config_files(env: Mapping[str, str]) -> tuple[Path, Path]:
    """The files read, in order (the later one wins)."""
    return (system_config_path(env), user_config_path(env))


def load_config(env: Mapping[str, str] | None = None) -> Config:
    """Files, then the environment; :meth:`Config.with_flags` adds the command line."""
    env = os.environ if env is None else env
    values: dict[str, Setting] = {}
    keymap: dict[str, str] = {}
    keymap_sources: dict[str, str] = {}
    read: list[Path] = []
    for path in config_files(env):
        data = read_file(path)
        if data is None:
            continue
        read.append(path)
        for name, setting in _settings_of(path, data).items():
            values[name] = setting
        for binding_id, keys in _keymap_of(path, data.get("keymap", {})).items():
            keymap[binding_id] = keys
            keymap_sources[binding_id] = str(path)
    if env.get(ENV_STORE, "").strip():
        values["store"] = Setting(Path(env[ENV_STORE].strip()).expanduser(), f"${ENV_STORE}")
    if env.get(ENV_LANG, "").strip():
        values["lang"] = Setting(_language(env[ENV_LANG], f"${ENV_LANG}"), f"${ENV_LANG}")
    if env.get(ENV_GLYPHS, "").strip():
        values["glyphs"] = Setting(_glyphs(env[ENV_GLYPHS], f"${ENV_GLYPHS}"), f"${ENV_GLYPHS}")
    return Config(
        store=values.get("store") or Setting(_default_store(env)),
        lang=values.get("lang") or Setting("fr"),
        glyphs=values.get("glyphs") or Setting("auto"),
        keymap=keymap,
        keymap_sources=keymap_sources,
        files_read=tuple(read),
    )


def read_file(path: Path) -> dict[str, Any] | None:
    """A settings file's table, or ``None`` when there is no such file."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise ConfigError(t("config.is_folder", path=path)) from None
    except PermissionError:
        raise ConfigError(t("config.unreadable", path=path)) from None
    except OSError as error:
        raise ConfigError(t("config.os_error", path=path, reason=error.strerror)) from None
    import tomllib  # here: only a settings file that exists is parsed (~3 ms at start-up)

    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(t("config.not_utf8", path=path)) from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(t("config.syntax", path=path, reason=str(error))) from None


def _settings_of(path: Path, data: Mapping[str, Any]) -> dict[str, Setting]:
    unknown = sorted(key for key in data if key not in KNOWN_KEYS)
    if unknown:
        raise ConfigError(
            t("config.unknown_key", path=path, key=unknown[0], known=", ".join(KNOWN_KEYS))
        )
    source = str(path)
    found: dict[str, Setting] = {}
    if "store" in data:
        store = _text(path, "store", data["store"])
        resolved = Path(store).expanduser()
        if not resolved.is_absolute():
            resolved = path.parent / resolved
        found["store"] = Setting(resolved, source)
    if "lang" in data:
        found["lang"] = Setting(_language(_text(path, "lang", data["lang"]), source), source)
    if "glyphs" in data:
        found["glyphs"] = Setting(_glyphs(_text(path, "glyphs", data["glyphs"]), source), source)
    return found


def _keymap_of(path: Path, table: Any) -> dict[str, str]:
    if not isinstance(table, dict):
        raise ConfigError(t("config.keymap_not_table", path=path))
    keymap: dict[str, str] = {}
    for binding_id, keys in table.items():
        text = _text(path, f"keymap.{binding_id}", keys)
        # "F10" and "Ctrl+Q" as people write them; a single letter keeps its case (shift).
        parts = [
            part.strip() if len(part.strip()) == 1 else part.strip().lower()
            for part in text.split(",")
        ]
        if not all(parts):
            raise ConfigError(t("config.keymap_bad_keys", path=path, id=binding_id, keys=text))
        keymap[binding_id] = ",".join(parts)
    return keymap


def _text(path: Path, key: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(t("config.not_text", path=path, key=key))
    return value.strip()


def _language(value: str, source: str) -> str:
    language = value.strip().lower()
    if language not in LANGUAGES:
        raise ConfigError(
            t("config.bad_value", source=source, key="lang", value=value, allowed="fr, en")
        )
    return language


def _glyphs(value: str, source: str) -> str:
    glyphs = value.strip().lower()
    if glyphs not in GLYPH_SETS:
        raise ConfigError(
            t(
                "config.bad_value",
                source=source,
                key="glyphs",
                value=value,
                allowed=", ".join(GLYPH_SETS),
            )
        )
    return glyphs


def _default_store(env: Mapping[str, str]) -> Path:
    from pixtui.store.paths import default_store_path

    return default_store_path({key: value for key, value in env.items() if key != ENV_STORE})
