"""Pix Orga per-class certification results files: variants, bad lines, duplicates, class, matching."""

from __future__ import annotations

import codecs
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pixtui.domain.models import Pupil
from pixtui.domain.problems import Severity, keys
from pixtui.domain.results import COMPETENCE_CODES, ResultStatus, by_class
from pixtui.imports.results import (
    division_from_file_name,
    match_results,
    merge_files,
    parse_results,
    read_results_file,
)

DATA = Path(__file__).resolve().parents[2] / "data" / "results"
COMP = list(COMPETENCE_CODES)
OLD_HEADER = [
    "Numéro de certification",
    "Prénom",
    "Nom",
    "Date de naissance",
    "Lieu de naissance",
    "Identifiant Externe",
    "Statut",
    "Nombre de Pix",
    *COMP,
    "Commentaire jury pour l’organisation",
    "Session",
    "Date de passage de la certification",
]


def csv_bytes(header: list[str], rows: list[list[str]], bom: bool = True) -> bytes:
    def q(cell: str) -> str:
        return '"' + cell.replace('"', '""') + '"'

    lines = [";".join(q(h) for h in header)] + [";".join(q(c) for c in row) for row in rows]
    text = "\n".join(lines) + "\n"
    return (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8")


def row(
    first: str,
    last: str,
    born: str,
    status: str = "Validée",
    score: str = "300",
    level: str = "3",
    taken: str = "04/04/2024",
    session: str = "7001",
) -> list[str]:
    return ["1", first, last, born, "Lyon", "", status, score, *([level] * 16), "", session, taken]


# --- the example files ------------------------------------------------------------------


def test_older_header_file_with_a_pupil_certified_twice() -> None:
    f = read_results_file(DATA / "20240612_resultats_3A.csv")
    assert f.readable and f.refused == []
    assert f.division == "3A" and f.variant == "nombre_de_pix" and f.encoding == "utf-8-sig"
    assert [r.last_name for r in f.results] == [
        "Durand",
        "Martin-Lefèvre",
        "Benali",
        "Œuvray",
        "Nguyen",
    ]
    benali = f.results[2]
    assert (benali.status, benali.score, benali.taken_on) == (
        ResultStatus.VALIDATED,
        355,
        date(2024, 4, 5),
    )
    assert [(r.status, r.taken_on) for r in f.superseded] == [
        (ResultStatus.REJECTED, date(2023, 3, 28))
    ]
    assert f.superseded[0].jury_comment.startswith("Certification rejetée")
    assert [(p.key, p.severity) for p in f.problems] == [
        ("results.import.superseded", Severity.INFO)
    ]
    cancelled = f.results[3]
    assert cancelled.status is ResultStatus.CANCELLED and cancelled.score is None
    assert set(cancelled.competence_levels.values()) == {None}  # "-" everywhere
    durand = f.results[0]
    assert durand.competence_levels["1.1"] == 3 and durand.competence_levels["5.2"] == 1
    assert durand.session_number == "7001" and durand.certification_number == "1001"
    assert durand.birthdate == date(2010, 2, 14) and durand.line == 2
    assert f.results[1].birthdate == date(2012, 2, 29)
    assert all(r.division == "3A" and r.source == "20240612_resultats_3A.csv" for r in f.results)


def test_newer_header_with_resultat_and_certification_type() -> None:
    f = read_results_file(DATA / "20250320_resultats_TG2.csv")
    assert f.readable and f.refused == [] and f.variant == "resultat" and f.division == "TG2"
    assert [r.score for r in f.results] == [512, 640, None, 384]
    assert f.results[2].status is ResultStatus.CANCELLED_BY_JURY
    assert {r.certification_type for r in f.results} == {"Certification Pix"}


def test_malformed_lines_are_refused_with_their_line_number_and_reason() -> None:
    f = read_results_file(DATA / "20240613_resultats_3B.csv")
    assert [r.last_name for r in f.results] == ["Petit", "Lambert"]
    refused = {r.line: r.reason for r in f.refused}
    assert sorted(refused) == [3, 4, 5, 7, 8]
    assert "31/02/2010" in refused[3]
    assert "Réussie" in refused[4]
    assert "2.3" in refused[5] and "12" in refused[5]
    assert "colonnes" in refused[7]
    assert "prénom" in refused[8]
    assert f.refused[0].message.startswith("Ligne 3 : ")


def test_all_classes_at_once_keep_one_certification_per_pupil() -> None:
    files = [read_results_file(p) for p in sorted(DATA.glob("*_resultats_*.csv"))]
    kept, older = merge_files(files)
    assert len(kept) == 5 + 2 + 4 + 5 + 5 and older == []
    assert [s.label for s in by_class(kept)] == ["3A", "3B", "3C", "3D", "TG2"]


# --- class -------------------------------------------------------------------------------


def test_division_from_file_name() -> None:
    assert division_from_file_name("20240612_resultats_3A.csv") == "3A"
    assert division_from_file_name("/tmp/x/20240612_RESULTATS_1ère STI2D.CSV") == "1ère STI2D"
    assert division_from_file_name("resultats_3A.csv") is None
    assert division_from_file_name("20240612_resultats_.csv") is None


def test_class_passed_in_wins_then_a_classe_column_then_the_file_name() -> None:
    data = csv_bytes(
        [*OLD_HEADER, "Classe"],
        [
            [*row("Léa", "Durand", "14/02/2010"), "3C"],
            [*row("Noé", "Martin", "01/07/2010"), ""],
        ],
    )
    merged = parse_results(data, source="20240612_resultats_3A.csv")
    assert [r.division for r in merged.results] == ["3C", "3A"]
    forced = parse_results(data, source="20240612_resultats_3A.csv", division="3D")
    assert forced.division == "3D" and {r.division for r in forced.results} == {"3D"}


def test_unknown_class_is_a_warning_and_matching_fills_it_in() -> None:
    data = csv_bytes(OLD_HEADER, [row("Léa", "Durand", "14/02/2010")])
    f = parse_results(data, source="export.csv")
    assert keys(f.problems) == ["results.import.no_division"]
    assert f.readable and f.results[0].division == ""
    pupil = Pupil(last_name="DURAND", first_name="Léa", birthdate=date(2010, 2, 14), division="3E")
    match = match_results(f.results, [pupil])
    assert len(match.matched) == 1
    assert f.results[0].division == "3E" and f.results[0].pupil_id == pupil.id


# --- file-level refusals ----------------------------------------------------------------


def test_a_file_of_another_kind_is_refused_naming_the_missing_columns() -> None:
    data = csv_bytes(["Nom", "Prénom", "Classe"], [["Durand", "Léa", "3A"]])
    f = parse_results(data, source="eleves.csv")
    assert not f.readable and f.results == []
    assert keys(f.problems) == ["results.import.missing_columns"]
    message = f.problems[0].message
    assert (
        "eleves.csv" in message
        and "Statut" in message
        and "Nombre de Pix" in message
        and "1.1" in message
    )


def test_empty_and_header_only_files() -> None:
    assert keys(parse_results(b"", source="vide.csv").problems) == ["results.import.unreadable"]
    assert keys(parse_results(csv_bytes(OLD_HEADER, []), source="x.csv").problems) == [
        "results.import.no_rows"
    ]


def test_unreadable_path_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    f = read_results_file(tmp_path / "absent.csv")
    assert (
        keys(f.problems) == ["results.import.cannot_read"] and "absent.csv" in f.problems[0].message
    )


# --- cells --------------------------------------------------------------------------------


def test_variants_of_header_spelling_and_encoding() -> None:
    header = [h.replace("’", "'").upper() for h in OLD_HEADER]  # straight apostrophe, upper case
    text = "\n".join([";".join(header), ";".join(row("Léa", "Durand", "2010-02-14"))]) + "\n"
    f = parse_results(text.encode("cp1252"), source="20240612_resultats_3A.csv")
    assert f.readable and f.encoding == "cp1252"
    assert f.results[0].first_name == "Léa" and f.results[0].birthdate == date(2010, 2, 14)


def test_anti_formula_prefix_and_dashes() -> None:
    data = csv_bytes(
        OLD_HEADER,
        [
            [
                "-",
                "'=Rose",
                "Caron",
                "11/03/2007",
                "-",
                "-",
                "Validée",
                "-",
                *(["-"] * 16),
                "'-Fraude",
                "-",
                "-",
            ],
        ],
    )
    f = parse_results(data, source="20240612_resultats_3A.csv")
    r = f.results[0]
    assert r.first_name == "=Rose" and r.jury_comment == "-Fraude"
    assert r.score is None and r.session_number is None and r.taken_on is None
    assert r.certification_number is None and r.birthplace == ""


def test_bad_score_and_bad_date_of_sitting_are_refused() -> None:
    data = csv_bytes(
        OLD_HEADER,
        [
            row("A", "B", "01/01/2010", score="beaucoup"),
            row("C", "D", "01/01/2010", score="2000"),
            row("E", "F", "01/01/2010", taken="hier"),
            row(
                "G",
                "H",
                "",
            ),
            row("I", "J", "01/01/2010", level="-1"),
        ],
    )
    f = parse_results(data, source="20240612_resultats_3A.csv")
    assert [r.line for r in f.refused] == [2, 3, 4, 5]
    assert "beaucoup" in f.refused[0].reason and "2000" in f.refused[1].reason
    assert "hier" in f.refused[2].reason and "naissance" in f.refused[3].reason
    assert f.results[0].competence_levels["1.1"] == 0  # Pix's uncertified -1 reads as 0


def test_non_numeric_result_is_kept_as_a_label_in_typed_files() -> None:
    header = [h if h != "Nombre de Pix" else "Résultat" for h in OLD_HEADER] + [
        "Type de certification"
    ]
    data = csv_bytes(header, [[*row("A", "B", "01/01/2010", score="Avancé"), "Pix+ Droit"]])
    r = parse_results(data, source="20240612_resultats_3A.csv").results[0]
    assert r.score is None and r.result_label == "Avancé" and r.certification_type == "Pix+ Droit"


def test_same_day_duplicates_keep_the_later_line_and_undated_counts_as_oldest() -> None:
    data = csv_bytes(
        OLD_HEADER,
        [
            row("Léa", "Durand", "14/02/2010", score="100", taken="-"),
            row("LEA", "DURAND", "14/02/2010", score="200", taken="04/04/2024"),
            row("Léa", "Durand", "14/02/2010", score="300", taken="04/04/2024"),
            row("Léa", "Durand", "14/02/2010", score="50", taken="01/01/2023"),
        ],
    )
    f = parse_results(data, source="20240612_resultats_3A.csv")
    assert [r.score for r in f.results] == [300]
    assert sorted(r.score for r in f.superseded) == [50, 100, 200]


# --- matching ----------------------------------------------------------------------------


def test_matching_by_names_and_birthdate() -> None:
    f = read_results_file(DATA / "20240612_resultats_3A.csv")
    lea = Pupil(last_name="DURAND", first_name="Lea", birthdate=date(2010, 2, 14), division="3A")
    noe = Pupil(
        last_name="Martin Lefevre", first_name="Noé", birthdate=date(2012, 2, 29), division="3A"
    )
    ines = Pupil(
        last_name="Benali", first_name="Inès Sarah", birthdate=date(2009, 11, 3), division="3A"
    )
    jean = Pupil(
        last_name="Oeuvray", first_name="Jean-Noël", birthdate=date(2010, 7, 21), division="3A"
    )
    twin_a = Pupil(
        last_name="Nguyen", first_name="Chloé", birthdate=date(2010, 9, 8), division="3A"
    )
    twin_b = Pupil(
        last_name="Nguyen", first_name="Chloé", birthdate=date(2010, 9, 8), division="3B"
    )
    waiting = Pupil(
        last_name="Sans", first_name="Résultat", birthdate=date(2010, 1, 1), division="3A"
    )
    left = Pupil(last_name="Parti", first_name="Élève", division="3A", left_school=True)
    other_class = Pupil(last_name="Autre", first_name="Classe", division="4B")
    pupils = [lea, noe, ines, jean, twin_a, twin_b, waiting, left, other_class]

    match = match_results(f.results, pupils)

    assert {(r.last_name, p.id) for r, p in match.matched} == {
        ("Durand", lea.id),
        ("Martin-Lefèvre", noe.id),
        ("Benali", ines.id),
        ("Œuvray", jean.id),
    }
    assert all(r.pupil_id == p.id for r, p in match.matched)
    assert [(r.last_name, len(ps)) for r, ps in match.ambiguous] == [("Nguyen", 2)]
    assert f.results[4].pupil_id is None
    assert match.unmatched == []
    assert match.pupils_without_result == [waiting]
    assert "2 élèves correspondent" in match.problems()[0].message


def test_unmatched_rows_are_reported_with_their_line() -> None:
    f = read_results_file(DATA / "20250320_resultats_TG2.csv")
    match = match_results(f.results, [])
    assert len(match.unmatched) == 4
    problems = match.problems()
    assert (
        problems[0].message
        == "Ligne 2 : aucun élève ne correspond à Chevalier Yanis, né(e) le 05/05/2007."
    )
    assert {p.severity for p in problems} == {Severity.WARNING}


def test_a_different_birthdate_is_never_matched() -> None:
    data = csv_bytes(OLD_HEADER, [row("Léa", "Durand", "14/02/2010")])
    f = parse_results(data, source="20240612_resultats_3A.csv")
    pupil = Pupil(last_name="Durand", first_name="Léa", birthdate=date(2010, 2, 15), division="3A")
    assert match_results(f.results, [pupil]).unmatched == f.results


# --- hypothesis: the parser never crashes and numbers refused lines ------------------------

_cell = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12),
    st.sampled_from(
        ["-", "Validée", "Rejetée", "14/02/2010", "31/02/2010", "300", "'=x", '"', ";"]
    ),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_cell, min_size=0, max_size=30), max_size=8), st.booleans())
