"""What the store tests need to look at a store in either layout (issue 12): the single
file, or the store folder (a manifest naming immutable part files)."""

from __future__ import annotations

import json
from pathlib import Path

from pixtui.store.fileformat import Table, load_and_validate, parse_whole
from pixtui.store.parts import MANIFEST, Manifest, join


def is_folder(path: Path) -> bool:
    return path.is_dir()


def committed_bytes(path: Path) -> bytes:
    """Every byte of the committed version: the file, or the manifest and the parts it names
    (a change anywhere in the store changes this)."""
    if not is_folder(path):
        return path.read_bytes()
    manifest = (path / MANIFEST).read_bytes()
    files = sorted(Manifest.from_bytes(manifest).files.values())
    return manifest + b"".join(name.encode() + (path / name).read_bytes() for name in files)


def committed_tables(path: Path) -> dict[str, Table]:
    """Every table of the committed version, fully checked (raises ``Damaged``)."""
    if not is_folder(path):
        tables = load_and_validate(path.read_bytes())
        return {name: tables.table(name) for name in tables.names}
    manifest = Manifest.from_bytes((path / MANIFEST).read_bytes())
    whole = join(parse_whole((path / name).read_bytes()) for name in manifest.files.values())
    whole["_meta"]["1"].update(
        schema_version=manifest.schema_version, change_counter=manifest.counter
    )
    return whole


def folder_of(path: Path) -> Path:
    """The folder holding the store's lock, journal and backups."""
    return path if is_folder(path) else path.parent


def journal(path: Path) -> Path:
    return (
        path / "pixtui.journal.jsonl"
        if is_folder(path)
        else path.parent / f"{path.name}.journal.jsonl"
    )


def temp_files(path: Path) -> list[Path]:
    """Temp files of commits in progress (or left by a killed writer)."""
    if is_folder(path):
        return sorted([*path.glob(".pixtui.*.tmp"), *path.glob(".part.*.tmp")])
    return sorted(path.parent.glob(f".{path.name}.*.tmp"))


def data_file(path: Path, part: str = "pupils") -> Path:
    """The file holding a table's documents: the single file, or the folder's file of
    ``part`` (named by the manifest; the school part if there is no such part)."""
    if not is_folder(path):
        return path
    manifest = Manifest.from_bytes((path / MANIFEST).read_bytes())
    return path / manifest.files.get(part, manifest.files["school"])


def set_schema_version(path: Path, version: int) -> None:
    if is_folder(path):
        value = json.loads((path / MANIFEST).read_bytes())
        value["schema_version"] = version
        (path / MANIFEST).write_bytes(json.dumps(value).encode())
        return
    data = json.loads(path.read_bytes())
    data["_meta"]["1"]["schema_version"] = version
    path.write_bytes(json.dumps(data).encode())
