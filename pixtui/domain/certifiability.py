"""Rule 1 (certifiability) and the warnings shown on a pupil before enrolment (B1, R6).

Pix: a pupil is certifiable when at least 5 of the 16 competences are at level 1 or more, the
level of a competence being floor(pix earned / 8) (reference pix-certification.md §2.5).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date

from pixtui.domain.enums import COMPETENCES, Certifiability, LoginMethod
from pixtui.domain.models import Pupil
from pixtui.domain.problems import Problem
from pixtui.domain.sessions import school_year_of, school_year_start
from pixtui.domain.timing import format_date

MINIMUM_CERTIFIABLE_COMPETENCES = 5
MINIMUM_COMPETENCE_LEVEL = 1
PIX_BY_LEVEL = 8

_COMPETENCE_CODES = frozenset(c.code for c in COMPETENCES)


def competence_level(pix: float | None) -> int:
    """floor(pix / 8); no pix, or a negative value from a damaged file, is level 0."""
    if pix is None or not math.isfinite(pix) or pix <= 0:
        return 0
    return math.floor(pix / PIX_BY_LEVEL)


def certifiable_competence_count(levels: Mapping[str, int]) -> int:
    """How many of the 16 competences are at level ≥ 1 (other keys, e.g. "Total", are ignored)."""
    return sum(
        1
        for code, level in levels.items()
        if code.strip() in _COMPETENCE_CODES
        and level is not None
        and level >= MINIMUM_COMPETENCE_LEVEL
    )


def is_certifiable(levels: Mapping[str, int]) -> bool:
    return certifiable_competence_count(levels) >= MINIMUM_CERTIFIABLE_COMPETENCES


def levels_from_pix(pix_by_competence: Mapping[str, float | None]) -> dict[str, int]:
    return {
        code.strip(): competence_level(pix)
        for code, pix in pix_by_competence.items()
        if code.strip() in _COMPETENCE_CODES
    }


def certifiability_from_pix(pix_by_competence: Mapping[str, float | None]) -> Certifiability:
    """Certifiable / not certifiable from a profile; no competence at all is "Non communiqué"."""
    levels = levels_from_pix(pix_by_competence)
    if not levels:
        return Certifiability.UNKNOWN
    return Certifiability.CERTIFIABLE if is_certifiable(levels) else Certifiability.NOT_CERTIFIABLE


def certifiability_from_earlier_year(pupil: Pupil, today: date) -> bool:
    """The certifiability was collected (Pix Orga's export date) in a school year before
    ``today``'s: a pupil's profile changes over the summer, so it is shown with its date and
    a hint, not as current."""
    collected = pupil.certifiability_date
    return collected is not None and school_year_start(collected) < school_year_start(today)


def earlier_year_problems(pupil: Pupil, today: date) -> list[Problem]:
    """WARNING naming the date and school year of a certifiability from an earlier year."""
    if not certifiability_from_earlier_year(pupil, today) or pupil.certifiability_date is None:
        return []
    return [
        Problem.warning(
            "domain.pupil.certifiability_earlier_year",
            "certifiability",
            name=f"{pupil.first_name} {pupil.last_name}".strip(),
            date=format_date(pupil.certifiability_date),
            year=school_year_of(pupil.certifiability_date),
        )
    ]


def certifiability_problems(pupil: Pupil) -> list[Problem]:
    """WARNING when the pupil is not certifiable or when Pix Orga did not say (rule 1)."""
    name = f"{pupil.first_name} {pupil.last_name}".strip()
    if pupil.certifiability is Certifiability.NOT_CERTIFIABLE:
        if pupil.certifiable_competences is not None:
            return [
                Problem.warning(
                    "domain.pupil.not_certifiable_count",
                    "certifiability",
                    name=name,
                    count=pupil.certifiable_competences,
                    minimum=MINIMUM_CERTIFIABLE_COMPETENCES,
                )
            ]
        return [Problem.warning("domain.pupil.not_certifiable", "certifiability", name=name)]
    if pupil.certifiability is Certifiability.UNKNOWN:
        return [Problem.warning("domain.pupil.certifiability_unknown", "certifiability", name=name)]
    return []


# The ways into Pix that Pix Orga lists (seed deck B1): Médiacentre/GAR, identifiant, e-mail.
# The dash (LoginMethod.CODE) is none of them: the pupil is not yet linked in Pix Orga.
REAL_LOGIN_METHODS = frozenset(
    {LoginMethod.MEDIACENTRE, LoginMethod.IDENTIFIANT, LoginMethod.EMAIL}
)


def has_login_method(pupil: Pupil) -> bool:
    """True when the pupil has a real way into Pix (one home for every count and warning)."""
    return any(method in REAL_LOGIN_METHODS for method in pupil.login_methods)


def login_problems(pupil: Pupil) -> list[Problem]:
    """No real login method: WARNING naming the fix (« J'ai un code » with a campaign code).
    E-mail is "à éviter" (seed deck): a WARNING when it is the only way in, an INFO when
    another method exists."""
    name = f"{pupil.first_name} {pupil.last_name}".strip()
    methods = set(pupil.login_methods) & REAL_LOGIN_METHODS
    if not methods:
        return [Problem.warning("domain.pupil.no_login", "login_methods", name=name)]
    if LoginMethod.EMAIL in methods:
        if methods == {LoginMethod.EMAIL}:
            return [Problem.warning("domain.pupil.email_login_only", "login_methods", name=name)]
        return [Problem.info("domain.pupil.email_login", "login_methods", name=name)]
    return []


def pupil_warnings(pupil: Pupil) -> list[Problem]:
    """Everything to check on a pupil before the session (B1): certifiability, then login."""
    return certifiability_problems(pupil) + login_problems(pupil)
