"""Render the first page of each document to PNG in docs/previews/ (needs pdftoppm).

Run: /work/venv/bin/python tests/documents/make_previews.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from document_samples import (  # noqa: E402
    CLOCK,
    DAY,
    candidates,
    long_name_candidate,
    room_log,
    school,
    session,
)

from pixtui.documents import (  # noqa: E402
    attendance_sheet,
    bundle_day,
    incident_report,
    invigilator_kit,
)

OUT = Path(__file__).resolve().parents[2] / "docs" / "previews"


def main() -> None:
    if shutil.which("pdftoppm") is None:
        sys.exit("pdftoppm is missing: apt-get install -y poppler-utils")
    OUT.mkdir(parents=True, exist_ok=True)
    people = room_log([*candidates(40), long_name_candidate()])
    documents = {
        "kit-surveillant": invigilator_kit(school(), session(), people, clock=CLOCK),
        "kit-public": invigilator_kit(school(), session(), people, clock=CLOCK, public=True),
        "emargement": attendance_sheet(school(), session(), people, clock=CLOCK),
        "emargement-vide": attendance_sheet(school(), session(), [], clock=CLOCK),
        "pv-incident-prerempli": incident_report(school(), session(), people, clock=CLOCK),
        "pv-incident-vierge": incident_report(
            school(), session(), people, clock=CLOCK, prefilled=False
        ),
        "journee-sans-session": bundle_day(school(), DAY, [], [], clock=CLOCK),
    }
    with tempfile.TemporaryDirectory() as work:
        for name, data in documents.items():
            pdf = Path(work) / f"{name}.pdf"
            pdf.write_bytes(data)
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    "80",
                    "-f",
                    "1",
                    "-l",
                    "1",
                    "-singlefile",
                    str(pdf),
                    str(OUT / name),
                ],
                check=True,
            )
            print(OUT / f"{name}.png")


if __name__ == "__main__":
    main()
