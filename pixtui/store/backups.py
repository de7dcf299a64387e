"""Backups: a ring of hard links to previous versions, daily versions, labelled full copies.

Before each commit the current file is hard-linked as ``backups/<name>.<counter>``: free (no
copy), and since every commit replaces the file with a new inode, a linked version is never
modified again. Each version costs the live file's size on disk, so the ring is bounded: the
last ``keep`` (50) versions, as long as they fit in ``RING_FACTOR`` (3) times the live file
or ``RING_FLOOR`` (32 MiB), whichever is larger, and never fewer than 2. The first commit of
each day also keeps the version it replaces as ``<name>.<day>T000000Z.debut-de-journee``
(the state at the end of the day before); the last ``DAILY_KEEP`` (2) of those are kept. So
``restore`` can always go back a day, and backups stay within about 5x the live data on a
large store. Labelled copies (``backups/<name>.<UTC stamp>.<label>``) are real copies made on
demand (before a migration, a restore, a purge, ``pixtui backup``) and are never pruned.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from pixtui.store.atomic import atomic_write, fsync_dir
from pixtui.store.fileformat import Damaged, load_and_validate
from pixtui.store.folder import FolderTables, JoinCache
from pixtui.store.parts import HISTORY, MANIFEST, PART_FILE, Manifest, PartFolder
from pixtui.store.paths import StorePaths
from pixtui.store.permissions import DEFAULT_MODE, FilePolicy

DEFAULT_KEEP = 50
RING_FACTOR = 3
RING_FLOOR = 32 * 2**20
DAILY_LABEL = "debut-de-journee"
DAILY_KEEP = 2
_LABEL_CHARS = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass(frozen=True)
class BackupEntry:
    path: Path
    counter: int | None  # ring entries: the change counter of that version
    label: str | None  # labelled copies: their label
    created_at: datetime  # when that version was written (file mtime), UTC
    size: int
    ok: bool  # the copy parses as a store

    @property
    def time(self) -> datetime:
        return self.created_at


def _ring_name(paths: StorePaths, counter: int, attempt: int) -> Path:
    suffix = f"{counter}" if attempt == 0 else f"{counter}-{attempt}"
    return paths.backups / f"{paths.name}.{suffix}"


def link_into_ring(paths: StorePaths, counter: int, policy: FilePolicy) -> Path | None:
    """Hard-link the current file as the backup of version ``counter`` (copy if links fail)."""
    if not paths.file.exists():
        return None
    policy.make_dir(paths.backups)
    for attempt in range(100):
        target = _ring_name(paths, counter, attempt)
        try:
            os.link(paths.file, target)
            break
        except FileExistsError:
            if os.path.samefile(paths.file, target):
                return target
            continue  # e.g. a counter reused after a restore: keep both
        except OSError:
            # A filesystem without hard links: a real copy, same mode.
            atomic_write(target, paths.file.read_bytes(), policy, f".{target.name}.")
            break
    else:  # pragma: no cover - 100 versions with one counter cannot happen in practice
        return None
    fsync_dir(paths.backups)
    return target


def _ring_entries(paths: StorePaths) -> list[tuple[int, int, Path]]:
    pattern = re.compile(re.escape(paths.name) + r"\.(\d+)(?:-(\d+))?$")
    found: list[tuple[int, int, Path]] = []
    if not paths.backups.is_dir():
        return found
    for entry in paths.backups.iterdir():
        match = pattern.match(entry.name)
        if match:
            found.append((int(match.group(1)), int(match.group(2) or 0), entry))
    return found


def prune_ring(paths: StorePaths, keep: int, live_size: int = 0) -> None:
    """Keep the newest ``keep`` versions that fit in the budget (at least two)."""
    budget = max(RING_FACTOR * live_size, RING_FLOOR)
    used = kept = 0
    for _, _, entry in sorted(_ring_entries(paths), reverse=True):
        try:
            size = entry.stat().st_size
        except FileNotFoundError:
            continue
        if kept < 2 or (kept < keep and used + size <= budget):
            kept += 1
            used += size
            continue
        with contextlib.suppress(FileNotFoundError):
            entry.unlink()


def keep_daily(paths: StorePaths, day: date, policy: FilePolicy) -> Path | None:
    """Before the first commit of ``day``: link the current file (the state at the end of
    the day before) as that day's version; keep the last ``DAILY_KEEP`` of them."""
    target = paths.backups / f"{paths.name}.{day:%Y%m%d}T000000Z.{DAILY_LABEL}"
    if target.exists() or not paths.file.exists():
        return None
    policy.make_dir(paths.backups)
    try:
        os.link(paths.file, target)
    except FileExistsError:
        return None
    except OSError:
        atomic_write(target, paths.file.read_bytes(), policy, f".{target.name}.")
    _prune_dailies(paths)
    return target


