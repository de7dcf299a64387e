"""The Élèves section: filters, per-class counts (B1), non-certifiable follow-up (R6), and the
per-class "pupils informed" step (B2).

Where B2 lives: the models have no per-class record, so marking a class informed is a journal
line (``pupils.class_informed``, record type ``class``, record id the class name; who and when
are the line's own) and, as data on records, it ticks the ``pupils_informed`` checklist item of
every session not yet run whose enrolled classes are now all informed. The Élèves screen reads
the classes' state from the journal (newest line per class wins), cached on the journal's size
and modification time so a refresh does not re-read it. A field on the school settings would be
better; see the report of issue 3.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from pixtui.domain.enums import Certifiability, LoginMethod, SessionStatus
from pixtui.domain.models import Pupil, Session
from pixtui.domain.names import matches_search, name_key
from pixtui.domain.problems import Problem
from pixtui.services.sessions import Refused

INFORMED_ACTION = "pupils.class_informed"
NOT_INFORMED_ACTION = "pupils.class_not_informed"
FOLLOW_UP_MAX = 200


class LoginFilter(StrEnum):
    """The login-method filter: one method, none at all, or e-mail only ("à éviter")."""

    MEDIACENTRE = "mediacentre"
    IDENTIFIANT = "identifiant"
    EMAIL = "email"
    CODE = "code"
    NONE = "none"
    EMAIL_ONLY = "email_only"


@dataclass(frozen=True)
class PupilFilter:
    query: str = ""
    division: str | None = None
    certifiability: Certifiability | None = None
    login: LoginFilter | None = None
    include_left: bool = False

    def accepts(self, pupil: Pupil) -> bool:
        if pupil.left_school and not self.include_left:
            return False
        if self.division is not None and name_key(pupil.division) != name_key(self.division):
            return False
        if self.certifiability is not None and pupil.certifiability is not self.certifiability:
            return False
        if self.login is not None and not login_matches(pupil, self.login):
            return False
        return matches_search(self.query, pupil.last_name, pupil.first_name)


def login_matches(pupil: Pupil, wanted: LoginFilter) -> bool:
    methods = set(pupil.login_methods)
    if wanted is LoginFilter.NONE:
        return not methods
    if wanted is LoginFilter.EMAIL_ONLY:
        return methods == {LoginMethod.EMAIL}
    return LoginMethod(wanted.value) in methods


def pupil_sort_key(pupil: Pupil) -> tuple[str, str, str]:
    return (name_key(pupil.division), name_key(pupil.last_name), name_key(pupil.first_name))


def filter_pupils(pupils: Iterable[Pupil], wanted: PupilFilter) -> list[Pupil]:
    return sorted((p for p in pupils if wanted.accepts(p)), key=pupil_sort_key)


# --- Per class ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClassInformed:
    """B2 for one class: informed or not, by whom and when (the latest journal line)."""

    division: str
    informed: bool
    by: str
    at: datetime


@dataclass
class ClassCounts:
    division: str
    total: int = 0
    certifiable: int = 0
    not_certifiable: int = 0
    unknown: int = 0
    no_login: int = 0
    email_only: int = 0
    non_certifiable: list[Pupil] = field(default_factory=list)  # R6, with their follow-up
    informed: ClassInformed | None = None


def class_counts(
    pupils: Iterable[Pupil], informed: dict[str, ClassInformed] | None = None
) -> list[ClassCounts]:
    """One line per current class (left pupils are not counted), in name order."""
    by_class: dict[str, ClassCounts] = {}
    for pupil in pupils:
        if pupil.left_school:
            continue
        counts = by_class.setdefault(name_key(pupil.division), ClassCounts(pupil.division))
        counts.total += 1
        if pupil.certifiability is Certifiability.CERTIFIABLE:
            counts.certifiable += 1
        elif pupil.certifiability is Certifiability.NOT_CERTIFIABLE:
            counts.not_certifiable += 1
            counts.non_certifiable.append(pupil)
        else:
            counts.unknown += 1
        methods = set(pupil.login_methods)
        if not methods:
            counts.no_login += 1
        elif methods == {LoginMethod.EMAIL}:
            counts.email_only += 1
    result = [by_class[key] for key in sorted(by_class)]
    for counts in result:
        counts.non_certifiable.sort(key=pupil_sort_key)
        if informed:
            counts.informed = informed.get(name_key(counts.division))
    return result


# --- B2: pupils informed ------------------------------------------------------------------------

_informed_cache: dict[Path, tuple[tuple[int, int], dict[str, ClassInformed]]] = {}


def informed_classes(store: Any) -> dict[str, ClassInformed]:
    """Each class's latest "informed" line, by folded class name (journal read once per change)."""
    path: Path = store.paths.journal
    try:
        stat = path.stat()
        token = (stat.st_size, stat.st_mtime_ns)
    except FileNotFoundError:
        return {}
    cached = _informed_cache.get(path)
    if cached is not None and cached[0] == token:
        return cached[1]
    found: dict[str, ClassInformed] = {}
    for event in store.iter_journal():  # oldest first: later lines overwrite earlier ones
        if event.action in (INFORMED_ACTION, NOT_INFORMED_ACTION) and event.record_type == "class":
            found[name_key(event.record_id)] = ClassInformed(
                event.record_id, event.action == INFORMED_ACTION, event.who, event.at
            )
    _informed_cache[path] = (token, found)
    return found


