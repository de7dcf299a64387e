"""Catalogue entries for the documents area: key -> (French, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
}
