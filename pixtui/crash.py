"""Crash logs: the detail for us in a private file, one French sentence for the user.

The traceback is written without local variables: they could hold pupils' records. The file
is created, never opened: ``mkstemp`` uses ``O_CREAT | O_EXCL | O_NOFOLLOW`` with mode 0600 and
an unpredictable name, so a symlink or a file planted in the shared ``/tmp`` fallback is
never followed, truncated or written through.
"""

from __future__ import annotations

import os
import tempfile
import time
import traceback
from pathlib import Path


def crash_folder() -> Path:
    state = Path(os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state") / "pixtui"
    try:
        state.mkdir(parents=True, exist_ok=True, mode=0o700)
        return state
    except OSError:
        return Path(tempfile.gettempdir())


def write_crash_log(error: BaseException | None = None) -> Path:
    """Write the current (or given) exception's traceback to a new 0600 file; return its path."""
    prefix = f"crash-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-"
    try:
        fd, name = tempfile.mkstemp(prefix=prefix, suffix=".log", dir=crash_folder())
    except OSError:  # the state folder exists but is not writable: the shared temp folder
        fd, name = tempfile.mkstemp(prefix="pixtui-" + prefix, suffix=".log")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        if error is not None:
            traceback.print_exception(error, file=handle)
        else:
            traceback.print_exc(file=handle)
    return Path(name)
