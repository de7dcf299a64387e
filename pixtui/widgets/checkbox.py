"""A checkbox that reads the same without colour: ``[x]`` ticked, ``[ ]`` not."""

from __future__ import annotations

from textual.widgets import Checkbox


class TickBox(Checkbox):
    """Textual's checkbox shows ``▐X▌`` both ways and tells them apart by colour only: on a
    monochrome PuTTY nobody could see whether a session is a rehearsal."""

    BUTTON_LEFT = "["
    BUTTON_RIGHT = "]"

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.BUTTON_INNER = "x" if self.value else " "

    def watch_value(self) -> None:
        self.BUTTON_INNER = "x" if self.value else " "
        super().watch_value()
