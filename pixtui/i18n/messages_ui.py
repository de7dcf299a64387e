"""Catalogue entries for the ui area: key -> (French, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
}
