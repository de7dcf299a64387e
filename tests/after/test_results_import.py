"""Results import end to end: files we write (both variants, malformed line, an earlier
sitting of the same pupil, an unknown pupil), by the CLI and by keys on the screen."""

from __future__ import annotations

from pathlib import Path

from pixtui.cli import main
from pixtui.domain.results import ResultStatus
from tests.ui.pilot_helpers import notices

HEADER_OLD = (
    '"Numéro de certification";"Prénom";"Nom";"Date de naissance";"Lieu de naissance";'
    '"Identifiant Externe";"Statut";"Nombre de Pix";'
    + ";".join(
        f'"{c}"'
        for c in (
            [
                "1.1",
                "1.2",
                "1.3",
                "2.1",
                "2.2",
                "2.3",
                "2.4",
                "3.1",
                "3.2",
                "3.3",
                "3.4",
                "4.1",
                "4.2",
                "4.3",
                "5.1",
                "5.2",
            ]
        )
    )
    + ';"Commentaire jury pour l’organisation";"Session";"Date de passage de la certification"'
)
HEADER_NEW = HEADER_OLD.replace(
    '"Statut";"Nombre de Pix"', '"Type de certification";"Statut";"Résultat"'
)
LEVELS = ";".join(["3"] * 16)


def line(number: int, pupil, status: str, score: str, day: str, new: bool = False) -> str:
    born = pupil.birthdate.strftime("%d/%m/%Y")
    kind = '"Certification Pix";' if new else ""
    return (
        f'{number};"{pupil.first_name}";"{pupil.last_name}";"{born}";"Lyon";"";{kind}'
        f'"{status}";{score};{LEVELS};"";897575;"{day}"'
    )


def write(path: Path, header: str, lines: list[str]) -> Path:
    path.write_bytes(("\ufeff" + "\r\n".join([header, *lines]) + "\r\n").encode("utf-8"))
    return path


def files(store, tmp_path: Path) -> tuple[list[Path], list]:
    pupils = sorted(store.snapshot().pupils.where(division="3A"), key=lambda p: p.last_name)
    a, b, c = pupils[:3]
    first = write(
        tmp_path / "20270401_resultats_3A.csv",
        HEADER_OLD,
        [
            line(1, a, "Validée", "300", "11/03/2027"),
            line(2, a, "Rejetée", "-", "11/03/2026"),  # an earlier sitting: the latest is kept
            line(3, b, "Validée", "520", "11/03/2027"),
            '4;"Inconnu";"Personne";"01/01/2012";"";"";"Validée";200;'
            + LEVELS
            + ';"";897575;"11/03/2027"',
            '5;"Cassé";"Ligne";"pas une date";"";"";"Validée";200;'
            + LEVELS
            + ';"";897575;"11/03/2027"',
        ],
    )
    second = write(
        tmp_path / "export_pix.csv",
        HEADER_NEW,
        [
            line(6, c, "Annulée", "-", "11/03/2027", new=True),
            '7;"Autre";"Inconnue";"02/02/2012";"";"";"Certification Pix";"Validée";100;'
            + LEVELS
            + ';"";897575;"11/03/2027"',
        ],
    )
    return [first, second], [a, b, c]


def test_cli_import_needs_a_class_then_writes_once(after_store, tmp_path, capsys):
    paths, (a, b, c) = files(after_store, tmp_path)
    store = str(after_store.path)
    counter = after_store.snapshot().counter
    assert main(["--store", store, "import", "results", *map(str, paths), "--accept-valid"]) != 0
    assert "--classe" in capsys.readouterr().err  # an unknown pupil in a file without class
    assert main(["--store", store, "import", "results", *map(str, paths), "--classe", "3A"]) != 0
    assert "--accept-valid" in capsys.readouterr().err  # the malformed line: nothing written
    assert after_store.snapshot().counter == counter
    assert (
        main(
            [
                "--store",
                store,
                "import",
                "results",
                *map(str, paths),
                "--classe",
                "3A",
                "--accept-valid",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "Personne Inconnu" in out  # the unmatched row is reported
    snap = after_store.snapshot()
    assert snap.counter == counter + 1  # one transaction
    results = {r.last_name: r for r in snap.results.all()}
    assert results[a.last_name].status is ResultStatus.VALIDATED
    assert results[a.last_name].score == 300 and results[a.last_name].pupil_id == a.id
    assert results[c.last_name].status is ResultStatus.CANCELLED
    assert "Personne" in results and results["Personne"].pupil_id is None
    pupil = snap.pupils.get(a.id)
    assert {p.taken_on.year for p in pupil.previous_certifications} >= {2026, 2027}
    # importing the same files again replaces, never duplicates
    assert (
        main(
            [
                "--store",
                store,
                "import",
                "results",
                *map(str, paths),
                "--classe",
                "3A",
                "--accept-valid",
            ]
        )
        == 0
    )
    assert len(after_store.snapshot().results.all()) == len(results)


async def test_screen_import_by_keys(after_store, after_app, tmp_path):
    paths, (a, _b, _c) = files(after_store, tmp_path)
    good = paths[0]
    async with after_app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f8")
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        for char in str(good):
            await pilot.press(
                char
                if char.isalnum()
                else {"/": "slash", "_": "underscore", ".": "full_stop", "-": "minus"}[char]
            )
        await pilot.press("enter")
        await pilot.pause()
        assert after_store.snapshot().results.all() == []  # nothing before accepting
        await pilot.press("right", "enter")
        await pilot.pause()
        assert any("Résultats enregistrés" in n for n in notices(after_app))
        await pilot.press("enter")  # open class 3A
        await pilot.pause()
        from pixtui.screens.results_class import ResultsGroupScreen

        assert isinstance(after_app.screen, ResultsGroupScreen)
    assert {r.last_name for r in after_store.snapshot().results.all()} >= {a.last_name}


def test_cli_imports_the_three_files_pix_wrote_and_names_each(after_store, capsys):
    """Older (« Nombre de Pix »), March 2026 (« Résultat » = « 266 Pix ») and since 2026-04-20
    (« Niveau », « Score en Pix », « Non obtenue »): score, status and level stored."""
    data = Path(__file__).resolve().parents[2] / "data" / "results"
    paths = [
        data / "20240612_resultats_3A.csv",
        data / "20260325_resultats_3C.csv",
        data / "20260512_resultats_3D.csv",
    ]
    store = str(after_store.path)
    argv = ["--store", store, "import", "results", *map(str, paths), "--accept-valid"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "ancien fichier de résultats" in out
    assert "mars 2026" in out and "depuis le 20/04/2026" in out
    results = {r.last_name: r for r in after_store.snapshot().results.all()}
    assert (results["Fontaine"].score, results["Fontaine"].level_label) == (266, "Indépendant 1")
    assert (results["Dumont"].score, results["Dumont"].level_label) == (402, "Indépendant 2")
    perrin = results["Perrin"]  # « Non obtenue »: a certification not obtained, not a bad line
    assert (perrin.status, perrin.score, perrin.level_label) == (ResultStatus.REJECTED, 0, "")
    assert results["Durand"].score == 312
