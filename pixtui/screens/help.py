"""Aide (F1): the keys of the current screen and of the whole application, in French."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from pixtui.bindings import SECTIONS
from pixtui.i18n import t


def screen_bindings(screen: Screen) -> list[Binding]:
    """The screen's own keys, from the public ``BINDINGS`` of its classes, merged the way
    Textual merges them (a subclass's key replaces its base's, in the base's place).

    Only ours (they all have an id): Textual's inherited ones carry English descriptions.
    """
    by_key: dict[str, Binding] = {}
    for cls in reversed(type(screen).__mro__):
        for binding in Binding.make_bindings(cls.__dict__.get("BINDINGS", [])):
            by_key[binding.key] = binding
    return [b for b in by_key.values() if b.id and b.description and not b.system]


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen > VerticalScroll {
        width: 90%;
        max-width: 100;
        height: 90%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    """

    BINDINGS = [
        Binding("escape,f1", "close", t("binding.close"), id="help-close"),
    ]

    def __init__(self, below: Screen | None = None) -> None:
        super().__init__()
        self._below = below

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self._content(), id="help-content")

    def _content(self) -> Table:
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True, style="bold")
        grid.add_column()
        grid.add_row(Text(t("help.title"), style="bold underline"), "")
        grid.add_row("", t("help.intro"))
        grid.add_row("", "")
        # The screen below the help: its own keys first, they are what the user was looking at.
        below = self._below
        if below is not None:
            grid.add_row(Text(t("help.this_screen"), style="bold underline"), "")
            for item in screen_bindings(below):
                grid.add_row(self.app.get_key_display(item), item.description)
            explanation = getattr(below, "HELP_KEY", None)
            if explanation:
                grid.add_row("", t(explanation))
            legend = getattr(below, "help_legend", None)  # e.g. the room's glyphs and tags
            if callable(legend):
                for glyph, meaning in legend():
                    grid.add_row(Text(glyph), meaning)
            grid.add_row("", "")
        grid.add_row(Text(t("help.everywhere"), style="bold underline"), "")
        for section in SECTIONS:
            grid.add_row(section.key.upper(), t("help.go", name=t(section.label_key)))
        grid.add_row("F1", t("binding.help"))
        grid.add_row("^p", t("help.palette"))
        grid.add_row("^q", t("help.quit"))
        grid.add_row(f"{t('key.right')} {t('key.left')}", t("help.columns"))
        grid.add_row(t("key.tab"), t("help.tab"))
        grid.add_row(t("key.escape"), t("help.escape"))
        return grid

    def action_close(self) -> None:
        self.dismiss(None)
