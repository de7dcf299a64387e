"""Formatting of durations and extra time; text fitting never wider than its box; catalogue."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pixtui.documents.formatting import (
    extra_time_label,
    extra_time_percent,
    format_date,
    format_duration,
    format_long_date,
    personal_test_minutes,
)
from pixtui.documents.layout import Block, DocumentPDF, fit_text, paginate, spacer, wrap
from pixtui.i18n import messages_documents, set_language


@pytest.fixture(autouse=True)
def french() -> None:
    set_language("fr")


@pytest.fixture(scope="module")
def pdf() -> DocumentPDF:
    return DocumentPDF("A4")


@pytest.mark.parametrize(
    ("ratio", "minutes", "label"),
    [
        (0.0, 105, "1 h 45"),
        (0.33, 140, "2 h 20"),
        (0.2, 126, "2 h 06"),
        (0.5, 158, "2 h 38"),
        (1.0, 210, "3 h 30"),
    ],
)
def test_personal_durations(ratio: float, minutes: int, label: str) -> None:
    assert personal_test_minutes(105, ratio) == minutes
    assert format_duration(minutes) == label


def test_duration_and_extra_time_labels() -> None:
    assert format_duration(45) == "45 min"
    assert format_duration(120) == "2 h"
    assert extra_time_label(0.33) == "+33\u00a0%"
    assert extra_time_label(0) == ""
    assert extra_time_percent(0.335) == "33,5"
    assert format_date(date(2024, 3, 4)) == "04/03/2024"
    assert format_long_date(date(2024, 3, 4)) == "lundi 04/03/2024"


@given(st.floats(min_value=0, max_value=9.99, allow_nan=False))
def test_personal_duration_is_never_shorter_than_the_exact_one(ratio: float) -> None:
    minutes = personal_test_minutes(105, ratio)
    assert minutes >= 105 * (1 + ratio) - 1e-6
    assert minutes < 105 * (1 + ratio) + 1


names = st.text(
    alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Zs", "Pd"), max_codepoint=0x17F)
    | st.sampled_from("œŒ’'-"),
    max_size=160,
)


@settings(max_examples=60, deadline=None)
@given(text=names, width=st.floats(min_value=8, max_value=80))
def test_fitted_text_never_overflows(pdf: DocumentPDF, text: str, width: float) -> None:
    fitted = fit_text(pdf, text, width, size=9, min_size=6.5, max_lines=3)
    assert 1 <= len(fitted.lines) <= 3
    pdf.use(fitted.size, fitted.bold)
    for line in fitted.lines:
        assert pdf.width_of(line) <= width + 1e-6
    if len(fitted.lines) < 3 and not fitted.lines[-1].endswith("…"):
        # Nothing lost when it was not truncated.
        assert "".join(fitted.lines).replace(" ", "") == "".join(text.split())


def test_wrap_breaks_after_hyphens_and_cuts_long_words(pdf: DocumentPDF) -> None:
    pdf.use(9)
    lines = wrap(pdf, "Marie-Éléonore-Anne-Bérénice", 25)
    assert len(lines) > 1 and lines[0].endswith("-")
    pdf.use(9)
    cut = wrap(pdf, "W" * 60, 20)
    assert all(pdf.width_of(line) <= 20 for line in cut) and "".join(cut) == "W" * 60


def test_paginate_keeps_headings_with_what_follows() -> None:
    def block(height: float, keep: bool = False) -> Block:
        return Block(height, lambda pdf, y: None, keep)

    blocks = [block(40), block(40), block(10, keep=True), block(15)]
    pages = paginate(blocks, 100)
    assert [len(page) for page in pages] == [2, 2]
    assert paginate([], 100) == [[]]
    assert len(paginate([spacer(150)], 100)) == 1  # an oversized block gets a page of its own


def test_catalogue_entries_have_same_placeholders_in_both_languages() -> None:
    field = re.compile(r"{(\w+)}")
    for key, (french, english) in messages_documents.MESSAGES.items():
        assert key.startswith("documents."), key
        assert french.strip() and english.strip(), key
        assert sorted(field.findall(french)) == sorted(field.findall(english)), key


@given(st.sampled_from([0.0, 0.1, 0.2, 0.25, 0.33, 1 / 3, 0.5, 0.66, 1.0, 2.0, 0.335]))
def test_kit_duration_is_the_room_deadline_minus_the_start(ratio: float) -> None:
    """Oracle: what the kit prints and what the room counts down to are the same duration."""
    from datetime import UTC, datetime, timedelta

    from pixtui.domain.enums import AssessmentState
    from pixtui.domain.models import Candidate
    from pixtui.domain.timing import candidate_deadline

    start = datetime(2026, 3, 10, 8, 0, 17, tzinfo=UTC)
    candidate = Candidate(
        extra_time_ratio=ratio, started_at=start, assessment_state=AssessmentState.STARTED
    )
    deadline = candidate_deadline(candidate)
    assert deadline is not None
    assert deadline - start == timedelta(minutes=personal_test_minutes(105, ratio))
