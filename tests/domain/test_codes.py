"""Access codes, invigilator passwords and Pix session numbers (SPEC §4 rule 4)."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from pixtui.domain.codes import (
    ACCESS_CODE_DIGITS,
    ACCESS_CODE_LETTERS,
    INVIGILATOR_PASSWORD_ALPHABET,
    generate_access_code,
    generate_invigilator_password,
    normalise_access_code,
    validate_access_code,
    validate_invigilator_password,
    validate_pix_session_number,
)
from pixtui.domain.problems import Severity, keys


def test_constants_are_pix_alphabets() -> None:
    assert ACCESS_CODE_LETTERS == "BCDFGHJKMPQRTVWXY"
    assert ACCESS_CODE_DIGITS == "2346789"
    assert len(set(INVIGILATOR_PASSWORD_ALPHABET)) == len(INVIGILATOR_PASSWORD_ALPHABET) == 47


def test_generated_access_codes_have_pix_format_and_validate() -> None:
    rng = random.Random(7)
    for _ in range(500):
        code = generate_access_code(rng)
        assert len(code) == 6
        assert all(ch in ACCESS_CODE_LETTERS for ch in code[:4])
        assert all(ch in ACCESS_CODE_DIGITS for ch in code[4:])
        assert validate_access_code(code) == []


def test_generation_is_reproducible_with_a_seeded_rng_and_random_without() -> None:
    assert generate_access_code(random.Random(1)) == generate_access_code(random.Random(1))
    assert generate_invigilator_password(random.Random(1)) == generate_invigilator_password(
        random.Random(1)
    )
    # Without rng, the system CSPRNG is used: 20 draws are not all equal.
    assert len({generate_access_code() for _ in range(20)}) > 1
    assert len({generate_invigilator_password() for _ in range(20)}) > 1


def test_generated_passwords_are_distinct_characters_of_the_alphabet() -> None:
    rng = random.Random(3)
    for length in (5, 6, 8):
        for _ in range(200):
            password = generate_invigilator_password(rng, length)
            assert len(password) == length == len(set(password))
            assert set(password) <= set(INVIGILATOR_PASSWORD_ALPHABET)
    for _ in range(200):
        assert validate_invigilator_password(generate_invigilator_password(rng)) == []


def test_password_length_out_of_range_is_a_programming_error() -> None:
    import pytest

    with pytest.raises(ValueError):
        generate_invigilator_password(length=0)
    with pytest.raises(ValueError):
        generate_invigilator_password(length=48)


def test_access_code_normalisation() -> None:
    assert normalise_access_code("  bcdf 23 ") == "BCDF23"
    assert validate_access_code(" bcdf23 ") == []


def test_access_code_refusals_name_the_mistake() -> None:
    (p,) = validate_access_code("")
    assert p.key == "domain.access_code.required" and p.severity is Severity.ERROR
    assert p.field == "access_code"
    (p,) = validate_access_code("BCDF2")
    assert p.message == (
        "Le code d'accès compte 6 caractères, 4 lettres puis 2 chiffres (vous en avez saisi 5)."
    )
    # A vowel and a forbidden digit: both reported.
    problems = validate_access_code("BADF25")
    assert keys(problems) == ["domain.access_code.letters", "domain.access_code.digits"]
    assert "(A n'en fait pas partie)" in problems[0].message
    assert "BCDFGHJKMPQRTVWXY" in problems[0].message
    assert "(5 n'en fait pas partie)" in problems[1].message
    # Digits where letters belong.
    assert keys(validate_access_code("BC2323")) == ["domain.access_code.letters"]


def test_password_rules() -> None:
    assert validate_invigilator_password("b3!K*9") == []
    assert validate_invigilator_password(" b3!K*9 ") == []  # pasted with spaces
    assert validate_invigilator_password("BCD23") == []  # older 5-character session
    assert validate_invigilator_password("BBD23") == []  # older generator allowed repeats


def test_password_refusals() -> None:
    assert keys(validate_invigilator_password("")) == ["domain.password.required"]
    (p,) = validate_invigilator_password("abcd")
    assert p.key == "domain.password.length"
    assert "vous en avez saisi 4" in p.message
    (p,) = validate_invigilator_password("b3!K*1")  # 1 is not in the alphabet
    assert p.key == "domain.password.chars" and "(1 n'en fait pas partie)" in p.message
    (p,) = validate_invigilator_password("b3!K*b")
    assert p.key == "domain.password.repeated"
    assert p.message == (
        "Les 6 caractères du mot de passe de session sont tous différents "
        "(b revient plusieurs fois)."
    )
    # Vowels and 0/1 are excluded; case matters (a is refused, B accepted).
    assert keys(validate_invigilator_password("aBcd23")) == ["domain.password.chars"]


def test_pix_session_number() -> None:
    assert validate_pix_session_number("123456") == []
    assert validate_pix_session_number(" 1 234 567 ") == []
    assert keys(validate_pix_session_number("")) == ["domain.pix_number.required"]
    (p,) = validate_pix_session_number("12a4")
    assert (
        p.message
        == "Le numéro de session Pix ne contient que des chiffres (« 12a4 » n'est pas valable)."
    )
    assert keys(validate_pix_session_number("1234567890")) == ["domain.pix_number.length"]
    assert keys(validate_pix_session_number("١٢٣")) == [
        "domain.pix_number.digits"
    ]  # non-ASCII digits


@given(st.text(max_size=12))
def test_access_code_validator_never_raises_and_agrees_with_format(text: str) -> None:
    problems = validate_access_code(text)
    code = normalise_access_code(text)
    ok = (
        len(code) == 6
        and all(ch in ACCESS_CODE_LETTERS for ch in code[:4])
        and all(ch in ACCESS_CODE_DIGITS for ch in code[4:])
    )
    assert (problems == []) == ok
    assert all(p.severity is Severity.ERROR for p in problems)


@given(st.text(max_size=10))
def test_password_validator_never_raises_and_agrees_with_format(text: str) -> None:
    problems = validate_invigilator_password(text)
    pw = text.strip()
    ok = (len(pw) == 5 or (len(pw) == 6 and len(set(pw)) == 6)) and all(
        ch in INVIGILATOR_PASSWORD_ALPHABET for ch in pw
    )
    assert (problems == []) == ok


@given(st.text(max_size=14))
def test_session_number_validator_never_raises(text: str) -> None:
    problems = validate_pix_session_number(text)
    number = "".join(text.split())
    ok = 1 <= len(number) <= 9 and number.isascii() and number.isdigit()
    assert (problems == []) == ok
