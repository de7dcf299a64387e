"""``pixtui.cli.main([...])`` in this process: each subcommand, its output and its refusals."""

from __future__ import annotations

import importlib.metadata
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pixtui.cli import main
from pixtui.domain.enums import SchoolType
from pixtui.domain.models import SchoolSettings
from pixtui.i18n import t
from pixtui.store import Store, list_backups
from pixtui.store.fileformat import read_file

SUBCOMMANDS = ("init", "check", "backup", "restore", "demo", "salle")
ENGLISH_HELP = ("usage:", "show this help", "positional arguments", "error:", "subcommands")


def run(capsys: pytest.CaptureFixture[str], *args: str | os.PathLike[str]) -> tuple[int, str, str]:
    """(exit code, stdout, stderr); argparse's own exits count as exit codes too."""
    try:
        code = main([str(arg) for arg in args])
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def read_school(path: Path) -> SchoolSettings:
    from pixtui.domain.clock import SystemClock

    return Store.open(path, actor="test", clock=SystemClock()).snapshot().school


# --- --version and --help ------------------------------------------------------------------


def test_version_is_the_installed_distributions(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out == f"pixtui {importlib.metadata.version('pixtui')}\n"


@pytest.mark.parametrize("command", ("", *SUBCOMMANDS))
def test_help_is_french(capsys: pytest.CaptureFixture[str], command: str) -> None:
    code, out, err = run(capsys, *([command] if command else []), "--help")
    assert code == 0 and not err
    assert out.startswith(f"usage : pixtui{' ' + command if command else ''}")
    assert "afficher cette aide et quitter" in out
    for english in ENGLISH_HELP:
        assert english not in out


def test_help_has_no_none_line(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--help")
    assert "None" not in out


def test_help_headings_use_french_typography(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--help")
    assert "options:" not in out
    assert "options :" in out


@pytest.mark.parametrize("command", ("init", "backup", "restore", "salle"))
def test_help_metavars_are_french(capsys: pytest.CaptureFixture[str], command: str) -> None:
    _, out, _ = run(capsys, command, "--help")
    for english in ("NAME", "SCHOOL_TYPE", "ORGANISERS", "GROUP", "LABEL", "number"):
        assert not re.search(rf"\b{english}\b", out), english


def test_argparse_error_is_french(capsys: pytest.CaptureFixture[str], cli_env: dict) -> None:
    code, _, err = run(capsys, "init", "--uai", "0211234A", "--type", "college")
    assert code == 2
    assert "il manque des arguments obligatoires : --name" in err
    assert "required" not in err and "error:" not in err


# --- init -------------------------------------------------------------------------------


def test_init_creates_the_school(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "ecole" / "pixtui.json"
    code, out, err = run(
        capsys,
        "init",
        "--store",
        path,
        "--name",
        "  Collège Jean-Moulin  ",
        "--uai",
        "0211234a",
        "--type",
        "Lycée",
        "--organisers",
        "mdupont, , jmartin",
    )
    assert (code, err) == (0, "")
    done, proposal = out.splitlines()
    assert done == t("cli.init.done", path=path)
    assert proposal.startswith("Fenêtre de campagne proposée (Lycée, ")  # this school year's
    school = read_school(path)
    assert school.name == "Collège Jean-Moulin"
    assert school.uai == "0211234A"
    assert school.school_type is SchoolType.LYCEE
    assert school.organisers == ["mdupont", "jmartin"]
    assert path.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("uai", ("021123", "02112345", "021123AB", "A0211234", "0211 234A", ""))
def test_init_refuses_a_malformed_uai(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, uai: str, one_sentence: Callable
) -> None:
    path = tmp_path / "pixtui.json"
    code, out, err = run(
        capsys, "init", "--store", path, "--name", "X", "--uai", uai, "--type", "college"
    )
    assert code == 2 and out == ""
    assert one_sentence(err) == t("cli.init.bad_uai", uai=uai)
    assert not path.exists()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(uai=st.text(alphabet="0123456789ABCXYZabz -_.", max_size=10))
def test_init_accepts_exactly_seven_digits_and_a_letter(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, uai: str
) -> None:
    path = tmp_path / f"store-{abs(hash(uai))}-{len(list(tmp_path.iterdir()))}.json"
    code, _, err = run(
        capsys, "init", "--store", path, "--name", "X", "--uai", uai, "--type", "college"
    )
    expected = re.fullmatch(r"[0-9]{7}[A-Z]", uai.strip().upper()) is not None
    assert (code == 0) is expected, err
    assert path.exists() is expected
    if expected:
        assert read_school(path).uai == uai.strip().upper()


@pytest.mark.parametrize("uai", ("٠٢١١٢٣٤A", "０２１１２３４A"))
def test_init_refuses_non_ascii_digits(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, uai: str
) -> None:
    path = tmp_path / "pixtui.json"
    code, _, _ = run(
        capsys, "init", "--store", path, "--name", "X", "--uai", uai, "--type", "college"
    )
    assert code == 2
    assert not path.exists()


@pytest.mark.parametrize("school_type", ("école", "lycee-pro", "", "3e"))
def test_init_refuses_an_unknown_type(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, school_type: str, one_sentence: Callable
) -> None:
    path = tmp_path / "pixtui.json"
    code, _, err = run(
        capsys, "init", "--store", path, "--name", "X", "--uai", "0211234A", "--type", school_type
    )
    assert code == 2
    assert one_sentence(err) == t("cli.init.bad_type")
    assert not path.exists()


@pytest.mark.parametrize(
    ("typed", "expected"),
    (("college", SchoolType.COLLEGE), ("LYCEE", SchoolType.LYCEE), ("lycée", SchoolType.LYCEE)),
)
def test_init_type_spellings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, typed: str, expected: SchoolType
) -> None:
    path = tmp_path / "pixtui.json"
    code, _, err = run(
        capsys, "init", "--store", path, "--name", "X", "--uai", "0211234A", "--type", typed
    )
    assert code == 0, err
    assert read_school(path).school_type is expected


def test_init_accepts_college_with_its_accent(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "pixtui.json"
    code, _, err = run(
        capsys, "init", "--store", path, "--name", "X", "--uai", "0211234A", "--type", "collège"
    )
    assert code == 0, err
    assert read_school(path).school_type is SchoolType.COLLEGE


def test_init_refuses_an_empty_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, one_sentence: Callable
) -> None:
    path = tmp_path / "pixtui.json"
    code, _, err = run(
        capsys, "init", "--store", path, "--name", "   ", "--uai", "0211234A", "--type", "college"
    )
    assert code == 2
    assert one_sentence(err) == t("cli.init.empty_name")
    assert not path.exists()


def test_init_leaves_an_existing_store_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, one_sentence: Callable
) -> None:
    path = tmp_path / "pixtui.json"
    args = ("init", "--store", path, "--uai", "0211234A", "--type", "college")
    assert run(capsys, *args, "--name", "Premier")[0] == 0
    before = path.read_bytes()
    code, _, err = run(capsys, *args, "--name", "Second")
    assert code == 2
    assert one_sentence(err) == t("store.exists", path=path)
    assert path.read_bytes() == before
    assert read_school(path).name == "Premier"


# --- demo -------------------------------------------------------------------------------


def test_demo_prints_how_to_enter_the_rehearsal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "demo.json"
    code, out, err = run(capsys, "demo", "--store", path)
    assert (code, err) == (0, "")
    from pixtui.domain.clock import SystemClock

    snap = Store.open(path, actor="test", clock=SystemClock()).snapshot()
    rehearsal = next(s for s in snap.sessions.all() if s.rehearsal)
    assert rehearsal.pix_number and rehearsal.access_code and rehearsal.invigilator_password
    line = next(line for line in out.splitlines() if line.startswith("Répétition"))
    assert f"session n° {rehearsal.pix_number}" in line
    assert f"code d'accès {rehearsal.access_code}" in line
    assert f"mot de passe de session {rehearsal.invigilator_password}" in line
    classes = len({p.division for p in snap.pupils.all()})
    assert (
        t(
            "cli.demo.counts",
            pupils=len(snap.pupils.all()),
            classes=classes,
            sessions=len(snap.sessions.all()),
        )
        in out.splitlines()
    )
    assert len(snap.pupils.all()) >= 100


def test_demo_refuses_an_existing_store(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, one_sentence: Callable
) -> None:
    path = tmp_path / "pixtui.json"
    run(capsys, "init", "--store", path, "--name", "Vrai", "--uai", "0211234A", "--type", "lycee")
    before = path.read_bytes()
    code, out, err = run(capsys, "demo", "--store", path)
    assert code == 2 and out == ""
    assert one_sentence(err) == t("cli.demo.exists", path=path)
    assert path.read_bytes() == before


def test_demo_replace_keeps_the_old_file_aside(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "pixtui.json"
    run(capsys, "init", "--store", path, "--name", "Vrai", "--uai", "0211234A", "--type", "lycee")
    before = path.read_bytes()
    code, _, err = run(capsys, "demo", "--store", path, "--replace")
    assert code == 0, err
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("pixtui.json.avant-demo-")]
    assert len(aside) == 1 and aside[0].is_dir()  # the old store with its journal and backups
    kept = aside[0] / "pixtui.json"
    assert kept.read_bytes() == before
    assert (aside[0] / "pixtui.json.journal.jsonl").exists()
    assert not (tmp_path / "backups").exists() or all(
        p.name.startswith("pixtui.json") for p in (tmp_path / "backups").iterdir()
    )
    assert read_school(path).name != "Vrai"
    assert read_school(kept).name == "Vrai"


# --- check ------------------------------------------------------------------------------


@pytest.fixture
def demo_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Path:
    path = tmp_path / "pixtui.json"
    assert run(capsys, "demo", "--store", path)[0] == 0
    return path


def test_check_a_healthy_store(capsys: pytest.CaptureFixture[str], demo_file: Path) -> None:
    code, out, err = run(capsys, "check", "--store", demo_file)
    assert (code, err) == (0, "")
    assert str(demo_file) in out and "120 élèves" in out and "bon état" in out


@pytest.mark.parametrize(
    "damage",
    (
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: data[:1], id="one-byte"),
        pytest.param(lambda data: bytes(range(256)) * 8, id="garbage"),
        pytest.param(lambda data: b'{"_meta": {"1": {}}}', id="valid-json-not-a-store"),
        pytest.param(lambda data: b"", id="empty"),
    ),
)
def test_check_a_damaged_store(
    capsys: pytest.CaptureFixture[str],
    demo_file: Path,
    damage: Callable[[bytes], bytes],
    one_sentence: Callable,
) -> None:
    demo_file.write_bytes(damage(demo_file.read_bytes()))
    before = demo_file.read_bytes()
    mtime = demo_file.stat().st_mtime_ns
    code, out, err = run(capsys, "check", "--store", demo_file)
    assert code != 0 and out == ""
    sentence = one_sentence(err)
    assert sentence.startswith(f"Le fichier de données {demo_file} est endommagé")
    # The demo's own write left a good version in the ring: the sentence names it.
    assert "pixtui restore" in sentence and str(demo_file.parent / "backups") in sentence
    assert demo_file.read_bytes() == before
    assert demo_file.stat().st_mtime_ns == mtime


def test_check_a_folder_is_a_user_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, one_sentence: Callable
) -> None:
    folder = tmp_path / "dossier"
    folder.mkdir()
    code, _, err = run(capsys, "check", "--store", folder)
    assert code == 2
    one_sentence(err)


