"""Writing a session's or a day's printable documents and the CSV exports into a folder.

The documents themselves are pure functions (:mod:`pixtui.documents`); this module reads the
store, names the files so that a folder lists them in day and time order (never with a pupil's
name in a file name), and writes them with the store's own permissions: they hold minors'
personal data. Everything is rendered in memory before the first file is written, and a failed
write removes the files this export had created, so a folder never holds half an export.

Every refusal is a :class:`~pixtui.documents.DocumentError` whose text is one French sentence.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pixtui.documents import (
    DocumentError,
    ExportFailed,
    PageFormat,
    bundle_day,
    bundle_session,
    candidates_csv,
    certifiability_by_class_csv,
    finalization_csv,
    invigilator_kit,
    pupils_csv,
    sessions_of_day,
    write_file_atomically,
)
from pixtui.documents.formatting import format_long_date, school_zone
from pixtui.domain.clock import Clock, local_today
from pixtui.domain.models import Candidate, Session
from pixtui.i18n import t
from pixtui.store import Snapshot, Store, StoreError

PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700
_SLUG_LENGTH = 40


class NothingToExport(DocumentError):
    """The session or day asked for does not exist, or has nothing left to print."""


@dataclass(frozen=True)
class Permissions:
    """How exported files and folders are created: the store's own policy."""

    file_mode: int = PRIVATE_FILE_MODE
    dir_mode: int = PRIVATE_DIR_MODE
    gid: int | None = None


@dataclass(frozen=True)
class PendingFile:
    name: str
    data: bytes


def store_permissions(store: Store) -> Permissions:
    """0600 files in 0700 folders, or 0660 / 2770 with the store's group when it has one."""
    policy = store.policy
    try:
        gid = policy.gid
    except StoreError:  # the group no longer exists on this machine: stay private
        return Permissions()
    return Permissions(file_mode=policy.mode & 0o777, dir_mode=policy.dir_mode, gid=gid)


# --- file names ---------------------------------------------------------------------------------


def slug(text: str | None) -> str:
    """ASCII letters and digits joined by « - », case kept: « Salle informatique 204 » ->
    « Salle-informatique-204 ». USB keys (FAT) and Windows shares accept it as is."""
    if not text:
        return ""
    text = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    joined = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")
    return joined[:_SLUG_LENGTH].rstrip("-")


def session_file_stem(session: Session) -> str:
    """« 2027-03-05_0830_Salle-112_session-123456 »: date, time, room, Pix number.

    ISO date then 24-hour time make ``ls`` list the files in the order of the day. A session
    not yet created in Pix Certif has no number: the start of its internal id keeps names apart.
    """
    parts = [session.date.isoformat() if session.date else t("exports.file.no_date")]
    if session.start_time is not None:
        parts.append(session.start_time.strftime("%H%M"))
    room = slug(session.room)
    if room:
        parts.append(room)
    number = slug(session.pix_number) or slug(session.id)[:8]
    parts.append(f"{t('exports.file.session')}-{number}")
    return "_".join(parts)


# --- finding what to export -----------------------------------------------------------------------


def find_session_by_number(snapshot: Snapshot, number: str) -> Session:
    """The session whose Pix number is ``number`` (spaces ignored), or its internal id."""
    wanted = re.sub(r"\s+", "", number)
    sessions = snapshot.sessions.all()
    found = [s for s in sessions if s.pix_number and re.sub(r"\s+", "", s.pix_number) == wanted]
    if not found:
        found = [s for s in sessions if s.id == wanted]
    if not found:
        raise NothingToExport(t("exports.error.session_unknown", number=number.strip()))
    if len(found) > 1:
        raise NothingToExport(t("exports.error.session_ambiguous", number=number.strip()))
    return found[0]


def _candidates_of(snapshot: Snapshot, session: Session) -> list[Candidate]:
    return snapshot.candidates.where(session_id=session.id)


