"""Pupil and certifiability imports against the store: read, plan, describe, apply.

Never half-imported: ``prepare_import`` reads and plans without writing; a person (or the
command line's options) accepts; ``apply_import`` then plans again on the fresh pupils inside
ONE store transaction and writes new and changed pupils together. Planning again under the
lock is what keeps concurrent imports from losing or duplicating pupils: a pupil another
process added meanwhile is matched, not created twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pixtui.domain.models import Pupil
from pixtui.domain.problems import Refused
from pixtui.i18n import t
from pixtui.imports import (
    CertifiabilityPlan,
    ImportKind,
    ImportReport,
    LoginMethodsPlan,
    Progress,
    PupilImportPlan,
    kind_label,
    parse_file,
    plan_certifiability_update,
    plan_login_methods,
    plan_pupil_import,
)
from pixtui.imports.plans import PupilChange
from pixtui.imports.source import ImportFileError, read_import_file

Plan = PupilImportPlan | CertifiabilityPlan | LoginMethodsPlan

IMPORTABLE = (ImportKind.PUPIL_LIST, ImportKind.PROFILE_COLLECTION, ImportKind.ORGA_PUPILS)


@dataclass
class ImportPreview:
    path: Path
    report: ImportReport
    plan: Plan | None  # None when the file itself is refused (report.error)

    @property
    def kind(self) -> ImportKind:
        return self.report.kind

    @property
    def refused_count(self) -> int:
        return len(self.report.refused)

    @property
    def writes(self) -> int:
        """How many pupils accepting would create or change."""
        plan = self.plan
        if plan is None:
            return 0
        if isinstance(plan, PupilImportPlan):
            return len(plan.new) + len(plan.updates)
        return len(plan.updates)


def read_file(path: Path) -> bytes:
    """The file's bytes, read in bounded memory (see :mod:`pixtui.imports.source`)."""
    return read_import_file(path)


def plan_for(report: ImportReport, pupils: Sequence[Pupil]) -> Plan | None:
    if not report.ok:
        return None
    if report.kind is ImportKind.PUPIL_LIST:
        return plan_pupil_import(pupils, report)
    if report.kind is ImportKind.PROFILE_COLLECTION:
        return plan_certifiability_update(pupils, report)
    if report.kind is ImportKind.ORGA_PUPILS:
        return plan_login_methods(pupils, report)
    return None


def prepare_import(
    path: Path,
    pupils: Sequence[Pupil],
    *,
    today: date | None,
    expected: ImportKind | None = None,
    progress: Progress | None = None,
) -> ImportPreview:
    """Read and plan ``path`` against ``pupils``; writes nothing. Raises ImportFileError.

    ``today`` is the school's date (from the injected clock): a pupil born after it, or too
    long before it, is a refused line.
    """
    data = read_file(path)
    report = parse_file(data, expected=expected, progress=progress, today=today)
    if report.ok and report.kind not in IMPORTABLE:
        report.error = t("prep.import.not_here", kind=kind_label(report.kind))
    return ImportPreview(path, report, plan_for(report, pupils))


LEFT_SHARE_ASKED_APART = 0.10
"""Marking more than this share of the school's current pupils as left is confirmed apart."""


@dataclass(frozen=True)
class ImportEffects:
    """Every effect accepting would have, with its count: what the confirmation states."""

    created: int
    updated: int
    marked_left: int
    refused: int  # lines of the file that will not be imported
    current: int  # pupils at the school now (not marked left)

    @property
    def writes(self) -> int:
        return self.created + self.updated + self.marked_left

    @property
    def left_asked_apart(self) -> bool:
        """Marking pupils left needs its own explicit confirmation.

        When the file has refused lines (a pupil on a refused line, or on a line the file lost,
        would be marked left wrongly), or when more than a small share of the school would be.
        """
        return self.marked_left > 0 and (
            self.refused > 0 or self.marked_left > LEFT_SHARE_ASKED_APART * self.current
        )


