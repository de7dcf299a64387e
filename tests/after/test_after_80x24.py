"""The after-the-session screens at 80x24 with realistic data: the finalisation wizard and
each of its dialogs, the summary, Résultats and a class's results (40 candidates, long
names, results that differ by competence): nothing cut, charts that say what they show."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.widgets import DataTable, OptionList

from pixtui.domain.clock import FixedClock
from pixtui.domain.enums import AssessmentState
from pixtui.domain.results import HistogramBin, compact_histogram
from pixtui.widgets.charts import Bar, BarChart, bar_chart
from tests.after.conftest import add_held_session
from tests.after.test_results_import import HEADER_OLD, write
from tests.conftest import FROZEN_NOW
from tests.ui.pilot_helpers import screen_text
from tests.ui.test_80x24 import (
    HEIGHT,
    LONG_FIRST,
    LONG_LAST,
    WIDTH,
    cut_parts,
    reset,
    visit,
)

RESULTS_SESSION = "897575"  # the results file's session, the demo's session of 11 March
CODES = ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "3.1"]
CODES += ["3.2", "3.3", "3.4", "4.1", "4.2", "4.3", "5.1", "5.2"]


def results_file(store, tmp_path: Path) -> Path:
    """Every pupil of 3A and 3B validated, scores spread over 200–500 pix, 5.2 the weakest
    competence and 1.1 the strongest; the first pupil renamed with a very long name."""
    pupils = sorted(
        [
            *store.snapshot().pupils.where(division="3A"),
            *store.snapshot().pupils.where(division="3B"),
        ],
        key=lambda p: p.id,
    )
    with store.transaction("test: long name") as tx:
        tx.pupils.update(
            pupils[0].id,
            lambda p: (setattr(p, "last_name", LONG_LAST), setattr(p, "first_name", LONG_FIRST)),
        )
    pupils[0] = store.snapshot().pupils.get(pupils[0].id)
    lines = []
    for index, pupil in enumerate(pupils):
        levels = ";".join("5" if c == "1.1" else "1" if c == "5.2" else "3" for c in CODES)
        born = pupil.birthdate.strftime("%d/%m/%Y")
        lines.append(
            f'{index + 1};"{pupil.first_name}";"{pupil.last_name}";"{born}";"";"";'
            f'"Validée";{200 + (index * 7) % 300};{levels};"";897575;"11/03/2027"'
        )
    return write(tmp_path / "resultats.csv", HEADER_OLD, lines)


@pytest.fixture
def realistic_app(realistic_store):
    from pixtui.app import PixtuiApp

    return PixtuiApp(realistic_store, FixedClock(FROZEN_NOW), watch_terminal=False)


@pytest.fixture
def realistic_store(after_store, tmp_path):
    from pixtui.services.results import apply_results, prepare_results

    states = [(LONG_LAST, LONG_FIRST, AssessmentState.STARTED)]
    states += [
        (f"NOM{i:02d}-TRÈS-LONG-POUR-LA-COLONNE", "Prénom", AssessmentState.COMPLETED)
        for i in range(38)
    ]
    states += [("ABSENT", "Aude", None)]
    add_held_session(after_store, states=states)
    preview = prepare_results(
        [results_file(after_store, tmp_path)], after_store.snapshot().pupils.all()
    )
    with after_store.transaction("import.results") as tx:
        apply_results(tx, preview)
    return after_store


CASES = [
    ("FinalisationWizardScreen", ["f7", "home", "enter"]),
    ("ChoiceDialog", ["f7", "home", "enter", "a"]),  # abort reason
    ("ChoiceDialog", ["f7", "home", "enter", "r"]),  # report: which code
    ("TextDialog", ["f7", "home", "enter", "g"]),  # comment
    ("FinalisationWizardScreen", ["f7", "home", "enter", "e"]),  # no report to remove: said
    ("FinalisationWizardScreen", ["f7", "home", "enter", "v"]),  # validate: what is missing
    ("ResultsScreen", ["f8"]),
    ("ResultsGroupScreen", ["f8", "enter"]),
    ("ResultsGroupScreen", ["f8", "enter", "pagedown", "pagedown"]),
    ("ChoiceDialog", ["f8", "p"]),  # which session's results
    ("ResultsGroupScreen", ["f8", "p", "SESSION", "enter"]),  # a session's results
    ("ResultsGroupScreen", ["f8", "p", "SESSION", "enter", "pagedown", "pagedown"]),
]


async def test_a_session_results_title_keeps_its_number_at_80(realistic_app) -> None:
    """The title bar cuts a long title with « … »: a session's results keep its number."""
    async with realistic_app.run_test(size=(WIDTH, HEIGHT)) as pilot:
        await visit_after(pilot, ["f8", "p", "SESSION", "enter"])
        assert f"n° {RESULTS_SESSION} " in screen_text(pilot.app).splitlines()[0]


