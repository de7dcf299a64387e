"""Problem and Severity helpers."""

from __future__ import annotations

import dataclasses

import pytest

from pixtui.domain.problems import (
    Problem,
    Severity,
    errors,
    has_errors,
    infos,
    keys,
    warnings,
)
from pixtui.i18n import set_language


def test_constructors_translate_through_the_catalogue() -> None:
    p = Problem.error("domain.room.question_number", "question", max=500)
    assert p == Problem(
        "domain.room.question_number",
        "Le numéro de la question doit être compris entre 1 et 500.",
        Severity.ERROR,
        "question",
    )
    set_language("en")
    try:
        assert Problem.warning("domain.room.question_number", max=9).message == (
            "The question number must be between 1 and 9."
        )
    finally:
        set_language("fr")


def test_problem_is_frozen() -> None:
    p = Problem.info("domain.pupil.no_login", name="A")
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.message = "x"  # type: ignore[misc]


def test_filters() -> None:
    e = Problem.error("domain.session.site_required")
    w = Problem.warning("domain.session.in_the_past", date="01/01/2024")
    i = Problem.info("domain.enrol.previous", name="A", date="01/01/2024")
    problems = [w, e, i]
    assert errors(problems) == [e]
    assert warnings(problems) == [w]
    assert infos(problems) == [i]
    assert has_errors(problems) and not has_errors([w, i])
    assert keys(problems) == [w.key, e.key, i.key]
