"""``pixtui doctor``: each problem it reports, with its fix, for the account that runs it.

The tests run as root (CI does), so rights are those of a pretend invigilator: doctor computes
them from the files' modes and the account's ids, which :class:`System` lets a test choose.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from pixtui.commands.doctor import (
    CommandResult,
    Finding,
    Level,
    System,
    check_access,
    check_clock,
    check_disk,
    check_install,
    check_keymap,
    check_store,
    check_terminal,
    check_umask,
    check_zone,
    diagnose,
    render,
)
from pixtui.config import Config, Setting

INVIGILATOR_UID, INVIGILATOR_GID = 4101, 4101
SHARED_GID = 4200  # the pixtui group
REFERENT_UID = 4100
GOOD_ENV = {"TERM": "xterm", "LANG": "fr_FR.UTF-8"}


@pytest.fixture
def tmp_path() -> Iterator[Path]:
    """A folder every account can cross (pytest's own lives under a 0700 folder of root's)."""
    folder = Path(tempfile.mkdtemp(prefix="pixtui-doctor-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder)


def invigilator(**changes) -> System:
    system = System(
        env=dict(GOOD_ENV),
        uid=INVIGILATOR_UID,
        gids=frozenset({INVIGILATOR_GID, SHARED_GID}),
        login="surv1",
        umask=0o027,
        is_tty=True,
        terminal_size=(80, 24),
        run=lambda argv: None,
        path_exists=lambda path: False,
        group_members=lambda gid: frozenset(),
        zone="Europe/Paris",
        install_path=Path("/opt/pixtui/venv/bin/python3"),
    )
    return replace(system, **changes)


def shared_store(tmp_path: Path, *, file_mode: int = 0o660, folder_mode: int = 0o2770) -> Path:
    """The referent's store in a group folder, as `pixtui init --group` leaves it."""
    folder = tmp_path / "srv"
    folder.mkdir()
    path = folder / "pixtui.json"
    path.write_text("{}", encoding="utf-8")
    for item in (folder, path):
        os.chown(item, REFERENT_UID, SHARED_GID)
    os.chmod(path, file_mode)
    os.chmod(folder, folder_mode)
    return path


def config_for(path: Path, source: str = "/etc/pixtui.toml", **changes) -> Config:
    return Config(
        store=Setting(path, source), lang=Setting("fr"), glyphs=Setting("auto"), **changes
    )


def levels(findings: list[Finding]) -> list[Level]:
    return [finding.level for finding in findings]


def the_problem(findings: list[Finding], level: Level = Level.BLOCK) -> Finding:
    problems = [finding for finding in findings if finding.level is level]
    assert len(problems) == 1, problems
    return problems[0]


def test_a_well_set_shared_store_is_ok(tmp_path: Path) -> None:
    path = shared_store(tmp_path)
    findings = check_store(config_for(path), invigilator())
    assert levels(findings) == [Level.INFO, Level.OK]
    assert "d'après : fichier /etc/pixtui.toml" in findings[0].text
    assert "mode 0660, groupe" in findings[1].text


def test_an_account_not_in_the_group(tmp_path: Path) -> None:
    path = shared_store(tmp_path)
    system = invigilator(gids=frozenset({INVIGILATOR_GID}))
    problem = the_problem(check_store(config_for(path), system))
    # The folder (2770, the group's) stops the account first: the same cause, the same fix.
    assert "le compte surv1 n'est pas dans le groupe" in problem.text
    assert problem.fix.startswith("sudo adduser surv1 ")
    assert "reconnecter" in problem.fix


def test_an_account_added_to_the_group_after_it_logged_in(tmp_path: Path) -> None:
    path = shared_store(tmp_path)
    system = invigilator(
        gids=frozenset({INVIGILATOR_GID}), group_members=lambda gid: frozenset({"surv1"})
    )
    problem = the_problem(check_store(config_for(path), system))
    assert "cette connexion a été ouverte avant" in problem.text
    assert "newgrp" in problem.fix and "adduser" not in problem.fix


