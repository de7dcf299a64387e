"""Application-wide bindings: F-keys and ctrl only (no digits: AZERTY), French labels, stable ids.

Sections are reached with F2…F9 and shown in the navigation bar rather than the footer, which
keeps the footer for the current screen's actions (80 columns go fast).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

from pixtui.i18n import t


@dataclass(frozen=True)
class Section:
    mode: str  # Textual mode name and binding id suffix
    key: str
    label_key: str  # catalogue key of its name in the navigation bar


SECTIONS: tuple[Section, ...] = (
    Section("accueil", "f2", "nav.home"),
    Section("eleves", "f3", "nav.pupils"),
    Section("sessions", "f4", "nav.sessions"),
    Section("salle", "f5", "nav.room"),
    Section("coordination", "f6", "nav.coordination"),
    Section("finalisation", "f7", "nav.finalisation"),
    Section("resultats", "f8", "nav.results"),
    Section("journal", "f9", "nav.journal"),
)


def app_bindings() -> list[Binding]:
    bindings = [
        Binding("f1", "help", t("binding.help"), tooltip=t("binding.help.tip"), id="help"),
        Binding(
            "ctrl+q",
            "request_quit",
            t("binding.quit"),
            tooltip=t("binding.quit.tip"),
            priority=True,
            id="quit",
        ),
        # Textual's ctrl+c says how to quit (a copy key in most terminals, never a way out)
        Binding(
            "ctrl+c",
            "help_quit",
            t("binding.help_quit"),
            show=False,
            system=True,
            id="help-quit",
        ),
        Binding(
            "ctrl+p",
            "command_palette",
            t("binding.palette"),
            show=False,
            priority=True,
            tooltip=t("binding.palette.tip"),
            id="command-palette",
        ),
    ]
    for section in SECTIONS:
        bindings.append(
            Binding(
                section.key,
                f"go('{section.mode}')",
                t(section.label_key),
                show=False,
                tooltip=t("binding.go.tip", name=t(section.label_key)),
                id=f"go-{section.mode}",
            )
        )
    return bindings


KEY_NAMES = {
    "escape": "key.escape",
    "enter": "key.enter",
    "space": "key.space",
    "tab": "key.tab",
    "delete": "key.delete",
    "backspace": "key.backspace",
    "up": "key.up",
    "down": "key.down",
    "left": "key.left",
    "right": "key.right",
    "pageup": "key.pageup",
    "pagedown": "key.pagedown",
    "home": "key.home",
    "end": "key.end",
}
