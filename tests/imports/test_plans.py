"""Plans against existing pupils: nothing guessed, nothing deleted, apply is pure."""

from __future__ import annotations

import copy
from datetime import date

from pixtui.domain.enums import Certifiability, LoginMethod
from pixtui.domain.models import Pupil
from pixtui.imports import (
    parse_orga_pupils,
    parse_profile_collection,
    parse_pupil_list,
    plan_certifiability_update,
    plan_login_methods,
    plan_pupil_import,
)
from tests.imports.conftest import example

LIST_HEAD = "Nom;Prénom;Date de naissance;Classe;INE\n"


def pupil(last: str, first: str, born: date | None, division: str, **fields: object) -> Pupil:
    return Pupil(last_name=last, first_name=first, birthdate=born, division=division, **fields)  # type: ignore[arg-type]


def pupils_from_siecle() -> list[Pupil]:
    plan = plan_pupil_import([], parse_pupil_list(example("siecle_3e_utf8_bom.csv")))
    return plan.apply([])


# --- Pupil lists ------------------------------------------------------------------------


def test_first_import_creates_everyone_and_is_stable() -> None:
    report = parse_pupil_list(example("siecle_3e_utf8_bom.csv"))
    plan = plan_pupil_import([], report)
    assert len(plan.new) == 15 and not plan.updates and not plan.missing
    created = plan.apply([])
    assert [p.id for p in created] == [item.pupil_id for item in plan.new]
    assert plan.apply(created) == []  # applying again adds nothing
    again = plan_pupil_import(created, parse_pupil_list(example("pronote_3e_cp1252_tab.txt")))
    # the Pronote copy names the same pupils: everyone matched by INE
    assert not again.new and not again.missing and not again.conflicts
    assert len(again.unchanged) + len(again.updates) == 15
    oeuvrard = next(u for u in again.updates if u.label.startswith("ŒUVRARD"))
    assert [c.describe() for c in oeuvrard.changes] == ["Nom : ŒUVRARD → OEUVRARD"]


def test_updates_show_before_and_after_and_apply_is_pure() -> None:
    existing = [
        pupil("Dupont", "Elodie", date(2010, 2, 14), "3B", sex="F"),
        pupil("PETIT", "Léa", date(2010, 3, 2), "3B", ine="0912345687K"),
    ]
    before = copy.deepcopy(existing)
    data = (
        LIST_HEAD + "DUPONT;Élodie;14/02/2010;3A;\n" + "PETIT;Léa;02/03/2010;3B;0912345687K\n"
    ).encode()
    plan = plan_pupil_import(existing, parse_pupil_list(data))
    (update,) = plan.updates
    assert update.pupil_id == existing[0].id and update.line == 2
    assert [c.describe() for c in update.changes] == [
        "Nom : Dupont → DUPONT",
        "Prénom : Elodie → Élodie",
        "Classe : 3B → 3A",
    ]
    assert plan.unchanged == [existing[1].id]
    (changed,) = plan.apply(existing)
    assert existing == before  # the inputs are not touched
    assert (changed.id, changed.division, changed.sex, changed.rev) == (
        existing[0].id,
        "3A",
        "F",
        existing[0].rev,
    )


def test_match_by_ine_before_names() -> None:
    existing = [pupil("Lefèvre", "Jean", date(2009, 11, 3), "3A", ine="0912345679B")]
    data = (LIST_HEAD + "MARTIN-LEFÈVRE;Jean-Noël;03/11/2009;3A;0912345679B\n").encode()
    plan = plan_pupil_import(existing, parse_pupil_list(data))
    assert not plan.new and plan.updates[0].pupil_id == existing[0].id