def test_a_file_the_group_cannot_write(tmp_path: Path) -> None:
    path = shared_store(tmp_path, file_mode=0o640)
    problem = the_problem(check_store(config_for(path), invigilator()))
    assert "(mode 0640) n'est pas lisible et modifiable par le compte surv1" in problem.text
    assert problem.fix.endswith(f"chmod 660 {path}")


def test_a_folder_the_group_cannot_write(tmp_path: Path) -> None:
    path = shared_store(tmp_path, folder_mode=0o2750)
    problem = the_problem(check_store(config_for(path), invigilator()))
    assert "(mode 2750) ne permet pas à ce compte d'y écrire" in problem.text
    assert problem.fix.endswith(f"chmod 2770 {path.parent}")


def test_a_shared_folder_without_setgid(tmp_path: Path) -> None:
    path = shared_store(tmp_path, folder_mode=0o770)
    findings = check_store(config_for(path), invigilator())
    assert Level.BLOCK not in levels(findings)
    problem = the_problem(findings, Level.WARN)
    assert "n'a pas le bit setgid" in problem.text and "chmod 2770" in problem.fix


def test_a_journal_left_to_one_account(tmp_path: Path) -> None:
    path = shared_store(tmp_path)
    journal = path.parent / "pixtui.json.journal.jsonl"
    journal.write_text("", encoding="utf-8")
    os.chown(journal, REFERENT_UID, REFERENT_UID)
    os.chmod(journal, 0o600)
    problem = the_problem(check_store(config_for(path), invigilator()))
    assert str(journal) in problem.text and "mode 0600" in problem.text
    assert "chgrp -R" in problem.fix


def test_minors_data_readable_outside_the_group(tmp_path: Path) -> None:
    path = shared_store(tmp_path, file_mode=0o664)
    problem = the_problem(check_store(config_for(path), invigilator()), Level.WARN)
    assert "hors du groupe" in problem.text and problem.fix == f"sudo chmod o-rwx {path}"


def test_an_unreachable_store(tmp_path: Path) -> None:
    # A folder closed to the account: it cannot even see whether the file is there.
    folder = tmp_path / "private"
    folder.mkdir(mode=0o700)
    os.chown(folder, REFERENT_UID, REFERENT_UID)
    problem = the_problem(check_store(config_for(folder / "pixtui.json"), invigilator()))
    assert f"le dossier {folder} est fermé au compte surv1" in problem.text


def test_a_missing_store_under_the_default_path_points_at_the_shared_setting(
    tmp_path: Path,
) -> None:
    path = tmp_path / "home" / ".local" / "share" / "pixtui" / "pixtui.json"
    problem = the_problem(check_store(config_for(path, source="default"), invigilator()))
    assert "n'existe pas" in problem.text
    assert "SetEnv PIXTUI_STORE=" in problem.fix and "pixtui init --store" in problem.fix
    assert "valeur par défaut" in check_store(config_for(path, "default"), invigilator())[0].text


def test_a_missing_store_in_a_shared_folder_says_how_to_create_it(tmp_path: Path) -> None:
    path = shared_store(tmp_path)
    path.unlink()
    problem = the_problem(check_store(config_for(path), invigilator()))
    assert problem.text == f"le fichier {path} n'existe pas."
    assert problem.fix.startswith(f"pixtui init --store {path} --group ")


def test_a_store_that_is_a_folder(tmp_path: Path) -> None:
    problem = the_problem(check_store(config_for(tmp_path), invigilator(uid=0)))
    assert "n'est pas un fichier ordinaire" in problem.text


def test_the_umask() -> None:
    assert levels(check_umask(invigilator(umask=0o077))) == [Level.OK]
    assert levels(check_umask(invigilator(umask=0o027))) == [Level.OK]
    problem = the_problem(check_umask(invigilator(umask=0o002)), Level.WARN)
    assert "umask 0002" in problem.text and "umask 027" in problem.fix


