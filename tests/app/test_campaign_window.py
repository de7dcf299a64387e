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


# --- issue 10 item 10: the current campaign, proposed in one place ------------------------------


def test_proposal_is_the_seed_window_moved_to_the_school_year() -> None:
    """Collège early March to mid-June, lycée early November to end of March (seed deck),
    moved to the school year of the day: one function, used by init, Accueil and the demo."""
    from pixtui.domain.enums import SchoolType
    from pixtui.domain.sessions import proposed_campaign_window

    college = proposed_campaign_window(SchoolType.COLLEGE, date(2026, 12, 2))
    lycee = proposed_campaign_window(SchoolType.LYCEE, date(2026, 12, 2))
    assert (college.school_year, college.start, college.end) == (
        "2026-2027",
        date(2027, 3, 4),
        date(2027, 6, 14),
    )
    assert (lycee.start, lycee.end) == (date(2026, 11, 6), date(2027, 3, 29))
    assert college.proposed and lycee.proposed
    # the seed year itself gives the seed dates; a July day belongs to the year before
    seed = proposed_campaign_window(SchoolType.COLLEGE, date(2023, 10, 1))
    assert (seed.start, seed.end) == (date(2024, 3, 4), date(2024, 6, 14))
    assert proposed_campaign_window(SchoolType.COLLEGE, date(2027, 7, 1)) == college


def test_init_proposes_the_current_window_and_sessions_no_longer_warn(
    tmp_path, capsys, monkeypatch
) -> None:
    from pixtui.cli import main
    from pixtui.commands import admin
    from pixtui.domain.clock import FixedClock
    from pixtui.domain.models import Session
    from pixtui.domain.sessions import validate_session
    from pixtui.store import Store
    from tests.conftest import FROZEN_NOW

    path = tmp_path / "pixtui.json"
    monkeypatch.setattr(admin, "clock", lambda: FixedClock(FROZEN_NOW))  # 2027-03-18
    argv = ["--store", str(path), "init", "--name", "Collège A", "--uai", "0211234A"]
    assert main([*argv, "--type", "college"]) == 0
    out = capsys.readouterr().out
    assert "Fenêtre de campagne proposée (Collège, 2026-2027) : du 04/03/2027 au 14/06/2027" in out
    assert "Accueil (touche C)" in out
    school = Store.open(path, "referent", FixedClock(FROZEN_NOW)).snapshot().school
    window = campaign_window_for(school, date(2027, 4, 1))
    assert window is not None and window.proposed
    session = Session(site="A", room="B12", examiners=["M. X"], date=date(2027, 4, 1))
    keys = [
        p.key for p in validate_session(session, school=school, others=[], today=date(2027, 3, 18))
    ]
    assert "domain.session.no_campaign_window" not in keys


def test_rehearsals_never_warn_about_the_campaign_window(demo_store) -> None:
    from pixtui.domain.models import Session
    from pixtui.domain.sessions import validate_session

    school = demo_store.snapshot().school
    day = date(2027, 8, 20)  # summer holidays: outside every window
    real = Session(site="A", room="B12", examiners=["M. X"], date=day)
    assert "domain.session.outside_campaign" in [
        p.key for p in validate_session(real, school=school, others=[], today=date(2027, 8, 1))
    ]
    rehearsal = Session(site="A", room="B12", examiners=["M. X"], date=day, rehearsal=True)
    keys = [
        p.key for p in validate_session(rehearsal, school=school, others=[], today=date(2027, 8, 1))
    ]
    assert not {"domain.session.outside_campaign", "domain.session.no_campaign_window"} & set(keys)


async def test_accueil_proposes_the_current_window_and_c_confirms_it(tmp_path) -> None:
    """A store that only knows the seed's 2023-2024 windows: Accueil proposes this year's,
    C opens pre-filled with it, two Enter confirm it (no longer a proposal)."""
    from pixtui.app import PixtuiApp
    from pixtui.domain.clock import FixedClock
    from pixtui.domain.models import SchoolSettings
    from pixtui.store import Store
    from tests.conftest import FROZEN_NOW

    clock = FixedClock(FROZEN_NOW)
    store = Store.create(
        tmp_path / "pixtui.json", SchoolSettings(name="Collège A"), "referent", clock
    )
    app = PixtuiApp(store, clock, watch_terminal=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        line = str(app.screen.query_one("#campaign-line").render())
        assert "Campagne 2026-2027 proposée du 04/03/2027 au 14/06/2027" in line
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    window = campaign_window_for(store.snapshot().school, date(2027, 4, 1))
    assert window is not None and not window.proposed
    assert (window.start, window.end) == (date(2027, 3, 4), date(2027, 6, 14))
