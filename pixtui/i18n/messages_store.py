"""Catalogue entries for the store area: key -> (French, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
}
