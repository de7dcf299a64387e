"""Catalogue entries for the cli area: key -> (French, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
}
