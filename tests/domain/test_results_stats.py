"""Results statistics (A5) and the R3 explanation, on known inputs."""

from __future__ import annotations

import pytest

from pixtui.domain.results import (
    COMPETENCE_CODES,
    LEVEL_BANDS,
    CertificationResult,
    ResultStatus,
    by_class,
    by_session,
    certified_competences,
    compare_classes,
    competence_averages,
    fewer_than_five_explanation,
    level_band,
    level_distribution,
    natural_key,
    r3_explanation,
    result_band,
    result_level_label,
    score_histogram,
    score_stats,
    status_counts,
    summarise,
)
from pixtui.domain.serialize import from_record, to_record
from pixtui.i18n import set_language

V, R, C = ResultStatus.VALIDATED, ResultStatus.REJECTED, ResultStatus.CANCELLED


@pytest.fixture(autouse=True)
def french() -> None:
    set_language("fr")


def result(
    division: str,
    status: ResultStatus,
    score: int | None,
    level: int | None = None,
    session: str | None = None,
    **levels: int | None,
) -> CertificationResult:
    """Every competence at ``level``, then the overrides (``c1_1=4`` sets "1.1")."""
    cells: dict[str, int | None] = dict.fromkeys(COMPETENCE_CODES, level)
    for name, value in levels.items():
        cells[name[1:].replace("_", ".")] = value
    return CertificationResult(
        first_name="X",
        last_name="Y",
        division=division,
        status=status,
        score=score,
        competence_levels=cells,
        session_number=session,
    )


def school() -> list[CertificationResult]:
    return [
        result("3A", V, 100, 1, "7001", c1_1=3),
        result("3A", V, 300, 3, "7001", c1_1=5),
        result("3A", R, 0, 0, "7001"),
        result("3B", V, 500, 4, "7002", c5_2=0),
        result("3B", C, None, None, "7002"),
        result("3A10", V, 63, 0, "7002", c1_1=1),
        result("3A2", V, 895, 7, "7003"),
    ]


def test_level_bands_are_pix_names_from_64_pix_without_gaps() -> None:
    """Pix's mesh as its results CSV labels it (1024pix/pix PRs #11556, #11885): Novice 1 at
    64 pix … Expert 2; nothing below 64 pix."""
    assert LEVEL_BANDS[0].low == 64 and LEVEL_BANDS[-1].high == 1023
    for before, after in zip(LEVEL_BANDS, LEVEL_BANDS[1:], strict=False):
        assert after.low == before.high + 1
    scores = (64, 127, 128, 255, 256, 383, 384, 511, 512, 639, 640, 767, 768, 895, 896)
    assert [level_band(s).label for s in scores] == [
        "Novice 1",
        "Novice 1",
        "Novice 2",
        "Novice 2",
        "Indépendant 1",
        "Indépendant 1",
        "Indépendant 2",
        "Indépendant 2",
        "Avancé 1",
        "Avancé 1",
        "Avancé 2",
        "Avancé 2",
        "Expert 1",
        "Expert 1",
        "Expert 2",
    ]
    assert level_band(0) is None and level_band(63) is None  # Pix: no level below 64
    assert level_band(None) is None and level_band(1024) is None and level_band(-1) is None
    assert all(not band.label.startswith("results.") for band in LEVEL_BANDS)  # all in catalogue


def test_the_level_is_pix_word_from_the_file_when_it_has_one() -> None:
    from_file = result("3A", V, 300, 3, "7001")
    from_file.level_label = "Indépendant 1"
    assert result_level_label(from_file) == "Indépendant 1"
    assert result_band(from_file) is level_band(300)
    # the file's word wins over the score's band (Pix may move the thresholds)
    from_file.level_label = "Avancé 1"
    assert result_level_label(from_file) == "Avancé 1" and result_band(from_file).low == 512
    assert result_level_label(result("3A", V, 50, 0, "7001")) == "–"
    assert result_level_label(result("3A", V, 130, 1, "7001")) == "Novice 2"


def test_status_counts() -> None:
    counts = status_counts(
        [
            *school(),
            result("3A", ResultStatus.CANCELLED_BY_JURY, None),
            result("3A", ResultStatus.ERROR, None),
        ]
    )
    assert (counts.validated, counts.rejected, counts.cancelled, counts.other) == (5, 1, 2, 1)
    assert counts.total == 9
    assert counts.validated_rate == pytest.approx(5 / 9)
    assert status_counts([]).validated_rate is None


