"""Completing a file path typed in the import prompt (issue 13: no completion). Pure reading of
a folder's names: nothing is opened."""

from __future__ import annotations

import os


def complete_path(typed: str) -> str | None:
    """``typed`` completed from its folder's entries, or None when nothing completes it.

    Case need not match (« eleves » finds « Eleves.csv »); a folder ends with « / »; hidden
    entries only when a « . » was typed; ``~`` is the home folder and stays as typed. Several
    matches: as far as they agree, else the first in alphabetical order.
    """
    if not typed.strip():
        return None
    head, slash, tail = typed.rpartition("/")
    folder = head + slash
    try:
        entries = list(os.scandir(os.path.expanduser(folder) or "."))
    except OSError:
        return None
    wanted = tail.casefold()
    names = sorted(
        (
            entry.name + ("/" if _is_dir(entry) else "")
            for entry in entries
            if entry.name.casefold().startswith(wanted)
            and (tail.startswith(".") or not entry.name.startswith("."))
        ),
        key=str.casefold,
    )
    if not names:
        return None
    common = os.path.commonprefix([name.casefold() for name in names])
    completed = names[0] if len(names) == 1 or len(common) <= len(tail) else names[0][: len(common)]
    result = folder + completed
    return result if result != typed else None


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False
