"""Imports against a store: every format, encoding and separator; never half-written;
the command line; several processes importing at once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pixtui.commands.imports import parse_target
from pixtui.domain.enums import Certifiability, LoginMethod
from pixtui.imports import ImportKind
from pixtui.services.imports import (
    ImportFileError,
    apply_import,
    describe_preview,
    prepare_import,
)
from tests.conftest import FROZEN_NOW
from tests.prep.conftest import EXAMPLES

TODAY = FROZEN_NOW.date()

HEADER = ["Nom de famille", "Premier prénom", "Date de naissance", "Division", "INE"]
ROWS = [
    ["MARTIN", "Léa", "03/05/2012", "4B", "123456789AB"],
    ["N'DIAYE", "Aïssatou", "2012-06-27", "4B", "123456789AC"],
    ["GARÇON", "Noël", "14/02/2012", "4C", ""],
]


def _write(path: Path, rows, *, sep=";", encoding="utf-8", bom=False) -> Path:
    text = "\r\n".join(sep.join(row) for row in [HEADER, *rows]) + "\r\n"
    data = text.encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def _import(store, path: Path, **options):
    preview = prepare_import(path, store.snapshot().pupils.all(), today=TODAY)
    with store.transaction("import.test") as tx:
        return preview, apply_import(tx, preview, **options)


@pytest.mark.parametrize("sep", [";", ",", "\t"])
@pytest.mark.parametrize(
    ("encoding", "bom"), [("utf-8", False), ("utf-8", True), ("cp1252", False)]
)
def test_pupil_list_every_encoding_and_separator(demo_store, tmp_path, sep, encoding, bom):
    path = _write(tmp_path / "liste.csv", ROWS, sep=sep, encoding=encoding, bom=bom)
    preview, outcome = _import(demo_store, path)
    assert preview.kind is ImportKind.PUPIL_LIST and preview.refused_count == 0
    assert outcome.created == 3
    names = {
        (p.last_name, p.first_name)
        for p in demo_store.snapshot().pupils.all()
        if p.division in ("4B", "4C")
    }
    assert names == {("MARTIN", "Léa"), ("N'DIAYE", "Aïssatou"), ("GARÇON", "Noël")}


def test_reimport_updates_instead_of_duplicating(demo_store, tmp_path):
    path = _write(tmp_path / "liste.csv", ROWS)
    _import(demo_store, path)
    moved = [row[:] for row in ROWS]
    moved[0][3] = "4C"  # Léa changes class, matched by INE
    moved[2][1] = "NOËL"  # matched by names + birthdate (no INE), case and accents aside
    preview, outcome = _import(demo_store, _write(tmp_path / "v2.csv", moved))
    assert (outcome.created, outcome.updated) == (0, 2)
    pupils = [p for p in demo_store.snapshot().pupils.all() if p.division in ("4B", "4C")]
    assert len(pupils) == 3
    assert next(p for p in pupils if p.first_name == "Léa").division == "4C"


def test_missing_pupils_reported_not_deleted(demo_store, tmp_path):
    _import(demo_store, _write(tmp_path / "liste.csv", ROWS))
    preview, outcome = _import(demo_store, _write(tmp_path / "v2.csv", ROWS[:1] + ROWS[2:]))
    assert len(preview.plan.missing) == 1
    text = "\n".join(describe_preview(preview, demo_store.snapshot().pupils.all()))
    assert "ni supprimés ni modifiés" in text and "N'DIAYE" in text
    assert any(
        p.last_name == "N'DIAYE" and not p.left_school for p in demo_store.snapshot().pupils.all()
    )
    preview, outcome = _import(
        demo_store, _write(tmp_path / "v3.csv", ROWS[:1] + ROWS[2:]), mark_missing_as_left=True
    )
    assert outcome.marked_left == 1
    assert any(
        p.last_name == "N'DIAYE" and p.left_school for p in demo_store.snapshot().pupils.all()
    )


def test_broken_lines_are_listed_with_numbers_and_reasons(demo_store):
    preview = prepare_import(
        EXAMPLES / "liste_cassee.csv", demo_store.snapshot().pupils.all(), today=TODAY
    )
    text = "\n".join(describe_preview(preview, []))
    assert preview.refused_count == 10
    assert "ligne 3 : Date illisible" in text
    assert "ligne 8 : Nombre de colonnes incorrect" in text
    assert "Lignes refusées (10)" in text


def test_profile_collection_updates_certifiability(demo_store, tmp_path):
    _import(demo_store, EXAMPLES / "siecle_3e_utf8_bom.csv")
    preview, outcome = _import(demo_store, EXAMPLES / "collecte_profils_3e.csv")
    assert preview.kind is ImportKind.PROFILE_COLLECTION
    assert outcome.updated > 0
    text = "\n".join(describe_preview(preview, demo_store.snapshot().pupils.all()))
    assert "DURAND Hugo" in text  # unknown: listed, never guessed
    assert any(
        p.certifiability is Certifiability.CERTIFIABLE and p.certifiability_date
        for p in demo_store.snapshot().pupils.all()
        if p.division.startswith("3")
    )


def test_orga_pupils_update_login_methods(demo_store):
    _import(demo_store, EXAMPLES / "siecle_3e_utf8_bom.csv")
    preview, outcome = _import(demo_store, EXAMPLES / "pix_orga_eleves.csv")
    assert preview.kind is ImportKind.ORGA_PUPILS
    assert outcome.updated > 0
    assert any(
        LoginMethod.MEDIACENTRE in p.login_methods for p in demo_store.snapshot().pupils.all()
    )


@pytest.mark.parametrize(
    ("name", "message"),
    [("absent.csv", "n'existe pas"), (".", "est un dossier")],
)
def test_unreadable_paths_are_french_sentences(tmp_path, name, message):
    with pytest.raises(ImportFileError) as error:
        prepare_import(tmp_path / name, [], today=TODAY)
    assert message in str(error.value)


def test_results_file_is_not_imported_here(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("Nom;Prénom;Classe\n")  # no known kind
    preview = prepare_import(path, [], today=TODAY)
    assert preview.plan is None and preview.report.error


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=400) | st.text(max_size=300).map(lambda s: s.encode("utf-8")))
def test_any_bytes_never_crash_and_refusal_writes_nothing(demo_store, tmp_path, data):
    path = tmp_path / "fuzz.csv"
    path.write_bytes(b"Nom;Pr\xc3\xa9nom;Date de naissance;Classe\n" + data)
    pupils = demo_store.snapshot().pupils.all()
    preview = prepare_import(path, pupils, today=TODAY)
    describe_preview(preview, pupils)
    if preview.plan is None:
        before = demo_store.snapshot().counter
        with pytest.raises(ImportFileError), demo_store.transaction("import.fuzz") as tx:
            apply_import(tx, preview)
        assert demo_store.snapshot().counter == before


@pytest.mark.parametrize(
    ("target", "kind"),
    [
        (["f.csv"], None),
        (["pupils", "f.csv"], "pupil_list"),
        (["certifiability", "f.csv"], "profile_collection"),
        (["logins", "f.csv"], "orga_pupils"),
    ],
)
def test_cli_targets(target, kind):
    assert parse_target(target)[0] == kind


def _cli(store_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pixtui", "import", "--store", str(store_path), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
    )


def test_cli_dry_run_refusal_and_accept_valid(demo_store):
    broken = str(EXAMPLES / "liste_cassee.csv")
    before = len(demo_store.snapshot().pupils)
    dry = _cli(demo_store.path, broken, "--dry-run")
    assert dry.returncode == 0 and "rien n'a été écrit" in dry.stdout
    refused = _cli(demo_store.path, "pupils", broken)
    assert refused.returncode == 2
    assert "10 lignes refusées : rien n'a été écrit" in refused.stderr
    assert "Traceback" not in refused.stderr
    demo_store.poll()
    assert len(demo_store.snapshot().pupils) == before
    accepted = _cli(demo_store.path, broken, "--accept-valid")
    assert accepted.returncode == 0, accepted.stderr
    assert "4 élèves créés" in accepted.stdout
    wrong = _cli(demo_store.path, "certifiability", str(EXAMPLES / "siecle_3e_utf8_bom.csv"))
    assert wrong.returncode == 2 and "Traceback" not in wrong.stderr
    bad_kind = _cli(demo_store.path, "photos", broken)
    assert bad_kind.returncode == 2 and "Type d'import inconnu" in bad_kind.stderr


@pytest.mark.slow  # six pixtui processes importing at once
def test_concurrent_processes_lose_nothing(demo_store, tmp_path):
    files = []
    for index in range(4):
        rows = [
            [f"ELEVE{index}X{n}", f"Prénom{n}", "01/01/2012", f"6{'ABCD'[index]}", ""]
            for n in range(30)
        ]
        files.append(_write(tmp_path / f"classe{index}.csv", rows))
    before = len(demo_store.snapshot().pupils)
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "pixtui", "import", "--store", str(demo_store.path), str(f)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for f in files + files[:2]  # two files imported twice at the same time: no duplicates
    ]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    demo_store.poll()
    assert len(demo_store.snapshot().pupils) == before + 120
