"""Catalogue entries for the results area: key -> (French, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
}
