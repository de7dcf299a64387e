"""write_file_atomically against real failures: missing folder, read-only and full filesystems."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from pixtui.documents import ExportFailed, write_file_atomically
from pixtui.i18n import set_language


@pytest.fixture(autouse=True)
def french() -> None:
    set_language("fr")


def leftovers(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.endswith(".pixtui-tmp"))


def test_writes_with_private_mode_and_replaces(tmp_path: Path) -> None:
    path = write_file_atomically(tmp_path, "session 123456.pdf", b"first")
    assert path == tmp_path / "session 123456.pdf"
    assert path.read_bytes() == b"first"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    write_file_atomically(tmp_path, "session 123456.pdf", b"second", mode=0o640)
    assert path.read_bytes() == b"second"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert leftovers(tmp_path) == []


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ExportFailed) as caught:
        write_file_atomically(tmp_path / "absent", "a.csv", b"x")
    assert str(caught.value) == f"Le dossier d'export {tmp_path / 'absent'} n'existe pas."


def test_folder_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(ExportFailed, match="n'existe pas"):
        write_file_atomically(tmp_path / "file", "a.csv", b"x")


@pytest.mark.parametrize("name", ["", "..", "a/b.pdf", "../x.csv"])
def test_bad_names(tmp_path: Path, name: str) -> None:
    with pytest.raises(ExportFailed, match="n'est pas valable"):
        write_file_atomically(tmp_path, name, b"x")


@pytest.mark.skipif(
    os.geteuid() == 0, reason="root ignores folder permissions (see the read-only mount test)"
)
def test_unwritable_folder(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportFailed, match="Impossible d'écrire dans le dossier"):
            write_file_atomically(folder, "a.pdf", b"x")
    finally:
        folder.chmod(0o700)
    assert os.listdir(folder) == []


def _mount_tmpfs(target: Path, options: str) -> bool:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    target.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)], capture_output=True
    )
    return done.returncode == 0


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 64 KiB filesystem (tmpfs), so a full disk is a real ENOSPC."""
    target = tmp_path / f"disk-{uuid.uuid4().hex[:6]}"
    if not _mount_tmpfs(target, "size=64k,mode=0755"):
        pytest.skip("cannot mount a tmpfs here (needs root and mount rights)")
    try:
        yield target
    finally:
        subprocess.run(["umount", str(target)], check=False)


def test_full_disk_keeps_the_old_file_and_no_temp(small_disk: Path) -> None:
    path = write_file_atomically(small_disk, "bundle.pdf", b"old content")
    with pytest.raises(ExportFailed) as caught:
        write_file_atomically(small_disk, "bundle.pdf", b"x" * 200_000)
    assert str(caught.value).startswith("Le disque est plein :")
    assert path.read_bytes() == b"old content"
    assert leftovers(small_disk) == []


def test_read_only_filesystem(tmp_path: Path) -> None:
    target = tmp_path / "ro"
    if not _mount_tmpfs(target, "size=64k,ro"):
        pytest.skip("cannot mount a tmpfs here (needs root and mount rights)")
    try:
        with pytest.raises(ExportFailed, match="Impossible d'écrire dans le dossier"):
            write_file_atomically(target, "a.pdf", b"x")
    finally:
        subprocess.run(["umount", str(target)], check=False)


_FILE_SIZE_LIMIT_CHILD = """
import resource, signal, sys
from pixtui.documents import ExportFailed, write_file_atomically
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
try:
    write_file_atomically(sys.argv[1], "big.pdf", b"y" * 100_000)
except ExportFailed as error:
    print(error)
    sys.exit(3)
sys.exit(0)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="POSIX file size limit needed")
def test_write_cut_short_by_the_kernel_leaves_nothing(tmp_path: Path) -> None:
    """Works without privileges: the kernel refuses writes past RLIMIT_FSIZE (EFBIG)."""
    (tmp_path / "big.pdf").write_bytes(b"previous")
    done = subprocess.run(
        [sys.executable, "-c", _FILE_SIZE_LIMIT_CHILD, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 3, done.stderr
    assert done.stdout.startswith("Le disque est plein :")
    assert "Traceback" not in done.stderr
    assert (tmp_path / "big.pdf").read_bytes() == b"previous"
    assert leftovers(tmp_path) == []
    assert resource.getrlimit(resource.RLIMIT_FSIZE)  # the parent's limit is untouched
