"""Certification results and their statistics (A5, R3): pure functions over imported results.

A :class:`CertificationResult` is one row of Pix Orga's per-class results file, after parsing.
Score statistics and competence averages are computed on *validated* certifications only by
default: a rejected or cancelled certification has no meaningful score or levels, and mixing
them in would drag every average down for reasons unrelated to the pupils' skills.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from pixtui.domain.enums import COMPETENCES
from pixtui.domain.models import Record
from pixtui.i18n import CATALOGUE, t

COMPETENCE_CODES: tuple[str, ...] = tuple(c.code for c in COMPETENCES)
MAX_REACHABLE_SCORE = 895  # 7 levels x 16 competences x 8 pix - 1 (reference §5.2)
MAX_COMPETENCE_LEVEL = 8  # EXPERT_8 exists in Pix's mesh even if capped in practice
CERTIFIABILITY_THRESHOLD = 5  # competences at level >= 1 needed to *sit* the certification


class ResultStatus(StrEnum):
    """Pix's assessment result statuses; the file shows the French labels (reference §5.2)."""

    VALIDATED = "validated"  # Validée
    REJECTED = "rejected"  # Rejetée
    CANCELLED = "cancelled"  # Annulée
    CANCELLED_BY_JURY = "cancelled_by_jury"  # Annulée par le jury
    ERROR = "error"  # En erreur
    STARTED = "started"  # Démarrée


CANCELLED_STATUSES = frozenset({ResultStatus.CANCELLED, ResultStatus.CANCELLED_BY_JURY})


@dataclass
class CertificationResult(Record):
    """One certification of one pupil, as Pix Orga exports it (peers.md §9.1)."""

    certification_number: str | None = None
    first_name: str = ""
    last_name: str = ""
    birthdate: date | None = None
    birthplace: str = ""
    external_id: str = ""
    division: str = ""  # from the file name, the caller, a merged ``Classe`` column or the pupil
    status: ResultStatus = ResultStatus.VALIDATED
    score: int | None = None  # "Score en Pix" / "Nombre de Pix" / "Résultat"; None for "-"
    result_label: str = ""  # a non-numeric "Résultat" (complementary certification)
    level_label: str = ""  # Pix's own word for the global level ("Niveau"), "" for "-"
    clea: str = ""  # "Certification CléA" column when the file has it (Validée, Non obtenue…)
    certification_type: str = ""  # "Type de certification" (newer files)
    competence_levels: dict[str, int | None] = field(default_factory=dict)  # None = "-"
    jury_comment: str = ""
    session_number: str | None = None
    certification_center: str = ""
    taken_on: date | None = None  # "Date de passage de la certification"
    pupil_id: str | None = None  # set when matched to a pupil
    source: str = ""  # file name it came from
    line: int | None = None  # line number in that file


# --- Pix global levels ("mesh", reference §5.5) ---------------------------------------------
# Pix's labels, checked in 1024pix/pix (PRs #11556, #11885;
# api/tests/certification/results/.../get-session-certification-results-csv_test.js: reached
# mesh 1 = "Novice 1" … 8 = "Expert 2", mesh 0 = "-"). There is no global level below 64 pix.


@dataclass(frozen=True)
class LevelBand:
    key: str  # Pix's internal mesh name, e.g. "BEGINNER_1"; the label is Pix's displayed word
    low: int
    high: int

    @property
    def label(self) -> str:
        return t(f"results.level.{self.key.lower()}")


LEVEL_BANDS: tuple[LevelBand, ...] = (
    LevelBand("BEGINNER_1", 64, 127),
    LevelBand("BEGINNER_2", 128, 255),
    LevelBand("INDEPENDENT_3", 256, 383),
    LevelBand("INDEPENDENT_4", 384, 511),
    LevelBand("ADVANCED_5", 512, 639),
    LevelBand("ADVANCED_6", 640, 767),
    LevelBand("EXPERT_7", 768, 895),
    LevelBand("EXPERT_8", 896, 1023),
)
NO_LEVEL = LevelBand("NONE", 0, 63)  # a score below 64 pix: Pix shows "-", no level


