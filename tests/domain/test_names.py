"""The name search's folded keys (domain/names.py): typed words start words of the names."""

from __future__ import annotations

import pytest

from pixtui.domain.names import key_matches, matches_search, search_key, search_words


def test_a_key_is_folded_once_with_every_word_after_a_space() -> None:
    assert search_key("Le Bœuf-Dupré", "Jean-Noël") == " le boeuf dupre jean noel"


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("", True),
        ("dup", True),  # a word's start
        ("DUPRÉ", True),  # case and accents ignored
        ("noel boe", True),  # several words, any order
        ("upre", False),  # inside a word: no
        ("dupre x", False),  # every word must match
        ("jean-noël", True),  # the separators typed are separators
    ],
)
def test_typed_words_start_words_of_the_key(query: str, found: bool) -> None:
    key = search_key("Le Bœuf-Dupré", "Jean-Noël")
    assert key_matches(search_words(query), key) is found
    assert matches_search(query, "Le Bœuf-Dupré", "Jean-Noël") is found