def test_parser_never_crashes_on_pix_like_files(rows: list[list[str]], bom: bool) -> None:
    data = csv_bytes(OLD_HEADER, rows, bom=bom)
    f = parse_results(data, source="20240612_resultats_3A.csv")
    assert f.readable or f.problems
    lines = [r.line for r in f.refused] + [r.line or 0 for r in (*f.results, *f.superseded)]
    assert all(line >= 2 for line in lines)
    assert len(set(lines)) == len(lines)  # one outcome per line at most
    for refused in f.refused:
        assert refused.reason and refused.message.startswith(f"Ligne {refused.line} : ")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_parser_never_crashes_on_arbitrary_bytes(data: bytes) -> None:
    f = parse_results(data, source="n'importe.csv")
    assert isinstance(f.results, list)
    assert all(r.line >= 1 for r in f.refused)


@pytest.mark.parametrize("bad", [b"\x00\x01\x02binary", b"\xff\xfe\x00"])
def test_binary_files_are_refused_with_a_sentence(bad: bytes) -> None:
    f = parse_results(bad, source="photo.jpg")
    assert not f.readable and f.results == []
    assert f.problems[0].severity is Severity.ERROR and "photo.jpg" in f.problems[0].message


# --- the three files Pix wrote in 2026 (reference §5.5; Pix PRs #15567, #15949) ------------


