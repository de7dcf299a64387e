"""File modes for minors' personal data: 0600 by default, 0660 + a shared group when configured."""

from __future__ import annotations

import contextlib
import grp
import os
from dataclasses import dataclass
from pathlib import Path

from pixtui.i18n import t
from pixtui.store.errors import StoreError

DEFAULT_MODE = 0o600
GROUP_MODE = 0o660


@dataclass(frozen=True)
class FilePolicy:
    """Mode and group given to every file the store creates (data, temp, lock, journal, backups)."""

    mode: int = DEFAULT_MODE
    group: str | None = None

    @property
    def gid(self) -> int | None:
        if self.group is None:
            return None
        return resolve_group(self.group)

    @property
    def dir_mode(self) -> int:
        # setgid on a shared folder so new files inherit the group.
        return 0o2770 if self.group else 0o700

    @property
    def umask(self) -> int:
        return 0o007 if self.group else 0o077

    def apply_umask(self) -> None:
        os.umask(self.umask)

    def fix_fd(self, fd: int) -> None:
        """Give an open file our mode and group (mkstemp makes 0600 whatever the umask)."""
        os.fchmod(fd, self.mode)
        gid = self.gid
        if gid is not None:
            os.fchown(fd, -1, gid)

    def open_file(self, path: Path, flags: int) -> int:
        """Open (creating if needed) a companion file; fix its mode when we own it."""
        fd = os.open(path, flags, self.mode)
        with contextlib.suppress(PermissionError):
            # Another user of the group may own it: its mode was set by them.
            if os.fstat(fd).st_uid == os.geteuid():
                self.fix_fd(fd)
        return fd

    def make_dir(self, path: Path) -> None:
        if path.is_dir():
            return
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(path, self.dir_mode)
        gid = self.gid
        if gid is not None:
            os.chown(path, -1, gid)


def resolve_group(group: str | int) -> int:
    if isinstance(group, int) or str(group).isdigit():
        return int(group)
    try:
        return grp.getgrnam(group).gr_gid
    except KeyError:
        raise StoreError(t("store.bad_group", group=group)) from None
