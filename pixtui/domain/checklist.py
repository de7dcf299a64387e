"""The preparation and after-session checklist of a session (seed deck B2-B6, D1, A1)."""

from __future__ import annotations

from pixtui.domain.models import ChecklistItem

SESSION_CHECKLIST: tuple[str, ...] = (
    "created_in_pix_certif",  # B3: session created in Pix Certif, number and codes copied in
    "pupils_enrolled_in_pix",  # B4: candidates added in Pix Certif
    "pupils_informed",  # B2: pupils told the conditions (video)
    "documents_sent",  # B5: émargement, PV d'incident and kit given to the invigilator
    "room_ready",  # B6: room prepared
    "workstations_checked",  # B6: browsers and the Pix Companion extension checked
    "materials_ready",  # D1: identity check list, printed sheets, pens
    "documents_handed",  # A1: documents handed to the administration after the session
)


def default_checklist() -> list[ChecklistItem]:
    return [ChecklistItem(key) for key in SESSION_CHECKLIST]
