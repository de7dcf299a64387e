"""``pixtui export …`` end to end: through ``pixtui.cli.main`` and as a real process."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from exports_helpers import (
    BIG_NUMBER,
    FROZEN_NOW,
    csv_rows,
    finalized_session,
    make_store,
    mount_tmpfs,
    pdf_page_width_mm,
    pdf_pages,
    unmount,
)

from pixtui.cli import UserError, main
from pixtui.commands.export import parse_day
from pixtui.domain.clock import FixedClock
from pixtui.i18n import set_language


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-store") / "pixtui.json"
    make_store(path, FixedClock(FROZEN_NOW))
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def test_export_day_prints_each_path(store_path: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "impression"
    code, lines, err = run(
        capsys, "export", "day", "2027-03-18", "--store", str(store_path), "--out", str(out)
    )
    assert (code, err) == (0, "")
    assert [Path(line) for line in lines] == sorted(out.iterdir())
    assert Path(lines[-1]).name == "2027-03-18_journee.pdf"
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    text = " ".join(pdf_pages(Path(lines[-1])))
    assert "KWZP42" in text and "Salle des fêtes" in text and "BÉNARD Éloïse" in text


def test_export_day_french_date_and_a3(store_path: Path, tmp_path: Path, capsys) -> None:
    code, lines, _ = run(
        capsys,
        "export",
        "day",
        "18/03/2027",
        "--a3",
        "--public",
        "--store",
        str(store_path),
        "--out",
        str(tmp_path),
    )
    assert code == 0 and len(lines) == 2
    assert all(line.endswith("_affichage.pdf") for line in lines)
    assert pdf_page_width_mm(Path(lines[0])) == pytest.approx(297, abs=0.5)


def test_export_session_by_number(store_path: Path, tmp_path: Path, capsys) -> None:
    from pixtui.store import Store

    store = Store.open(store_path, actor="t", clock=FixedClock(FROZEN_NOW))
    number = finalized_session(store).pix_number
    code, lines, err = run(
        capsys, "export", "session", number, "--store", str(store_path), "--out", str(tmp_path)
    )
    assert (code, err) == (0, "")
    assert [Path(line).name.split("_")[-1] for line in lines] == [
        f"session-{number}.pdf",
        "affichage.pdf",
        "candidats.csv",
        "finalisation.csv",
    ]
    summary = csv_rows(Path(lines[3]))
    assert ["N° de session", number] in summary
    assert all(stat.S_IMODE(Path(line).stat().st_mode) == 0o600 for line in lines)


def test_export_pupils_and_classes(store_path: Path, tmp_path: Path, capsys) -> None:
    code, lines, _ = run(
        capsys, "export", "pupils", "--store", str(store_path), "--out", str(tmp_path)
    )
    assert code == 0 and len(lines) == 1 and lines[0].endswith("_eleves-certificabilite.csv")
    assert csv_rows(Path(lines[0]))[0][:3] == ["Classe", "Nom", "Prénom"]
    code, lines, _ = run(
        capsys, "export", "classes", "--store", str(store_path), "--out", str(tmp_path)
    )
    assert code == 0 and lines[0].endswith("_certificabilite-par-classe.csv")
    assert csv_rows(Path(lines[0]))[-1][0] == "Total"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["session", "424242"],
            "Aucune séance ne porte le numéro « 424242 » : vérifiez le numéro de session Pix.\n",
        ),
        (
            ["day", "2027-03-19"],
            "Aucune séance n'est prévue le vendredi 19/03/2027 : il n'y a rien à imprimer.\n",
        ),
        (
            ["day", "31/02/2027"],
            "« 31/02/2027 » n'est pas une date : écrivez AAAA-MM-JJ (par exemple 2027-03-18) "
            "ou « aujourdhui ».\n",
        ),
    ],
)
def test_user_errors_are_one_sentence(
    store_path: Path, tmp_path: Path, capsys, argv, message
) -> None:
    code, lines, err = run(
        capsys, "export", *argv, "--store", str(store_path), "--out", str(tmp_path / "o")
    )
    assert (code, lines, err) == (2, [], message)
    assert not (tmp_path / "o").exists()


def test_missing_store_and_missing_parent(store_path: Path, tmp_path: Path, capsys) -> None:
    code, _, err = run(
        capsys, "export", "pupils", "--store", str(tmp_path / "none.json"), "--out", str(tmp_path)
    )
    assert code == 2 and err.startswith("Aucun fichier de données") and err.count("\n") == 1
    code, _, err = run(
        capsys, "export", "pupils", "--store", str(store_path), "--out", str(tmp_path / "a" / "b")
    )
    assert code == 2
    assert (
        err
        == f"Le dossier {tmp_path / 'a'} n'existe pas : créez-le ou choisissez un autre dossier d'export.\n"
    )


def test_english_messages(store_path: Path, tmp_path: Path, capsys) -> None:
    try:
        code, _, err = run(
            capsys,
            "--lang",
            "en",
            "export",
            "session",
            "424242",
            "--store",
            str(store_path),
            "--out",
            str(tmp_path),
        )
    finally:
        set_language("fr")
    assert (code, err) == (2, "No session has the number “424242”: check the Pix session number.\n")


def test_read_only_folder_through_the_cli(store_path: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "ro"
    if not mount_tmpfs(target, "size=64k,ro"):
        pytest.skip("cannot mount a tmpfs here (needs root and mount rights)")
    try:
        code, lines, err = run(
            capsys, "export", "day", "2027-03-18", "--store", str(store_path), "--out", str(target)
        )
    finally:
        unmount(target)
    assert (code, lines) == (2, [])
    assert (
        err
        == f"Impossible d'écrire dans le dossier {target} : vérifiez qu'il est accessible en écriture.\n"
    )


def test_parse_day() -> None:
    today = date(2027, 3, 18)
    assert parse_day("aujourdhui", today=today) == today
    assert parse_day(" Today ", today=today) == today
    assert parse_day("aujourd'hui", today=today) == today
    assert parse_day("2027-03-05", today=today) == date(2027, 3, 5)
    assert parse_day("5/3/2027", today=today) == date(2027, 3, 5)
    for wrong in ("", "demain", "2027-3", "٢٠٢٧-٠٣-٠٥"):
        with pytest.raises(UserError, match="n'est pas une date"):
            parse_day(wrong, today=today)


def test_as_a_real_process(store_path: Path, tmp_path: Path) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PIXTUI_LANG", "PIXTUI_STORE")
    }
    env["HOME"] = str(tmp_path)
    out = tmp_path / "sortie"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pixtui",
            "export",
            "session",
            BIG_NUMBER,
            "--store",
            str(store_path),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert (done.returncode, done.stderr) == (0, "")
    paths = [Path(line) for line in done.stdout.splitlines()]
    assert [p.suffix for p in paths] == [".pdf", ".pdf", ".csv"]
    assert all(p.is_file() and p.parent == out for p in paths)
    assert "BÉNARD Éloïse" in " ".join(pdf_pages(paths[0]))

    failed = subprocess.run(
        [
            sys.executable,
            "-m",
            "pixtui",
            "export",
            "day",
            "2027-03-19",
            "--store",
            str(store_path),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert failed.returncode == 2 and failed.stdout == ""
    assert (
        failed.stderr
        == "Aucune séance n'est prévue le vendredi 19/03/2027 : il n'y a rien à imprimer.\n"
    )
