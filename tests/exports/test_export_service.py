"""export_session / export_day / CSV exports on a real store file and real folders."""

from __future__ import annotations

import grp
import io
import os
import stat
from collections import Counter
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from exports_helpers import (
    BIG_DAY,
    BIG_NUMBER,
    EMPTY_NUMBER,
    FORMULA_LAST,
    FROZEN_NOW,
    LONG_LAST,
    csv_rows,
    finalized_session,
    leftovers,
    make_store,
    mount_tmpfs,
    pdf_page_width_mm,
    pdf_pages,
    session_by_number,
    unmount,
)
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from pixtui.documents import DocumentError, ExportFailed, attendance_sheet
from pixtui.documents.formatting import format_date
from pixtui.domain.clock import FixedClock
from pixtui.domain.models import Session
from pixtui.services.exports import (
    NothingToExport,
    export_certifiability,
    export_day,
    export_pupils,
    export_session,
    find_session_by_number,
    session_file_stem,
    slug,
    store_permissions,
)


@pytest.fixture(scope="module")
def clock() -> FixedClock:
    return FixedClock(FROZEN_NOW)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, clock: FixedClock):
    return make_store(tmp_path_factory.mktemp("store") / "pixtui.json", clock)


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- one session -----------------------------------------------------------------------------


def test_finalised_session_writes_four_files_in_reading_order(store, clock, tmp_path: Path) -> None:
    session = finalized_session(store)
    paths = export_session(store, session.id, tmp_path, clock=clock)
    stem = f"{session.date.isoformat()}_{session.start_time:%H%M}_Salle-112_session-{session.pix_number}"
    assert [p.name for p in paths] == [
        f"{stem}.pdf",
        f"{stem}_affichage.pdf",
        f"{stem}_candidats.csv",
        f"{stem}_finalisation.csv",
    ]
    assert sorted(os.listdir(tmp_path)) == [p.name for p in paths]  # ls shows them in that order
    assert all(p.parent == tmp_path and mode_of(p) == 0o600 for p in paths)
    assert leftovers(tmp_path) == []
    candidates = [
        c for c in store.snapshot().candidates.where(session_id=session.id) if not c.removed
    ]
    for path in paths:  # no pupil's name in a file name
        assert not any(c.last_name.lower() in path.name.lower() for c in candidates)


def test_bundle_holds_codes_and_accented_names_the_public_kit_neither(
    store, clock, tmp_path
) -> None:
    session = finalized_session(store)
    bundle, public, *_ = export_session(store, session.id, tmp_path, clock=clock)
    text = " ".join(pdf_pages(bundle))
    assert session.access_code in text
    assert session.invigilator_password in text
    for name in ("Marie-Éléonore", "Éloïse", "BÉNARD", "MOREL-CHÂTEAU", "Noémie", "Lecœur"):
        assert name in text, name
    public_text = " ".join(pdf_pages(public))
    assert session.pix_number in public_text
    assert "BÉNARD Éloïse" in public_text
    assert session.access_code not in public_text
    assert session.invigilator_password not in public_text
    assert "AESH" not in public_text  # health-related aid stays inside the room


def test_candidates_csv_round_trips(store, clock, tmp_path: Path) -> None:
    session = session_by_number(store, BIG_NUMBER)
    paths = export_session(store, session.id, tmp_path, clock=clock)
    assert [p.suffix for p in paths] == [".pdf", ".pdf", ".csv"]  # not finalised: no summary
    rows = csv_rows(paths[2])
    header, body = rows[0], rows[1:]
    assert header[:5] == ["N° de session", "Nom", "Prénom", "Date de naissance", "Classe"]
    stored = store.snapshot().candidates.where(session_id=session.id)
    assert len(body) == len(stored) == 40
    assert {row[0] for row in body} == {BIG_NUMBER}
    expected = Counter(
        (
            c.last_name if not c.last_name.startswith("=") else "'" + c.last_name,
            c.first_name,
            format_date(c.birthdate),
            c.division,
        )
        for c in stored
    )
    assert Counter(tuple(row[1:5]) for row in body) == expected
    assert [row[1] for row in body if FORMULA_LAST in row[1]] == ["'" + FORMULA_LAST]  # defused