def import_effects(
    preview: ImportPreview, pupils: Sequence[Pupil], *, mark_left: bool
) -> ImportEffects:
    """What accepting ``preview`` (planned against ``pupils``) would write, counted."""
    plan = preview.plan
    created = len(plan.new) if isinstance(plan, PupilImportPlan) else 0
    updated = len(plan.updates) if plan is not None else 0
    left = len(plan.missing) if isinstance(plan, PupilImportPlan) and mark_left else 0
    current = sum(1 for pupil in pupils if not pupil.left_school)
    return ImportEffects(created, updated, left, preview.refused_count, current)


@dataclass(frozen=True)
class ImportOutcome:
    created: int
    updated: int
    marked_left: int


def apply_import(
    tx: Any,
    preview: ImportPreview,
    *,
    mark_missing_as_left: bool = False,
    confirmed_left: int | None = None,
) -> ImportOutcome:
    """Write the accepted lines of ``preview`` in transaction ``tx`` (planned again on fresh data).

    Marking pupils left that needs its own confirmation (:attr:`ImportEffects.left_asked_apart`)
    is refused unless ``confirmed_left`` is exactly the number of pupils it marks, counted here
    on the fresh data: a confirmation given for 3 pupils never marks 60.
    """
    if preview.plan is None:
        raise ImportFileError(preview.report.error or t("prep.import.nothing"))
    pupils = tx.pupils.all()
    plan = plan_for(preview.report, pupils)
    assert plan is not None
    fresh = ImportPreview(preview.path, preview.report, plan)
    effects = import_effects(fresh, pupils, mark_left=mark_missing_as_left)
    if effects.left_asked_apart and confirmed_left != effects.marked_left:
        raise Refused(left_question(effects))
    if isinstance(plan, PupilImportPlan):
        changed = plan.apply(pupils, mark_missing_as_left=mark_missing_as_left)
    else:
        changed = plan.apply(pupils)
    existing = {p.id for p in pupils}
    created = [p for p in changed if p.id not in existing]
    updated = [p for p in changed if p.id in existing]
    tx.pupils.add_many(created)
    for pupil in updated:
        tx.pupils.save(pupil)
    left = effects.marked_left
    tx.log(
        "import." + preview.kind.value,
        "file",
        preview.path.name,
        after={
            "created": len(created),
            "updated": len(updated) - left,
            "marked_left": left,
            "refused": preview.refused_count,
        },
    )
    return ImportOutcome(len(created), len(updated) - left, left)


def effects_text(effects: ImportEffects) -> str:
    """« 5 élèves créés, 2 mis à jour, 60 marqués partis ; 4 lignes refusées non importées. »"""
    text = t(
        "prep.import.effects",
        created=effects.created,
        updated=effects.updated,
        left=effects.marked_left,
    )
    if effects.refused:
        text += " " + t("prep.import.effects_refused", refused=effects.refused)
    return text


def left_question(effects: ImportEffects) -> str:
    """The separate question before marking pupils left (screen dialog and command line)."""
    key = "prep.import.left_question_refused" if effects.refused else "prep.import.left_question"
    return t(key, count=effects.marked_left, current=effects.current, refused=effects.refused)


# --- What the person reads before accepting ---------------------------------------------------


def _label_of(pupils: dict[str, Pupil], pupil_id: str) -> str:
    pupil = pupils.get(pupil_id)
    if pupil is None:
        return "?"
    return f"{pupil.last_name} {pupil.first_name} ({pupil.division})"


def _change_lines(changes: Sequence[PupilChange], limit: int) -> list[str]:
    lines = []
    for change in changes[:limit]:
        details = " ; ".join(c.describe() for c in change.changes)
        lines.append(
            t("prep.import.line.update", line=change.line, label=change.label, details=details)
        )
    if len(changes) > limit:
        lines.append(t("prep.import.more", count=len(changes) - limit))
    return lines


