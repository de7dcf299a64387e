"""``pixtui doctor``: is this account, on this server, ready to use pixtui? (issue 14)

Run by any account (the referent, an invigilator, root), it checks and explains in French, each
problem with the command that fixes it: the settings files and where the store path came from,
that this account can read and write the store (group membership, modes, setgid folder, umask),
free disk space, the terminal (TERM, size, UTF-8, colours, glyphs), the clock (NTP) and the time
zone. It exits 1 when something blocks use, 0 otherwise.

Rights are computed from the files' modes and this account's ids, not with ``os.access``: root
(who installs) would pass every test, and the answer must be the invigilator's. Every fact about
the machine comes through :class:`System`, so that each problem is tested without breaking the
test machine.
"""

from __future__ import annotations

import argparse
import contextlib
import grp
import os
import pwd
import shutil
import stat
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from pixtui.commands.common import login_name
from pixtui.config import (
    ENV_GLYPHS,
    ENV_STORE,
    SYSTEM_CONFIG,
    Config,
    ConfigError,
    Setting,
    system_config_path,
    user_config_path,
)
from pixtui.i18n import t

R, W, X = 4, 2, 1
MIB = 1024 * 1024
DISK_BLOCKING_BYTES = 50 * MIB  # below this a write or a backup may fail on the exam day
DISK_LOW_BYTES = 500 * MIB
MIN_COLUMNS, MIN_LINES = 80, 24
EXIT_BLOCKED = 1
UNIVERSAL_ZONES = frozenset(
    {"UTC", "Etc/UTC", "Etc/UCT", "UCT", "Universal", "Zulu", "GMT", "Etc/GMT"}
)


class Level(Enum):
    OK = "ok"
    INFO = "info"
    WARN = "warn"
    BLOCK = "block"


@dataclass(frozen=True)
class Finding:
    level: Level
    topic: str  # catalogue key of the short label
    text: str
    fix: str = ""


@dataclass(frozen=True)
class CommandResult:
    returncode: int
    output: str


