"""Reproducible installs: the README, .ci/run and constraints.txt say the same thing."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]


def _readme_commands() -> list[str]:
    return [
        line
        for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("python3 -m venv")
    ]


def _pins() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, version = line.split("==")
            pins[canonicalize_name(name)] = version
    return pins


def _requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [
        Requirement(r) for r in project["dependencies"] + project["optional-dependencies"]["test"]
    ]


def _ci_lines() -> list[str]:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    return [line.strip() for line in ci.splitlines() if line.strip() and not line.startswith("#")]


def test_ci_runs_the_readme_install_and_test_command() -> None:
    lines = _ci_lines()
    install, tests = _readme_commands()[1].split(" && ")[2:]
    assert install in lines
    for step in ("ruff check .", "ruff format --check .", "mypy"):
        assert any(re.match(rf"{re.escape(step)}(\s|$)", line) for line in lines), step
    # The README's test command verbatim, then the slow tests it leaves out: nothing is run
    # only on someone's machine, nothing is left out of CI.
    # 4 workers on 2 cores: the Pilot tests wait for the screen about half of their time
    assert tests == 'python -m pytest -n 4 -m "not slow"'
    pytest_steps = [line for line in lines if line.startswith("python -m pytest")]
    assert pytest_steps == [tests, "python -m pytest -n 2 -m slow"]
    mypy = next(index for index, line in enumerate(lines) if line.startswith("mypy"))
    assert lines.index(tests) > mypy


def test_the_slow_marker_is_registered_and_said_in_the_readme() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    markers = config["tool"]["pytest"]["ini_options"]["markers"]
    assert any(marker.startswith("slow:") for marker in markers)
    assert "--strict-markers" in config["tool"]["pytest"]["ini_options"]["addopts"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "python -m pytest -n 2 -m slow" in readme


def test_both_readme_commands_install_with_the_constraints() -> None:
    commands = _readme_commands()
    assert len(commands) == 2
    for command in commands:
        assert "pip install -c constraints.txt" in command or (
            "pip install -q -c constraints.txt" in command
        )


def test_every_requirement_is_pinned_within_its_range() -> None:
    pins = _pins()
    for requirement in _requirements():
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{name} is not pinned in constraints.txt"
        assert requirement.specifier.contains(pins[name]), (name, pins[name])


def test_libraries_whose_output_tests_read_have_a_capped_major() -> None:
    capped = {"pypdf", "python-dateutil", "humanize", "textual", "pytest-asyncio"}
    for requirement in _requirements():
        if canonicalize_name(requirement.name) in capped:
            assert any(s.operator in {"<", "=="} for s in requirement.specifier), requirement


def test_mypy_covers_the_layers_without_textual() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    files = config["tool"]["mypy"]["files"]
    assert {"pixtui/domain", "pixtui/store", "pixtui/services"} <= set(files)
