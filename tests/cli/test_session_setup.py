"""``pixtui session create | inscrire | temps-majore``: a session set up headless, with the screens'
rules; warnings need --oui, a refusal is one French sentence and exit code 2."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from pixtui.domain.clock import SystemClock
from pixtui.i18n import t
from pixtui.store import Store

from .test_commands import run


def test_create_enrol_and_extra_time_headless(capsys, tmp_path: Path) -> None:
    path = tmp_path / "pixtui.json"
    assert run(capsys, "demo", "--store", path)[0] == 0
    day = (SystemClock().now() + timedelta(days=3)).strftime("%d/%m/%Y")
    create = ["session", "create", "--store", path, "--date", day, "--heure", "14:00"]
    create += [
        "--site",
        "Bâtiment C",
        "--salle",
        "C12",
        "--surveillants",
        "Mme Roy",
        "--repetition",
    ]
    code, out, err = run(capsys, *create)
    if code == 2:  # a warning (campaign window, invigilators…): nothing written without --oui
        assert "--oui" in err and err.count("\n") == 1
        code, out, err = run(capsys, *create, "--oui")
    assert code == 0, err
    store = Store.open(path, actor="test", clock=SystemClock())
    session = next(s for s in store.snapshot().sessions.all() if s.room == "C12")
    assert session.pix_number and session.pix_number in out and session.rehearsal

    division = sorted({p.division for p in store.snapshot().pupils.all() if p.ine})[0]
    code, out, err = run(
        capsys,
        "session",
        "inscrire",
        session.pix_number,
        "--classe",
        division,
        "--oui",
        "--store",
        path,
    )
    assert code == 0, err
    candidates = store.snapshot().candidates.where(session_id=session.id)
    assert candidates and "inscrit" in out
    pupils = {p.id: p for p in store.snapshot().pupils.all()}
    target = next(c for c in candidates if pupils[c.pupil_id].ine)
    ine = pupils[target.pupil_id].ine

    extra = ["session", "temps-majore", session.pix_number, ine]
    code, out, err = run(capsys, *extra, "33", "--aide", "AESH Mme Roy", "--store", path)
    assert code == 0, err
    saved = store.snapshot().candidates.get(target.id)
    assert saved.extra_time_ratio == 0.33 and saved.aid_note == "AESH Mme Roy"

    # Once started, a change of extra time is refused unless confirmed, as on screen.
    from pixtui.services import room as room_service

    now = SystemClock().now()
    with store.transaction("room.start") as tx:
        room_service.confirm_presence(tx, session.id, target.id, now=now, by="test")
        room_service.start(tx, session.id, target.id, now=now, by="test")
    code, out, err = run(capsys, *extra, "0", "--store", path)
    assert code == 2 and "a déjà commencé" in err and err.count("\n") == 1
    assert store.snapshot().candidates.get(target.id).extra_time_ratio == 0.33
    code, out, err = run(capsys, *extra, "0", "--oui", "--store", path)
    assert code == 0, err
    after = store.snapshot().candidates.get(target.id)
    assert after.extra_time_ratio == 0.0 and after.extra_time_before == 0.33

    # Refusals: one sentence, exit code 2, nothing written.
    code, _, err = run(
        capsys, "session", "temps-majore", session.pix_number, "0000000XX", "33", "--store", path
    )
    assert (
        code == 2
        and err == t("cli.session.not_enrolled", ine="0000000XX", number=session.pix_number) + "\n"
    )
    code, _, err = run(capsys, *extra, "trente", "--oui", "--store", path)
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    code, _, err = run(capsys, "session", "inscrire", session.pix_number, "--store", path)
    assert code == 2 and err == t("cli.session.enrol_whom") + "\n"