def test_march_2026_file_reads_score_and_level_from_resultat() -> None:
    """PR #15567: « Résultat » holds « 266 Pix » or « Indépendant 1 (266 Pix) »."""
    f = read_results_file(DATA / "20260325_resultats_3C.csv")
    assert f.readable and f.refused == [] and f.variant == "resultat"
    assert "mars 2026" in f.variant_label
    got = [(r.last_name, r.status, r.score, r.level_label) for r in f.results]
    assert got == [
        ("Fontaine", ResultStatus.VALIDATED, 266, "Indépendant 1"),
        ("Roy", ResultStatus.VALIDATED, 140, "Novice 2"),
        ("Morel", ResultStatus.REJECTED, 0, ""),  # « Non obtenue », « 0 Pix »
        ("Girard", ResultStatus.VALIDATED, 50, ""),  # below 64 pix: no level
        ("Bonnet", ResultStatus.CANCELLED, None, ""),
    ]
    assert f.results[0].certification_center == "Collège Jean Moulin"


def test_april_2026_file_reads_niveau_score_and_clea() -> None:
    """PR #15949: « Certification CléA » (optional), « Niveau », « Score en Pix »; a rejected
    certification is « Non obtenue » with score 0 and level « - »: stored, not refused."""
    f = read_results_file(DATA / "20260512_resultats_3D.csv")
    assert f.readable and f.refused == [] and f.variant == "niveau_score"
    assert "20/04/2026" in f.variant_label
    got = [(r.last_name, r.status, r.score, r.level_label, r.clea) for r in f.results]
    assert got == [
        ("Dumont", ResultStatus.VALIDATED, 402, "Indépendant 2", ""),
        ("Lopez", ResultStatus.VALIDATED, 530, "Avancé 1", "Validée"),
        ("Perrin", ResultStatus.REJECTED, 0, "", ""),
        ("Fabre", ResultStatus.VALIDATED, 96, "Novice 1", ""),
        ("Guerin", ResultStatus.CANCELLED_BY_JURY, None, "", ""),
    ]
    assert f.results[0].competence_levels["1.1"] == 4


