"""What a retention purge needs from the store besides a transaction: the journal and the
backups must not keep what the purge anonymised.

The journal is append-only except here: :func:`rewrite_journal` is the one sanctioned
rewrite, run under the writers' lock, replacing the file atomically and journalled by the
caller. Backups are whole copies of older versions; :func:`backups_holding` finds the ones
a predicate flags (those still holding purged personal data) so they can be deleted.
"""

from __future__ import annotations

import contextlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pixtui.store.atomic import atomic_write, fsync_dir
from pixtui.store.backups import aside_folders, backup_entries
from pixtui.store.fileformat import Damaged, Table, load_and_validate, parse_whole
from pixtui.store.parts import PART_FILE
from pixtui.store.paths import StorePaths
from pixtui.store.permissions import FilePolicy

Redactor = Callable[[dict[str, Any]], dict[str, Any] | None]
TablesCheck = Callable[[dict[str, Table]], bool]


def rewrite_journal(paths: StorePaths, redact: Redactor, policy: FilePolicy) -> tuple[int, int]:
    """Apply ``redact`` to every journal line (it returns the new record, or None to keep the
    line byte for byte). Torn lines are dropped: they cannot be checked. Returns (changed,
    dropped). Call under the writers' lock."""
    if not paths.journal.exists():
        return 0, 0
    out: list[bytes] = []
    changed = dropped = 0
    with open(paths.journal, "rb") as handle:
        for line in handle:
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError:
                dropped += 1
                continue
            if not isinstance(record, dict):
                dropped += 1
                continue
            new = redact(record)
            if new is None:
                out.append(line if line.endswith(b"\n") else line + b"\n")
            else:
                changed += 1
                text = json.dumps(new, ensure_ascii=False, separators=(",", ":"))
                out.append(text.encode("utf-8") + b"\n")
    if changed or dropped:
        atomic_write(paths.journal, b"".join(out), policy, f".{paths.journal.name}.")
    return changed, dropped


def backup_files(paths: StorePaths) -> list[Path]:
    """Every file kept in ``backups/`` for this store: ring links, labelled and set-aside copies."""
    return [entry for entry in backup_entries(paths) if entry.is_file()]


def backups_holding(paths: StorePaths, holds: TablesCheck) -> list[Path]:
    """The backups for which ``holds`` is true; an unreadable backup counts as holding (it
    cannot be checked, and a damaged copy is no use for a restore anyway)."""
    found: list[Path] = []
    for entry in backup_files(paths):
        try:
            tables = load_and_validate(entry.read_bytes())
            whole = {name: tables.table(name) for name in tables.names}
        except (Damaged, OSError):
            found.append(entry)
            continue
        if holds(whole):
            found.append(entry)
    found += [folder for folder in aside_folders(paths) if _aside_holds(folder, holds)]
    return found


def _aside_holds(folder: Path, holds: TablesCheck) -> bool:
    """A folder kept aside by a restore over a damaged store folder holds purged data when
    any of its part files does, or does not read (each part checked on its own)."""
    for entry in sorted(folder.iterdir()):
        if PART_FILE.match(entry.name) is None:
            continue  # the manifest: part names and session dates, no personal data
        try:
            if holds(parse_whole(entry.read_bytes())):
                return True
        except (Damaged, OSError, RecursionError):
            return True
    return False


def delete_files(paths: StorePaths, files: list[Path]) -> list[Path]:
    deleted: list[Path] = []
    for entry in files:
        with contextlib.suppress(FileNotFoundError):
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)  # a folder kept aside by a restore
            else:
                entry.unlink()
            deleted.append(entry)
    if deleted:
        fsync_dir(paths.backups)
    return deleted
