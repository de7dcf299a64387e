"""The PDFs, read back with pypdf: content, codes, pagination, headers, odd names."""

from __future__ import annotations

import io
import re
from datetime import date, time

import pytest
from document_samples import (
    CLOCK,
    DAY,
    LONG_FIRST,
    candidates,
    long_name_candidate,
    room_log,
    school,
    session,
)
from pypdf import PdfReader

from pixtui.documents import (
    DocumentError,
    attendance_sheet,
    bundle_day,
    bundle_session,
    incident_entries,
    incident_report,
    invigilator_kit,
)
from pixtui.i18n import set_language


@pytest.fixture(autouse=True)
def french() -> None:
    set_language("fr")


def pages(data: bytes) -> list[str]:
    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    return [page.extract_text() for page in reader.pages]


def flat(text: str) -> str:
    """Text with line breaks and no-break spaces turned into plain spaces."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


# --- attendance sheet ----------------------------------------------------------------------


def test_attendance_lists_accented_names_sorted_with_class_birthdate_and_extra_time() -> None:
    text = flat(" ".join(pages(attendance_sheet(school(), session(), candidates(20), clock=CLOCK))))
    for expected in (
        "LEFÈVRE",
        "Éloïse",
        "ÑÚÑEZ",
        "ŒUVRAY",
        "GARÇON",
        "LÉVÊQUE",
        "D'ARTAGNAN",
        "Zoé",
    ):
        assert expected in text
    assert "+33 %" in text
    assert "3B" in text and "02/02/2009" in text  # Lefèvre Zoé: class and birthdate
    assert "Collège Jean-Moulin d'Œting" in text
    assert "lundi 18/03/2024" in text and "14:00 – 16:00" in text
    assert "Mme Lefèvre, M. Nguyễn" in text
    # Sorted by name, accent-insensitively: Bernard < Dupont < Garçon < Lefèvre < Martin < Œuvray.
    order = [
        text.index(name) for name in ("BERNARD", "DUPONT", "GARÇON", "LEFÈVRE", "MARTIN", "ŒUVRAY")
    ]
    assert order == sorted(order)
    assert "Nombre de présents :" in text
    # every pupil signs this sheet: as Pix's (CertificationCandidateForAttendanceSheet.js), no
    # aid, accessibility or language note, which are health and personal data of minors
    assert "AESH" not in text and "francophone" not in text.casefold()
    assert "Aménagement" not in text and "accessibilité" not in text.casefold()


def test_accommodations_are_in_the_invigilator_kit_only() -> None:
    people = candidates(20)
    kit = flat(" ".join(pages(invigilator_kit(school(), session(), people, clock=CLOCK))))
    assert "AESH présente" in kit  # aid note
    assert "Non francophone" in kit  # language note
    assert "accessibilité" in kit.casefold()  # index 16: accessibility adjustment
    assert "document confidentiel" in kit
    public = flat(
        " ".join(pages(invigilator_kit(school(), session(), people, clock=CLOCK, public=True)))
    )
    assert "AESH" not in public and "francophone" not in public.casefold()


def test_kit_says_nothing_pix_does_not_say() -> None:
    """Issue 10 item 11: sentences that were nobody's words are gone."""
    kit = flat(" ".join(pages(invigilator_kit(school(), session(), candidates(3), clock=CLOCK))))
    for invented in ("plein écran", "au tableau", "sortent après avoir signé", "sans délai"):
        assert invented not in kit


def test_attendance_with_40_candidates_repeats_header_and_numbers_pages() -> None:
    texts = pages(attendance_sheet(school(), session(), candidates(40), clock=CLOCK))
    assert len(texts) == 2
    for number, text in enumerate(texts, start=1):
        text = flat(text)
        assert "Pix — Feuille d'émargement" in text
        assert "123456" in text and "Salle B12 (informatique)" in text
        assert "Date de naissance" in text and "Signature" in text  # the column headings
        assert f"Page {number} / 2" in text
        assert "Document édité par pixtui le 15/03/2024 à 17:30." in text
    assert "Nombre de présents" not in texts[0]
    assert "Nombre de présents" in texts[1]
    # every candidate appears exactly once, numbered 1..40
    all_text = flat(" ".join(texts))
    assert all_text.count("ŒUVRAY") == 2  # Œuvray and Œuvray-23


def test_attendance_page_count_grows_with_candidates() -> None:
    counts = [
        len(pages(attendance_sheet(school(), session(), candidates(n), clock=CLOCK)))
        for n in (1, 20, 60)
    ]
    assert counts[0] == 1
    assert counts[0] <= counts[1] < counts[2]
    assert counts[2] == 3