def _printable_session(snapshot: Snapshot, session_id: str) -> Session:
    session = snapshot.sessions.get(session_id)
    if session is None:
        raise NothingToExport(t("exports.error.session_missing"))
    if session.purged_at is not None:
        number = session.pix_number or slug(session.id)[:8]
        raise NothingToExport(t("exports.error.session_purged", number=number))
    return session


# --- exports ----------------------------------------------------------------------------------


def export_session(
    store: Store,
    session_id: str,
    out_dir: str | os.PathLike[str],
    *,
    clock: Clock,
    page_format: PageFormat = "A4",
    only_public: bool = False,
) -> list[Path]:
    """Write one session's files into ``out_dir`` and return their paths, in order.

    The bundle PDF (kit surveillant, feuille d'émargement, PV d'incident), the public kit to
    post outside the room, the candidates CSV and, once the session is finalised, the
    finalisation CSV. ``only_public`` writes the public kit alone (no codes, no health data).
    """
    snapshot = store.snapshot()
    settings = snapshot.school
    session = _printable_session(snapshot, session_id)
    candidates = _candidates_of(snapshot, session)
    stem = session_file_stem(session)
    public = PendingFile(
        f"{stem}_{t('exports.file.public')}.pdf",
        invigilator_kit(
            settings, session, candidates, clock=clock, public=True, page_format=page_format
        ),
    )
    if only_public:
        files = [public]
    else:
        files = [
            PendingFile(
                f"{stem}.pdf",
                bundle_session(settings, session, candidates, clock=clock, page_format=page_format),
            ),
            public,
            PendingFile(
                f"{stem}_{t('exports.file.candidates')}.csv",
                candidates_csv(settings, session, candidates),
            ),
        ]
        if session.finalization is not None:
            files.append(
                PendingFile(
                    f"{stem}_{t('exports.file.finalization')}.csv",
                    finalization_csv(settings, session, candidates),
                )
            )
    return write_files(out_dir, files, store_permissions(store))


def export_day(
    store: Store,
    day: date,
    out_dir: str | os.PathLike[str],
    *,
    clock: Clock,
    page_format: PageFormat = "A4",
    only_public: bool = False,
) -> list[Path]:
    """Write each session's public kit and the day's bundle (every session of ``day`` in one
    PDF), in file-name order; ``only_public`` writes the public kits alone. A day without
    sessions is refused."""
    snapshot = store.snapshot()
    settings = snapshot.school
    sessions = sessions_of_day(snapshot.sessions.all(), day)
    if not sessions:
        raise NothingToExport(t("exports.error.no_sessions_that_day", date=format_long_date(day)))
    all_candidates = snapshot.candidates.all()
    by_session: dict[str, list[Candidate]] = {session.id: [] for session in sessions}
    for candidate in all_candidates:
        if candidate.session_id in by_session:
            by_session[candidate.session_id].append(candidate)
    files = [
        PendingFile(
            f"{session_file_stem(session)}_{t('exports.file.public')}.pdf",
            invigilator_kit(
                settings,
                session,
                by_session[session.id],
                clock=clock,
                public=True,
                page_format=page_format,
            ),
        )
        for session in sessions
    ]
    if not only_public:
        # Last: « 2027-03-18_journee » sorts after « 2027-03-18_0930_… » in every file list.
        files.append(
            PendingFile(
                f"{day.isoformat()}_{t('exports.file.day')}.pdf",
                bundle_day(
                    settings,
                    day,
                    sessions,
                    [c for group in by_session.values() for c in group],
                    clock=clock,
                    page_format=page_format,
                ),
            )
        )
    return write_files(out_dir, files, store_permissions(store))


def export_pupils(
    store: Store, out_dir: str | os.PathLike[str], *, clock: Clock, include_left: bool = False
) -> list[Path]:
    """Pupils with their certifiability, class by class: « 2027-03-18_eleves-certificabilite.csv »."""
    return _export_pupils_csv(
        store, out_dir, clock, "exports.file.pupils", pupils_csv, include_left
    )


