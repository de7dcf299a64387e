"""Résultats: certification results per class and per competence.

The import of Pix Orga's results files and the charts are the "after the session" work
(issue 6); until they land this screen says so plainly.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget
from textual.widgets import Static

from pixtui.i18n import t
from pixtui.screens.base import PixScreen


class ResultsScreen(PixScreen):
    SECTION = "resultats"
    TITLE_KEY = "nav.results"

    def compose_body(self) -> Iterable[Widget]:
        yield Static(t("results.coming"), id="results-coming", classes="notice")
