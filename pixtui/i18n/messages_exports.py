"""Catalogue entries for the exports area: key -> (French, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
}
