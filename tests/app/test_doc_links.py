"""Every file a document points at is in the repository (issue 13: links to files not shipped)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = [
    ROOT / "README.md",
    *sorted((ROOT / "docs").glob("*.md")),
    ROOT / "data/imports/README.md",
]
LINK = re.compile(r"\]\(([^)\s]+)\)")
CODE = re.compile(r"`([^`\s]+)`")
TOP = ("pixtui/", "tests/", "docs/", "data/", "benchmarks/", "./", "../")
FILE_SUFFIXES = (".py", ".md", ".sh", ".csv", ".txt", ".toml")


def _names_a_repository_file(token: str) -> bool:
    """`pixtui/domain/room.py`, `tests/imports/`; not `/etc/pixtui.toml`, `DIR/pixtui.json`, `JJ/MM/AAAA`."""
    if "/" not in token or token.startswith(("/", "~", "$")) or any(c in token for c in "<*…=:"):
        return False
    return token.startswith(TOP) or token.endswith(FILE_SUFFIXES)


def _resolves(document: Path, target: str) -> bool:
    target = target.split("#", 1)[0]
    if not target:
        return True
    for base in (document.parent, ROOT):
        path = (base / target).resolve()
        if path.is_relative_to(ROOT) and path.exists():
            return True
    return False


def references(document: Path) -> list[str]:
    text = document.read_text(encoding="utf-8")
    links = [m for m in LINK.findall(text) if not re.match(r"[a-z]+:", m)]
    named = [token for token in CODE.findall(text) if _names_a_repository_file(token)]
    return links + named


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_and_named_file_is_in_the_repository(document: Path) -> None:
    dead = [target for target in references(document) if not _resolves(document, target)]
    assert dead == []


def test_the_check_sees_a_dead_link_and_a_path_outside_the_repository() -> None:
    document = ROOT / "docs" / "x.md"
    assert not _resolves(document, "../../shared/tools/ssh-deploy-setup.sh")
    assert not _resolves(document, "reference/tinydb-store.md")
    assert _resolves(document, "store.md") and _resolves(document, "pixtui/domain/room.py")
    assert _names_a_repository_file("domain/room.py") and _names_a_repository_file("tests/imports/")
    assert not _names_a_repository_file("/etc/pixtui.toml")
    assert not _names_a_repository_file("JJ/MM/AAAA")
