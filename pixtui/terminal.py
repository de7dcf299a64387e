"""Terminal and SSH defaults, applied before textual is imported (its constants read the env)."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, MutableMapping


def configure_environment(env: MutableMapping[str, str] | None = None) -> None:
    """Sensible defaults for low-spec lab machines over SSH; the user's own settings win.

    No animations anywhere (they cost bytes on a laggy link and CPU on thin clients); over SSH,
    at most 20 frames per second, which is plenty for a dashboard.
    """
    env = os.environ if env is None else env
    env.setdefault("TEXTUAL_ANIMATIONS", "none")
    env.setdefault("TEXTUAL_SMOOTH_SCROLL", "0")
    if env.get("SSH_CONNECTION") or env.get("SSH_TTY"):
        env.setdefault("TEXTUAL_FPS", "20")
    # ESCDELAY: a lone Échap must still work on a laggy link, without waiting too long.
    env.setdefault("ESCDELAY", "150")


SIXTEEN_COLOUR_TERMS = frozenset(
    {"linux", "xterm", "vt100", "vt220", "ansi", "putty", "screen", "cygwin"}
)


def sixteen_colours(env: Mapping[str, str], color_system: str = "auto") -> bool:
    """Whether the user's terminal shows only the 16 standard colours.

    Decided from what the terminal says of itself (``TERM``, ``COLORTERM``) or from an explicit
    ``TEXTUAL_COLOR_SYSTEM`` (``color_system``), not from the console Textual builds: a headless
    run (tests, CI without TERM) must not be taken for PuTTY.
    """
    if color_system in ("standard", "windows"):
        return True
    if color_system in ("256", "truecolor"):
        return False
    if env.get("COLORTERM", "").lower() in ("truecolor", "24bit"):
        return False
    return env.get("TERM", "").lower() in SIXTEEN_COLOUR_TERMS


def terminal_gone() -> bool:
    """True once the controlling terminal went away (SSH dropped without SIGHUP).

    Textual's input thread would then spin on an empty read; the app checks this every few
    seconds and exits cleanly. Everything is already on disk: nothing is lost.
    """
    stdin = sys.__stdin__
    if stdin is None:
        return True
    try:
        # After a hang-up the line answers EIO, and isatty() turns false.
        return not os.isatty(stdin.fileno())
    except (OSError, ValueError):
        return True


GLYPH_SETS = ("unicode", "linux", "ascii")


def glyph_set(env: Mapping[str, str] | None = None, override: str | None = None) -> str:
    """Which characters the room may draw: ``unicode``, ``linux`` or ``ascii``.

    An explicit choice wins (``override``, e.g. from the server's config file or a command-line
    option, then ``PIXTUI_GLYPHS``); otherwise the Linux console (``TERM=linux``), whose fonts
    (Lat15, Terminus) lack ► ◄ √ and the block characters, gets ``linux``; everything else
    ``unicode`` (PuTTY's default fonts draw it).
    """
    env = os.environ if env is None else env
    for choice in (override, env.get("PIXTUI_GLYPHS")):
        if choice and choice.strip().lower() in GLYPH_SETS:
            return choice.strip().lower()
    if env.get("TERM", "").lower() == "linux":
        return "linux"
    return "unicode"
