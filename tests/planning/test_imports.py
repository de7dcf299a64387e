"""The planner's CSV inputs: per-line French reasons, nothing guessed."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from pixtui.domain.planning import PlanSettings
from pixtui.imports.planning import (
    expand_slots,
    parse_availability,
    parse_invigilators,
    parse_rooms,
    parse_slots,
)

DATA = Path(__file__).resolve().parents[2] / "data" / "planning"
SETTINGS = PlanSettings(window_start=date(2027, 3, 4), window_end=date(2027, 6, 14))


def test_rooms_with_broken_lines():
    data = "Salle;Site;Postes;Réserve\n112;A;26;2\n;A;10;0\nCDI;B;douze;0\n112;A;20;0\nLabo;B;10;10\nAtelier;C;12\n"
    report = parse_rooms(data.encode("cp1252"))
    assert [r.name for r in report.rows] == ["112"]
    assert report.rows[0].capacity == 24
    reasons = {r.line: r.reason for r in report.refused}
    assert reasons[3] == "Salle manquante."
    assert "douze" in reasons[4]
    assert "déjà dans le fichier" in reasons[5]
    assert "10 postes dont 10 en réserve" in reasons[6]
    assert 7 in reasons  # a short line: the header's width


def test_rooms_missing_a_column_is_a_file_error():
    report = parse_rooms(b"Salle;Site\n112;A\n")
    assert report.error is not None and "Postes" in report.error and not report.rows


def test_slots_weekly_pattern_closed_days_and_cut_into_two_hours():
    data = (
        "Salle;Date;Début;Fin;Fermé\n"
        "112;mardi;08:00;12:30;Non\n"
        "112;18/03/2027;13h30;17h30;\n"
        "*;16/03/2027;;;Oui\n"
        "999;mardi;08:00;10:00;Non\n"
        "112;32/03/2027;08:00;10:00;Non\n"
        "112;mercredi;10:00;09:00;Non\n"
        "112;jeudi;8-10;12:00;Non\n"
    )
    from pixtui.domain.planning import RoomSpec

    report = parse_slots(data.encode(), rooms=[RoomSpec("112", "A", 20)])
    reasons = {r.line: r.reason for r in report.refused}
    assert set(reasons) == {5, 6, 7, 8}
    assert "999" in reasons[5] and "32/03/2027" in reasons[6] and "09:00" in reasons[7]
    slots = expand_slots(report.rows, SETTINGS)
    tuesdays = {s.day for s in slots if s.day.weekday() == 1}
    assert date(2027, 3, 9) in tuesdays and date(2027, 3, 16) not in tuesdays  # closed
    assert {s.start for s in slots if s.day == date(2027, 3, 9)} == {time(8), time(10)}
    assert all(s.free_until == time(12, 30) for s in slots if s.day == date(2027, 3, 9))
    assert {s.start for s in slots if s.day == date(2027, 3, 18)} == {time(13, 30), time(15, 30)}


def test_invigilators_and_availabilities():
    data = "Nom;Disponibilités;Sessions max\nDurand;lundi matin, 12/03/2027 après-midi;3\nPetit;;\nLeroy;jeudi 8h-12h;0\nGirard;quand il peut;2\nDurand;;1\n"
    report = parse_invigilators(data.encode())
    assert [i.name for i in report.rows] == ["Durand", "Petit"]  # the second Durand refused
    durand = report.rows[0]
    assert durand.free(date(2027, 3, 8), time(8), time(10))  # a Monday morning
    assert not durand.free(date(2027, 3, 8), time(14), time(16))
    assert durand.free(date(2027, 3, 12), time(14), time(16))
    assert report.rows[1].free(date(2027, 3, 9), time(14), time(16))  # empty: always
    reasons = {r.line: r.reason for r in report.refused}
    assert set(reasons) == {4, 5, 6}
    assert "déjà dans le fichier" in reasons[6]
    assert "quand il peut" in reasons[5]


def test_morning_and_afternoon_join_for_a_long_block():
    windows = parse_availability("lundi matin, lundi après-midi")
    from pixtui.domain.planning import Invigilator

    assert Invigilator("x", tuple(windows)).free(date(2027, 3, 8), time(11), time(13, 20))


def test_the_sample_files_read_cleanly():
    rooms = parse_rooms((DATA / "salles.csv").read_bytes())
    slots = parse_slots((DATA / "creneaux.csv").read_bytes(), rooms.rows)
    staff = parse_invigilators((DATA / "surveillants.csv").read_bytes())
    for report in (rooms, slots, staff):
        assert report.ok and not report.refused, report.refused
    assert len(expand_slots(slots.rows, SETTINGS)) > 40


def test_extra_times_matched_to_the_store_never_guessed(demo_store):
    from pixtui.imports.planning import parse_extra_times

    pupils = demo_store.snapshot().pupils.all()
    data = (
        "Nom;Prénom;Classe;Temps majoré\n"
        "BENAISSA;ismael;3E;33\n"
        "Inconnu;Léo;3E;33\n"
        "Bernard;Françoise;3E;0,33\n"
        "Boyer;Louis;;50 %\n"
    )
    report = parse_extra_times(data.encode("cp1252"), pupils)
    assert [round(r.ratio, 2) for r in report.rows] == [0.33, 0.5]
    reasons = {r.line: r.reason for r in report.refused}
    assert set(reasons) == {3, 4}
    assert "Inconnu" in reasons[3] and "0,33" in reasons[4]
    sample = parse_extra_times((DATA / "temps-majores.csv").read_bytes(), pupils)
    assert len(sample.rows) == 2 and not sample.refused