async def visit_after(pilot, keys: list[str]) -> None:
    """:func:`visit`, where « SESSION » presses ↓ in the sessions' list until the results
    file's session is highlighted, as a user would."""
    if "SESSION" not in keys:
        await visit(pilot, keys)
        return
    at = keys.index("SESSION")
    await visit(pilot, keys[:at])
    options = pilot.app.screen.query_one(OptionList)
    for _ in range(options.option_count):
        highlighted = options.highlighted
        if highlighted is not None and RESULTS_SESSION in str(
            options.get_option_at_index(highlighted).prompt
        ):
            break
        await pilot.press("down")
        await pilot.pause()
    await visit(pilot, keys[at + 1 :])


async def test_after_screens_whole_at_80x24(realistic_app) -> None:
    failures: dict[str, list[str]] = {}
    async with realistic_app.run_test(size=(WIDTH, HEIGHT)) as pilot:
        await pilot.pause()
        for expected, keys in CASES:
            await reset(pilot)
            await visit_after(pilot, keys)
            problems = cut_parts(pilot.app)
            shown = type(pilot.app.screen).__name__
            if shown != expected:
                problems.insert(0, f"{shown} shown instead")
            if problems:
                failures[f"{expected} ({' '.join(keys)})"] = problems
    assert failures == {}, "\n".join(f"{k}: {v}" for k, v in failures.items())


def test_compact_histogram_keeps_the_scores_range_and_groups_empty_bins() -> None:
    counts = [0, 1, 0, 2, 0, 0, 0, 1, 0, 0]
    bins = [HistogramBin(i * 64, i * 64 + 63, n) for i, n in enumerate(counts)]
    compact = compact_histogram(bins)
    assert [(b.low, b.high, b.count) for b in compact] == [
        (64, 127, 1),
        (128, 191, 0),
        (192, 255, 2),
        (256, 447, 0),
        (448, 511, 1),
    ]
    assert sum(b.count for b in compact) == sum(counts)
    assert compact_histogram([HistogramBin(0, 63, 0)]) == []


async def test_histogram_shows_the_range_with_scores_and_says_so(realistic_app) -> None:
    async with realistic_app.run_test(size=(WIDTH, HEIGHT)) as pilot:
        await visit(pilot, ["f8"])
        chart = pilot.app.screen.query_one("#school-histogram", BarChart)
        labels = [row.label for row in chart._rows]
        # scores 200–499: the bins from 192 to 511, not the 14 bins from 0 to 895
        assert labels == ["192–255", "256–319", "320–383", "384–447", "448–511"]
        assert "de 192 à 511 pix" in chart._title


async def test_strengths_and_weaknesses_named_cut_with_ellipsis(realistic_app) -> None:
    async with realistic_app.run_test(size=(WIDTH, HEIGHT)) as pilot:
        await visit(pilot, ["f8"])
        table = pilot.app.screen.query_one("#results-table", DataTable)
        strongest = table.get_cell_at((0, table.get_column_index("strongest"))).plain
        weakest = table.get_cell_at((0, table.get_column_index("weakest"))).plain
        assert strongest.startswith("1.1 Mener une recherche")
        assert weakest.startswith("5.2 Construire")
        text = screen_text(pilot.app)
        assert "1.1 Mener une" in text and "…" in text
    from pixtui.app import PixtuiApp

    wide = PixtuiApp(realistic_app.store, FixedClock(FROZEN_NOW), watch_terminal=False)
    async with wide.run_test(size=(200, 40)) as pilot:
        await visit(pilot, ["f8"])
        text = screen_text(pilot.app)
        assert "1.1 Mener une recherche et une veille d" in text


