"""Human labels (through the catalogue) for Pix's enum values, issue codes and competences.

The catalogue key of an enum value is ``domain.enum.<EnumClass>.<value>``, so every enum of
:mod:`pixtui.domain.enums` is labelled the same way and a test can check none is missing.
"""

from __future__ import annotations

from enum import Enum

from pixtui.domain.enums import AREAS, COMPETENCES, ISSUE_REPORT_CODES, AssessmentState
from pixtui.i18n import CATALOGUE, t

_COMPETENCE_CODES = frozenset(c.code for c in COMPETENCES)


def label_key(value: Enum) -> str:
    return f"domain.enum.{type(value).__name__}.{value.value}"


def label(value: Enum) -> str:
    """The label of any enum value of :mod:`pixtui.domain.enums` in the current language."""
    return t(label_key(value))


def has_label(value: Enum) -> bool:
    return label_key(value) in CATALOGUE


def assessment_state_label(state: AssessmentState | None) -> str:
    """``None`` is Pix's "not started"; it has no enum value of its own."""
    return t("domain.assessment.not_started") if state is None else label(state)


def issue_code_label(code: str) -> str:
    """The short label of an issue report code (C1…C8, E1…E12, old A1/A2); unknown codes as is."""
    code = code.strip().upper()
    return t(f"domain.issue_code.{code}") if code in ISSUE_REPORT_CODES else code


def issue_code_title(code: str) -> str:
    """ "C6 · Suspicion de fraude": the code first, as Pix Certif's lists show it."""
    code = code.strip().upper()
    return t("domain.issue_code.title", code=code, label=issue_code_label(code))


def competence_name(code: str) -> str:
    """ "Gérer des données" for "1.2"; unknown codes are returned as is (a results column)."""
    code = code.strip()
    return t(f"domain.competence.{code}") if code in _COMPETENCE_CODES else code


def area_name(number: int) -> str:
    """ "Information et données" for 1; a number outside 1-5 is returned as text."""
    return t(f"domain.area.{number}") if number in AREAS else str(number)