def test_same_names_other_ine_is_a_conflict_not_a_guess() -> None:
    existing = [pupil("Petit", "Léa", date(2010, 3, 2), "3B", ine="0912345687K")]
    data = (LIST_HEAD + "PETIT;Léa;02/03/2010;3B;0999999999Z\n").encode()
    plan = plan_pupil_import(existing, parse_pupil_list(data))
    assert not plan.new and not plan.updates
    (conflict,) = plan.conflicts
    assert (
        conflict.line == 2
        and conflict.candidate_ids == (existing[0].id,)
        and "autre INE" in conflict.reason
    )
    assert plan.missing == []  # a pupil in a conflict is not also "missing"


def test_two_existing_homonyms_with_same_birthdate_are_a_conflict() -> None:
    a = pupil("Nguyen", "Chloé", date(2010, 9, 8), "3A")
    b = pupil("NGUYEN", "Chloe", date(2010, 9, 8), "3B")
    plan = plan_pupil_import(
        [a, b], parse_pupil_list((LIST_HEAD + "NGUYEN;Chloé;08/09/2010;3A;\n").encode())
    )
    assert plan.conflicts[0].candidate_ids == (a.id, b.id)
    assert not plan.new and not plan.updates


def test_two_lines_on_one_pupil_are_a_conflict() -> None:
    existing = [pupil("Martin", "Jean", date(2009, 11, 3), "3A", ine="0912345679B")]
    data = (
        LIST_HEAD + "LEFÈVRE;Jean;03/11/2009;3A;0912345679B\n" + "MARTIN;Jean;03/11/2009;3A;\n"
    ).encode()
    report = parse_pupil_list(data)
    assert not report.refused  # the file alone shows no duplicate identity…
    plan = plan_pupil_import(existing, report)
    assert [c.line for c in plan.conflicts] == [2, 3]  # …but both land on the same pupil
    assert not plan.updates and not plan.unchanged


def test_missing_pupils_in_covered_classes_and_full_lists() -> None:
    existing = pupils_from_siecle() + [pupil("ANCIEN", "Élève", date(2009, 1, 1), "3D")]
    only_3a = "\n".join(
        line
        for line in example("siecle_3e_utf8_bom.csv").decode("utf-8-sig").splitlines()
        if not line.endswith(";3A")
    )
    plan = plan_pupil_import(existing, parse_pupil_list(only_3a.encode()))
    names = {p.id: p.last_name for p in existing}
    # 3A is absent from the file: its pupils are not missing; 3B/3C are covered, 3D is not
    assert plan.full_list is False and plan.missing == []
    # a file with 3A..3C covers 3 of 4 classes (75 % < 80 %): only covered classes count
    full = example("siecle_3e_utf8_bom.csv").decode("utf-8-sig").splitlines()
    without_one = "\n".join(line for line in full if not line.startswith("BENALI"))
    plan = plan_pupil_import(existing, parse_pupil_list(without_one.encode()))
    assert [names[i] for i in plan.missing] == ["BENALI"]
    existing_4 = [p for p in existing if p.division != "3D"]
    plan = plan_pupil_import(
        existing_4 + [pupil("ANCIEN", "Élève", date(2009, 1, 1), "3Z")],
        parse_pupil_list("\n".join(full).encode()),
    )
    assert plan.full_list is False  # 3 of 4 classes
    plan = plan_pupil_import(existing_4, parse_pupil_list(without_one.encode()))
    assert plan.full_list is True and [names[i] for i in plan.missing] == ["BENALI"]
    assert plan.apply(existing_4) == []  # never marked without asking
    (marked,) = plan.apply(existing_4, mark_missing_as_left=True)
    assert marked.last_name == "BENALI" and marked.left_school


def test_missing_pupil_on_a_refused_line_is_told_apart() -> None:
    existing = [
        pupil("Müller", "Zoé", date(2010, 6, 1), "3C"),
        pupil("Étienne", "Maël", date(2010, 7, 23), "3C"),
    ]
    data = (LIST_HEAD + "MÜLLER;Zoé;31/02/2010;3C;\n" + "ÉTIENNE;Maël;23/07/2010;3C;\n").encode()
    plan = plan_pupil_import(existing, parse_pupil_list(data))
    assert plan.missing == [] and plan.missing_but_refused == [existing[0].id]
    assert plan.refused[0].line == 2