def test_empty_session_says_so() -> None:
    texts = pages(attendance_sheet(school(), session(), [], clock=CLOCK))
    assert len(texts) == 1
    assert "Aucun candidat n'est inscrit dans cette session." in flat(texts[0])
    kit = flat(" ".join(pages(invigilator_kit(school(), session(), [], clock=CLOCK))))
    assert "Aucun candidat de cette session n'a de temps majoré ni d'aménagement." in kit
    public = flat(
        " ".join(pages(invigilator_kit(school(), session(), [], clock=CLOCK, public=True)))
    )
    assert "Aucun candidat n'est inscrit dans cette session." in public


def test_removed_candidates_are_not_printed() -> None:
    people = candidates(3)
    people[0].removed = True
    text = flat(" ".join(pages(attendance_sheet(school(), session(), people, clock=CLOCK))))
    assert "DUPONT" not in text and "LEFÈVRE" in text


def test_very_long_names_render_shrunk_or_wrapped() -> None:
    people = [long_name_candidate(), *candidates(3)]
    text = flat(" ".join(pages(attendance_sheet(school(), session(), people, clock=CLOCK))))
    assert "DE LA ROCHE-FONTAINE-" in text
    assert "Marie-Éléonore-" in text
    assert "+50 %" in text
    kit = flat(" ".join(pages(invigilator_kit(school(), session(), people, clock=CLOCK))))
    assert "2 h 38" in kit  # 105 × 1.5 = 157.5 → 158 min
    assert LONG_FIRST.split("-")[0] in kit


def test_session_without_pix_number_or_codes_still_prints() -> None:
    bare = session(None)
    bare.access_code = ""
    bare.invigilator_password = ""
    bare.examiners = []
    text = flat(" ".join(pages(invigilator_kit(school(), bare, candidates(2), clock=CLOCK))))
    assert "à reporter depuis Pix Certif" in text
    assert "non renseigné : à recopier depuis Pix Certif" in text


# --- kit --------------------------------------------------------------------------------------


def test_kit_has_codes_and_personal_durations() -> None:
    text = flat(" ".join(pages(invigilator_kit(school(), session(), candidates(20), clock=CLOCK))))
    assert "BCDF23" in text
    assert "k7!Qx9" in text
    assert "Mot de passe de session" in text and "Code d'accès" in text
    assert "Candidats inscrits" in text and "20" in text
    assert "3A, 3B, 3C, 3D" in text
    assert "2 h 20" in text  # 105 × 1.33 rounded up
    assert "1 h 45" in text
    assert "Déroulement de la session" in text
    assert "ÑÚÑEZ Noël" in text  # index 2: extra time
    assert "document confidentiel" in text


def test_public_kit_has_no_code_and_no_extra_time() -> None:
    sess = session()
    text = flat(
        " ".join(pages(invigilator_kit(school(), sess, candidates(20), clock=CLOCK, public=True)))
    )
    assert sess.access_code not in text
    assert sess.invigilator_password not in text
    assert "Mot de passe" not in text.replace("ni le mot de passe", "")
    assert "+33" not in text and "2 h 20" not in text and "AESH" not in text
    assert "Salle B12 (informatique)" in text and "123456" in text
    assert "LEFÈVRE Zoé — 3B" in text


# --- PV d'incident -----------------------------------------------------------------------------


def test_prefilled_incident_report_lists_reports_and_validated_alerts_in_paris_time() -> None:
    people = room_log(candidates(6))
    text = flat(" ".join(pages(incident_report(school(), session(), people, clock=CLOCK))))
    assert "Pix — PV d'incident" in text
    # C7 written at 14:36 Paris (13:36 UTC in March), validated alert E4 handled at 14:52.
    assert "14:36" in text and "C7" in text and "Incident technique non bloquant" in text
    assert "14:52" in text and "E4" in text and "Le site à visiter est indisponible" in text
    assert "Question n° 12" in text
    assert "C1" in text and "« Jérôme »" in text
    # The E8 alert was also recorded as a live issue report: listed once.
    entries = incident_entries(people)
    assert [e.code for e in entries] == ["C1", "C7", "E4", "E8"]
    # The dismissed alert (question 14) is not an incident.
    assert "Question n° 14" not in text


def test_blank_incident_report_has_lines_and_legend_only() -> None:
    people = room_log(candidates(6))
    texts = pages(incident_report(school(), session(), people, clock=CLOCK, prefilled=False))
    assert len(texts) == 1
    text = flat(texts[0])
    assert "Description, observations" in text
    assert "14:36" not in text and "Question n° 12" not in text
    assert "C6 : Suspicion de fraude" in text
    assert "Reçu par l'administration le" in text