def test_every_variant_is_recognised_as_results_whatever_its_score_header() -> None:
    from pixtui.imports import ImportKind, detect_kind

    for path in sorted(DATA.glob("*_resultats_*.csv")):
        assert detect_kind(path.read_bytes()) is ImportKind.CERTIFICATION_RESULTS, path.name


def test_an_unreadable_score_is_a_refused_line_never_a_silent_blank() -> None:
    header = [h if h != "Nombre de Pix" else "Résultat" for h in OLD_HEADER]
    data = csv_bytes(
        header,
        [
            row("A", "B", "01/01/2010", score="266 pix"),
            row("C", "D", "01/01/2010", score="beaucoup"),
            row("E", "F", "01/01/2010", score="Novice 1 (100 Pix)"),
        ],
    )
    f = parse_results(data, source="20260325_resultats_3C.csv")
    assert [(r.score, r.level_label) for r in f.results] == [(266, ""), (100, "Novice 1")]
    assert [r.line for r in f.refused] == [3] and "beaucoup" in f.refused[0].reason
    new = [h if h != "Nombre de Pix" else "Score en Pix" for h in OLD_HEADER]
    f = parse_results(csv_bytes(new, [row("A", "B", "01/01/2010", score="266 Pix")]), source="x")
    assert f.results == [] and "266 Pix" in f.refused[0].reason


def test_unknown_extra_columns_are_ignored() -> None:
    header = [*OLD_HEADER, "Certification Pix+ Bandjo Expert"]
    data = csv_bytes(header, [[*row("A", "B", "01/01/2010"), "Validée"]])
    f = parse_results(data, source="20240612_resultats_3A.csv")
    assert f.refused == [] and f.results[0].score == 300