def _run(argv: Sequence[str]) -> CommandResult | None:
    """A system command's result, or ``None`` when the command is not installed."""
    if shutil.which(argv[0]) is None:
        return None
    try:
        done = subprocess.run(
            list(argv), capture_output=True, text=True, timeout=5, check=False, env=_c_locale()
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return CommandResult(done.returncode, done.stdout)


def _c_locale() -> dict[str, str]:
    env = dict(os.environ)
    env["LC_ALL"] = "C"  # parse the tools' English output, whatever the account's language
    return env


def _terminal_size() -> tuple[int, int] | None:
    try:
        size = os.get_terminal_size(sys.__stdout__.fileno() if sys.__stdout__ else 1)
    except (OSError, ValueError):
        return None
    return size.columns, size.lines


def _current_umask() -> int:
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


def _group_members(gid: int) -> frozenset[str]:
    """Logins in the group according to the accounts database (not this session's groups)."""
    try:
        entry = grp.getgrgid(gid)
    except KeyError:
        return frozenset()
    members = set(entry.gr_mem)
    with contextlib.suppress(Exception):
        members.update(user.pw_name for user in pwd.getpwall() if user.pw_gid == gid)
    return frozenset(members)


def _system_zone(env: Mapping[str, str]) -> str | None:
    """The server's time zone name: $TZ, else /etc/localtime's target, else /etc/timezone."""
    tz = env.get("TZ", "").strip().lstrip(":")
    if tz:
        return tz
    with contextlib.suppress(OSError):
        target = os.readlink("/etc/localtime")
        if "zoneinfo/" in target:
            return target.split("zoneinfo/", 1)[1]
    with contextlib.suppress(OSError):
        return Path("/etc/timezone").read_text(encoding="utf-8").strip() or None
    return None


@dataclass
class System:
    """What doctor knows of the machine and of this account; tests replace any part."""

    env: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    uid: int = field(default_factory=os.getuid)
    gids: frozenset[int] = field(default_factory=lambda: frozenset({os.getegid(), *os.getgroups()}))
    login: str = field(default_factory=login_name)
    umask: int = field(default_factory=_current_umask)
    is_tty: bool = field(default_factory=lambda: bool(sys.__stdout__ and sys.__stdout__.isatty()))
    terminal_size: tuple[int, int] | None = field(default_factory=_terminal_size)
    run: Callable[[Sequence[str]], CommandResult | None] = _run
    path_exists: Callable[[Path], bool] = Path.exists
    group_members: Callable[[int], frozenset[str]] = _group_members
    zone: str | None = None
    install_path: Path = field(default_factory=lambda: Path(sys.executable))

    def __post_init__(self) -> None:
        if self.zone is None:
            self.zone = _system_zone(self.env)

    def can(self, info: os.stat_result, want: int) -> bool:
        """Whether this account has the ``want`` bits (R, W, X) on a file, from its mode."""
        if self.uid == 0:
            return True
        mode = info.st_mode
        if info.st_uid == self.uid:
            bits = (mode >> 6) & 7
        elif info.st_gid in self.gids:
            bits = (mode >> 3) & 7
        else:
            bits = mode & 7
        return bits & want == want


def group_name(gid: int) -> str:
    try:
        return grp.getgrgid(gid).gr_name
    except KeyError:
        return str(gid)


def _owner(info: os.stat_result) -> str:
    try:
        return pwd.getpwuid(info.st_uid).pw_name
    except KeyError:
        return str(info.st_uid)


def _mode(info: os.stat_result) -> str:
    return f"{stat.S_IMODE(info.st_mode):04o}"


# --- the checks ---------------------------------------------------------------------------


def check_settings(
    config: Config | None, error: ConfigError | None, env: Mapping[str, str] | None = None
) -> list[Finding]:
    if error is not None or config is None:
        return [Finding(Level.BLOCK, "doctor.topic.settings", str(error), t("doctor.fix.settings"))]
    if not config.files_read:
        env = os.environ if env is None else env
        none = t("doctor.settings.none", system=system_config_path(env), user=user_config_path(env))
        return [Finding(Level.INFO, "doctor.topic.settings", none)]
    files = ", ".join(str(path) for path in config.files_read)
    findings = [Finding(Level.OK, "doctor.topic.settings", t("doctor.settings.read", files=files))]
    system_file = system_config_path(os.environ if env is None else env)
    if system_file in config.files_read:
        findings += check_system_file(system_file)
    return findings


def check_system_file(path: Path) -> list[Finding]:
    """Whoever can write /etc/pixtui.toml can send every invigilator to a store of theirs."""
    info = path.stat()
    if info.st_uid == 0 and not info.st_mode & 0o022:
        return []
    return [
        Finding(
            Level.WARN,
            "doctor.topic.settings",
            t("doctor.settings.system_writable", path=path, mode=_mode(info), owner=_owner(info)),
            t("doctor.fix.system_file", path=path),
        )
    ]


def pixtui_bindings() -> list[tuple[str, object]]:
    """(owner, binding) for every binding of pixtui's app, screens and widgets, as written in
    their classes (a Binding, or a tuple, which has no id: the binding test refuses those)."""
    import importlib
    import pkgutil

    from textual.dom import DOMNode

    import pixtui.app
    import pixtui.screens
    import pixtui.widgets

    for package in (pixtui.screens, pixtui.widgets):
        for module in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package.__name__}.{module.name}")
    found: list[tuple[str, object]] = [
        ("PixtuiApp", binding) for binding in pixtui.app.PixtuiApp.BINDINGS
    ]
    pending: list[type] = [DOMNode]
    seen: set[type] = set()
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls in seen or not cls.__module__.startswith("pixtui.") or cls is pixtui.app.PixtuiApp:
            continue
        seen.add(cls)
        found.extend((cls.__name__, binding) for binding in cls.__dict__.get("BINDINGS", ()))
    return found


def known_binding_ids() -> frozenset[str]:
    """Every binding id of pixtui's app, screens and widgets: what a keymap can name."""
    from textual.binding import Binding

    return frozenset(
        binding.id
        for _, binding in pixtui_bindings()
        if isinstance(binding, Binding) and binding.id
    )


