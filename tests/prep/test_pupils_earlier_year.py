"""Élèves marks a certifiability collected in an earlier school year (issue 13), by the one
rule Enrolment uses (domain.certifiability.certifiability_from_earlier_year), and says its
date and school year on the line below the table for the pupil under the cursor."""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable

from pixtui.screens.pupils import PupilsScreen
from tests.ui.pilot_helpers import screen_text

SIZE = (80, 24)


def _date_two(store) -> tuple[str, str]:
    """The first two pupils Élèves lists: the first collected on 31 August 2026 (school year
    2025-2026, before the clock's 18 March 2027), the second on 1 September 2026 (this year)."""
    from pixtui.services.pupils import current_pupils, pupil_sort_key

    first, second = sorted(current_pupils(store.snapshot()), key=pupil_sort_key)[:2]
    with store.transaction("test: certifiability dates") as tx:
        tx.pupils.update(first.id, lambda p: setattr(p, "certifiability_date", date(2026, 8, 31)))
        tx.pupils.update(second.id, lambda p: setattr(p, "certifiability_date", date(2026, 9, 1)))
    return first.id, second.id


def _cell(screen: PupilsScreen, pupil_id: str) -> str:
    table = screen.query_one("#pupils-table", DataTable)
    return str(table.get_cell(pupil_id, "certifiability"))


async def test_an_earlier_year_is_marked_and_said_below(demo_app, demo_store) -> None:
    old, current = _date_two(demo_store)
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        screen = demo_app.screen
        assert isinstance(screen, PupilsScreen)
        assert _cell(screen, old).endswith(" ?")
        assert not _cell(screen, current).endswith("?")
        text = screen_text(demo_app)
        assert "? Certificabilité du 31/08/2026 (année 2025-2026) : à vérifier" in text
        assert "Informés :" not in text  # the pupil's line replaces the class's second line
        await pilot.press("down")  # the next pupil's certifiability is this year's
        await pilot.pause()
        text = screen_text(demo_app)
        assert "Certificabilité du" not in text
        assert "Informés :" in text
