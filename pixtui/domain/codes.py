"""Pix's session codes: the candidates' access code, the invigilator password, the session number.

Real values are copied from Pix Certif; pixtui generates them only for rehearsal sessions, in the
same formats (reference pix-certification.md §1.3, §1.4). Validators return problems (never raise)
so a form can show every mistake at once.
"""

from __future__ import annotations

import random
import re

from pixtui.domain.problems import Problem

ACCESS_CODE_LETTERS = "BCDFGHJKMPQRTVWXY"
ACCESS_CODE_DIGITS = "2346789"
ACCESS_CODE_LENGTH = 6  # 4 letters then 2 digits

INVIGILATOR_PASSWORD_ALPHABET = "23456789bcdfghjkmpqrstvwxyBCDFGHJKMPQRSTVWXY!*?"
INVIGILATOR_PASSWORD_LENGTH = 6
OLDER_INVIGILATOR_PASSWORD_LENGTH = 5  # sessions created before Pix moved to 6 characters

PIX_SESSION_NUMBER_MAX_DIGITS = 9

_ACCESS_CODE = re.compile(f"[{ACCESS_CODE_LETTERS}]{{4}}[{ACCESS_CODE_DIGITS}]{{2}}")


def _rng(rng: random.Random | None) -> random.Random:
    # Real codes must not be guessable: the system's CSPRNG unless a test passes a seeded one.
    import secrets  # here: its hashlib costs ~7 ms at every start-up, codes are rarely made

    return rng if rng is not None else secrets.SystemRandom()


def generate_access_code(rng: random.Random | None = None) -> str:
    """A code like ``BCDF23``: 4 letters of ``ACCESS_CODE_LETTERS`` then 2 digits (repeats allowed)."""
    r = _rng(rng)
    letters = "".join(r.choice(ACCESS_CODE_LETTERS) for _ in range(4))
    digits = "".join(r.choice(ACCESS_CODE_DIGITS) for _ in range(2))
    return letters + digits


def generate_invigilator_password(rng: random.Random | None = None, length: int = 6) -> str:
    """``length`` distinct characters of ``INVIGILATOR_PASSWORD_ALPHABET`` (Pix draws without repetition)."""
    if not 1 <= length <= len(INVIGILATOR_PASSWORD_ALPHABET):
        raise ValueError(f"password length out of range: {length}")
    return "".join(_rng(rng).sample(INVIGILATOR_PASSWORD_ALPHABET, length))


def normalise_access_code(text: str) -> str:
    """What the user typed, without surrounding or inner spaces, in capitals (codes are shown so)."""
    return "".join(text.split()).upper()


def validate_access_code(text: str) -> list[Problem]:
    code = normalise_access_code(text)
    if not code:
        return [Problem.error("domain.access_code.required", "access_code")]
    if len(code) != ACCESS_CODE_LENGTH:
        return [Problem.error("domain.access_code.length", "access_code", length=len(code))]
    if _ACCESS_CODE.fullmatch(code):
        return []
    problems: list[Problem] = []
    bad_letters = sorted({ch for ch in code[:4] if ch not in ACCESS_CODE_LETTERS})
    if bad_letters:
        problems.append(
            Problem.error(
                "domain.access_code.letters",
                "access_code",
                chars=" ".join(bad_letters),
                allowed=ACCESS_CODE_LETTERS,
            )
        )
    bad_digits = sorted({ch for ch in code[4:] if ch not in ACCESS_CODE_DIGITS})
    if bad_digits:
        problems.append(
            Problem.error(
                "domain.access_code.digits",
                "access_code",
                chars=" ".join(bad_digits),
                allowed=ACCESS_CODE_DIGITS,
            )
        )
    return problems


def validate_invigilator_password(text: str) -> list[Problem]:
    """6 distinct characters of the alphabet; 5 characters for sessions created by older Pix.

    The password is case-sensitive, so only surrounding spaces are removed. Older Pix drew the
    5 characters with repetition allowed, so repeats are refused only for 6-character passwords.
    """
    password = text.strip()
    if not password:
        return [Problem.error("domain.password.required", "invigilator_password")]
    if len(password) not in (INVIGILATOR_PASSWORD_LENGTH, OLDER_INVIGILATOR_PASSWORD_LENGTH):
        return [
            Problem.error("domain.password.length", "invigilator_password", length=len(password))
        ]
    problems: list[Problem] = []
    bad = sorted({ch for ch in password if ch not in INVIGILATOR_PASSWORD_ALPHABET})
    if bad:
        problems.append(
            Problem.error("domain.password.chars", "invigilator_password", chars=" ".join(bad))
        )
    if len(password) == INVIGILATOR_PASSWORD_LENGTH and len(set(password)) != len(password):
        repeated = sorted({ch for ch in password if password.count(ch) > 1})
        problems.append(
            Problem.error(
                "domain.password.repeated", "invigilator_password", chars=" ".join(repeated)
            )
        )
    return problems


def normalise_pix_session_number(text: str) -> str:
    """Spaces removed: Pix Certif shows long numbers grouped ("1 234 567")."""
    return "".join(text.split())


def validate_pix_session_number(text: str) -> list[Problem]:
    number = normalise_pix_session_number(text)
    if not number:
        return [Problem.error("domain.pix_number.required", "pix_number")]
    if not (number.isascii() and number.isdigit()):
        return [Problem.error("domain.pix_number.digits", "pix_number", value=number)]
    if len(number) > PIX_SESSION_NUMBER_MAX_DIGITS:
        return [
            Problem.error(
                "domain.pix_number.length", "pix_number", max=PIX_SESSION_NUMBER_MAX_DIGITS
            )
        ]
    return []