def _prune_dailies(paths: StorePaths) -> None:
    pattern = re.compile(re.escape(paths.name) + r"\.\d{8}T000000Z\." + DAILY_LABEL + "$")
    dailies = sorted(e for e in paths.backups.iterdir() if pattern.match(e.name))
    for old in dailies[: max(0, len(dailies) - DAILY_KEEP)]:
        with contextlib.suppress(FileNotFoundError):
            old.unlink()


def daily_name(paths: StorePaths, day: date) -> str:
    """The name of the version kept for ``day`` (the state before its first commit)."""
    return f"{paths.name}.{day:%Y%m%d}T000000Z.{DAILY_LABEL}"


def keep_daily_copy(
    paths: StorePaths, day: date, whole: Callable[[], bytes], policy: FilePolicy
) -> Path | None:
    """A store folder's day version: before the first commit of ``day``, a whole copy of the
    committed store (``whole()``, a single-file store) as that day's version; the last
    ``DAILY_KEEP`` kept. A real copy, not links: the parts that did not change are shared by
    every kept manifest, so damage to one of them would reach every kept version."""
    target = paths.backups / daily_name(paths, day)
    if target.exists():
        return None
    policy.make_dir(paths.backups)
    atomic_write(target, whole(), policy, f".{target.name}.")
    _prune_dailies(paths)
    return target


def highest_ring_counter(paths: StorePaths) -> int:
    return max((counter for counter, _, _ in _ring_entries(paths)), default=0)


def make_labelled_copy(
    paths: StorePaths, data: bytes, label: str, now: datetime, policy: FilePolicy
) -> Path:
    policy.make_dir(paths.backups)
    clean = _LABEL_CHARS.sub("-", label).strip("-") or "copie"
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = paths.backups / f"{paths.name}.{stamp}.{clean}"
    attempt = 1
    while target.exists():
        attempt += 1
        target = paths.backups / f"{paths.name}.{stamp}.{clean}-{attempt}"
    atomic_write(target, data, policy, f".{target.name}.")
    return target


def stamp_of(now: datetime) -> str:
    """The UTC stamp in a backup's name."""
    return now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _free_target(
    paths: StorePaths, now: datetime, why: str, policy: FilePolicy, suffix: str = ""
) -> Path:
    """``backups/<name>.<UTC stamp>.<why>[-n]<suffix>``, a name not taken yet."""
    policy.make_dir(paths.backups)
    stamp = stamp_of(now)
    target = paths.backups / f"{paths.name}.{stamp}.{why}{suffix}"
    attempt = 1
    while target.exists():
        attempt += 1
        target = paths.backups / f"{paths.name}.{stamp}.{why}-{attempt}{suffix}"
    return target


def backup_entries(paths: StorePaths) -> list[Path]:
    """Every entry of ``backups/`` that belongs to this store (files and folders)."""
    if not paths.backups.is_dir():
        return []
    prefix = paths.name + "."
    return sorted(entry for entry in paths.backups.iterdir() if entry.name.startswith(prefix))


def keep_aside(paths: StorePaths, now: datetime, why: str, policy: FilePolicy) -> Path | None:
    """Keep the current (maybe damaged) file under another name before it is replaced."""
    if not paths.file.exists():
        return None
    target = _free_target(paths, now, why, policy)
    try:
        os.link(paths.file, target)
    except OSError:
        shutil.copy2(paths.file, target)
    fsync_dir(paths.backups)
    return target


ASIDE_FOLDER_SUFFIX = ".d"


def keep_folder_aside(
    paths: StorePaths, now: datetime, why: str, policy: FilePolicy
) -> Path | None:
    """A store folder that does not read as a whole, kept aside before a restore replaces
    its manifest: ``backups/pixtui.<stamp>.<why>.d/`` holding the manifest's bytes and a
    hard link (a copy where links fail) of every part file present. The next open removes
    the part files no manifest names; the newest good parts then survive here, whatever
    the damaged manifest named (only the manifest's bytes were kept before)."""
    if not paths.is_folder or not paths.folder.is_dir():
        return None
    target = _free_target(paths, now, why, policy, ASIDE_FOLDER_SUFFIX)
    policy.make_dir(target)
    for entry in sorted(paths.folder.iterdir()):
        if not (entry.name == MANIFEST or PART_FILE.match(entry.name)) or not entry.is_file():
            continue
        try:
            os.link(entry, target / entry.name)
        except FileNotFoundError:
            continue
        except OSError:
            shutil.copy2(entry, target / entry.name)
    fsync_dir(target)
    fsync_dir(paths.backups)
    return target