def check_keymap(config: Config, known: frozenset[str] | None = None) -> list[Finding]:
    """A keymap line naming no binding does nothing: say so, with the nearest real id."""
    import difflib

    if not config.keymap:
        return []
    known = known_binding_ids() if known is None else known
    findings = []
    for binding_id in sorted(config.keymap):
        if binding_id in known:
            continue
        close = difflib.get_close_matches(binding_id, sorted(known), n=1)
        findings.append(
            Finding(
                Level.WARN,
                "doctor.topic.keymap",
                t(
                    "doctor.keymap.unknown",
                    id=binding_id,
                    source=config.keymap_sources.get(binding_id, "?"),
                ),
                t("doctor.fix.keymap", id=close[0]) if close else t("doctor.fix.keymap_none"),
            )
        )
    if not findings:
        findings.append(
            Finding(
                Level.OK, "doctor.topic.keymap", t("doctor.keymap.ok", count=len(config.keymap))
            )
        )
    return findings


def describe_source(setting: Setting) -> str:
    if setting.source == "default":
        return t("doctor.source.default")
    if setting.source.startswith("$"):
        return t("doctor.source.env", name=setting.source)
    if setting.source.startswith("--"):
        return t("doctor.source.flag", name=setting.source)
    return t("doctor.source.file", path=setting.source)


def check_store(config: Config, system: System) -> list[Finding]:
    """Where the store is, and whether this account can use it and its companion files."""
    path = config.store_path
    where = Finding(
        Level.INFO,
        "doctor.topic.store",
        t("doctor.store.where", path=path, source=describe_source(config.store)),
    )
    findings = [where]
    folder = path.parent
    # Every folder above must exist and be crossed (x) by this account.
    missing_folder: Path | None = None
    for ancestor in reversed([folder, *folder.parents]):
        try:
            info = ancestor.stat()
        except FileNotFoundError:
            missing_folder = ancestor
            break
        except PermissionError:
            findings.append(_blocked_folder(ancestor, None, system))
            return findings
        if not system.can(info, X):
            findings.append(_blocked_folder(ancestor, info, system))
            return findings
    try:
        info = path.stat()
    except FileNotFoundError:
        findings.append(_missing_store(config, system, missing_folder))
        return findings
    if not stat.S_ISREG(info.st_mode):
        findings.append(
            Finding(
                Level.BLOCK,
                "doctor.topic.store",
                t("doctor.store.not_file", path=path),
                t("doctor.fix.store_setting", system=SYSTEM_CONFIG, env=ENV_STORE),
            )
        )
        return findings
    findings.extend(check_access(path, info, system))
    return findings


def _missing_store(config: Config, system: System, missing_folder: Path | None) -> Finding:
    """No store there. Under a shared install the likely cause is a setting that does not reach
    this account (``ssh host pixtui`` reads no /etc/profile.d); otherwise it is to be created."""
    path = config.store_path
    fixes = []
    if config.store.source == "default":
        fixes.append(t("doctor.fix.store_setting", system=SYSTEM_CONFIG, env=ENV_STORE))
    elif missing_folder is not None:
        fixes.append(t("doctor.fix.make_folder", folder=path.parent))
    group = "pixtui" if missing_folder is not None else _folder_group(path.parent)
    fixes.append(t("doctor.fix.init", path=path, group=group))
    if missing_folder is not None:
        text = t("doctor.store.no_folder", folder=missing_folder, path=path)
    else:
        text = t("doctor.store.missing", path=path)
    return Finding(Level.BLOCK, "doctor.topic.store", text, "\n".join(fixes))


def _blocked_folder(folder: Path, info: os.stat_result | None, system: System) -> Finding:
    if info is not None and info.st_gid not in system.gids and info.st_mode & 0o010:
        return _not_in_group(info.st_gid, system, folder)
    return Finding(
        Level.BLOCK,
        "doctor.topic.access",
        t("doctor.access.folder_closed", folder=folder, login=system.login),
        t("doctor.fix.folder_open", folder=folder),
    )


def _folder_group(folder: Path) -> str:
    try:
        return group_name(folder.stat().st_gid)
    except OSError:
        return "pixtui"