def describe_preview(
    preview: ImportPreview, pupils: Sequence[Pupil], *, limit: int = 200
) -> list[str]:
    """The report and the plan as French lines (the UI shows them, the CLI prints them)."""
    report, plan = preview.report, preview.plan
    by_id = {p.id: p for p in pupils}
    lines = [t("prep.import.file", path=preview.path), report.summary()]
    if report.error:
        lines += ["", t("prep.import.file_refused", reason=report.error)]
    if report.refused:
        lines += ["", t("prep.import.refused_title", count=len(report.refused))]
        for refused in report.refused[:limit]:
            lines.append(t("prep.import.line.refused", line=refused.line, reason=refused.reason))
            if refused.content:
                lines.append(f"      {refused.content}")
        if len(report.refused) > limit:
            lines.append(t("prep.import.more", count=len(report.refused) - limit))
    if report.warnings:
        lines += ["", t("prep.import.warnings_title", count=len(report.warnings))]
        for warning in report.warnings[:limit]:
            if warning.line is None:
                lines.append(f"  {warning.message}")
            else:
                lines.append(
                    t("prep.import.line.warning", line=warning.line, message=warning.message)
                )
    if plan is None:
        return lines
    lines.append("")
    if isinstance(plan, PupilImportPlan):
        lines.append(
            t(
                "prep.import.plan.pupils",
                new=len(plan.new),
                updated=len(plan.updates),
                unchanged=len(plan.unchanged),
                missing=len(plan.missing),
                conflicts=len(plan.conflicts),
            )
        )
        if plan.new:
            lines += ["", t("prep.import.new_title", count=len(plan.new))]
            for item in plan.new[:limit]:
                row = item.row
                lines.append(
                    t(
                        "prep.import.line.new",
                        line=item.line,
                        last=row.last_name,
                        first=row.first_name,
                        division=row.division,
                    )
                )
            if len(plan.new) > limit:
                lines.append(t("prep.import.more", count=len(plan.new) - limit))
        if plan.updates:
            lines += ["", t("prep.import.updates_title", count=len(plan.updates))]
            lines += _change_lines(plan.updates, limit)
        issues = plan.conflicts
        if plan.missing:
            key = "prep.import.missing_full" if plan.full_list else "prep.import.missing_classes"
            lines += ["", t(key, count=len(plan.missing))]
            lines += [f"  {_label_of(by_id, pid)}" for pid in plan.missing[:limit]]
        if plan.missing_but_refused:
            lines += ["", t("prep.import.missing_refused", count=len(plan.missing_but_refused))]
            lines += [f"  {_label_of(by_id, pid)}" for pid in plan.missing_but_refused[:limit]]
    else:
        lines.append(
            t(
                "prep.import.plan.matched",
                updated=len(plan.updates),
                unchanged=len(plan.unchanged),
                ambiguous=len(plan.ambiguous),
                unknown=len(plan.unknown),
            )
        )
        if isinstance(plan, CertifiabilityPlan) and (plan.not_sent or plan.stale):
            lines.append(
                t("prep.import.plan.not_sent", not_sent=len(plan.not_sent), stale=len(plan.stale))
            )
        if plan.updates:
            lines += ["", t("prep.import.updates_title", count=len(plan.updates))]
            lines += _change_lines(plan.updates, limit)
        issues = plan.ambiguous + plan.unknown
        if isinstance(plan, LoginMethodsPlan) and (plan.no_login or plan.email_login):
            lines += [
                "",
                t("prep.import.plan.logins", none=len(plan.no_login), email=len(plan.email_login)),
            ]
    if issues:
        lines += ["", t("prep.import.issues_title", count=len(issues))]
        for issue in sorted(issues, key=lambda i: i.line)[:limit]:
            lines.append(
                t("prep.import.line.issue", line=issue.line, label=issue.label, reason=issue.reason)
            )
    return lines


def decision_text(preview: ImportPreview, effects: ImportEffects) -> str:
    """What accepting would write, every effect with its count."""
    if preview.plan is None:
        return t("prep.import.cannot", reason=preview.report.error or "")
    if effects.writes == 0:
        return t("prep.import.nothing_to_write")
    return t("prep.import.accept_effects", effects=effects_text(effects))