def export_certifiability(
    store: Store, out_dir: str | os.PathLike[str], *, clock: Clock, include_left: bool = False
) -> list[Path]:
    """Counts of certifiable pupils per class: « 2027-03-18_certificabilite-par-classe.csv »."""
    return _export_pupils_csv(
        store, out_dir, clock, "exports.file.classes", certifiability_by_class_csv, include_left
    )


def _export_pupils_csv(
    store: Store,
    out_dir: str | os.PathLike[str],
    clock: Clock,
    file_key: str,
    build: Callable[..., bytes],
    include_left: bool,
) -> list[Path]:
    snapshot = store.snapshot()
    pupils = snapshot.pupils.all()
    if not pupils:
        raise NothingToExport(t("exports.error.no_pupils"))
    name = f"{_today(snapshot, clock).isoformat()}_{t(file_key)}.csv"
    data = build(pupils, include_left=include_left)
    return write_files(out_dir, [PendingFile(name, data)], store_permissions(store))


def _today(snapshot: Snapshot, clock: Clock) -> date:
    return local_today(clock, school_zone(snapshot.school))


# --- writing ----------------------------------------------------------------------------------


def prepare_folder(out_dir: str | os.PathLike[str], permissions: Permissions) -> Path:
    """The export folder, created (one level, private) when missing and its parent exists.

    Only one level is created: a mistyped parent (« /media/cle-usb » not mounted) must be an
    error, not a new folder tree on the local disk.
    """
    folder = Path(out_dir).expanduser()
    if folder.is_dir():
        return folder
    if folder.exists() or folder.is_symlink():
        raise ExportFailed(t("exports.error.not_a_folder", path=str(folder)))
    parent = folder.absolute().parent
    if not parent.is_dir():
        raise ExportFailed(t("exports.error.no_parent", parent=str(parent)))
    try:
        folder.mkdir(mode=PRIVATE_DIR_MODE)
    except FileExistsError:
        if folder.is_dir():  # another process made it meanwhile
            return folder
        raise ExportFailed(t("exports.error.not_a_folder", path=str(folder))) from None
    except OSError as error:
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            raise ExportFailed(t("documents.error.disk_full", path=str(folder))) from error
        raise ExportFailed(
            t("exports.error.cannot_create", folder=str(folder), parent=str(parent))
        ) from error
    with contextlib.suppress(OSError):
        if permissions.gid is not None:
            os.chown(folder, -1, permissions.gid)
        os.chmod(folder, permissions.dir_mode)
    return folder


def write_files(
    out_dir: str | os.PathLike[str], files: Sequence[PendingFile], permissions: Permissions
) -> list[Path]:
    """Write every file atomically; on a failure, remove the ones this call had created."""
    folder = prepare_folder(out_dir, permissions)
    written: list[Path] = []
    created: list[Path] = []
    try:
        for pending in files:
            target = folder / pending.name
            is_new = not target.exists()
            written.append(_write_one(folder, pending, permissions))
            if is_new:
                created.append(target)
    except DocumentError:
        for path in created:
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    return written


def _write_one(folder: Path, pending: PendingFile, permissions: Permissions) -> Path:
    if permissions.gid is None:
        return write_file_atomically(folder, pending.name, pending.data, permissions.file_mode)
    # Shared with a group: the file is private until it has the group, then opened to it, so
    # that it is never readable by the writer's own default group.
    path = write_file_atomically(folder, pending.name, pending.data, PRIVATE_FILE_MODE)
    try:
        os.chown(path, -1, permissions.gid)
    except OSError:
        return path  # not a member of the group: the file stays private, which is safe
    with contextlib.suppress(OSError):
        os.chmod(path, permissions.file_mode)
    return path
