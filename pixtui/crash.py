"""Crash logs: the detail for us in a private file, one French sentence for the user.

The traceback is written without local variables: they could hold pupils' records.
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
    """Write the current (or given) exception's traceback to a 0600 file; return its path."""
    path = crash_folder() / f"crash-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.log"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        if error is not None:
            traceback.print_exception(error, file=handle)
        else:
            traceback.print_exc(file=handle)
    return path
