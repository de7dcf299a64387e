"""Application-wide messages (past tense: they say what happened)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from textual.message import Message


@dataclass
class StoreChanged(Message):
    """The shared store was changed, by this process or another one."""

    counter: int
    updated_by: str | None
    updated_at: datetime | None
    by_me: bool = False

    def can_replace(self, message: Message) -> bool:
        # A burst of changes needs one refresh, not one per change.
        return isinstance(message, StoreChanged)
