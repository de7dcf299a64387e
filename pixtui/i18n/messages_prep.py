"""Catalogue entries for the prep area: key -> (French, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
}