def test_histogram_counts_validated_scores_in_64_pix_bins() -> None:
    bins = score_histogram(school())
    assert len(bins) == 14 and bins[0].label == "0–63" and bins[-1].label == "832–895"
    counts = {b.low: b.count for b in bins if b.count}
    assert counts == {0: 1, 64: 1, 256: 1, 448: 1, 832: 1}  # the rejected 0 is left out
    assert sum(b.count for b in score_histogram(school(), statuses=None)) == 6
    wide = score_histogram(school(), bin_width=300)
    assert [(b.low, b.high, b.count) for b in wide] == [(0, 299, 2), (300, 599, 2), (600, 895, 1)]
    with pytest.raises(ValueError):
        score_histogram(school(), bin_width=0)


def test_level_distribution_lists_every_band() -> None:
    distribution = level_distribution(school())
    assert [band.key for band, _ in distribution] == ["NONE"] + [b.key for b in LEVEL_BANDS]
    assert {band.key: n for band, n in distribution if n} == {
        "NONE": 1,
        "BEGINNER_1": 1,
        "INDEPENDENT_3": 1,
        "INDEPENDENT_4": 1,
        "EXPERT_7": 1,
    }


def test_competence_averages_skip_not_assessed_cells() -> None:
    averages = competence_averages(school())
    assert set(averages) == set(COMPETENCE_CODES)
    # validated only: 3, 5, 4, 1, 7 for 1.1
    assert averages["1.1"] == pytest.approx(4.0)
    # 5.2: 1, 3, 0 (assessed, not certified), 0, 7
    assert averages["5.2"] == pytest.approx(11 / 5)
    only_dashes = [result("3A", V, 10, None)]
    assert competence_averages(only_dashes)["2.3"] is None


def test_score_stats() -> None:
    stats = score_stats(school())
    assert (stats.count, stats.minimum, stats.maximum) == (5, 63, 895)
    assert stats.mean == pytest.approx((100 + 300 + 500 + 63 + 895) / 5)
    assert stats.median == 300
    assert score_stats([]).mean is None


def test_per_class_and_per_session_summaries() -> None:
    classes = by_class(school())
    assert [c.label for c in classes] == ["3A", "3A2", "3A10", "3B"]  # natural order
    a = classes[0]
    assert (a.statuses.validated, a.statuses.rejected) == (2, 1)
    assert a.scores.mean == pytest.approx(200)
    assert a.fewer_than_five == 0 and a.mean_certified_competences == 16
    assert classes[2].fewer_than_five == 1  # 3A10: only 1.1 at level 1
    assert classes[2].mean_certified_competences == 1
    sessions = by_session(school())
    assert [s.label for s in sessions] == ["7001", "7002", "7003"]
    assert sessions[1].statuses.total == 3
    unknown = by_class([result("", V, 10, 0)])
    assert unknown[0].label == "Classe inconnue"


def test_comparison_between_classes() -> None:
    rows = compare_classes(school())
    school_mean = (100 + 300 + 500 + 63 + 895) / 5
    row = {r.division: r for r in rows}
    assert row["3A"].certifications == 3 and row["3A"].validated == 2
    assert row["3A"].validated_rate == pytest.approx(2 / 3)
    assert row["3A"].delta_to_school == pytest.approx(200 - school_mean)
    assert row["3A"].strongest == "1.1"
    assert row["3B"].weakest == "5.2"
    assert row["3A2"].strongest == "1.1"  # a tie goes to the first competence


def test_r3_fewer_than_five_competences_is_explained() -> None:
    few = result("3A", V, 70, 0, c1_1=2, c2_1=1, c4_1=1)
    assert certified_competences(few) == 3
    text = fewer_than_five_explanation(few)
    assert text is not None
    assert "3 compétences sur 16" in text and "16 compétences" in text and "certifiable" in text
    assert fewer_than_five_explanation(result("3A", V, 300, 3)) is None
    assert fewer_than_five_explanation(result("3A", R, 0, 0)) is None
    assert "16 compétences" in r3_explanation() and "5" in r3_explanation()


def test_summary_of_an_empty_group() -> None:
    empty = summarise("3C", [])
    assert empty.statuses.total == 0 and empty.scores.mean is None
    assert empty.mean_certified_competences is None
    assert all(b.count == 0 for b in empty.histogram)


def test_natural_key() -> None:
    assert sorted(["3A10", "3B", "3A2", "301", "4", "TG2", "3a1"], key=natural_key) == [
        "3a1",
        "3A2",
        "3A10",
        "3B",
        "4",
        "301",
        "TG2",
    ]


def test_results_round_trip_through_the_store_format() -> None:
    original = result("3A", V, 312, 2, "7001", c1_1=None)
    restored = from_record(CertificationResult, to_record(original))
    assert restored == original
    assert restored.status is ResultStatus.VALIDATED
