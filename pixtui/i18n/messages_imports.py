"""Catalogue entries for the imports area: key -> (French, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
}