def level_band(score: int | None) -> LevelBand | None:
    """The Pix level of a global score; None when there is no score, it is below 64 pix (Pix
    gives no level there) or out of range."""
    if score is None:
        return None
    for band in LEVEL_BANDS:
        if band.low <= score <= band.high:
            return band
    return None


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def result_band(result: CertificationResult) -> LevelBand | None:
    """The level of one result: Pix's word from the file when it carries one (``Niveau``),
    else the band of its score. One home for "which level": screens, charts and exports."""
    if result.level_label:
        wanted = _fold(result.level_label)
        for band in LEVEL_BANDS:
            if _fold(band.label) == wanted or _fold(t_fr(band)) == wanted:
                return band
    return level_band(result.score)


def t_fr(band: LevelBand) -> str:
    """The band's French label whatever the interface language (files are written in French)."""
    entry = CATALOGUE.get(f"results.level.{band.key.lower()}")
    return entry[0] if entry else band.key


def result_level_label(result: CertificationResult) -> str:
    """What to show as the level: Pix's word from the file first, else the band of the score,
    else ``–`` (no score, or below 64 pix)."""
    if result.level_label:
        return result.level_label
    band = level_band(result.score)
    return band.label if band else "–"


# --- Per-result helpers -------------------------------------------------------------------


def certified_competences(result: CertificationResult) -> int:
    """Competences certified at level 1 or more (``0`` and ``-`` are not certified)."""
    return sum(1 for level in result.competence_levels.values() if level is not None and level >= 1)


def fewer_than_five_explanation(result: CertificationResult) -> str | None:
    """R3: why a pupil certified with fewer than 5 competences is normal; None when not relevant.

    The certificate's level is computed on all 16 competences; the 5-competence threshold is
    only the certifiability rule for *sitting* the test (reference §2.5), not a pass mark.
    """
    if result.status is not ResultStatus.VALIDATED:
        return None
    count = certified_competences(result)
    if count >= CERTIFIABILITY_THRESHOLD:
        return None
    return t("results.r3.explanation", count=count, threshold=CERTIFIABILITY_THRESHOLD)


def r3_explanation() -> str:
    """The general R3 text, for the help panel of the results screen."""
    return t("results.r3.general", threshold=CERTIFIABILITY_THRESHOLD)


# --- Aggregates ---------------------------------------------------------------------------


@dataclass(frozen=True)
class StatusCounts:
    validated: int = 0
    rejected: int = 0
    cancelled: int = 0  # includes "Annulée par le jury"
    other: int = 0  # en erreur, démarrée

    @property
    def total(self) -> int:
        return self.validated + self.rejected + self.cancelled + self.other

    @property
    def validated_rate(self) -> float | None:
        """Share of validated certifications, 0..1; None for an empty group."""
        return self.validated / self.total if self.total else None


def status_counts(results: Iterable[CertificationResult]) -> StatusCounts:
    validated = rejected = cancelled = other = 0
    for result in results:
        if result.status is ResultStatus.VALIDATED:
            validated += 1
        elif result.status is ResultStatus.REJECTED:
            rejected += 1
        elif result.status in CANCELLED_STATUSES:
            cancelled += 1
        else:
            other += 1
    return StatusCounts(validated, rejected, cancelled, other)


@dataclass(frozen=True)
class HistogramBin:
    low: int
    high: int  # inclusive
    count: int

    @property
    def label(self) -> str:
        return f"{self.low}–{self.high}"


def _selected(
    results: Iterable[CertificationResult], statuses: Iterable[ResultStatus] | None
) -> list[CertificationResult]:
    wanted = frozenset(statuses) if statuses is not None else None
    return [r for r in results if wanted is None or r.status in wanted]


