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
from typing import Any

from pixtui.domain.certifiability import has_login_method
from pixtui.domain.enums import Certifiability, LoginMethod, SessionStatus
from pixtui.domain.models import ChecklistItem, Pupil, Session
from pixtui.domain.names import matches_search, name_key
from pixtui.domain.problems import Problem
from pixtui.services.current import current_pupils as current_pupils
from pixtui.services.sessions import Refused

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
        return not has_login_method(pupil)
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
    """B2 for one class: informed or not, by whom and when (``SchoolSettings.informed_classes``)."""

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
        if not has_login_method(pupil):
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


def informed_classes(store: Any) -> dict[str, ClassInformed]:
    """Each class's B2 record (pupils told the conditions), by folded class name."""
    return _informed_of(store.snapshot().school)


def _informed_of(school: Any) -> dict[str, ClassInformed]:
    return {
        name_key(item.key): ClassInformed(item.key, item.done, item.by or "", item.at)
        for item in school.informed_classes
        if item.at is not None
    }


def mark_class_informed(
    tx: Any, division: str, informed: bool, known: dict[str, ClassInformed] | None = None
) -> list[Session]:
    """Record that ``division`` was (or was not) told the conditions; returns the sessions
    whose ``pupils_informed`` item this ticked (or unticked). Read fresh inside ``tx``: two
    referents marking two classes at once both keep theirs (``known`` is no longer needed)."""
    division = division.strip()
    if not division:
        raise Refused([Problem.error("prep.pupils.no_class")])
    school = tx.school
    items = [i for i in school.informed_classes if name_key(i.key) != name_key(division)]
    items.append(ChecklistItem(division, informed, tx.actor, tx.now))
    school.informed_classes = items
    tx.save_school(school)
    known = _informed_of(school)
    state = {key: value.informed for key, value in known.items()}
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
                    it.done, it.by, it.at = (
                        done,
                        (tx.actor if done else None),
                        (tx.now if done else None),
                    )

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
