"""``pixtui import … | head``: a closed output is never « Erreur inattendue » (issue 11 item 12).

Either nothing is written (the pipe closed while the report was printed: the output is flushed
before the write), or the import is written and the command says so and succeeds.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pixtui.cli import main
from tests.cli.conftest import REPO_ROOT

LIST = (
    "Nom;Prénom;Date de naissance;Classe\r\n"
    + "".join(f"NOUVEAU;Élève{i:03d};01/02/2012;3Z\r\n" for i in range(300))
).encode()


class ClosingPipe(io.StringIO):
    """A stdout whose reader leaves after ``lines`` lines (``| head -n lines``), or just before
    a line starting with ``before`` is written."""

    def __init__(self, lines: int = 10**9, before: str | None = None) -> None:
        super().__init__()
        self.lines, self.before, self.closed_now = lines, before, False

    def write(self, text: str) -> int:
        if self.before is not None and text.startswith(self.before):
            self.closed_now = True
        if self.closed_now or self.getvalue().count("\n") >= self.lines:
            self.closed_now = True
            raise BrokenPipeError(32, "Broken pipe")
        return super().write(text)

    def flush(self) -> None:
        if self.closed_now:
            raise BrokenPipeError(32, "Broken pipe")


@pytest.fixture
def pupil_list(tmp_path: Path) -> Path:
    path = tmp_path / "liste.csv"
    path.write_bytes(LIST)
    return path


def _pupils(store) -> int:
    return len(store.snapshot().pupils)


def test_closed_during_the_report_nothing_is_written(
    demo_store, pupil_list: Path, monkeypatch, capsys
) -> None:
    before, counter = _pupils(demo_store), demo_store.snapshot().counter
    monkeypatch.setattr(sys, "stdout", ClosingPipe(10))
    code = main(["--store", str(demo_store.path), "import", str(pupil_list)])
    err = capsys.readouterr().err
    assert code == 2
    assert "rien n'a été importé" in err and "inattendue" not in err
    assert demo_store.snapshot().counter == counter and _pupils(demo_store) == before


def test_closed_only_at_the_last_line_the_import_is_written_and_said(
    demo_store, pupil_list: Path, monkeypatch, capsys
) -> None:
    before = _pupils(demo_store)
    monkeypatch.setattr(sys, "stdout", ClosingPipe(before="Import terminé"))
    code = main(["--store", str(demo_store.path), "import", str(pupil_list)])
    err = capsys.readouterr().err
    assert code == 0
    assert "Import terminé : 300 élèves créés" in err and "inattendue" not in err
    assert _pupils(demo_store) == before + 300


def test_a_real_closed_pipe_is_one_sentence(demo_store, pupil_list: Path, tmp_path: Path) -> None:
    before = _pupils(demo_store)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pixtui",
            "--store",
            str(demo_store.path),
            "import",
            str(pupil_list),
        ],
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT), "XDG_STATE_HOME": str(tmp_path)},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before pixtui writes its first line
    err = process.stderr.read().decode()
    assert process.wait(timeout=60) == 2
    assert "rien n'a été importé" in err
    assert "inattendue" not in err and "Traceback" not in err and "Exception" not in err
    assert _pupils(demo_store) == before
