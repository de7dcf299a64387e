"""A checkbox that reads the same without colour (``[x]`` ticked, ``[ ]`` not) and that forms
can walk through with Entrée."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.widgets import Checkbox

from pixtui.i18n import t


class TickBox(Checkbox, inherit_bindings=False):
    """Textual's checkbox shows ``▐X▌`` both ways and tells them apart by colour only: on a
    monochrome PuTTY nobody could see whether a session is a rehearsal.

    Forms say « Entrée : suivant »: here Entrée moves on, as in the text fields, and only Espace
    ticks (Textual's Entrée ticked the box and kept the focus, so the text typed next went
    nowhere and a box never chosen was saved). A letter typed on the box is not dropped
    silently: one sentence says where it went.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_button", t("widget.tickbox.tick"), show=False, id="tickbox-tick"),
        Binding("enter", "next_field", t("widget.tickbox.next"), show=False, id="tickbox-next"),
    ]

    BUTTON_LEFT = "["
    BUTTON_RIGHT = "]"

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.BUTTON_INNER = "x" if self.value else " "

    def watch_value(self) -> None:
        self.BUTTON_INNER = "x" if self.value else " "
        super().watch_value()

    def action_next_field(self) -> None:
        self.screen.focus_next()

    def on_key(self, event: events.Key) -> None:
        if event.is_printable and event.character not in (None, " "):
            event.stop()
            event.prevent_default()
            self.notify(t("widget.tickbox.typed"), severity="warning")
