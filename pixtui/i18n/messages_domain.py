"""Catalogue entries for the domain area: key -> (French, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
}