def test_no_utf8_locale() -> None:
    config = config_for(Path("/x"))
    system = invigilator(env={"TERM": "xterm", "LANG": "fr_FR.ISO-8859-1"})
    problem = the_problem(check_terminal(config, system), Level.WARN)
    assert "(fr_FR.ISO-8859-1) n'est pas en UTF-8" in problem.text and "UTF-8" in problem.fix
    # LC_ALL wins over LANG, as in the C library.
    system = invigilator(env={"TERM": "xterm", "LANG": "C", "LC_ALL": "C.UTF-8"})
    assert levels(check_terminal(config, system)) == [Level.OK]


def test_the_terminal() -> None:
    config = config_for(Path("/x"))
    ok = check_terminal(config, invigilator(env={"TERM": "putty", "LANG": "C.UTF-8"}))
    assert levels(ok) == [Level.OK] and "16 couleurs" in ok[0].text
    dumb = check_terminal(config, invigilator(env={"TERM": "dumb", "LANG": "C.UTF-8"}))
    assert "TERM=dumb" in the_problem(dumb).text
    small = check_terminal(config, invigilator(terminal_size=(79, 24)))
    assert "79x24" in the_problem(small, Level.WARN).text
    no_tty = check_terminal(config, invigilator(is_tty=False))
    assert levels(no_tty) == [Level.INFO]


def test_unicode_glyphs_forced_on_the_linux_console() -> None:
    config = replace(config_for(Path("/x")), glyphs=Setting("unicode", "/etc/pixtui.toml"))
    system = invigilator(env={"TERM": "linux", "LANG": "C.UTF-8"})
    problem = the_problem(check_terminal(config, system), Level.WARN)
    assert "TERM=linux" in problem.text and "--glyphs auto" in problem.fix
    auto = check_terminal(config_for(Path("/x")), system)
    assert levels(auto) == [Level.OK]


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"timedatectl": CommandResult(0, "yes\n")}, Level.OK),
        ({"timedatectl": CommandResult(0, "no\n")}, Level.WARN),
        ({"chronyc": CommandResult(0, "Leap status     : Normal\n")}, Level.OK),
        ({"chronyc": CommandResult(0, "Leap status     : Not synchronised\n")}, Level.WARN),
        ({"ntpstat": CommandResult(1, "unsynchronised\n")}, Level.WARN),
        ({}, Level.WARN),
    ],
)
def test_the_clock(answers: dict[str, CommandResult], expected: Level) -> None:
    system = invigilator(run=lambda argv: answers.get(argv[0]))
    findings = check_clock(system)
    assert levels(findings) == [expected]
    if expected is Level.WARN:
        assert "set-ntp true" in findings[0].fix
    if not answers:
        assert "aucun service" in findings[0].text


def test_timesyncd_flag_file_counts_as_synchronised() -> None:
    system = invigilator(
        run=lambda argv: CommandResult(1, ""),  # timedatectl without systemd running
        path_exists=lambda path: path == Path("/run/systemd/timesync/synchronized"),
    )
    assert levels(check_clock(system)) == [Level.OK]


def test_the_time_zone() -> None:
    assert levels(check_zone(invigilator(zone="Europe/Paris"))) == [Level.OK]
    problem = the_problem(check_zone(invigilator(zone="Etc/UTC")), Level.WARN)
    assert "« Etc/UTC »" in problem.text
    assert problem.fix == "sudo timedatectl set-timezone Europe/Paris"
    overseas = the_problem(check_zone(invigilator(zone="Indian/Reunion")), Level.WARN)
    assert "heures de début et de fin seraient fausses" in overseas.text
    assert "outre-mer" in overseas.fix


def test_free_disk(tmp_path: Path) -> None:
    path = tmp_path / "pixtui.json"
    path.write_bytes(b"x" * 1000)
    assert levels(check_disk(path, lambda where: 10 * 1024**3)) == [Level.OK]
    assert levels(check_disk(path, lambda where: 200 * 1024**2)) == [Level.WARN]
    blocked = the_problem(check_disk(path, lambda where: 10 * 1024**2))
    assert "le jour de l'épreuve" in blocked.text and "du -sh" in blocked.fix


