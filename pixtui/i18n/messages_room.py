"""Catalogue entries for the room area: key -> (French, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
}