VALIDATED_ONLY: tuple[ResultStatus, ...] = (ResultStatus.VALIDATED,)


def score_histogram(
    results: Iterable[CertificationResult],
    bin_width: int = 64,
    maximum: int = MAX_REACHABLE_SCORE,
    statuses: Iterable[ResultStatus] | None = VALIDATED_ONLY,
) -> list[HistogramBin]:
    """Counts of scores in bins ``[0, w-1], [w, 2w-1], …`` up to ``maximum`` (all bins listed).

    The default width of 64 pix makes the first bin the pré-débutant band; scores above
    ``maximum`` go in the last bin rather than vanish.
    """
    if bin_width < 1:
        raise ValueError("bin_width must be positive")
    edges = list(range(0, maximum + 1, bin_width))
    counts = [0] * len(edges)
    for result in _selected(results, statuses):
        if result.score is None or result.score < 0:
            continue
        index = min(result.score // bin_width, len(edges) - 1)
        counts[index] += 1
    return [
        HistogramBin(low, min(low + bin_width - 1, maximum), counts[i])
        for i, low in enumerate(edges)
    ]


def compact_histogram(bins: Sequence[HistogramBin]) -> list[HistogramBin]:
    """The bins that say something: empty bins before the first score and after the last one
    are left out, and a run of two or more empty bins between scores becomes one empty bin
    spanning them (« 320–511 : 0 »). No score: no bin. Counts and order are kept, so the
    bins' total is the full histogram's."""
    used = [i for i, b in enumerate(bins) if b.count]
    if not used:
        return []
    out: list[HistogramBin] = []
    for b in bins[used[0] : used[-1] + 1]:
        if b.count == 0 and out and out[-1].count == 0:
            out[-1] = HistogramBin(out[-1].low, b.high, 0)
        else:
            out.append(b)
    return out


def level_distribution(
    results: Iterable[CertificationResult],
    statuses: Iterable[ResultStatus] | None = VALIDATED_ONLY,
) -> list[tuple[LevelBand, int]]:
    """How many results fall in each Pix level band (every band listed, in order), after a
    first "no level" row for scores below 64 pix, so that no validated pupil is left out."""
    counter: Counter[str] = Counter()
    for result in _selected(results, statuses):
        band = result_band(result)
        if band is not None:
            counter[band.key] += 1
        elif result.score is not None and 0 <= result.score < NO_LEVEL.high + 1:
            counter[NO_LEVEL.key] += 1
    return [(band, counter[band.key]) for band in (NO_LEVEL, *LEVEL_BANDS)]


def competence_averages(
    results: Iterable[CertificationResult],
    statuses: Iterable[ResultStatus] | None = VALIDATED_ONLY,
) -> dict[str, float | None]:
    """Mean level per competence over the cells that were assessed; None when none were.

    ``-`` (not assessed) is left out; ``0`` (assessed, not certified) counts as 0.
    """
    sums = dict.fromkeys(COMPETENCE_CODES, 0)
    counts = dict.fromkeys(COMPETENCE_CODES, 0)
    for result in _selected(results, statuses):
        for code in COMPETENCE_CODES:
            level = result.competence_levels.get(code)
            if level is not None:
                sums[code] += level
                counts[code] += 1
    return {
        code: (sums[code] / counts[code] if counts[code] else None) for code in COMPETENCE_CODES
    }


@dataclass(frozen=True)
class ScoreStats:
    count: int
    mean: float | None
    median: float | None
    minimum: int | None
    maximum: int | None


def score_stats(
    results: Iterable[CertificationResult],
    statuses: Iterable[ResultStatus] | None = VALIDATED_ONLY,
) -> ScoreStats:
    import statistics  # here: the store imports this module at every start-up

    scores = [r.score for r in _selected(results, statuses) if r.score is not None]
    if not scores:
        return ScoreStats(0, None, None, None, None)
    return ScoreStats(
        len(scores), statistics.fmean(scores), statistics.median(scores), min(scores), max(scores)
    )


@dataclass(frozen=True)
class GroupSummary:
    """Everything the results screen shows for one class, one session or the whole school."""

    label: str
    statuses: StatusCounts
    scores: ScoreStats
    histogram: list[HistogramBin]
    levels: list[tuple[LevelBand, int]]
    competences: dict[str, float | None]
    fewer_than_five: int  # validated with fewer than 5 competences certified (R3)
    mean_certified_competences: float | None


def summarise(label: str, results: Sequence[CertificationResult]) -> GroupSummary:
    import statistics  # here: the store imports this module at every start-up

    validated = [r for r in results if r.status is ResultStatus.VALIDATED]
    certified = [certified_competences(r) for r in validated]
    return GroupSummary(
        label=label,
        statuses=status_counts(results),
        scores=score_stats(results),
        histogram=score_histogram(results),
        levels=level_distribution(results),
        competences=competence_averages(results),
        fewer_than_five=sum(1 for n in certified if n < CERTIFIABILITY_THRESHOLD),
        mean_certified_competences=statistics.fmean(certified) if certified else None,
    )


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key in which "3A2" comes before "3A10": runs of digits compare as numbers."""
    parts: list[tuple[int, int | str]] = []
    digits = ""
    letters = ""
    for ch in text.casefold():
        if ch.isdigit():
            if letters:
                parts.append((1, letters))
                letters = ""
            digits += ch
        else:
            if digits:
                parts.append((0, int(digits)))
                digits = ""
            letters += ch
    if digits:
        parts.append((0, int(digits)))
    if letters:
        parts.append((1, letters))
    return tuple(parts)


def _grouped(
    results: Iterable[CertificationResult], key: Callable[[CertificationResult], str]
) -> dict[str, list[CertificationResult]]:
    groups: dict[str, list[CertificationResult]] = {}
    for result in results:
        groups.setdefault(key(result), []).append(result)
    return {name: groups[name] for name in sorted(groups, key=natural_key)}


def by_class(results: Iterable[CertificationResult]) -> list[GroupSummary]:
    """One summary per class, classes in natural order; a result without class is grouped
    under the catalogue's "class unknown" label."""
    unknown = t("results.stats.unknown_class")
    groups = _grouped(results, lambda r: r.division or unknown)
    return [summarise(name, members) for name, members in groups.items()]


def by_session(results: Iterable[CertificationResult]) -> list[GroupSummary]:
    """One summary per Pix session number (``Session`` column)."""
    unknown = t("results.stats.unknown_session")
    groups = _grouped(results, lambda r: r.session_number or unknown)
    return [summarise(name, members) for name, members in groups.items()]


@dataclass(frozen=True)
class ClassComparisonRow:
    division: str
    certifications: int
    validated: int
    validated_rate: float | None
    mean_score: float | None
    delta_to_school: float | None  # mean score minus the whole school's mean score
    strongest: str | None  # competence code with the highest average
    weakest: str | None  # competence code with the lowest average


def compare_classes(results: Sequence[CertificationResult]) -> list[ClassComparisonRow]:
    """Classes side by side against the whole school's validated mean score."""
    school_mean = score_stats(results).mean
    rows: list[ClassComparisonRow] = []
    for summary in by_class(results):
        averages = {code: avg for code, avg in summary.competences.items() if avg is not None}
        mean = summary.scores.mean
        rows.append(
            ClassComparisonRow(
                division=summary.label,
                certifications=summary.statuses.total,
                validated=summary.statuses.validated,
                validated_rate=summary.statuses.validated_rate,
                mean_score=mean,
                delta_to_school=(
                    mean - school_mean if mean is not None and school_mean is not None else None
                ),
                # ties go to the first competence in framework order, so the output is stable
                strongest=max(averages, key=lambda c: averages[c]) if averages else None,
                weakest=min(averages, key=lambda c: averages[c]) if averages else None,
            )
        )
    return rows