def test_an_install_other_accounts_cannot_run(tmp_path: Path) -> None:
    home = tmp_path / "root-home"
    (home / "venv" / "bin").mkdir(parents=True)
    os.chmod(home, 0o700)
    problem = the_problem(
        check_install(invigilator(install_path=home / "venv" / "bin" / "python3")), Level.WARN
    )
    assert str(home) in problem.text and "/opt/pixtui" in problem.fix


def test_a_keymap_line_that_names_no_action() -> None:
    config = config_for(Path("/x"), keymap={"halp": "f10"}, keymap_sources={"halp": "/etc/x"})
    problem = the_problem(check_keymap(config, frozenset({"help", "quit"})), Level.WARN)
    assert "« halp » (/etc/x)" in problem.text and "« help »" in problem.fix


def test_the_keymap_knows_the_real_binding_ids() -> None:
    config = config_for(Path("/x"), keymap={"room-presence": "p", "help": "f1"})
    assert levels(check_keymap(config)) == [Level.OK]


def test_access_for_the_owner_of_a_private_store(tmp_path: Path) -> None:
    path = tmp_path / "pixtui.json"
    path.write_text("{}", encoding="utf-8")
    os.chown(path, INVIGILATOR_UID, INVIGILATOR_GID)
    os.chown(tmp_path, INVIGILATOR_UID, INVIGILATOR_GID)
    os.chmod(path, 0o600)
    os.chmod(tmp_path, 0o700)
    findings = check_access(path, path.stat(), invigilator())
    assert levels(findings) == [Level.OK] and "réservé à son propriétaire" in findings[0].text


def test_render_is_plain_ascii_marks_and_wraps_at_80() -> None:
    findings = [
        Finding(Level.OK, "doctor.topic.disk", "10 Gio libres."),
        Finding(Level.BLOCK, "doctor.topic.access", "mot " * 40, "sudo adduser surv1 pixtui"),
    ]
    text = render(findings, "surv1")
    assert all(len(line) <= 80 for line in text.splitlines())
    assert "[ OK ] Disque : 10 Gio libres." in text
    assert "       Pour corriger :\n         sudo adduser surv1 pixtui" in text
    assert text.splitlines()[-1].startswith("Problèmes qui empêchent de travailler : 1")


def test_diagnose_reports_a_broken_settings_file_and_stops_there() -> None:
    from pixtui.config import ConfigError

    findings = diagnose(
        None, ConfigError("Le fichier de réglages /etc/pixtui.toml …"), invigilator()
    )
    assert findings[0].level is Level.BLOCK and findings[0].fix.startswith("sudoedit")


# --- as another account, for real: the invigilator who is not (yet) in the group -------------

NOBODY = 65534


