"""A form's text field that says when it is full instead of dropping the next letters silently."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from pixtui.i18n import t


class FormField(Input):
    """Textual's ``max_length`` drops what is typed past it without a word: here one sentence
    says the field is full (issue 11: nothing typed is dropped without a message)."""

    def on_key(self, event: events.Key) -> None:
        full = self.max_length and len(self.value) >= self.max_length
        if full and event.is_printable and self.selection.is_empty:
            self.notify(t("widget.field.full", count=self.max_length), severity="warning")
