"""The campaign window of this school year: editable, checked, and used by the session rules."""

from __future__ import annotations

from datetime import date

import pytest

from pixtui.domain.enums import SchoolType
from pixtui.domain.sessions import campaign_window_for
from pixtui.services.school import WindowRefused, set_campaign_window, window_problems


def test_window_rules() -> None:
    assert window_problems(date(2027, 3, 1), date(2027, 6, 11)) == []
    assert window_problems(date(2027, 6, 11), date(2027, 3, 1))[0].key == "home.window.order"
    # September starts a new school year.
    assert window_problems(date(2027, 3, 1), date(2027, 9, 15))[0].key == "home.window.one_year"


def test_set_window_replaces_only_this_year_and_level(demo_store) -> None:
    before = demo_store.snapshot().school.campaign_windows
    with demo_store.transaction("school.campaign_window") as tx:
        set_campaign_window(tx, date(2027, 3, 8), date(2027, 6, 4))
    school = demo_store.snapshot().school
    window = campaign_window_for(school, date(2027, 4, 1))
    assert (window.start, window.end) == (date(2027, 3, 8), date(2027, 6, 4))
    assert len(school.campaign_windows) == len(before)  # replaced, not added
    others = [
        w
        for w in school.campaign_windows
        if w.school_year != "2026-2027" or w.school_type is SchoolType.LYCEE
    ]
    assert others == [
        w for w in before if w.school_year != "2026-2027" or w.school_type is SchoolType.LYCEE
    ]
    with pytest.raises(WindowRefused), demo_store.transaction("school.campaign_window") as tx:
        set_campaign_window(tx, date(2027, 6, 4), date(2027, 3, 8))
    assert campaign_window_for(demo_store.snapshot().school, date(2027, 4, 1)) == window


async def test_window_edited_by_keys_from_home(demo_app, demo_store) -> None:
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", *"01/03/2027", "enter")
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", *"11/06/2027", "enter")
        await pilot.pause()
    window = campaign_window_for(demo_store.snapshot().school, date(2027, 3, 18))
    assert (window.start, window.end) == (date(2027, 3, 1), date(2027, 6, 11))
    assert demo_store.journal_tail(1)[0].action == "school.campaign_window"
