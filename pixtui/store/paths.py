"""Where the store and its companion files live."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


def default_store_path(env: Mapping[str, str] | None = None) -> Path:
    """``$PIXTUI_STORE``, else ``$XDG_DATA_HOME/pixtui/pixtui.json``, else ``~/.local/share/…``.

    The command line goes through :mod:`pixtui.config`, which puts its files between the two.
    """
    env = os.environ if env is None else env
    explicit = env.get("PIXTUI_STORE", "").strip()
    if explicit:
        return Path(explicit).expanduser()
    xdg = env.get("XDG_DATA_HOME", "").strip()
    base = Path(xdg).expanduser() if xdg else Path.home() / ".local" / "share"
    return base / "pixtui" / "pixtui.json"


@dataclass(frozen=True)
class StorePaths:
    """The data file and the files beside it (lock, journal, backups, temp files)."""

    file: Path

    @classmethod
    def of(cls, path: Path | str) -> StorePaths:
        """The store at ``path`` with every symlink resolved, once: the lock, the journal and
        the backups then sit beside the real file, so users of a link and of the real path
        share one file and one lock (a write never replaces the link by a copy)."""
        return cls(Path(os.path.realpath(Path(path).expanduser())))

    @property
    def folder(self) -> Path:
        return self.file.parent

    @property
    def name(self) -> str:
        return self.file.name

    @property
    def lock(self) -> Path:
        return self.folder / f"{self.name}.lock"

    @property
    def journal(self) -> Path:
        return self.folder / f"{self.name}.journal.jsonl"

    @property
    def backups(self) -> Path:
        return self.folder / "backups"

    @property
    def temp_prefix(self) -> str:
        # Hidden, and specific to this store so cleanup never touches another store's files.
        return f".{self.name}."

    temp_suffix = ".tmp"
