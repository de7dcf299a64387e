"""Where the store and its companion files live."""

from __future__ import annotations

import os
import stat
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


FOLDER_SUFFIX = ".d"
MANIFEST = "manifest.json"
FOLDER_NAME = "pixtui"  # the stem of the lock, journal and labelled backups of a store folder


# The first key of a migrated file's ``_meta`` (the stub left at the old path, issue 12): the
# name of the store folder beside it. Looked for in the file's first bytes only.
STUB_KEY = "moved_to"
_STUB_START = b'{"_meta":{"1":{"' + STUB_KEY.encode() + b'":'


def folder_beside(file: Path) -> Path:
    """Where a single-file store ``DIR/pixtui.json`` moves: ``DIR/pixtui.d``."""
    return file.with_name(file.stem + FOLDER_SUFFIX)


def is_stub(path: Path) -> bool:
    """``path`` is the stub a migration left at the old path of a single-file store."""
    try:  # O_NONBLOCK: a FIFO given as the store must not hang here (opening refuses it)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:  # missing, unreadable: opening says why
        return False
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        return os.read(fd, len(_STUB_START)) == _STUB_START
    except OSError:
        return False
    finally:
        os.close(fd)


def is_store_folder(path: Path) -> bool:
    """A store folder (issue 12): an existing folder holding a ``manifest.json``, or a path
    named ``….d`` that is a folder or does not exist yet. Anything else is a single file."""
    try:
        if (path / MANIFEST).exists():
            return True
        return path.name.endswith(FOLDER_SUFFIX) and (path.is_dir() or not os.path.lexists(path))
    except OSError:  # e.g. a folder on the way that cannot be crossed: opening says why
        return False


@dataclass(frozen=True)
class StorePaths:
    """The store and the files beside it (lock, journal, backups, temp files).

    Two layouts: a single data file (``root`` is the file, its companions sit beside it) or a
    store folder (``root`` is the folder; its commit point is ``manifest.json``, and the
    lock, journal and backups sit inside it)."""

    root: Path
    is_folder: bool = False
    # The single file this folder was migrated from, when it was named by that file's path.
    moved_from: Path | None = None

    @classmethod
    def of(cls, path: Path | str) -> StorePaths:
        """The store at ``path`` with every symlink resolved, once: the lock, the journal and
        the backups then sit beside the real file, so users of a link and of the real path
        share one file and one lock (a write never replaces the link by a copy).

        A single file that was migrated (its stub) resolves to the folder beside it:
        ``$PIXTUI_STORE`` and ``--store`` go on naming the same path."""
        root = Path(os.path.realpath(Path(path).expanduser()))
        if is_store_folder(root):
            return cls(root, True)
        if is_stub(root):
            return cls(folder_beside(root), True, moved_from=root)
        return cls(root, False)

    @property
    def old_file(self) -> StorePaths | None:
        """The single-file store's paths this folder was migrated from (see ``moved_from``)."""
        return StorePaths(self.moved_from) if self.moved_from is not None else None

    @property
    def file(self) -> Path:
        """The file whose replacement commits a change (its inode is the change token)."""
        return self.root / MANIFEST if self.is_folder else self.root

    @property
    def folder(self) -> Path:
        return self.root if self.is_folder else self.root.parent

    @property
    def name(self) -> str:
        return FOLDER_NAME if self.is_folder else self.root.name

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
