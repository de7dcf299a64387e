"""Every enum value, issue code, competence and area has a label in both languages."""

from __future__ import annotations

import inspect
import re
from enum import Enum

import pytest

from pixtui.domain import enums
from pixtui.domain.enums import (
    AREAS,
    COMPETENCES,
    ISSUE_REPORT_CODES,
    AbortReason,
    AssessmentState,
    Certifiability,
    LoginMethod,
    SessionStatus,
)
from pixtui.domain.labels import (
    area_name,
    assessment_state_label,
    competence_name,
    has_label,
    issue_code_label,
    issue_code_title,
    label,
)
from pixtui.domain.room import RoomState, state_label
from pixtui.i18n import CATALOGUE, messages_domain, set_language

ENUM_CLASSES = [
    obj
    for _, obj in inspect.getmembers(enums, inspect.isclass)
    if issubclass(obj, Enum) and obj.__module__ == enums.__name__
]


@pytest.fixture(autouse=True)
def french():
    set_language("fr")
    yield
    set_language("fr")


def test_all_enums_are_found() -> None:
    assert len(ENUM_CLASSES) >= 10


@pytest.mark.parametrize("cls", ENUM_CLASSES, ids=lambda c: c.__name__)
def test_every_enum_value_has_a_label(cls: type[Enum]) -> None:
    for value in cls:
        assert has_label(value), f"{cls.__name__}.{value.name} has no label"
        assert label(value) and not label(value).startswith("domain.")


def test_pix_certif_labels() -> None:
    assert [label(s) for s in SessionStatus] == [
        "Créée",
        "Finalisée",
        "Finalisée (prise en charge par Pix)",  # Pix Certif shows in_process as "Finalisée"
        "Résultats transmis par Pix",
    ]
    # Pix's drop-down words (admin/app/models/certification.js, abortReasonMap)
    assert label(AbortReason.CANDIDATE) == "Abandon : Manque de temps ou départ prématuré"
    assert label(AbortReason.TECHNICAL) == "Problème technique"
    assert [label(c) for c in Certifiability] == [
        "Certifiable",
        "Non certifiable",
        "Non communiqué",
    ]
    assert label(LoginMethod.EMAIL) == "Adresse e-mail (à éviter)"
    assert label(LoginMethod.MEDIACENTRE) == "Médiacentre"
    assert assessment_state_label(None) == "Non démarré"
    assert assessment_state_label(AssessmentState.COMPLETED) == "Terminé"


def test_issue_codes() -> None:
    for code in ISSUE_REPORT_CODES:
        assert not issue_code_label(code).startswith("domain.")
    assert issue_code_label("C6") == "Suspicion de fraude"
    assert issue_code_title(" c6 ") == "C6 · Suspicion de fraude"
    assert issue_code_label("E4") == "Le site à visiter est indisponible"
    assert issue_code_label("Z9") == "Z9"  # unknown codes from old files are shown as they are


def test_competences_and_areas() -> None:
    assert len(COMPETENCES) == 16
    for competence in COMPETENCES:
        assert not competence_name(competence.code).startswith("domain.")
    assert competence_name("1.1") == "Mener une recherche et une veille d'information"
    assert competence_name("3.4") == "Programmer"
    assert competence_name("9.9") == "9.9"
    assert [area_name(a) for a in AREAS] == [
        "Information et données",
        "Communication et collaboration",
        "Création de contenu",
        "Protection et sécurité",
        "Environnement numérique",
    ]
    assert area_name(6) == "6"


def test_english_labels() -> None:
    set_language("en")
    assert label(SessionStatus.PROCESSED) == "Results sent by Pix"
    assert competence_name("3.4") == "Programming"
    assert state_label(RoomState.OVERTIME) == "Over time"


def test_room_states_have_labels() -> None:
    for state in RoomState:
        assert not state_label(state).startswith("domain.")
    assert state_label(RoomState.PRESENT, stale=True) == "Présence à reconfirmer"


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def test_domain_catalogue_is_consistent() -> None:
    for key, (fr, en) in messages_domain.MESSAGES.items():
        assert key.startswith("domain."), key
        assert fr.strip() and en.strip(), key
        assert set(_PLACEHOLDER.findall(fr)) == set(_PLACEHOLDER.findall(en)), key
        assert CATALOGUE[key] == (fr, en)
