"""The command palette, in the interface's language.

Textual's palette hard-codes "Search for commands…" and "No matches found"; this subclass
replaces both from the catalogue. Two providers (Textual's public ``Provider``) make it the
fastest way to a record from the keyboard: a session by its Pix number, a pupil by name.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, Hit, Hits, Provider
from textual.widgets.option_list import Option

from pixtui.domain.names import matches_search, name_key
from pixtui.domain.timing import format_date
from pixtui.i18n import t


class PixCommandPalette(CommandPalette):
    def __init__(self) -> None:
        super().__init__(placeholder=t("palette.placeholder"), id="--command-palette")

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(t("palette.no_matches"), style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


# --- providers: a session by its number, a pupil by name ---------------------------------------

MAX_HITS = 20


class SessionNumberProvider(Provider):
    """« 1840 » finds the session whose Pix number starts with (or holds) the digits typed;
    Entrée opens its screen in Sessions."""

    async def search(self, query: str) -> Hits:
        digits = "".join(query.split())
        if not digits.isdigit():
            return
        app: Any = self.app
        shown = 0
        for session in sorted(app.snapshot.sessions.all(), key=lambda s: s.pix_number or ""):
            number = session.pix_number or ""
            if digits not in number:
                continue
            score = 1.0 if number.startswith(digits) else 0.5
            label = t("palette.session", number=number)
            details = " · ".join(
                part for part in (format_date(session.date), session.room, session.site) if part
            )
            yield Hit(score, Text(label), partial(app.open_session, session.id), label, details)
            shown += 1
            if shown >= MAX_HITS:
                return


class PupilNameProvider(Provider):
    """« eleonore dup » finds Éléonore Dupont (accents and case ignored, words in any order);
    Entrée shows the pupil in Élèves."""

    async def search(self, query: str) -> Hits:
        if not name_key(query).strip():
            return
        app: Any = self.app
        shown = 0
        for pupil in sorted(app.snapshot.pupils.all(), key=lambda p: name_key(p.last_name)):
            if not matches_search(query, pupil.last_name, pupil.first_name):
                continue
            label = f"{pupil.last_name} {pupil.first_name}"
            details = t("palette.pupil.help", division=pupil.division or "—")
            yield Hit(1.0, Text(label), partial(app.open_pupil, pupil.id), label, details)
            shown += 1
            if shown >= MAX_HITS:
                return
