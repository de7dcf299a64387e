"""Printable documents (PDF, fpdf2) and CSV exports of a certification session.

Pure functions of domain objects and an injected clock: no store access here. Every function
returns bytes; :func:`write_file_atomically` puts them on disk.
"""

from __future__ import annotations

from pixtui.documents.attendance import attendance_sheet
from pixtui.documents.bundles import bundle_day, bundle_session, sessions_of_day
from pixtui.documents.csv_exports import (
    candidates_csv,
    certifiability_by_class_csv,
    defuse,
    finalization_csv,
    pupils_csv,
)
from pixtui.documents.errors import DocumentError, ExportFailed
from pixtui.documents.files import write_file_atomically
from pixtui.documents.formatting import personal_test_minutes
from pixtui.documents.incident import IncidentEntry, incident_entries, incident_report
from pixtui.documents.kit import invigilator_kit
from pixtui.documents.layout import PAGE_FORMATS, PageFormat

__all__ = [
    "PAGE_FORMATS",
    "DocumentError",
    "ExportFailed",
    "IncidentEntry",
    "PageFormat",
    "attendance_sheet",
    "bundle_day",
    "bundle_session",
    "candidates_csv",
    "certifiability_by_class_csv",
    "defuse",
    "finalization_csv",
    "incident_entries",
    "incident_report",
    "invigilator_kit",
    "personal_test_minutes",
    "pupils_csv",
    "sessions_of_day",
    "write_file_atomically",
]