def _not_in_group(gid: int, system: System, path: Path) -> Finding:
    name = group_name(gid)
    if system.login in system.group_members(gid):
        # Added to the group after this session opened: the new group needs a new login.
        return Finding(
            Level.BLOCK,
            "doctor.topic.access",
            t("doctor.access.group_not_yet", login=system.login, group=name, path=path),
            t("doctor.fix.relogin", group=name),
        )
    return Finding(
        Level.BLOCK,
        "doctor.topic.access",
        t("doctor.access.not_in_group", login=system.login, group=name, path=path),
        t("doctor.fix.add_to_group", login=system.login, group=name),
    )


def check_access(path: Path, info: os.stat_result, system: System) -> list[Finding]:
    """Read/write on the file, the folder (temp files, replace) and the companion files."""
    from pixtui.store.paths import StorePaths

    findings: list[Finding] = []
    shared = bool(info.st_mode & 0o060)
    group = group_name(info.st_gid)
    folder = path.parent
    folder_info = folder.stat()
    if not system.can(info, R | W):
        if system.uid != info.st_uid and info.st_gid not in system.gids and shared:
            findings.append(_not_in_group(info.st_gid, system, path))
        elif not shared and folder_info.st_mode & 0o070 == 0o070:
            # A private store in the shared folder: made without --group (its modes live in
            # the file, so a chmod alone lasts until the next save).
            findings.append(
                Finding(
                    Level.BLOCK,
                    "doctor.topic.access",
                    t(
                        "doctor.access.private_store",
                        path=path,
                        mode=_mode(info),
                        owner=_owner(info),
                    ),
                    t("doctor.fix.private_store", path=path, group=group_name(folder_info.st_gid)),
                )
            )
        else:
            findings.append(
                Finding(
                    Level.BLOCK,
                    "doctor.topic.access",
                    t("doctor.access.file_mode", path=path, mode=_mode(info), login=system.login),
                    t("doctor.fix.file_mode", path=path, group=group),
                )
            )
        return findings
    if not system.can(folder_info, W | X):
        findings.append(
            Finding(
                Level.BLOCK,
                "doctor.topic.access",
                t("doctor.access.folder_mode", folder=folder, mode=_mode(folder_info)),
                t("doctor.fix.shared_folder", folder=folder, group=group),
            )
        )
    paths = StorePaths.of(path)
    for companion, want in ((paths.lock, R | W), (paths.journal, R | W), (paths.backups, W | X)):
        try:
            companion_info = companion.stat()
        except OSError:
            continue  # made at the first write, with the store's modes
        if not system.can(companion_info, want):
            findings.append(
                Finding(
                    Level.BLOCK,
                    "doctor.topic.access",
                    t(
                        "doctor.access.companion",
                        path=companion,
                        mode=_mode(companion_info),
                        group=group_name(companion_info.st_gid),
                    ),
                    t("doctor.fix.companions", folder=folder, group=group),
                )
            )
    if shared:
        if not folder_info.st_mode & stat.S_ISGID:
            findings.append(
                Finding(
                    Level.WARN,
                    "doctor.topic.modes",
                    t("doctor.modes.no_setgid", folder=folder, mode=_mode(folder_info)),
                    t("doctor.fix.shared_folder", folder=folder, group=group),
                )
            )
        if folder_info.st_gid != info.st_gid:
            findings.append(
                Finding(
                    Level.WARN,
                    "doctor.topic.modes",
                    t(
                        "doctor.modes.folder_group",
                        folder=folder,
                        folder_group=group_name(folder_info.st_gid),
                        group=group,
                    ),
                    t("doctor.fix.shared_folder", folder=folder, group=group),
                )
            )
    if info.st_mode & 0o007:
        findings.append(
            Finding(
                Level.WARN,
                "doctor.topic.modes",
                t("doctor.modes.others_file", path=path, mode=_mode(info)),
                t("doctor.fix.others", path=path),
            )
        )
    if folder_info.st_mode & 0o007:
        findings.append(
            Finding(
                Level.WARN,
                "doctor.topic.modes",
                t("doctor.modes.others_folder", folder=folder, mode=_mode(folder_info)),
                t("doctor.fix.others", path=folder),
            )
        )
    if not any(finding.level is not Level.INFO for finding in findings):
        key = "doctor.access.ok_shared" if shared else "doctor.access.ok_private"
        findings.append(
            Finding(
                Level.OK,
                "doctor.topic.access",
                t(key, login=system.login, mode=_mode(info), group=group),
            )
        )
    return findings


