"""One Screen per file. The sections are Textual modes, each with its own stack."""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen


def _home() -> Screen:
    from pixtui.screens.home import HomeScreen

    return HomeScreen()


def _pupils() -> Screen:
    from pixtui.screens.pupils import PupilsScreen

    return PupilsScreen()


def _sessions() -> Screen:
    from pixtui.screens.sessions import SessionsScreen

    return SessionsScreen()


def _room() -> Screen:
    from pixtui.screens.room_entry import RoomEntryScreen

    return RoomEntryScreen()


def _coordination() -> Screen:
    from pixtui.screens.coordination import CoordinationScreen

    return CoordinationScreen()


def _finalisation() -> Screen:
    from pixtui.screens.finalisation import FinalisationScreen

    return FinalisationScreen()


def _results() -> Screen:
    from pixtui.screens.results import ResultsScreen

    return ResultsScreen()


def _journal() -> Screen:
    from pixtui.screens.journal import JournalScreen

    return JournalScreen()


# Imported lazily: only the screens a user opens cost start-up time.
SCREEN_FACTORIES: dict[str, Callable[[], Screen]] = {
    "accueil": _home,
    "eleves": _pupils,
    "sessions": _sessions,
    "salle": _room,
    "coordination": _coordination,
    "finalisation": _finalisation,
    "resultats": _results,
    "journal": _journal,
}
