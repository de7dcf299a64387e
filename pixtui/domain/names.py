"""Name folding shared by search, duplicate detection and import matching."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

_SEPARATORS = re.compile(r"[\s\-‐‑‒–—'’`´.]+")


@lru_cache(maxsize=16384)  # names are few and compared often (sorting the room every second)
def fold(text: str) -> str:
    """Lower case, accents removed, ``œ``/``æ`` expanded: for accent-insensitive comparison."""
    text = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
    text = text.replace("ß", "ss")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@lru_cache(maxsize=16384)
def name_key(text: str) -> str:
    """A key under which "Jean-Noël", "jean noel" and " JEAN  NOËL " are the same name."""
    return _SEPARATORS.sub(" ", fold(text)).strip()


def person_key(last_name: str, first_name: str) -> str:
    return f"{name_key(last_name)}|{name_key(first_name)}"


def search_key(*fields: str) -> str:
    """The fields folded once for :func:`key_matches`: every word preceded by a space, so a
    list of thousands of names is folded once and each key typed only compares strings."""
    return "".join(" " + word for field in fields for word in name_key(field).split())


def search_words(query: str) -> list[str]:
    """The words of a typed query, folded like the names (:func:`name_key`)."""
    return name_key(query).split()


def key_matches(words: Sequence[str], key: str) -> bool:
    """Every word of the query starts a word of the key (any order); no words: everything."""
    return all(" " + word in key for word in words)


def matches_search(query: str, *fields: str) -> bool:
    """Incremental search: every word of the query starts a word of the fields (any order)."""
    return key_matches(search_words(query), search_key(*fields))