def check_umask(system: System) -> list[Finding]:
    """pixtui sets its own files' modes whatever the umask (the store applies 007 or 077, the
    exports 0600); what the account makes by hand with minors' data follows its umask."""
    mask = system.umask
    if not mask & 0o004:
        return [
            Finding(
                Level.WARN,
                "doctor.topic.umask",
                t("doctor.umask.open", umask=f"{mask:04o}"),
                t("doctor.fix.umask"),
            )
        ]
    return [Finding(Level.OK, "doctor.topic.umask", t("doctor.umask.ok", umask=f"{mask:04o}"))]


def check_disk(path: Path, free_bytes: Callable[[Path], int] | None = None) -> list[Finding]:
    from pixtui.formatting import format_size  # one way to show a size, in every command

    folder = path.parent
    while not _exists(folder) and folder != folder.parent:
        folder = folder.parent
    try:
        free = (free_bytes or (lambda where: shutil.disk_usage(where).free))(folder)
    except OSError:
        return []
    try:
        size = path.stat().st_size
    except OSError:  # absent, or closed to this account: said by the store's checks
        size = 0
    shown = format_size(free)
    if free < max(DISK_BLOCKING_BYTES, 3 * size):
        level = Level.BLOCK
    elif free < max(DISK_LOW_BYTES, 30 * size):
        level = Level.WARN
    else:
        return [Finding(Level.OK, "doctor.topic.disk", t("doctor.disk.ok", free=shown))]
    return [
        Finding(
            level,
            "doctor.topic.disk",
            t("doctor.disk.low", folder=folder, free=shown),
            t("doctor.fix.disk", folder=folder),
        )
    ]


def _exists(path: Path) -> bool:
    try:
        path.stat()
    except FileNotFoundError:
        return False
    except OSError:
        return True  # there, but closed to this account
    return True


def _utf8(env: Mapping[str, str]) -> bool:
    for name in ("LC_ALL", "LC_CTYPE", "LANG"):
        value = env.get(name, "")
        if value:
            return "utf-8" in value.lower() or "utf8" in value.lower()
    return False


def check_terminal(config: Config, system: System) -> list[Finding]:
    from pixtui.terminal import sixteen_colours

    env = system.env
    if not system.is_tty:
        return [Finding(Level.INFO, "doctor.topic.terminal", t("doctor.terminal.no_tty"))]
    findings: list[Finding] = []
    term = env.get("TERM", "")
    if term in ("", "dumb", "unknown"):
        findings.append(
            Finding(
                Level.BLOCK,
                "doctor.topic.terminal",
                t("doctor.terminal.no_term", term=term or "?"),
                t("doctor.fix.term"),
            )
        )
    size = system.terminal_size
    if size is not None and (size[0] < MIN_COLUMNS or size[1] < MIN_LINES):
        findings.append(
            Finding(
                Level.WARN,
                "doctor.topic.terminal",
                t("doctor.terminal.small", columns=size[0], lines=size[1]),
                t("doctor.fix.size"),
            )
        )
    utf8 = _utf8(env)
    if not utf8:
        locale = env.get("LC_ALL") or env.get("LC_CTYPE") or env.get("LANG") or "?"
        findings.append(
            Finding(
                Level.WARN,
                "doctor.topic.terminal",
                t("doctor.terminal.no_utf8", locale=locale),
                t("doctor.fix.utf8"),
            )
        )
    if env.get("NO_COLOR"):
        colours = t("doctor.colours.none")
    elif sixteen_colours(env, env.get("TEXTUAL_COLOR_SYSTEM", "auto")):
        colours = t("doctor.colours.sixteen")
    else:
        colours = t("doctor.colours.many")
    from pixtui.terminal import glyph_set

    # The set the room will draw with: the settings' choice, else the terminal module's.
    chosen = config.glyphs.value
    glyphs = glyph_set(env, None if chosen == "auto" else chosen)
    if glyphs == "unicode" and term == "linux":  # only when forced: auto gives "linux" there
        findings.append(
            Finding(
                Level.WARN,
                "doctor.topic.glyphs",
                t("doctor.glyphs.unicode_on_console", term=term or "?"),
                t("doctor.fix.glyphs", env=ENV_GLYPHS, system=SYSTEM_CONFIG),
            )
        )
    if not any(finding.level is not Level.INFO for finding in findings):
        where = f"{size[0]}x{size[1]}" if size else "?"
        findings.append(
            Finding(
                Level.OK,
                "doctor.topic.terminal",
                t("doctor.terminal.ok", term=term, size=where, colours=colours, glyphs=glyphs),
            )
        )
    return findings


