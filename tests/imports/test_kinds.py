"""A file's kind comes from its headers; parse_file dispatches and guards the expected kind."""

from __future__ import annotations

import pytest

from pixtui.domain.results import COMPETENCE_CODES
from pixtui.imports import ImportKind, detect_kind, parse_file
from tests.imports.conftest import example


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("siecle_3e_utf8_bom.csv", ImportKind.PUPIL_LIST),
        ("pronote_3e_cp1252_tab.txt", ImportKind.PUPIL_LIST),
        ("liste_cassee.csv", ImportKind.PUPIL_LIST),
        ("collecte_profils_3e.csv", ImportKind.PROFILE_COLLECTION),
        ("pix_orga_eleves.csv", ImportKind.ORGA_PUPILS),
    ],
)
def test_examples(name: str, kind: ImportKind) -> None:
    assert detect_kind(example(name)) is kind
    assert parse_file(example(name)).kind is kind


def test_results_and_unknown_files() -> None:
    competences = ";".join(f'"{c}"' for c in COMPETENCE_CODES)
    # the three score headers Pix wrote (PRs #15567, #15949): recognised by what they share
    for score in (
        '"Nombre de Pix"',
        '"Type de certification";"Statut";"Résultat"',
        '"Niveau";"Score en Pix"',
    ):
        results = (
            '\ufeff"Numéro de certification";"Prénom";"Nom";"Date de naissance";"Statut";'
            f'{score};{competences};"Date de passage de la certification"\n'
        ).encode()
        assert detect_kind(results) is ImportKind.CERTIFICATION_RESULTS, score
    assert detect_kind(b"Produit;Prix\nA;1\n") is ImportKind.UNKNOWN
    assert detect_kind(b"") is ImportKind.UNKNOWN
    report = parse_file(b"Produit;Prix\nA;1\n")
    assert report.error is not None and report.error.startswith("Type de fichier non reconnu")
    assert parse_file(results).error is not None


def test_expected_kind_mismatch_is_an_error() -> None:
    report = parse_file(example("collecte_profils_3e.csv"), expected=ImportKind.PUPIL_LIST)
    assert (
        report.error
        == "Ce fichier est un(e) export de collecte de profils Pix Orga, pas un(e) liste d'élèves."
    )
    assert not report.rows


def test_summary_sentence() -> None:
    report = parse_file(example("liste_cassee.csv"))
    assert report.summary() == (
        "liste d'élèves : 4 lignes acceptées, 10 refusées, 1 avertissement ; "
        "16 lignes, UTF-8, séparateur point-virgule."
    )
