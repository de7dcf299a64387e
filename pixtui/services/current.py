"""Who is at school now, read from a snapshot without converting the records of the past.

Its own small module: Accueil asks it at start-up, without importing the pupils' services.
"""

from __future__ import annotations

from typing import Any

from pixtui.domain.models import Pupil


def current_pupils(snapshot: Any) -> list[Pupil]:
    """The pupils still at school, without converting those who left (on a lycée kept five
    years they outnumber the current ones). A record written without ``left_school`` is
    current, as its default says: both stored forms, in one pass over the stored values."""
    return snapshot.pupils.where_in("left_school", (False, None))