def aside_folders(paths: StorePaths) -> list[Path]:
    """The folders kept aside by :func:`keep_folder_aside`."""
    return [
        entry
        for entry in backup_entries(paths)
        if entry.name.endswith(ASIDE_FOLDER_SUFFIX) and entry.is_dir() and not entry.is_symlink()
    ]


def _parses(path: Path) -> bool:
    try:
        load_and_validate(path.read_bytes())
    except (Damaged, OSError):
        return False
    return True


def kept_versions(paths: StorePaths) -> list[BackupEntry]:
    """A store folder's kept versions (``history/manifest.<counter>.json``: the last 50 and
    the first of each of the last two days), newest first; a version is good when every
    part it names reads and checks (each part file is read once for the whole list)."""
    if not paths.is_folder:
        return []
    parts = PartFolder(paths.folder, FilePolicy(mode=DEFAULT_MODE))  # a fresh cache: from disk
    joins = JoinCache()
    entries: list[BackupEntry] = []
    history = paths.folder / HISTORY
    if not history.is_dir():
        return []
    for entry in history.iterdir():
        match = re.match(r"^manifest\.(\d+)\.json$", entry.name)
        if match is None:
            continue
        try:
            info = entry.stat()
            manifest = Manifest.from_bytes(entry.read_bytes())
            FolderTables(parts, manifest, joins).validate()
            ok = True
        except FileNotFoundError:
            continue  # pruned meanwhile
        except (Damaged, OSError):
            ok = False  # listed, flagged: it cannot be restored
        entries.append(
            BackupEntry(
                path=entry,
                counter=int(match.group(1)),
                label=None,
                created_at=datetime.fromtimestamp(info.st_mtime, UTC),
                size=info.st_size,
                ok=ok,
            )
        )
    entries.sort(key=lambda e: e.counter or 0, reverse=True)
    return entries


def is_kept_version(paths: StorePaths, backup: Path) -> bool:
    """``backup`` is a kept manifest of the store folder ``paths`` (not a whole file)."""
    return paths.is_folder and backup.parent == paths.folder / HISTORY


def list_backups(path: Path | str) -> list[BackupEntry]:
    """Every backup of the store at ``path``, newest first, each checked for readability."""
    paths = StorePaths.of(path)
    if paths.is_folder:
        found = kept_versions(paths) + _listed_files(paths)
        found.sort(key=lambda e: (e.created_at, e.counter or 0), reverse=True)
        return found
    return _listed_files(paths)


def _listed_files(paths: StorePaths) -> list[BackupEntry]:
    if not paths.backups.is_dir():
        return []
    ring = re.compile(re.escape(paths.name) + r"\.(\d+)(?:-\d+)?$")
    labelled = re.compile(re.escape(paths.name) + r"\.\d{8}T\d{6}Z\.(.+)$")
    entries: list[BackupEntry] = []
    seen: set[tuple[int, int]] = set()
    # A ring entry first: a day's version is often the same inode as a ring entry.
    for entry in sorted(paths.backups.iterdir(), key=lambda e: ring.match(e.name) is None):
        ring_match = ring.match(entry.name)
        label_match = labelled.match(entry.name)
        if not (ring_match or label_match) or not entry.is_file():
            continue
        info = entry.stat()
        if (info.st_dev, info.st_ino) in seen:
            continue  # the same version under two names: listed once
        seen.add((info.st_dev, info.st_ino))
        entries.append(
            BackupEntry(
                path=entry,
                counter=int(ring_match.group(1)) if ring_match else None,
                label=label_match.group(1) if label_match else None,
                created_at=datetime.fromtimestamp(info.st_mtime, UTC),
                size=info.st_size,
                ok=_parses(entry),
            )
        )
    entries.sort(key=lambda e: (e.created_at, e.counter or 0), reverse=True)
    return entries


def newest_good_backup(path: Path | str) -> BackupEntry | None:
    """The newest backup that parses (checks newest first and stops at the first good one)."""
    paths = StorePaths.of(path)
    if paths.is_folder:
        return next((entry for entry in list_backups(path) if entry.ok), None)
    if not paths.backups.is_dir():
        return None
    candidates = sorted(
        (e for e in paths.backups.iterdir() if e.name.startswith(paths.name + ".") and e.is_file()),
        key=lambda e: e.stat().st_mtime_ns,
        reverse=True,
    )
    for entry in candidates:
        if _parses(entry):
            info = entry.stat()
            ring_match = re.match(re.escape(paths.name) + r"\.(\d+)$", entry.name)
            return BackupEntry(
                path=entry,
                counter=int(ring_match.group(1)) if ring_match else None,
                label=None,
                created_at=datetime.fromtimestamp(info.st_mtime, UTC),
                size=info.st_size,
                ok=True,
            )
    return None