def test_a_long_chart_label_ends_with_an_ellipsis() -> None:
    label = "3.3 Adapter les documents à leur finalité"
    text = bar_chart([Bar(label, 3.0, "3,0")], 8, 60).plain
    assert label not in text
    assert "3.3 Adapter les documents" in text and "…" in text
    assert bar_chart([Bar("1.2 Gérer des données", 3.0, "3,0")], 8, 60).plain.startswith(
        "1.2 Gérer des données "
    )


@pytest.mark.parametrize("keys", [["f8"], ["f8", "enter"]])
async def test_pagedown_scrolls_the_results_at_once(realistic_app, keys) -> None:
    async with realistic_app.run_test(size=(WIDTH, HEIGHT)) as pilot:
        await visit(pilot, keys)
        scroller = pilot.app.screen.query_one(VerticalScroll)
        assert scroller.scroll_y == 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert scroller.scroll_y > 0
        await pilot.press("pageup")
        await pilot.pause()
        assert scroller.scroll_y == 0


def absent_and_present(store) -> tuple[object, object]:
    """Session 897575 (the results file's) held with two 3A pupils: the first never came in
    (absent in the room), the second finished."""
    from datetime import date, time

    from pixtui.domain.models import Candidate, Session

    absent, present = sorted(store.snapshot().pupils.where(division="3A"), key=lambda p: p.id)[1:3]
    session = Session(
        pix_number="897575", room="Salle 7", date=date(2027, 3, 11), start_time=time(9)
    )
    with store.transaction("test.setup") as tx:
        tx.sessions.add(session)
        for pupil, state in ((absent, None), (present, AssessmentState.COMPLETED)):
            tx.candidates.add(
                Candidate(
                    session_id=session.id,
                    pupil_id=pupil.id,
                    last_name=pupil.last_name,
                    first_name=pupil.first_name,
                    birthdate=pupil.birthdate,
                    division="3A",
                    assessment_state=state,
                    started_at=FROZEN_NOW if state else None,
                )
            )
    return absent, present


def test_a_result_of_a_pupil_absent_in_the_room_is_kept_and_said(after_store, tmp_path) -> None:
    from pixtui.services.results import describe_preview, prepare_results

    absent, present = absent_and_present(after_store)
    path = results_file(after_store, tmp_path)
    preview = prepare_results([path], after_store.snapshot().pupils.all())
    lines = describe_preview(preview, after_store.snapshot())
    said = [line for line in lines if "absent·e d'après la salle" in line]
    assert said == [
        f"{absent.last_name.upper()} {absent.first_name} était absent·e d'après la salle "
        "(session 897575) : résultat à vérifier."
    ]
    assert any(r.pupil_id == absent.id for r in preview.results)  # not refused
    assert preview.refused_count == 0
    assert not any("absent" in line for line in describe_preview(preview))


async def test_the_class_results_say_who_was_absent_in_the_room(realistic_store) -> None:
    from pixtui.app import PixtuiApp

    absent, _ = absent_and_present(realistic_store)
    app = PixtuiApp(realistic_store, FixedClock(FROZEN_NOW), watch_terminal=False)
    async with app.run_test(size=(WIDTH, HEIGHT)) as pilot:
        await visit(pilot, ["f8", "home", "enter"])
        text = screen_text(pilot.app)
        assert f"{absent.last_name.upper()} {absent.first_name} était absent·e" in text
        table = pilot.app.screen.query_one("#group-table", DataTable)
        notes = [
            table.get_cell(row, "note").plain
            for row in table.rows
            if table.get_cell(row, "note").plain
        ]
        assert len(notes) == 1 and notes[0].startswith("absent·e en salle")
        assert cut_parts(pilot.app) == []