def check_clock(system: System) -> list[Finding]:
    """NTP synchronisation: every end time is computed from this clock."""
    answer = _synchronised(system)
    if answer is True:
        return [Finding(Level.OK, "doctor.topic.clock", t("doctor.clock.ok"))]
    key = "doctor.clock.unsynchronised" if answer is False else "doctor.clock.unknown"
    return [Finding(Level.WARN, "doctor.topic.clock", t(key), t("doctor.fix.ntp"))]


def _synchronised(system: System) -> bool | None:
    """True/False when a time service answers, None when none could be asked."""
    done = system.run(("timedatectl", "show", "--property=NTPSynchronized", "--value"))
    if done is not None and done.returncode == 0 and done.output.strip() in ("yes", "no"):
        return done.output.strip() == "yes"
    if system.path_exists(Path("/run/systemd/timesync/synchronized")):
        return True
    done = system.run(("chronyc", "-n", "tracking"))
    if done is not None and done.returncode == 0 and "Leap status" in done.output:
        return "Not synchronised" not in done.output
    done = system.run(("ntpstat",))
    if done is not None and done.returncode in (0, 1):
        return done.returncode == 0
    return None


def check_zone(system: System) -> list[Finding]:
    from pixtui.domain.clock import SCHOOL_ZONE

    school = SCHOOL_ZONE.key
    if system.zone == school:
        return [Finding(Level.OK, "doctor.topic.zone", t("doctor.zone.ok", zone=school))]
    if system.zone and system.zone not in UNIVERSAL_ZONES:
        # Another real place (overseas?): pixtui's times would be Paris's, not the school's.
        return [
            Finding(
                Level.WARN,
                "doctor.topic.zone",
                t("doctor.zone.elsewhere", zone=system.zone, school=school),
                t("doctor.fix.zone_elsewhere", zone=school),
            )
        ]
    return [
        Finding(
            Level.WARN,
            "doctor.topic.zone",
            t("doctor.zone.other", zone=system.zone or "?", school=school),
            t("doctor.fix.zone", zone=school),
        )
    ]


def check_install(system: System) -> list[Finding]:
    """A venv under a private home (a pyenv under /root) cannot be run by the other accounts."""
    closed = []
    for folder in system.install_path.parents:
        try:
            mode = folder.stat().st_mode
        except OSError:
            continue  # under a closed folder: that one is reported
        if not mode & 0o001:
            closed.append(folder)
    if closed:
        return [
            Finding(
                Level.WARN,
                "doctor.topic.install",
                t("doctor.install.private", path=system.install_path, folder=closed[-1]),
                t("doctor.fix.install"),
            )
        ]
    version = ".".join(str(part) for part in sys.version_info[:3])
    return [
        Finding(
            Level.OK,
            "doctor.topic.install",
            t("doctor.install.ok", path=system.install_path, version=version),
        )
    ]


def check_opens(path: Path) -> list[Finding]:
    """Open the store the way pixtui does: its check is the last word on the file."""
    from pixtui.commands.common import clock
    from pixtui.store import Store, StoreError

    try:
        store = Store.open(path, actor=login_name(), clock=clock())
        store.check()
        snap = store.snapshot()
    except StoreError as error:
        return [Finding(Level.BLOCK, "doctor.topic.open", error.message, t("doctor.fix.check"))]
    except OSError as error:
        reason = error.strerror or str(error)
        return [
            Finding(
                Level.BLOCK,
                "doctor.topic.open",
                t("doctor.open.os_error", path=path, reason=reason),
                t("doctor.fix.check"),
            )
        ]
    return [
        Finding(
            Level.OK,
            "doctor.topic.open",
            t(
                "doctor.open.ok",
                pupils=len(snap.pupils.all()),
                sessions=len(snap.sessions.all()),
                version=snap.schema_version,
            ),
        )
    ]