# --- backup and restore -------------------------------------------------------------------


def test_backup_copies_the_current_file(
    capsys: pytest.CaptureFixture[str], demo_file: Path
) -> None:
    code, out, err = run(capsys, "backup", "--store", demo_file, "--label", "avant-rentree")
    assert (code, err) == (0, "")
    written = Path(out.strip().split(" : ", 1)[1])
    assert written.parent == demo_file.parent / "backups"
    assert written.name.endswith(".avant-rentree")
    assert written.read_bytes() == demo_file.read_bytes()
    assert any(entry.path == written and entry.ok for entry in list_backups(demo_file))


def test_restore_list_shows_every_backup_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], demo_file: Path
) -> None:
    run(capsys, "backup", "--store", demo_file)
    before = demo_file.read_bytes()
    code, out, err = run(capsys, "restore", "--list", "--store", demo_file)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    backups = list_backups(demo_file)
    assert lines[0] == t("cli.restore.list_header", path=demo_file)
    assert len(lines) == 1 + len(backups) >= 2
    for index, (line, backup) in enumerate(zip(lines[1:], backups, strict=True), start=1):
        assert line.startswith(f"  [{index}] ") and backup.path.name in line
    assert demo_file.read_bytes() == before


def _rename_school(path: Path, name: str) -> None:
    from pixtui.domain.clock import SystemClock

    store = Store.open(path, actor="test", clock=SystemClock())
    with store.transaction("school.rename") as tx:
        school = tx.school
        school.name = name
        tx.save_school(school)