def mark_class_informed(
    tx: Any, division: str, informed: bool, known: dict[str, ClassInformed]
) -> list[Session]:
    """Record that ``division`` was (or was not) told the conditions; returns the sessions
    whose ``pupils_informed`` item this ticked (or unticked)."""
    division = division.strip()
    if not division:
        raise Refused([Problem.error("prep.pupils.no_class")])
    action = INFORMED_ACTION if informed else NOT_INFORMED_ACTION
    tx.log(action, "class", division, after={"informed": informed})
    state = {key: value.informed for key, value in known.items()}
    state[name_key(division)] = informed
    changed = []
    candidates = [c for c in tx.candidates.all() if not c.removed]
    for session in tx.sessions.all():
        if session.status is not SessionStatus.CREATED or session.first_started_at is not None:
            continue
        classes = {name_key(c.division) for c in candidates if c.session_id == session.id}
        if name_key(division) not in classes:
            continue
        all_informed = all(state.get(key, False) for key in classes)
        item = next((i for i in session.checklist if i.key == "pupils_informed"), None)
        if item is None or item.done == all_informed:
            continue

        def mutate(s: Session, done: bool = all_informed) -> None:
            for it in s.checklist:
                if it.key == "pupils_informed":
                    it.done, it.by, it.at = done, (tx.actor if done else None), (tx.now if done else None)

        changed.append(tx.sessions.update(session.id, mutate))
    return changed


def set_follow_up(tx: Any, pupil_id: str, text: str) -> Pupil:
    """R6: what is done for a non-certifiable pupil (e.g. a new positioning campaign)."""
    text = " ".join(text.split())
    if len(text) > FOLLOW_UP_MAX:
        raise Refused([Problem.error("prep.pupils.follow_up_long", max=FOLLOW_UP_MAX)])
    if tx.pupils.get(pupil_id) is None:
        raise Refused([Problem.error("prep.pupils.gone")])

    def mutate(pupil: Pupil) -> None:
        pupil.follow_up = text

    return tx.pupils.update(pupil_id, mutate)


def class_names(pupils: Sequence[Pupil]) -> list[str]:
    """Current classes as written on the pupils, in folded-name order."""
    seen: dict[str, str] = {}
    for pupil in pupils:
        if pupil.division and not pupil.left_school:
            seen.setdefault(name_key(pupil.division), pupil.division)
    return [seen[key] for key in sorted(seen)]
