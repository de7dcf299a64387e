"""The domain, the store and the services never pull in the UI (textual, rich)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pixtui.domain
import pixtui.services
import pixtui.store

HEADLESS_PACKAGES = (pixtui.domain, pixtui.store, pixtui.services)


def _modules(package) -> list[str]:
    names = [package.__name__]
    for info in pkgutil.walk_packages(package.__path__, prefix=package.__name__ + "."):
        names.append(info.name)
    return names


def test_headless_packages_do_not_import_textual_or_rich() -> None:
    modules = [name for package in HEADLESS_PACKAGES for name in _modules(package)]
    assert len(modules) > 20  # the walk really found the modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"UI modules imported: {result.stdout.strip()}"


def test_the_check_itself_sees_a_ui_import() -> None:
    """The hygiene check must be able to fail: the app module does pull in textual."""
    code = "import sys, pixtui.app\nprint(any(m.split('.')[0] == 'textual' for m in sys.modules))\n"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "True"


def test_only_the_store_opens_tinydb() -> None:
    """No module outside pixtui/store imports tinydb (SPEC §7: one module writes the file)."""
    import pathlib

    root = pathlib.Path(pixtui.domain.__file__).parents[1]
    offenders = []
    for path in root.rglob("*.py"):
        if "store" in path.relative_to(root).parts:
            continue
        text = path.read_text(encoding="utf-8")
        if "import tinydb" in text or "from tinydb" in text:
            offenders.append(str(path.relative_to(root)))
    assert offenders == []
