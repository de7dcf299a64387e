"""Plans: what an import would change in the existing pupils, shown before anything is written.

Plans are pure. A person reads a plan (new, updated with each field's before/after, unchanged,
missing, ambiguous, unknown) and accepts it; ``plan.apply(pupils)`` then returns the new and
changed :class:`Pupil` objects, built from the ``pupils`` given (so their ``rev`` is the one
the store will check), for the store to save in one transaction. Names are never guessed: a
name that fits several pupils, or none, is listed for a person to decide.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from pixtui.domain.certifiability import REAL_LOGIN_METHODS
from pixtui.domain.enums import Certifiability, LoginMethod
from pixtui.domain.models import Pupil, new_id
from pixtui.domain.names import name_key, person_key
from pixtui.domain.timing import format_date
from pixtui.i18n import t
from pixtui.imports.orga_pupils import OrgaPupilRow
from pixtui.imports.profiles import CertifiabilityRow
from pixtui.imports.pupils import PupilRow
from pixtui.imports.report import ImportReport, RefusedLine

FULL_LIST_SHARE = 0.8
"""A pupil list naming at least this share of the school's current classes is a full list:
every current pupil it does not name is reported as missing (else only within its classes)."""


# --- Changes ----------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldChange:
    field: str  # a Pupil attribute
    before: object
    after: object

    def describe(self) -> str:
        """``Classe : 3A → 3B``."""
        return t(
            "imports.change",
            field=t(f"imports.field.{self.field}"),
            before=show_value(self.before),
            after=show_value(self.after),
        )


@dataclass(frozen=True)
class PupilChange:
    pupil_id: str
    line: int
    label: str  # "DUPONT Jean (3A)", for the person reading the plan
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class NewPupil:
    line: int
    pupil_id: str  # chosen at planning time so that applying twice gives the same record
    row: PupilRow

    def to_pupil(self) -> Pupil:
        row = self.row
        return Pupil(
            id=self.pupil_id,
            last_name=row.last_name,
            first_name=row.first_name,
            birthdate=row.birthdate,
            sex=row.sex,
            division=row.division,
            ine=row.ine,
            mef_code=row.mef_code,
        )


@dataclass(frozen=True)
class NameIssue:
    """A line a person must decide on: several pupils fit it (ambiguous) or none (unknown)."""

    line: int
    label: str
    reason: str
    candidate_ids: tuple[str, ...] = ()  # the pupils that fit (or homonyms in other classes)
    ambiguous: bool = False  # True: several pupils fit; False: none does


def show_value(value: object) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return t("imports.value.yes") if value else t("imports.value.no")
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, Certifiability):
        return t(f"imports.certifiability.{value.value}")
    if isinstance(value, Enum):
        return t(f"imports.login.{value.value}")
    if isinstance(value, (list, tuple)):
        return ", ".join(show_value(item) for item in value) or "—"
    return str(value)


def pupil_label(pupil: Pupil) -> str:
    return f"{pupil.last_name} {pupil.first_name} ({pupil.division})"


def _apply_changes(pupils: Sequence[Pupil], changes: Iterable[PupilChange]) -> list[Pupil]:
    by_id = {pupil.id: pupil for pupil in pupils}
    result: list[Pupil] = []
    for change in changes:
        base = by_id.get(change.pupil_id)
        if base is None:  # removed since the plan was made: nothing to change
            continue
        values = {
            c.field: list(c.after) if isinstance(c.after, (list, tuple)) else c.after
            for c in change.changes
            if getattr(base, c.field) != c.after
        }
        if values:
            updated = dataclasses.replace(base, **values)
            by_id[base.id] = updated
            result.append(updated)
    return result


def _diff(pupil: Pupil, wanted: dict[str, object]) -> tuple[FieldChange, ...]:
    return tuple(
        FieldChange(name, getattr(pupil, name), value)
        for name, value in wanted.items()
        if getattr(pupil, name) != value
    )


# --- Pupil lists ------------------------------------------------------------------------


@dataclass
class PupilImportPlan:
    new: list[NewPupil] = field(default_factory=list)
    updates: list[PupilChange] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # pupil ids
    missing: list[str] = field(default_factory=list)  # pupil ids absent from the list
    # absent from the accepted rows but named on a refused line: fix the line, not the pupil
    missing_but_refused: list[str] = field(default_factory=list)
    conflicts: list[NameIssue] = field(default_factory=list)
    refused: list[RefusedLine] = field(default_factory=list)  # the report's refused lines
    full_list: bool = False

    def apply(self, pupils: Sequence[Pupil], *, mark_missing_as_left: bool = False) -> list[Pupil]:
        """New pupils then changed ones; missing pupils get ``left_school`` only if asked."""
        changes = list(self.updates)
        if mark_missing_as_left:
            changes += [
                PupilChange(pid, 0, "", (FieldChange("left_school", False, True),))
                for pid in self.missing
            ]
        existing_ids = {pupil.id for pupil in pupils}
        created = [item.to_pupil() for item in self.new if item.pupil_id not in existing_ids]
        return created + _apply_changes(pupils, changes)


def plan_pupil_import(existing: Sequence[Pupil], report: ImportReport[PupilRow]) -> PupilImportPlan:
    """Match each row to an existing pupil by INE, else by names + birthdate."""
    plan = PupilImportPlan(refused=list(report.refused))
    by_ine: dict[str, list[Pupil]] = {}
    by_identity: dict[tuple[str, date | None], list[Pupil]] = {}
    for pupil in existing:
        if pupil.ine:
            by_ine.setdefault(pupil.ine.upper(), []).append(pupil)
        by_identity.setdefault(
            (person_key(pupil.last_name, pupil.first_name), pupil.birthdate), []
        ).append(pupil)

    matched: dict[str, list[PupilRow]] = {}
    for row in report.rows:
        candidates = by_ine.get(row.ine, []) if row.ine else []
        if not candidates:
            same_person = by_identity.get((row.key, row.birthdate), [])
            # both INEs known and different: another person, or an INE typo; a person decides
            other_ine = [p for p in same_person if p.ine and row.ine and p.ine.upper() != row.ine]
            candidates = [p for p in same_person if p not in other_ine]
            if other_ine and not candidates:
                plan.conflicts.append(
                    NameIssue(
                        row.line,
                        _row_label(row),
                        t("imports.plan.other_ine"),
                        tuple(p.id for p in other_ine),
                    )
                )
                continue
        if len(candidates) > 1:
            plan.conflicts.append(
                NameIssue(
                    row.line,
                    _row_label(row),
                    t("imports.plan.several_pupils"),
                    tuple(p.id for p in candidates),
                )
            )
        elif candidates:
            matched.setdefault(candidates[0].id, []).append(row)
        else:
            plan.new.append(NewPupil(row.line, new_id(), row))

    by_id = {pupil.id: pupil for pupil in existing}
    for pupil_id, rows in matched.items():
        pupil = by_id[pupil_id]
        if len(rows) > 1:  # two lines of the file land on the same pupil
            lines = ", ".join(str(r.line) for r in rows)
            for row in rows:
                plan.conflicts.append(
                    NameIssue(
                        row.line,
                        _row_label(row),
                        t("imports.plan.same_pupil", lines=lines),
                        (pupil_id,),
                    )
                )
            continue
        row = rows[0]
        wanted: dict[str, object] = {
            "last_name": row.last_name,
            "first_name": row.first_name,
            "birthdate": row.birthdate,
            "division": row.division,
            "left_school": False,
        }
        for name in ("sex", "ine", "mef_code"):
            if getattr(row, name) is not None:  # a column the file lacks never clears a value
                wanted[name] = getattr(row, name)
        changes = _diff(pupil, wanted)
        if changes:
            plan.updates.append(PupilChange(pupil_id, row.line, pupil_label(pupil), changes))
        else:
            plan.unchanged.append(pupil_id)

    _find_missing(plan, existing, report, matched)
    plan.conflicts.sort(key=lambda issue: issue.line)
    plan.updates.sort(key=lambda change: change.line)
    return plan


def _find_missing(
    plan: PupilImportPlan,
    existing: Sequence[Pupil],
    report: ImportReport[PupilRow],
    matched: dict[str, list[PupilRow]],
) -> None:
    current = [pupil for pupil in existing if not pupil.left_school]
    file_classes = {name_key(row.division) for row in report.rows}
    school_classes = {name_key(pupil.division) for pupil in current if pupil.division}
    plan.full_list = bool(school_classes) and (
        len(school_classes & file_classes) >= FULL_LIST_SHARE * len(school_classes)
    )
    in_conflict = {pid for issue in plan.conflicts for pid in issue.candidate_ids}
    refused_text = [f" {name_key(line.content)} " for line in report.refused]
    for pupil in current:
        if pupil.id in matched or pupil.id in in_conflict:
            continue
        if plan.full_list or name_key(pupil.division) in file_classes:
            last, first = f" {name_key(pupil.last_name)} ", f" {name_key(pupil.first_name)} "
            if any(last in text and first in text for text in refused_text):
                plan.missing_but_refused.append(pupil.id)
            else:
                plan.missing.append(pupil.id)


def _row_label(row: PupilRow | CertifiabilityRow | OrgaPupilRow) -> str:
    return (
        f"{row.last_name} {row.first_name} ({row.division})"
        if row.division
        else f"{row.last_name} {row.first_name}"
    )


# --- Name matching within the class ---------------------------------------------------------


class _NameIndex:
    """Existing pupils by class + folded names, and by names alone (for hints)."""

    def __init__(self, existing: Sequence[Pupil]) -> None:
        self.in_class: dict[tuple[str, str], list[Pupil]] = {}
        self.by_name: dict[str, list[Pupil]] = {}
        for pupil in existing:
            key = person_key(pupil.last_name, pupil.first_name)
            self.in_class.setdefault((name_key(pupil.division), key), []).append(pupil)
            self.by_name.setdefault(key, []).append(pupil)

    def match(self, row: CertifiabilityRow | OrgaPupilRow) -> tuple[Pupil | None, NameIssue | None]:
        key = person_key(row.last_name, row.first_name)
        if row.division:
            found = self.in_class.get((name_key(row.division), key), [])
        else:  # an export without a class column: the whole school
            found = self.by_name.get(key, [])
        if len(found) == 1:
            return found[0], None
        if found:
            return None, NameIssue(
                row.line,
                _row_label(row),
                t("imports.plan.ambiguous"),
                tuple(p.id for p in found),
                ambiguous=True,
            )
        elsewhere = tuple(p.id for p in self.by_name.get(key, []))
        if elsewhere:
            classes = ", ".join(sorted({p.division for p in self.by_name[key]}))
            reason = t("imports.plan.unknown_in_class", classes=classes)
        else:
            reason = t("imports.plan.unknown")
        return None, NameIssue(row.line, _row_label(row), reason, elsewhere)


# --- Certifiability (profile collection) ------------------------------------------------------


@dataclass
class CertifiabilityPlan:
    updates: list[PupilChange] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    not_sent: list[str] = field(default_factory=list)  # pupils whose row is ``NA``
    stale: list[PupilChange] = field(default_factory=list)  # older than what is stored: not applied
    ambiguous: list[NameIssue] = field(default_factory=list)
    unknown: list[NameIssue] = field(default_factory=list)
    refused: list[RefusedLine] = field(default_factory=list)

    def apply(self, pupils: Sequence[Pupil]) -> list[Pupil]:
        return _apply_changes(pupils, self.updates)


def plan_certifiability_update(
    existing: Sequence[Pupil], report: ImportReport[CertifiabilityRow]
) -> CertifiabilityPlan:
    """Certifiability, its date and competence count for each pupil found in their class."""
    plan = CertifiabilityPlan(refused=list(report.refused))
    index = _NameIndex(existing)
    for row in report.rows:
        pupil, issue = index.match(row)
        if issue is not None:
            (plan.ambiguous if issue.ambiguous else plan.unknown).append(issue)
            continue
        assert pupil is not None
        if not row.sent:
            plan.not_sent.append(pupil.id)
            continue
        wanted: dict[str, object] = {"certifiability": row.certifiability}
        if row.sent_on is not None:
            wanted["certifiability_date"] = row.sent_on
        if row.competences is not None:
            wanted["certifiable_competences"] = row.competences
        changes = _diff(pupil, wanted)
        change = PupilChange(pupil.id, row.line, pupil_label(pupil), changes)
        if not changes:
            plan.unchanged.append(pupil.id)
        elif _is_older(row.sent_on, pupil.certifiability_date):
            plan.stale.append(change)
        else:
            plan.updates.append(change)
    return plan


def _is_older(new: date | None, stored: date | None) -> bool:
    """A dated stored value is never replaced by an older or undated one."""
    return stored is not None and (new is None or new < stored)


# --- Login methods (Élèves page) -----------------------------------------------------------------


@dataclass
class LoginMethodsPlan:
    updates: list[PupilChange] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    ambiguous: list[NameIssue] = field(default_factory=list)
    unknown: list[NameIssue] = field(default_factory=list)
    refused: list[RefusedLine] = field(default_factory=list)
    no_login: list[str] = field(default_factory=list)  # B1 warning: no login method at all
    email_login: list[str] = field(default_factory=list)  # B1 warning: e-mail only ("à éviter")

    def apply(self, pupils: Sequence[Pupil]) -> list[Pupil]:
        return _apply_changes(pupils, self.updates)


def plan_login_methods(
    existing: Sequence[Pupil], report: ImportReport[OrgaPupilRow]
) -> LoginMethodsPlan:
    """Login methods (and certifiability labels) from the Élèves page, matched within the class.

    "Non communiqué" never replaces a known certifiability; a label replaces a dated stored
    value only when it carries a date at least as recent.
    """
    plan = LoginMethodsPlan(refused=list(report.refused))
    index = _NameIndex(existing)
    for row in report.rows:
        pupil, issue = index.match(row)
        if issue is not None:
            (plan.ambiguous if issue.ambiguous else plan.unknown).append(issue)
            continue
        assert pupil is not None
        wanted: dict[str, object] = {}
        methods = list(pupil.login_methods)
        if row.login_methods is not None:
            # the dash (CODE, "not linked yet") is kept only while the page shows no real
            # method: once linked, the pupil has one and the dash is gone
            methods = list(row.login_methods) + [
                m
                for m in pupil.login_methods
                if m is LoginMethod.CODE and not set(row.login_methods) & REAL_LOGIN_METHODS
            ]
            if set(methods) != set(pupil.login_methods):
                wanted["login_methods"] = methods
        if row.certifiability not in (None, Certifiability.UNKNOWN) and not _is_older(
            row.certifiability_date, pupil.certifiability_date
        ):
            wanted["certifiability"] = row.certifiability
            if row.certifiability_date is not None:
                wanted["certifiability_date"] = row.certifiability_date
        changes = _diff(pupil, wanted)
        if changes:
            plan.updates.append(PupilChange(pupil.id, row.line, pupil_label(pupil), changes))
        else:
            plan.unchanged.append(pupil.id)
        if row.login_methods is not None:
            if not set(methods) & REAL_LOGIN_METHODS:
                plan.no_login.append(pupil.id)
            elif set(methods) == {LoginMethod.EMAIL}:
                plan.email_login.append(pupil.id)
    return plan
