"""``pixtui plan``: prints the plan or why there is none, exports it, applies it unless --dry-run."""

from __future__ import annotations

from pathlib import Path

import pytest

from pixtui.cli import main
from tests.conftest import write_demo_store

DATA = Path(__file__).resolve().parents[2] / "data" / "planning"


@pytest.fixture
def store_path(tmp_path, clock, monkeypatch):
    from pixtui.commands import common

    monkeypatch.setattr(common, "clock", lambda: clock)
    path = tmp_path / "pixtui.json"
    write_demo_store(path, clock)
    return path


def _run(capsys, *args):
    try:
        code = main([str(a) for a in args])
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def _files(rooms=DATA / "salles.csv"):
    return (
        "--rooms",
        rooms,
        "--slots",
        DATA / "creneaux.csv",
        "--invigilators",
        DATA / "surveillants.csv",
    )


def _plan(capsys, store_path, *extra):
    """``pixtui plan`` on the sample files, one second of solving."""
    return _run(capsys, "plan", "--store", store_path, *_files(), "--time", "1", *extra)


def test_dry_run_prints_exports_and_writes_nothing(capsys, store_path, tmp_path):
    before = store_path.read_bytes()
    code, out, err = _plan(capsys, store_path, "--dry-run", "--out", tmp_path / "plan")
    assert code == 0, err
    assert "session" in out and "CP-SAT" in out and "Essai à blanc" in out
    assert "déjà inscrits" in out  # the demo's enrolled classes are left out
    names = sorted(p.name for p in (tmp_path / "plan").iterdir())
    assert names == ["plan-calendrier.pdf", "plan-eleves.csv", "plan-sessions.csv"]
    assert (tmp_path / "plan" / "plan-calendrier.pdf").read_bytes().startswith(b"%PDF")
    header = (
        (tmp_path / "plan" / "plan-sessions.csv").read_bytes().decode("utf-8-sig").splitlines()[0]
    )
    assert header.startswith("Ordre;Date;Début")
    assert store_path.read_bytes() == before


def test_apply_then_apply_again_changes_nothing(capsys, store_path):
    code, out, err = _run(capsys, "plan", "--store", store_path, *_files(), "--time", "1")
    assert code == 0, err
    assert "Sessions : " in out and " inscrits" in out
    code, out, err = _run(capsys, "plan", "--store", store_path, *_files(), "--time", "1")
    assert code == 0, err
    assert out.strip().endswith(
        "Sessions : 0 créée, 0 modifiée, 0 supprimée ; élèves : 0 inscrit, 0 retiré."
    )


def test_a_refused_line_stops_before_planning(capsys, store_path, tmp_path):
    rooms = tmp_path / "salles.csv"
    rooms.write_text(
        "Salle;Site;Postes;Réserve\nSalle 112;A;vingt;0\nCDI;B;18;1\n", encoding="cp1252"
    )
    code, out, err = _run(capsys, "plan", "--store", store_path, *_files(rooms), "--dry-run")
    assert code == 2
    assert "ligne 2" in out and "vingt" in out
    assert "--accept-valid" in err and "Traceback" not in err


def test_no_plan_is_explained_in_french(capsys, store_path, tmp_path):
    rooms = tmp_path / "salles.csv"
    rooms.write_text("Salle;Site;Postes;Réserve\nSalle 112;A;20;0\n", encoding="utf-8")
    slots = tmp_path / "creneaux.csv"
    slots.write_text("Salle;Date;Début;Fin\nSalle 112;22/03/2027;08:00;10:00\n", encoding="utf-8")
    code, out, err = _run(
        capsys,
        "plan",
        "--store",
        store_path,
        "--rooms",
        rooms,
        "--slots",
        slots,
        "--invigilators",
        DATA / "surveillants.csv",
        "--dry-run",
        "--time",
        "1",
    )
    assert code == 2
    assert "places pour" in out and "Aucun plan" in err


def test_weights_are_shown_and_a_bad_one_is_one_sentence(capsys, store_path):
    code, out, err = _plan(capsys, store_path, "--dry-run", "--weights", "classes=90,heures=0")
    assert code == 0, err
    assert "classes ensemble 90" in out and "peu d'heures de surveillance 0" in out
    code, out, err = _run(
        capsys, "plan", "--store", store_path, *_files(), "--dry-run", "--weights", "vite=2"
    )
    assert code == 2 and "Poids illisible" in err and "Traceback" not in err


def test_extra_times_from_a_file_are_planned_and_enrolled(capsys, store_path):
    from pixtui.domain.clock import SystemClock
    from pixtui.store import Store

    code, out, err = _plan(capsys, store_path, "--extra-time", DATA / "temps-majores.csv")
    assert code == 0, err
    assert "avec temps majoré" in out
    snap = Store.open(store_path, actor="t", clock=SystemClock()).snapshot()
    planned = {s.id for s in snap.sessions.all() if s.planned}
    ratios = sorted(
        round(c.extra_time_ratio, 2)
        for c in snap.candidates.all()
        if c.session_id in planned and c.extra_time_ratio and not c.removed
    )
    assert ratios == [0.33, 0.5]
