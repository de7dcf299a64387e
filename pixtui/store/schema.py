"""Schema version of the store file and the numbered migrations that bring old files up to it.

A migration upgrades the whole file (every table, parsed) from version ``n`` to ``n + 1`` in
memory; the store applies them under the writers' lock after a pre-migration backup and
commits the result in one atomic write. Tests patch ``SCHEMA_VERSION`` and ``MIGRATIONS``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SCHEMA_VERSION = 1

Tables = dict[str, dict[str, dict[str, Any]]]
Migration = Callable[[Tables], None]

# from-version -> function upgrading the tables in place to from-version + 1
MIGRATIONS: dict[int, Migration] = {}


def migration_path(found: int, target: int) -> list[Migration] | None:
    """The migrations from ``found`` to ``target``, or None if one is missing."""
    steps: list[Migration] = []
    for version in range(found, target):
        step = MIGRATIONS.get(version)
        if step is None:
            return None
        steps.append(step)
    return steps