def test_forty_candidates_page_count_and_long_name(store, clock, tmp_path: Path) -> None:
    session = session_by_number(store, BIG_NUMBER)
    bundle = export_session(store, session.id, tmp_path, clock=clock)[0]
    pages = pdf_pages(bundle)
    candidates = store.snapshot().candidates.where(session_id=session.id)
    alone = attendance_sheet(store.snapshot().school, session, candidates, clock=clock)
    sheet_pages = len(PdfReader(io.BytesIO(alone)).pages)
    assert sheet_pages >= 2  # 40 signature boxes do not fit on one A4 page
    attendance = [p for p in pages if "émargement" in p.lower()]
    assert len(attendance) >= sheet_pages
    for number in range(1, sheet_pages + 1):
        assert any(f"Page {number} / {sheet_pages}" in page for page in attendance), number
    text = " ".join(pages)
    assert "KWZP42" in text and "7h#Rq2" in text
    assert "ANDRIANANTENAINA" in text  # the very long name is printed, wrapped, not dropped
    assert "ÇELIK Inès" in text and "N'DIAYE Aïssatou" in text


def test_empty_session_still_prints(store, clock, tmp_path: Path) -> None:
    session = session_by_number(store, EMPTY_NUMBER)
    paths = export_session(store, session.id, tmp_path, clock=clock)
    assert len(paths) == 3
    assert "EMPT11" in " ".join(pdf_pages(paths[0]))
    assert len(csv_rows(paths[2])) == 1  # the header only


def test_only_public_and_a3(store, clock, tmp_path: Path) -> None:
    session = finalized_session(store)
    paths = export_session(
        store, session.id, tmp_path, clock=clock, page_format="A3", only_public=True
    )
    assert [p.name.endswith("_affichage.pdf") for p in paths] == [True]
    assert pdf_page_width_mm(paths[0]) == pytest.approx(297, abs=0.5)
    assert session.access_code not in " ".join(pdf_pages(paths[0]))


def test_unknown_or_purged_session_is_one_sentence(store, clock, tmp_path: Path) -> None:
    with pytest.raises(NothingToExport, match=r"^Cette séance n'existe plus"):
        export_session(store, "no-such-id", tmp_path, clock=clock)
    with pytest.raises(NothingToExport, match="« 999 »"):
        find_session_by_number(store.snapshot(), "999")
    assert (
        find_session_by_number(store.snapshot(), f" {BIG_NUMBER[:3]} {BIG_NUMBER[3:]} ").pix_number
        == BIG_NUMBER
    )
    assert os.listdir(tmp_path) == []


def test_purged_session_is_refused(tmp_path: Path, clock) -> None:
    store = make_store(tmp_path / "s.json", clock)
    session = finalized_session(store)
    with store.transaction("test.purge") as tx:
        tx.sessions.update(session.id, lambda s: setattr(s, "purged_at", FROZEN_NOW))
    out = tmp_path / "out"
    with pytest.raises(NothingToExport, match="purgées"):
        export_session(store, session.id, out, clock=clock)
    with pytest.raises(NothingToExport, match="Aucune séance n'est prévue"):
        export_day(store, session.date, out, clock=clock)


# --- one day ---------------------------------------------------------------------------------


def test_day_bundle_and_public_kits(store, clock, tmp_path: Path) -> None:
    paths = export_day(store, BIG_DAY, tmp_path, clock=clock)
    names = [p.name for p in paths]
    assert (
        names
        == sorted(names)
        == [  # the rehearsal at 09:30, the session at 14:00, the day
            f"2027-03-18_0930_Salle-112_session-{session_by_number_of_day(store, 9)}_affichage.pdf",
            f"2027-03-18_1400_Salle-des-fetes_session-{BIG_NUMBER}_affichage.pdf",
            "2027-03-18_journee.pdf",
        ]
    )
    text = " ".join(pdf_pages(paths[-1]))
    assert "KWZP42" in text and "Salle des fêtes" in text
    rehearsal = next(s for s in store.snapshot().sessions.all() if s.rehearsal)
    assert rehearsal.access_code in text
    assert all(mode_of(p) == 0o600 for p in paths)

    public_only = export_day(store, BIG_DAY, tmp_path / "affichage", clock=clock, only_public=True)
    assert [p.name for p in public_only] == names[:-1]