def test_restore_yes_puts_the_newest_good_backup_back(
    capsys: pytest.CaptureFixture[str], demo_file: Path
) -> None:
    original = read_school(demo_file).name
    run(capsys, "backup", "--store", demo_file, "--label", "avant")
    _rename_school(demo_file, "Nom changé par erreur")
    code, out, err = run(capsys, "restore", "--yes", "--store", demo_file)
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == t("cli.restore.done", path=demo_file)
    assert read_school(demo_file).name == original
    # The replaced version is kept aside, never deleted.
    aside = [b for b in list_backups(demo_file) if b.label == "avant-restauration"]
    assert len(aside) == 1 and read_school(aside[0].path).name == "Nom changé par erreur"
    from pixtui.store.journal import tail

    assert tail(demo_file.with_name("pixtui.json.journal.jsonl"), 1)[0].action == "store.restore"


def test_restore_refuses_a_bad_number(
    capsys: pytest.CaptureFixture[str], demo_file: Path, one_sentence: Callable
) -> None:
    before = demo_file.read_bytes()
    code, _, err = run(capsys, "restore", "99", "--yes", "--store", demo_file)
    assert code == 2
    assert one_sentence(err) == t("cli.restore.bad_index", index=99)
    assert demo_file.read_bytes() == before


def test_restore_without_a_terminal_needs_yes(
    capsys: pytest.CaptureFixture[str],
    demo_file: Path,
    one_sentence: Callable,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("o\n"))  # an answer is there, but no terminal
    before = demo_file.read_bytes()
    code, _, err = run(capsys, "restore", "--store", demo_file)
    assert code == 2
    assert one_sentence(err) == t("cli.restore.no_tty")
    assert demo_file.read_bytes() == before