def test_prefilled_report_without_incidents_says_so() -> None:
    text = flat(" ".join(pages(incident_report(school(), session(), candidates(4), clock=CLOCK))))
    assert "Aucun signalement enregistré dans pixtui pour cette session." in text


def test_many_incidents_flow_over_pages_with_repeated_header() -> None:
    people = candidates(30)
    for person in people:
        room_log([person, *candidates(3)])  # gives each of them a C7 report
    texts = pages(incident_report(school(), session(), people, clock=CLOCK))
    assert len(texts) >= 2
    for number, text in enumerate(texts, start=1):
        assert "Pix — PV d'incident" in text
        assert f"Page {number} / {len(texts)}" in flat(text)
    assert flat(" ".join(texts)).count("C7 ") >= 30


# --- bundles -----------------------------------------------------------------------------------


def test_session_bundle_holds_kit_attendance_and_report_each_numbered() -> None:
    people = room_log(candidates(40))
    texts = [flat(text) for text in pages(bundle_session(school(), session(), people, clock=CLOCK))]
    kit = len(pages(invigilator_kit(school(), session(), people, clock=CLOCK)))
    sheet = len(pages(attendance_sheet(school(), session(), people, clock=CLOCK)))
    report = len(pages(incident_report(school(), session(), people, clock=CLOCK)))
    assert len(texts) == kit + sheet + report
    assert "Pix — Kit surveillant" in texts[0] and f"Page 1 / {kit}" in texts[0]
    assert "Pix — Feuille d'émargement" in texts[kit] and f"Page 1 / {sheet}" in texts[kit]
    assert "Pix — PV d'incident" in texts[-1] and f"Page {report} / {report}" in texts[-1]


def test_day_bundle_takes_every_session_of_the_date_in_time_order() -> None:
    morning = session("111111", start=time(8, 30), room="Salle A")
    afternoon = session("222222", start=time(14, 0), room="Salle B")
    other_day = session("333333", day=date(2024, 3, 19))
    people = candidates(5, morning.id) + candidates(3, afternoon.id) + candidates(2, other_day.id)
    texts = [
        flat(text)
        for text in pages(
            bundle_day(school(), DAY, [afternoon, other_day, morning], people, clock=CLOCK)
        )
    ]
    joined = " ".join(texts)
    assert "333333" not in joined
    assert joined.index("111111") < joined.index("222222")
    assert sum("Pix — Kit surveillant" in text for text in texts) == 2
    assert sum("Pix — Feuille d'émargement" in text for text in texts) == 2


def test_day_without_sessions_gives_one_explaining_page() -> None:
    texts = pages(bundle_day(school(), DAY, [session(day=date(2024, 3, 20))], [], clock=CLOCK))
    assert len(texts) == 1
    assert "Aucune session de certification n'est prévue le lundi 18/03/2024." in flat(texts[0])


# --- formats, determinism, language ---------------------------------------------------------


def test_a3_is_the_same_layout_enlarged() -> None:
    people = candidates(40)
    a4 = PdfReader(io.BytesIO(attendance_sheet(school(), session(), people, clock=CLOCK)))
    a3 = PdfReader(
        io.BytesIO(attendance_sheet(school(), session(), people, clock=CLOCK, page_format="A3"))
    )
    assert len(a4.pages) == len(a3.pages)
    assert round(float(a4.pages[0].mediabox.width)) == 595
    assert round(float(a3.pages[0].mediabox.width)) == 842
    assert round(float(a3.pages[0].mediabox.height)) == 1191


def test_unknown_page_format_is_a_french_sentence() -> None:
    with pytest.raises(DocumentError, match="choisissez A4 ou A3"):
        attendance_sheet(school(), session(), [], clock=CLOCK, page_format="Letter")  # type: ignore[arg-type]
    assert attendance_sheet(school(), session(), [], clock=CLOCK, page_format="a3")  # type: ignore[arg-type]


def test_same_input_same_bytes() -> None:
    people = room_log(candidates(10))
    first = bundle_session(school(), session(), people, clock=CLOCK)
    second = bundle_session(school(), session(), people, clock=CLOCK)
    assert first == second


def test_english_documents() -> None:
    set_language("en")
    try:
        text = flat(
            " ".join(pages(attendance_sheet(school(), session(), candidates(2), clock=CLOCK)))
        )
    finally:
        set_language("fr")
    assert "Attendance sheet" in text and "Monday 18/03/2024" in text and "Number present:" in text
