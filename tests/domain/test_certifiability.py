"""Rule 1: certifiable = at least 5 of the 16 competences at level ≥ 1 (level = pix // 8)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pixtui.domain.certifiability import (
    certifiability_from_pix,
    certifiable_competence_count,
    competence_level,
    has_login_method,
    is_certifiable,
    login_problems,
    pupil_warnings,
)
from pixtui.domain.enums import COMPETENCES, Certifiability, LoginMethod
from pixtui.domain.models import Pupil
from pixtui.domain.problems import Severity, keys

CODES = [c.code for c in COMPETENCES]


def test_competence_level() -> None:
    assert competence_level(0) == 0
    assert competence_level(7.9) == 0
    assert competence_level(8) == 1
    assert competence_level(63) == 7
    assert competence_level(None) == 0
    assert competence_level(-4) == 0
    assert competence_level(float("nan")) == 0


def test_five_competences_at_level_one_is_the_threshold() -> None:
    four = dict.fromkeys(CODES[:4], 1) | dict.fromkeys(CODES[4:], 0)
    assert not is_certifiable(four)
    five = four | {CODES[4]: 1}
    assert is_certifiable(five)
    assert certifiable_competence_count(five) == 5
    # Keys outside the 16 competences never count (e.g. a "Total" column).
    assert not is_certifiable(four | {"Total": 40, "6.1": 3})


def test_certifiability_from_pix() -> None:
    assert certifiability_from_pix({}) is Certifiability.UNKNOWN
    assert certifiability_from_pix({"foo": 99}) is Certifiability.UNKNOWN
    almost = {"1.1": 8, "1.2": 8, "1.3": 8, "2.1": 8, "2.2": 7.9}
    assert certifiability_from_pix(almost) is Certifiability.NOT_CERTIFIABLE
    assert certifiability_from_pix(almost | {"2.2": 8}) is Certifiability.CERTIFIABLE


@given(st.dictionaries(st.sampled_from(CODES), st.integers(min_value=0, max_value=64)))
def test_from_pix_agrees_with_counting(pix: dict[str, int]) -> None:
    count = sum(1 for v in pix.values() if v >= 8)
    expected = (
        Certifiability.UNKNOWN
        if not pix
        else Certifiability.CERTIFIABLE
        if count >= 5
        else Certifiability.NOT_CERTIFIABLE
    )
    assert certifiability_from_pix(pix) is expected


def _pupil(**kw) -> Pupil:
    base = dict(
        last_name="Dupont",
        first_name="Léa",
        certifiability=Certifiability.CERTIFIABLE,
        login_methods=[LoginMethod.MEDIACENTRE],
    )
    return Pupil(**(base | kw))


def test_certifiable_pupil_with_a_login_has_no_warning() -> None:
    assert pupil_warnings(_pupil()) == []


def test_not_certifiable_and_unknown_warn() -> None:
    (p,) = pupil_warnings(_pupil(certifiability=Certifiability.NOT_CERTIFIABLE))
    assert p.severity is Severity.WARNING
    assert p.message.startswith("Léa Dupont n'est pas certifiable")
    (p,) = pupil_warnings(
        _pupil(certifiability=Certifiability.NOT_CERTIFIABLE, certifiable_competences=3)
    )
    assert p.message == (
        "Léa Dupont n'est pas certifiable : 3 compétences au niveau 1 ou plus, "
        "il en faut au moins 5."
    )
    (p,) = pupil_warnings(_pupil(certifiability=Certifiability.UNKNOWN))
    assert p.key == "domain.pupil.certifiability_unknown"
    assert "Non communiqué" not in p.message and "Pix Orga" in p.message


def test_login_methods() -> None:
    (p,) = login_problems(_pupil(login_methods=[]))
    assert p.severity is Severity.WARNING and p.key == "domain.pupil.no_login"
    assert "aucune méthode de connexion" in p.message
    (p,) = login_problems(_pupil(login_methods=[LoginMethod.EMAIL]))
    assert p.severity is Severity.WARNING and "à éviter" in p.message
    (p,) = login_problems(_pupil(login_methods=[LoginMethod.EMAIL, LoginMethod.IDENTIFIANT]))
    assert p.severity is Severity.INFO
    # a dash in Pix Orga's column ("Tiret") is no method: the pupil is not linked yet, and the
    # warning names the fix (seed deck: « J'ai un code » with a campaign code)
    (p,) = login_problems(_pupil(login_methods=[LoginMethod.CODE]))
    assert p.key == "domain.pupil.no_login" and "« J'ai un code »" in p.message
    assert "code d'une campagne" in p.message
    assert not has_login_method(_pupil(login_methods=[LoginMethod.CODE]))
    assert has_login_method(_pupil(login_methods=[LoginMethod.CODE, LoginMethod.IDENTIFIANT]))
    assert keys(
        pupil_warnings(_pupil(certifiability=Certifiability.UNKNOWN, login_methods=[]))
    ) == [
        "domain.pupil.certifiability_unknown",
        "domain.pupil.no_login",
    ]
