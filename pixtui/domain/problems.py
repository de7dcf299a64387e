"""What a rule says when it is broken: a :class:`Problem` with a severity.

Every validator of the domain returns a list of problems instead of raising, so a form can show
all of them at once: ERROR refuses the change, WARNING needs an explicit confirmation, INFO only
informs. The message is already translated through the catalogue when the problem is built.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from pixtui.i18n import t


class Severity(StrEnum):
    ERROR = "error"  # the change is refused
    WARNING = "warning"  # allowed after an explicit confirmation
    INFO = "info"  # shown, nothing to confirm


@dataclass(frozen=True)
class Problem:
    key: str  # the catalogue key, stable for tests and callers
    message: str  # the sentence shown to the user, in the current language
    severity: Severity
    field: str | None = None  # the form field concerned, when there is one

    @classmethod
    def error(cls, key: str, field: str | None = None, /, **params: object) -> Problem:
        return cls(key, t(key, **params), Severity.ERROR, field)

    @classmethod
    def warning(cls, key: str, field: str | None = None, /, **params: object) -> Problem:
        return cls(key, t(key, **params), Severity.WARNING, field)

    @classmethod
    def info(cls, key: str, field: str | None = None, /, **params: object) -> Problem:
        return cls(key, t(key, **params), Severity.INFO, field)


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.ERROR]


def warnings(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.WARNING]


def infos(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.INFO]


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.severity is Severity.ERROR for p in problems)


def keys(problems: Iterable[Problem]) -> list[str]:
    """The catalogue keys, in order (handy to assert on and to log)."""
    return [p.key for p in problems]


# --- Refusals ---------------------------------------------------------------------------------


class Refused(Exception):
    """The one refusal type: a rule the user broke, nothing written, French sentences to show.

    Every refusal of the domain and the services is this class or a subclass of it, so
    ``PixtuiApp.write`` and the command line catch it once and show ``message``. ``problems``
    are ERRORs; for :class:`NeedsConfirmation` they are the WARNINGs still to confirm.
    A plain sentence (an import file's own report) is accepted and kept as one problem.
    """

    needs_confirmation: bool = False

    def __init__(self, problems: Problem | str | Sequence[Problem]) -> None:
        if isinstance(problems, Problem):
            problems = [problems]
        elif isinstance(problems, str):
            problems = [Problem(REFUSED_TEXT_KEY, problems, Severity.ERROR)]
        self.problems: list[Problem] = list(problems)
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """Every problem's sentence, in order, on one line."""
        return " ".join(p.message for p in self.problems)

    @property
    def problem(self) -> Problem:
        """The first problem (most refusals carry exactly one)."""
        return self.problems[0]


class NeedsConfirmation(Refused):
    """WARNINGs the user has not confirmed yet; nothing was written."""

    needs_confirmation = True


REFUSED_TEXT_KEY = "refused.text"  # a Refused built from a sentence, not a catalogue key
