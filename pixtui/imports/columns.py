"""Header names of each file kind (aliases in order of preference) and kind detection.

Names come from the files themselves (reference ``peers.md`` §3, §4, §9 and
``pix-certification.md`` §6.3); they are matched with :func:`sniff.header_key`, so accents,
case, spaces, quotes, ``*`` and a trailing ``(jj/mm/aaaa)`` do not matter.
"""

from __future__ import annotations

from collections.abc import Sequence

from pixtui.imports.report import ImportKind
from pixtui.imports.results import SHARED as RESULTS_SHARED
from pixtui.imports.sniff import has_columns, read_table

# --- Pupil lists (SIECLE / Pronote / Pix's agricultural template) ---
PUPIL_LAST = ("Nom", "Nom de famille", "Nom de l'élève", "Nom élève", "Nom d'usage")
PUPIL_FIRST = ("Prénom", "Premier prénom", "Prénom 1", "Prénom de l'élève", "Prénom élève")
PUPIL_FULL = ("Élève", "Nom et prénom", "Nom Prénom", "Nom prénom de l'élève")  # Pronote
PUPIL_BIRTH = (
    "Date de naissance",
    "Date naissance",
    "Date naiss",
    "Né(e) le",
    "Né le",
    "Naissance",
)
PUPIL_DIVISION = ("Classe", "Division", "Classe actuelle", "Code division")
PUPIL_SEX = ("Sexe", "Genre")
PUPIL_INE = (
    "INE",
    "Identifiant national",
    "Identifiant unique",
    "N° INE",
    "Numéro INE",
    "Identifiant national élève",
)
PUPIL_MEF = ("Code MEF", "MEF", "Code MEF de l'élève")

# --- Pix Orga profile-collection export ---
PROFILE_LAST = ("Nom du Participant",)
PROFILE_FIRST = ("Prénom du Participant",)
PROFILE_DIVISION = ("Classe", "Division")
PROFILE_SHARED = ("Envoi (O/N)", "Partage (O/N)")
PROFILE_SENT_AT = (
    "Date et heure de l'envoi (Europe/Paris)",
    "Date de l'envoi",
    "Date et heure du partage (Europe/Paris)",
    "Date du partage",
)
PROFILE_CERTIFIABLE = ("Certifiable (O/N)",)
PROFILE_COMPETENCES = ("Nombre de compétences certifiables",)
PROFILE_PIX_TOTAL = ("Nombre de pix total",)

# --- Pix Orga "Élèves" page (peer P3's students.csv) ---
ORGA_LAST = ("nom", "Nom de famille")
ORGA_FIRST = ("prenom", "Prénom")
ORGA_DIVISION = ("classe", "Division")
ORGA_MEDIACENTRE = ("mediacentre", "GAR", "Médiacentre / ENT")
ORGA_IDENTIFIANT = ("identifiant", "Identifiant Pix")
ORGA_EMAIL = ("email", "Adresse e-mail", "E-mail", "Adresse email")
ORGA_CERTIFIABILITY = ("certificabilite", "Certificabilité")

# --- Pix Orga certification results (parsed by results.py; only recognised here) ---
# Recognised by what every variant shares (results.SHARED: certification number, status, date
# of the certification, the 16 competences), never by the score header that Pix renamed twice.


def kind_of_headers(keys: Sequence[str]) -> ImportKind:
    """The kind of a file from its header keys (most specific kinds first)."""
    if has_columns(keys, ORGA_LAST, ORGA_FIRST, ORGA_CERTIFIABILITY) or has_columns(
        keys, ORGA_LAST, ORGA_FIRST, ORGA_MEDIACENTRE, ORGA_IDENTIFIANT
    ):
        return ImportKind.ORGA_PUPILS
    if has_columns(keys, PROFILE_LAST, PROFILE_FIRST, PROFILE_CERTIFIABLE):
        return ImportKind.PROFILE_COLLECTION
    if has_columns(keys, *RESULTS_SHARED):
        return ImportKind.CERTIFICATION_RESULTS
    if has_columns(keys, PUPIL_BIRTH) and (
        has_columns(keys, PUPIL_LAST, PUPIL_FIRST) or has_columns(keys, PUPIL_FULL)
    ):
        return ImportKind.PUPIL_LIST
    return ImportKind.UNKNOWN


def detect_kind(data: bytes) -> ImportKind:
    """The kind of a file, judged on its header line only."""
    table = read_table(data)
    if table.error and not table.keys:
        return ImportKind.UNKNOWN
    return kind_of_headers(table.keys)