def session_by_number_of_day(store, hour: int) -> str:
    return next(
        s.pix_number
        for s in store.snapshot().sessions.all()
        if s.date == BIG_DAY and s.start_time.hour == hour
    )


def test_day_without_sessions(store, clock, tmp_path: Path) -> None:
    with pytest.raises(NothingToExport) as caught:
        export_day(store, date(2027, 3, 19), tmp_path / "out", clock=clock)
    assert (
        str(caught.value)
        == "Aucune séance n'est prévue le vendredi 19/03/2027 : il n'y a rien à imprimer."
    )
    assert not (tmp_path / "out").exists()  # nothing rendered, nothing created


# --- pupils ----------------------------------------------------------------------------------


def test_pupils_and_classes_csv_round_trip(store, clock, tmp_path: Path) -> None:
    [pupils_path] = export_pupils(store, tmp_path, clock=clock)
    [classes_path] = export_certifiability(store, tmp_path, clock=clock)
    assert pupils_path.name == "2027-03-18_eleves-certificabilite.csv"
    assert classes_path.name == "2027-03-18_certificabilite-par-classe.csv"
    pupils = [p for p in store.snapshot().pupils.all() if not p.left_school]
    rows = csv_rows(pupils_path)[1:]
    assert Counter((r[0], r[1], r[2], r[3]) for r in rows) == Counter(
        (p.division, p.last_name, p.first_name, format_date(p.birthdate)) for p in pupils
    )
    per_class = csv_rows(classes_path)
    total = per_class[-1]
    assert total[0] == "Total" and int(total[1]) == len(pupils)
    assert sum(int(row[1]) for row in per_class[1:-1]) == len(pupils)
    certifiable = sum(1 for p in pupils if p.certifiability.value == "certifiable")
    assert int(total[2]) == certifiable
    assert mode_of(pupils_path) == mode_of(classes_path) == 0o600


def test_no_pupils_is_refused(tmp_path: Path, clock) -> None:
    from pixtui.domain.models import SchoolSettings
    from pixtui.store import Store

    store = Store.create(
        tmp_path / "s.json", SchoolSettings(name="Collège vide"), actor="a", clock=clock
    )
    with pytest.raises(NothingToExport, match="Aucun élève"):
        export_pupils(store, tmp_path, clock=clock)


# --- folders and permissions -------------------------------------------------------------------


def test_missing_folder_is_created_private_but_not_its_parents(
    store, clock, tmp_path: Path
) -> None:
    session = finalized_session(store)
    out = tmp_path / "clé usb"
    paths = export_session(store, session.id, out, clock=clock, only_public=True)
    assert out.is_dir() and mode_of(out) == 0o700
    assert paths[0].parent == out
    with pytest.raises(ExportFailed) as caught:
        export_session(store, session.id, tmp_path / "absent" / "sub", clock=clock)
    assert str(caught.value) == (
        f"Le dossier {tmp_path / 'absent'} n'existe pas : créez-le ou choisissez un autre dossier d'export."
    )
    (tmp_path / "a-file").write_text("x")
    with pytest.raises(ExportFailed, match="n'est pas un dossier"):
        export_session(store, session.id, tmp_path / "a-file", clock=clock)


def _other_group() -> grp.struct_group | None:
    if os.geteuid() == 0:
        return next((g for g in grp.getgrall() if g.gr_gid != os.getegid()), None)
    return next((grp.getgrgid(gid) for gid in os.getgroups() if gid != os.getegid()), None)


def test_group_store_gives_its_group_and_mode(tmp_path: Path, clock) -> None:
    group = _other_group()
    if group is None:
        pytest.skip("needs a second group to tell the store's group from the default one")
    store = make_store(tmp_path / "s.json", clock, group=group.gr_name)
    permissions = store_permissions(store)
    assert (permissions.file_mode, permissions.gid) == (0o660, group.gr_gid)
    out = tmp_path / "partage"
    paths = export_session(store, finalized_session(store).id, out, clock=clock)
    for path in paths:
        assert (mode_of(path), path.stat().st_gid) == (0o660, group.gr_gid)
    assert out.stat().st_gid == group.gr_gid
    assert mode_of(out) == 0o2770  # setgid: what colleagues add keeps the group