def test_returning_pupil_clears_left_school() -> None:
    gone = pupil("Benali", "Yanis", date(2010, 8, 18), "3B", left_school=True)
    plan = plan_pupil_import(
        [gone], parse_pupil_list((LIST_HEAD + "Benali;Yanis;18/08/2010;3B;\n").encode())
    )
    (update,) = plan.updates
    assert [c.field for c in update.changes] == ["left_school"]
    assert plan.apply([gone])[0].left_school is False


# --- Certifiability --------------------------------------------------------------------------


def test_certifiability_plan_on_the_examples() -> None:
    existing = pupils_from_siecle()
    plan = plan_certifiability_update(
        existing, parse_profile_collection(example("collecte_profils_3e.csv"))
    )
    by_id = {p.id: p for p in existing}
    updated = {by_id[u.pupil_id].last_name: u for u in plan.updates}
    assert set(updated) == {
        "DUPONT",
        "MARTIN-LEFÈVRE",
        "DE LA FONTAINE-SAINT-HILAIRE",
        "LEBRETON",
        "GARÇON",
        "O'CONNOR",
        "ŒUVRARD",
        "PETIT",
        "ÉTIENNE",
        "MÜLLER",
    } - {"GARÇON", "ÉTIENNE"}
    assert [c.describe() for c in updated["DUPONT"].changes] == [
        "Certificabilité : Non communiqué → Certifiable",
        "Date de certificabilité : — → 04/03/2024",
        "Compétences certifiables : — → 8",
    ]
    # the two homonyms PETIT Léa are told apart by their class
    petits = sorted(
        (by_id[u.pupil_id].division, u.changes[0].after)
        for u in plan.updates
        if by_id[u.pupil_id].last_name == "PETIT"
    )
    assert petits == [("3B", Certifiability.CERTIFIABLE), ("3C", Certifiability.NOT_CERTIFIABLE)]
    assert {by_id[i].last_name for i in plan.not_sent} == {"N'DIAYE", "BENALI"}
    # '=GARÇON and '@ÉTIENNE keep Pix's formula character: not the same names, never guessed
    unknown = sorted(issue.label for issue in plan.unknown)
    assert unknown == ["=GARÇON Chloé (3A)", "@ÉTIENNE Maël (3C)", "DURAND Hugo (3C)"]
    applied = plan.apply(existing)
    assert len(applied) == len(plan.updates)
    dupont = next(p for p in applied if p.last_name == "DUPONT")
    assert (dupont.certifiability, dupont.certifiability_date, dupont.certifiable_competences) == (
        Certifiability.CERTIFIABLE,
        date(2024, 3, 4),
        8,
    )


PROFILE_HEAD = "Nom du Participant;Prénom du Participant;Classe;Date de l'envoi;Certifiable (O/N);Nombre de compétences certifiables\n"


def test_ambiguous_and_unknown_names_are_listed_not_guessed() -> None:
    a = pupil("Nguyen", "Chloé", date(2010, 9, 8), "3A")
    b = pupil("NGUYEN", "Chloe", date(2011, 1, 2), "3A")
    c = pupil("Durand", "Hugo", date(2010, 1, 1), "3B")
    data = (
        PROFILE_HEAD
        + "NGUYEN;Chloé;3A;01/03/2024;Oui;6\n"
        + "DURAND;Hugo;3C;01/03/2024;Oui;6\n"
        + "INCONNU;Personne;3A;01/03/2024;Oui;6\n"
    ).encode()
    plan = plan_certifiability_update([a, b, c], parse_profile_collection(data))
    assert not plan.updates
    (ambiguous,) = plan.ambiguous
    assert (
        ambiguous.line == 2 and set(ambiguous.candidate_ids) == {a.id, b.id} and ambiguous.ambiguous
    )
    hint, nobody = plan.unknown
    assert hint.candidate_ids == (c.id,) and "3B" in hint.reason
    assert (
        nobody.candidate_ids == () and nobody.reason == "Aucun élève de ce nom dans cette classe."
    )