def diagnose(
    config: Config | None,
    error: ConfigError | None,
    system: System,
    *,
    open_store: bool = True,
    known_ids: frozenset[str] | None = None,
) -> list[Finding]:
    findings = _guarded(lambda: check_settings(config, error, system.env), "doctor.topic.settings")
    if config is not None:
        findings += _guarded(lambda: check_keymap(config, known_ids), "doctor.topic.keymap")
        store_findings = _guarded(lambda: check_store(config, system), "doctor.topic.store")
        findings += store_findings
        if not any(finding.level is Level.BLOCK for finding in store_findings):
            if system.uid == 0:
                findings.append(Finding(Level.INFO, "doctor.topic.access", t("doctor.as_root")))
            if open_store:
                findings += check_opens(config.store_path)
        findings += _guarded(lambda: check_disk(config.store_path), "doctor.topic.disk")
    findings += _guarded(lambda: check_umask(system), "doctor.topic.umask")
    if config is not None:
        findings += _guarded(lambda: check_terminal(config, system), "doctor.topic.terminal")
    findings += _guarded(lambda: check_clock(system), "doctor.topic.clock")
    findings += _guarded(lambda: check_zone(system), "doctor.topic.zone")
    findings += _guarded(lambda: check_install(system), "doctor.topic.install")
    return findings


def _guarded(check: Callable[[], list[Finding]], topic: str) -> list[Finding]:
    """A file or a folder this account may not see must not stop the other checks."""
    try:
        return check()
    except OSError as error:
        where = error.filename or "?"
        reason = error.strerror or str(error)
        return [Finding(Level.WARN, topic, t("doctor.unchecked", path=where, reason=reason), "")]


# --- output ---------------------------------------------------------------------------------

MARKS = {
    Level.OK: "doctor.mark.ok",
    Level.INFO: "doctor.mark.info",
    Level.WARN: "doctor.mark.warn",
    Level.BLOCK: "doctor.mark.block",
}


def render(findings: Iterable[Finding], login: str, width: int = 80) -> str:
    """Plain ASCII marks (the Linux console's fonts lack ✓ and ✗), wrapped to the terminal."""
    findings = list(findings)
    lines = [t("doctor.title", login=login), ""]
    for finding in findings:
        mark = t(MARKS[finding.level])
        line = t("doctor.line", mark=mark, topic=t(finding.topic), text=finding.text)
        lines += textwrap.wrap(  # paths and commands stay whole, to be copied
            line,
            width=width,
            subsequent_indent=" " * (len(mark) + 1),
            break_long_words=False,
            break_on_hyphens=False,
        )
        if finding.fix and finding.level in (Level.WARN, Level.BLOCK):
            lines.append(" " * (len(mark) + 1) + t("doctor.fix_intro"))
            for command in finding.fix.split("\n"):
                lines.append(" " * (len(mark) + 3) + command)
    blocking = sum(finding.level is Level.BLOCK for finding in findings)
    warnings = sum(finding.level is Level.WARN for finding in findings)
    lines.append("")
    if blocking:
        lines.append(t("doctor.summary.blocked", blocking=blocking, warnings=warnings))
    elif warnings:
        lines.append(t("doctor.summary.warnings", warnings=warnings))
    else:
        lines.append(t("doctor.summary.ok"))
    return "\n".join(lines)


def register(sub: argparse._SubParsersAction, store_option: Callable) -> None:
    doctor = sub.add_parser("doctor", help=t("cli.cmd.doctor"), description=t("doctor.about"))
    store_option(doctor)
    doctor.set_defaults(handler=run_doctor)


def run_doctor(args: argparse.Namespace) -> int:
    config: Config | None = getattr(args, "config", None)
    error: ConfigError | None = getattr(args, "config_error", None)
    if config is None and error is None:
        from pixtui.config import load_config

        config = load_config().with_flags(store=args.store)
    system = System()
    findings = diagnose(config, error, system)
    width = system.terminal_size[0] if system.is_tty and system.terminal_size else 80
    print(render(findings, system.login, width=max(60, min(width, 100))))
    return EXIT_BLOCKED if any(finding.level is Level.BLOCK for finding in findings) else 0