# --- a missing store, and where the store is ----------------------------------------------


@pytest.mark.parametrize("command", (("check",), ("backup",)))
def test_missing_store_is_one_sentence(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    command: tuple[str, ...],
    one_sentence: Callable,
) -> None:
    path = tmp_path / "absent.json"
    code, out, err = run(capsys, *command, "--store", path)
    assert code == 2 and out == ""
    assert one_sentence(err) == t("cli.error.store_missing", path=path)
    assert not path.exists()


def test_restore_list_of_a_missing_store(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, one_sentence: Callable
) -> None:
    path = tmp_path / "absent.json"
    code, _, err = run(capsys, "restore", "--list", "--store", path)
    assert code == 2
    assert one_sentence(err) == t("cli.restore.none", path=path)


def _init(capsys: pytest.CaptureFixture[str], *extra: str | Path) -> None:
    code, _, err = run(
        capsys, "init", *extra, "--name", "X", "--uai", "0211234A", "--type", "college"
    )
    assert code == 0, err


def test_store_option_wins_over_the_environment(
    capsys: pytest.CaptureFixture[str],
    cli_env: dict,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PIXTUI_STORE", str(tmp_path / "env.json"))
    _init(capsys, "--store", tmp_path / "option.json")
    assert (tmp_path / "option.json").exists()
    assert not (tmp_path / "env.json").exists()
    assert not (tmp_path / "xdg-data").exists()


def test_pixtui_store_variable_wins_over_xdg(
    capsys: pytest.CaptureFixture[str],
    cli_env: dict,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PIXTUI_STORE", str(tmp_path / "env.json"))
    _init(capsys)
    assert (tmp_path / "env.json").exists()
    assert not (tmp_path / "xdg-data").exists()
    assert run(capsys, "check")[0] == 0


def test_xdg_data_home_is_the_default(
    capsys: pytest.CaptureFixture[str], cli_env: dict, tmp_path: Path
) -> None:
    _init(capsys)
    assert (tmp_path / "xdg-data" / "pixtui" / "pixtui.json").exists()
    code, out, _ = run(capsys, "check")
    assert code == 0 and str(tmp_path / "xdg-data" / "pixtui" / "pixtui.json") in out


def test_home_local_share_without_xdg(
    capsys: pytest.CaptureFixture[str],
    cli_env: dict,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("XDG_DATA_HOME")
    _init(capsys)
    assert (tmp_path / "home" / ".local" / "share" / "pixtui" / "pixtui.json").exists()


def test_top_level_store_option_reaches_the_subcommand(
    capsys: pytest.CaptureFixture[str], cli_env: dict, tmp_path: Path
) -> None:
    _init(capsys, "--store", tmp_path / "mine.json")
    code, out, err = run(capsys, "--store", tmp_path / "mine.json", "check")
    assert code == 0, err
    assert str(tmp_path / "mine.json") in out


# --- English on request ---------------------------------------------------------------------


def test_lang_en(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, one_sentence: Callable
) -> None:
    path = tmp_path / "absent.json"
    code, _, err = run(capsys, "--lang", "en", "check", "--store", path)
    assert code == 2
    assert (
        one_sentence(err)
        == f"No store at {path}: create one with “pixtui init” or try “pixtui demo”."
    )
    code, out, _ = run(capsys, "--lang", "en", "init", "--help")
    assert out.startswith("usage: pixtui init") and "show this help message and exit" in out


def test_pixtui_lang_variable(
    capsys: pytest.CaptureFixture[str],
    cli_env: dict,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PIXTUI_LANG", "en")
    code, _, err = run(
        capsys,
        "init",
        "--store",
        tmp_path / "s.json",
        "--name",
        "X",
        "--uai",
        "12",
        "--type",
        "college",
    )
    assert code == 2
    assert err.strip() == "The UAI “12” is malformed: 7 digits then a letter (e.g. 0211234A)."
    # --lang wins over the variable.
    code, _, err = run(
        capsys,
        "--lang",
        "fr",
        "init",
        "--store",
        tmp_path / "s.json",
        "--name",
        "X",
        "--uai",
        "12",
        "--type",
        "college",
    )
    assert err.strip() == t("cli.init.bad_uai", uai="12")


def test_store_file_is_untouched_by_reads(
    capsys: pytest.CaptureFixture[str], demo_file: Path
) -> None:
    """check, backup and restore --list read the store: its bytes and change counter stay."""
    before, _ = read_file(demo_file)
    for args in (("check",), ("backup",), ("restore", "--list")):
        assert run(capsys, *args, "--store", demo_file)[0] == 0
    after, _ = read_file(demo_file)
    assert after == before