def test_older_rows_do_not_replace_newer_certifiability() -> None:
    p = pupil(
        "Durand",
        "Hugo",
        date(2010, 1, 1),
        "3B",
        certifiability=Certifiability.CERTIFIABLE,
        certifiability_date=date(2024, 3, 10),
        certifiable_competences=7,
    )
    data = (PROFILE_HEAD + "DURAND;Hugo;3B;01/03/2024;Non;3\n").encode()
    plan = plan_certifiability_update([p], parse_profile_collection(data))
    assert not plan.updates and plan.stale[0].pupil_id == p.id
    assert plan.apply([p]) == []
    newer = (PROFILE_HEAD + "DURAND;Hugo;3B;12/03/2024;Non;3\n").encode()
    plan = plan_certifiability_update([p], parse_profile_collection(newer))
    assert plan.apply([p])[0].certifiability is Certifiability.NOT_CERTIFIABLE
    same = (PROFILE_HEAD + "DURAND;Hugo;3B;10/03/2024;Oui;7\n").encode()
    assert plan_certifiability_update([p], parse_profile_collection(same)).unchanged == [p.id]


def test_export_without_class_matches_over_the_school() -> None:
    p = pupil("Durand", "Hugo", date(2010, 1, 1), "3B")
    data = "Nom du Participant;Prénom du Participant;Certifiable (O/N)\nDURAND;Hugo;Oui\n".encode()
    plan = plan_certifiability_update([p], parse_profile_collection(data))
    assert plan.updates[0].pupil_id == p.id


# --- Login methods -------------------------------------------------------------------------


def test_login_methods_plan_on_the_examples() -> None:
    existing = pupils_from_siecle()
    by_id = {p.id: p for p in existing}
    plan = plan_login_methods(existing, parse_orga_pupils(example("pix_orga_eleves.csv")))
    assert not plan.ambiguous and not plan.unknown
    assert {by_id[i].last_name for i in plan.no_login} == {"LEBRETON"}
    assert {by_id[i].last_name for i in plan.email_login} == {"N'DIAYE"}
    applied = {p.last_name + p.division: p for p in plan.apply(existing)}
    assert applied["DUPONT3A"].login_methods == [LoginMethod.MEDIACENTRE]
    assert applied["DUPONT3A"].certifiability is Certifiability.CERTIFIABLE
    assert applied["PETIT3C"].login_methods == [LoginMethod.IDENTIFIANT, LoginMethod.EMAIL]
    assert applied["DE LA FONTAINE-SAINT-HILAIRE3A"].certifiability_date == date(2024, 3, 1)
    assert "N'DIAYE3A" in applied and applied["N'DIAYE3A"].certifiability is Certifiability.UNKNOWN


def test_non_communique_never_erases_and_code_is_kept() -> None:
    p = pupil(
        "Durand",
        "Hugo",
        date(2010, 1, 1),
        "3B",
        certifiability=Certifiability.CERTIFIABLE,
        certifiability_date=date(2024, 3, 10),
        login_methods=[LoginMethod.CODE],
    )
    data = "nom;prenom;classe;mediacentre;identifiant;email;certificabilite\nDurand;Hugo;3B;true;false;false;Non communiqué\n"
    plan = plan_login_methods([p], parse_orga_pupils(data.encode()))
    (update,) = plan.updates
    assert [c.field for c in update.changes] == ["login_methods"]
    (changed,) = plan.apply([p])
    assert changed.login_methods == [LoginMethod.MEDIACENTRE]  # linked now: the dash is gone
    assert changed.certifiability is Certifiability.CERTIFIABLE
    undated = data.replace("Non communiqué", "Non certifiable").replace("true", "false", 1)
    plan = plan_login_methods([p], parse_orga_pupils(undated.encode()))
    # an undated label does not replace a dated value; the dash alone is no login method
    assert plan.updates == [] and plan.no_login == [p.id]
