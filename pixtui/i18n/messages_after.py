"""Catalogue entries for the after area: key -> (French, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
}