@pytest.mark.skipif(
    os.geteuid() == 0, reason="root ignores folder permissions: see the read-only mount"
)
def test_unwritable_folder(store, clock, tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportFailed, match="Impossible d'écrire dans le dossier"):
            export_session(store, finalized_session(store).id, folder, clock=clock)
    finally:
        folder.chmod(0o700)
    assert os.listdir(folder) == []


def test_read_only_filesystem(store, clock, tmp_path: Path) -> None:
    target = tmp_path / "ro"
    if not mount_tmpfs(target, "size=64k,ro"):
        pytest.skip("cannot mount a tmpfs here (needs root and mount rights)")
    try:
        with pytest.raises(ExportFailed) as caught:
            export_session(store, finalized_session(store).id, target, clock=clock)
        assert str(caught.value) == (
            f"Impossible d'écrire dans le dossier {target} : vérifiez qu'il est accessible en écriture."
        )
        with pytest.raises(ExportFailed, match="Impossible de créer le dossier"):
            export_session(store, finalized_session(store).id, target / "new", clock=clock)
        assert os.listdir(target) == []
    finally:
        unmount(target)


def test_full_disk_leaves_nothing_of_this_export(store, clock, tmp_path: Path) -> None:
    session = finalized_session(store)
    sizes = [
        p.stat().st_size for p in export_session(store, session.id, tmp_path / "probe", clock=clock)
    ]
    # Room for the bundle (first file) but not for the public kit after it.
    room_kib = sizes[0] // 1024 + 8
    assert sizes[0] + sizes[1] > room_kib * 1024
    target = tmp_path / "disk"
    if not mount_tmpfs(target, f"size={room_kib}k,mode=0755"):
        pytest.skip("cannot mount a tmpfs here (needs root and mount rights)")
    try:
        (target / "older.pdf").write_bytes(b"kept")
        with pytest.raises(ExportFailed) as caught:
            export_session(store, session.id, target, clock=clock)
        assert str(caught.value).startswith("Le disque est plein :")
        assert sorted(os.listdir(target)) == ["older.pdf"]  # the bundle written first was removed
        assert (target / "older.pdf").read_bytes() == b"kept"
    finally:
        unmount(target)


# --- file names ------------------------------------------------------------------------------


def test_file_stem_without_number_time_or_room(clock) -> None:
    bare = Session(id="abcdef0123456789", date=None, room="")
    assert session_file_stem(bare) == "sans-date_session-abcdef01"
    planned = Session(
        pix_number="12 34", date=date(2027, 3, 5), start_time=None, room="CDI / étage"
    )
    assert session_file_stem(planned) == "2027-03-05_CDI-etage_session-12-34"


def test_file_names_sort_by_day_then_time() -> None:
    day = date(2027, 3, 5)
    sessions = [
        Session(pix_number=str(n), date=day + timedelta(days=d), start_time=None, room="Salle 1")
        for n, d in ((3, 1), (1, 0), (2, 0))
    ]
    sessions[1].start_time, sessions[2].start_time, sessions[0].start_time = (
        time(13, 30),
        time(8, 0),
        time(8, 0),
    )
    stems = sorted(session_file_stem(s) for s in sessions)
    assert [s.split("_")[0] + "_" + s.split("_")[1] for s in stems] == [
        "2027-03-05_0800",
        "2027-03-05_1330",
        "2027-03-06_0800",
    ]


@given(st.text(max_size=120))
def test_slug_is_portable(text: str) -> None:
    result = slug(text)
    assert len(result) <= 40
    assert all(ch.isascii() and (ch.isalnum() or ch == "-") for ch in result)
    assert not result.startswith("-") and not result.endswith("-")
    assert "--" not in result


def test_slug_keeps_words_and_case() -> None:
    assert slug("Salle informatique 204") == "Salle-informatique-204"
    assert slug("Salle des fêtes — Bâtiment Œ") == "Salle-des-fetes-Batiment-OE"
    assert slug(LONG_LAST) == "Andrianantenaina-Rakotoarimanana-de-la-T"


def test_page_format_refused_is_a_sentence(store, clock, tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="A4 ou A3"):
        export_session(store, finalized_session(store).id, tmp_path, clock=clock, page_format="A5")
    assert os.listdir(tmp_path) == []
