"""Baselines measured in the same run as pixtui (SPEC §8 compares with bare Textual apps).

python benchmarks/bare_apps.py table   # header, footer and a 30-row table
python benchmarks/bare_apps.py clock   # a label showing the time, refreshed every second
"""

from __future__ import annotations

import sys
from datetime import datetime

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header, Label


class TableApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Nom", "Classe", "État")
        for row in range(30):
            table.add_row(f"ÉLÈVE {row:02d}", "3A", "prêt")
        self.query_one(Header).tall = False
        self.sub_title = "baseline-ready"


class ClockApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Label(id="clock")
        yield Label("baseline-ready")

    def on_mount(self) -> None:
        self.set_interval(1.0, self.tick)
        self.tick()

    def tick(self) -> None:
        self.query_one("#clock", Label).update(datetime.now().strftime("%H:%M:%S"))


if __name__ == "__main__":
    (ClockApp if sys.argv[1:] == ["clock"] else TableApp)().run()