def other_account_python() -> list[str] | None:
    """A Python and a path that an unprivileged account can run this tree with, or None.

    The test venv's own interpreter may live under root's 0700 home (a pyenv): the very pitfall
    doctor reports. The system's Python with this tree and the venv's packages on the path is
    what the other account then uses.
    """
    import site
    import subprocess

    if os.getuid() != 0 or not Path("/usr/bin/python3").exists():
        return None
    path = os.pathsep.join([str(Path(__file__).resolve().parents[2]), *site.getsitepackages()])
    argv = ["/usr/bin/python3", "-c", "import sys; assert sys.version_info >= (3, 11)"]
    probe = [*argv[:1], "-c", "import pixtui.commands.doctor, textual"]
    env = {"PYTHONPATH": path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": "/"}
    for command in (argv, probe):
        done = subprocess.run(command, env=env, user=NOBODY, capture_output=True, check=False)
        if done.returncode != 0:
            return None
    return ["env", f"PYTHONPATH={path}", "/usr/bin/python3", "-m", "pixtui"]


def test_as_an_account_outside_the_group_for_real(tmp_path: Path) -> None:
    """No "Erreur inattendue" and crash log: the sentence and the fix, exit 1."""
    import subprocess

    from pixtui.domain.clock import SystemClock
    from pixtui.domain.enums import SchoolType
    from pixtui.domain.models import SchoolSettings
    from pixtui.store import Store

    python = other_account_python()
    if python is None:
        pytest.skip("needs root and a Python every account can run (/usr/bin/python3 >= 3.11)")
    folder = tmp_path / "srv"
    school = SchoolSettings(name="Collège", uai="0211234A", school_type=SchoolType.COLLEGE)
    os.chown(tmp_path, 0, SHARED_GID)
    Store.create(
        folder / "pixtui.json", school, actor="referent", clock=SystemClock(),
        file_mode=0o660, group=str(SHARED_GID),
    )  # fmt: skip
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": "/", "TERM": "xterm"}
    command = [*python, "doctor", "--store", str(folder / "pixtui.json")]

    outside = subprocess.run(
        command, env=env, user=NOBODY, group=NOBODY, extra_groups=[],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert outside.returncode == 1, outside.stderr
    assert "Erreur inattendue" not in outside.stdout + outside.stderr
    assert "[STOP] Droits : le compte nobody n'est pas dans le groupe" in outside.stdout
    assert "sudo adduser nobody" in outside.stdout

    inside = subprocess.run(
        command, env=env, user=NOBODY, group=NOBODY, extra_groups=[SHARED_GID],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert "[ OK ] Droits : le compte nobody lit et écrit le fichier partagé" in inside.stdout
    assert "[ OK ] Ouverture : fichier vérifié" in inside.stdout
    assert inside.returncode == 0, inside.stdout


def test_a_private_store_in_the_shared_folder(tmp_path: Path) -> None:
    """`pixtui init` without --group (or a demo) in /srv/pixtui: a chmod would not last."""
    path = shared_store(tmp_path, file_mode=0o600)
    problem = the_problem(check_store(config_for(path), invigilator()))
    assert "créé sans « --group »" in problem.text and "mode 0600" in problem.text
    assert problem.fix.startswith(f"recréer le fichier partagé : pixtui init --store {path}")


def test_a_system_settings_file_others_can_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pixtui.commands.doctor import check_settings

    system = tmp_path / "pixtui.toml"
    system.write_text('lang = "fr"\n', encoding="utf-8")
    monkeypatch.setenv("PIXTUI_SYSTEM_CONFIG", str(system))
    config = config_for(Path("/x"), files_read=(system,))
    os.chmod(system, 0o644)
    assert levels(check_settings(config, None)) == [Level.OK]
    os.chmod(system, 0o664)
    problem = the_problem(check_settings(config, None), Level.WARN)
    assert "mode 0664" in problem.text and "autre fichier de données" in problem.text
    assert problem.fix == f"sudo chown root:root {system} && sudo chmod 644 {system}"
    os.chmod(system, 0o644)
    os.chown(system, INVIGILATOR_UID, INVIGILATOR_GID)
    assert "propriétaire 4101" in the_problem(check_settings(config, None), Level.WARN).text


def test_the_glyph_set_the_room_will_use_is_named() -> None:
    """auto is resolved by the terminal module: the Linux console gets its own set."""
    config = config_for(Path("/x"))
    console = check_terminal(config, invigilator(env={"TERM": "linux", "LANG": "C.UTF-8"}))
    assert "symboles « linux »" in console[0].text
    putty = check_terminal(config, invigilator(env={"TERM": "xterm", "LANG": "C.UTF-8"}))
    assert "symboles « unicode »" in putty[0].text
    env = {"TERM": "xterm", "LANG": "C.UTF-8", "PIXTUI_GLYPHS": "ascii"}
    assert "symboles « ascii »" in check_terminal(config, invigilator(env=env))[0].text


def test_the_binding_ids_the_readme_names_exist() -> None:
    """The README's list of keymap ids and the code agree (a renamed id would do nothing)."""
    import re

    from pixtui.commands.doctor import known_binding_ids

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    paragraph = readme.split("Identifiants des actions :", 1)[1].split("les autres écrans", 1)[0]
    named = re.findall(r"`([a-z-]+)`", paragraph)
    assert len(named) > 20
    assert sorted(set(named) - known_binding_ids()) == []
