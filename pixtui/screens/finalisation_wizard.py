"""The finalisation wizard, as Pix Certif's « Finaliser la session » (rule 8).

Pre-filled from the room log (:func:`draft_from_room`): candidates who started, their state,
abort reasons chosen in the room, incident notes and validated live alerts. The referent adds
what the paper PV d'incident says (C1, C2, C4, C6, C7, C8 only), an abort reason for every
unfinished test, the two checkboxes and the global comment; « Valider » lists every problem
left, then asks for confirmation. Nothing is written before that confirmation.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import DataTable, Static

from pixtui.domain.enums import FINALISATION_CODES, ISSUE_REPORT_CODES, AbortReason
from pixtui.domain.finalisation import (
    MAX_TEXT_LENGTH,
    FinalisationDraft,
    Refused,
    finalisation_problems,
)
from pixtui.domain.labels import issue_code_title, label
from pixtui.domain.problems import Severity, errors, warnings
from pixtui.formatting import format_date
from pixtui.i18n import t
from pixtui.screens.base import PixScreen
from pixtui.services.finalisation import FINALISE_ACTION, apply_finalisation, load_draft
from pixtui.widgets.confirm import ConfirmDialog
from pixtui.widgets.dialogs import ChoiceDialog, TextDialog
from pixtui.widgets.plain import plain
from pixtui.widgets.tables import Column, FittedTable, selected_row_key

# At 80 columns the candidate (cut with « … »), the test's state, the abort reason and the
# reports stay whole; the class comes back wider. Entrée opens nothing here: the keys act on
# the candidate under the cursor (a, r, e), so the table takes no Entrée in the footer.
COLUMNS = (
    Column("name", "after.wizard.col.name", cut=16),
    Column("division", "after.wizard.col.division", drop=1),
    Column("state", "after.wizard.col.state"),
    Column("abort_reason", "after.wizard.col.abort_reason"),
    Column("reports", "after.wizard.col.reports"),
)
NO_REASON = "none"


def _check_length(text: str) -> str | None:
    if len(text.strip()) > MAX_TEXT_LENGTH:
        return t("after.wizard.too_long", length=len(text.strip()), limit=MAX_TEXT_LENGTH)
    return None


class FinalisationWizardScreen(PixScreen):
    SECTION = "finalisation"
    TITLE_KEY = "after.wizard.title"

    BINDINGS = [
        Binding("escape", "back", t("binding.back"), id="wizard-back"),
        Binding(
            "a",
            "abort_reason",
            t("after.wizard.binding.abort"),
            tooltip=t("after.wizard.binding.abort.tip"),
            id="wizard-abort",
        ),
        Binding(
            "r",
            "add_report",
            t("after.wizard.binding.report"),
            tooltip=t("after.wizard.binding.report.tip"),
            id="wizard-report",
        ),
        Binding(
            "e",
            "remove_report",
            t("after.wizard.binding.remove"),
            tooltip=t("after.wizard.binding.remove.tip"),
            id="wizard-remove",
            show=False,
        ),
        Binding(
            "i",
            "toggle_incident",
            t("after.wizard.binding.incident"),
            tooltip=t("after.wizard.binding.incident.tip"),
            id="wizard-incident",
        ),
        Binding(
            "j",
            "toggle_joining",
            t("after.wizard.binding.joining"),
            tooltip=t("after.wizard.binding.joining.tip"),
            id="wizard-joining",
            show=False,
        ),
        Binding(
            "g",
            "comment",
            t("after.wizard.binding.comment"),
            tooltip=t("after.wizard.binding.comment.tip"),
            id="wizard-comment",
            show=False,
        ),
        Binding(
            "v",
            "validate",
            t("after.wizard.binding.validate"),
            tooltip=t("after.wizard.binding.validate.tip"),
            id="wizard-validate",
        ),
    ]

    def __init__(self, session_id: str) -> None:
        super().__init__()
        self.session_id = session_id
        self.draft: FinalisationDraft | None = None

    def compose_body(self) -> Iterable[Widget]:
        yield Static("", id="wizard-head")
        yield FittedTable(COLUMNS, id="wizard-table")
        yield Static("", id="wizard-problems")

    def on_mount(self) -> None:
        self.query_one("#wizard-table", DataTable).focus()

    def title_text(self) -> str:
        session = self.snapshot.session(self.session_id)
        number = session.pix_number if session and session.pix_number else "–"
        return t("after.wizard.title_number", number=number)

    def refresh_data(self) -> None:
        if self.draft is None:
            try:
                self.draft = load_draft(self.snapshot, self.session_id)
            except Refused as error:
                self.notify(error.problems[0].message, severity="warning")
                self.app.pop_screen()
                return
        self._show()

    # --- display ---------------------------------------------------------------------------

    def _show(self) -> None:
        draft = self.draft
        assert draft is not None
        session = self.snapshot.session(self.session_id)
        yes, no = t("results.summary.yes"), t("results.summary.no")
        typed = draft.examiner_global_comment.strip()
        comment = typed or t("results.summary.empty")
        self.query_one("#wizard-head", Static).update(
            plain(
                "\n".join(
                    [
                        t(
                            "after.wizard.head",
                            date=format_date(session.date) if session and session.date else "–",
                            room=session.room if session else "–",
                            count=len(draft.reports),
                        ),
                        t(
                            "after.wizard.flags",
                            incident=yes if draft.has_incident else no,
                            joining=yes if draft.has_joining_issue else no,
                        ),
                        t("after.wizard.comment_line", comment=comment, length=len(typed)),
                        *(
                            [
                                t(
                                    "after.wizard.incident_suggested",
                                    reasons=" ; ".join(draft.incident_reasons),
                                )
                            ]
                            if draft.incident_reasons and not draft.has_incident
                            else []
                        ),
                    ]
                )
            )
        )
        rows = []
        for report in draft.reports:
            codes = ", ".join(i.code for i in report.issue_reports) or "–"
            cells = (
                report.display_name,
                report.division,
                label(report.state),
                label(report.abort_reason) if report.abort_reason else "–",
                codes,
            )
            rows.append((report.candidate_id, cells))
        self.query_one("#wizard-table", FittedTable).fill(rows)
        problems = finalisation_problems(draft)
        lines = [p.message for p in problems if p.severity is not Severity.INFO]
        text = "\n".join(["• " + line for line in lines]) if lines else t("after.wizard.ready")
        self.query_one("#wizard-problems", Static).update(plain(text))

    def _report(self):
        key = selected_row_key(self.query_one("#wizard-table", DataTable))
        if key is None or self.draft is None:
            self.notify(t("after.wizard.no_candidate"), severity="warning")
            return None
        return self.draft.report(key)

    # --- actions ---------------------------------------------------------------------------

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_abort_reason(self) -> None:
        report = self._report()
        if report is None:
            return
        if report.completed:
            self.notify(
                t("results.final.abort_reason_on_completed", name=report.display_name),
                severity="warning",
            )
            return
        options = [(r.value, label(r)) for r in AbortReason]
        options.append((NO_REASON, t("after.wizard.no_reason")))

        def chosen(value: str | None) -> None:
            if value is None:
                return
            report.abort_reason = None if value == NO_REASON else AbortReason(value)
            self._show()

        self.app.push_screen(
            ChoiceDialog(t("after.wizard.abort_title", name=report.display_name), options),
            chosen,
        )

    def action_add_report(self) -> None:
        report = self._report()
        if report is None:
            return
        options = [(code, issue_code_title(code)) for code in FINALISATION_CODES]

        def chosen(code: str | None) -> None:
            if code is None:
                return
            needs = ISSUE_REPORT_CODES[code].needs_description

            def typed(text: str | None) -> None:
                if text is None:
                    return
                assert self.draft is not None
                self.draft.add_issue(
                    report.candidate_id, code, text.strip(), self.now(), self.pix.store.actor
                )
                self._show()

            def check(text: str) -> str | None:
                if needs and not text.strip():
                    return t("after.wizard.description_needed", code=code)
                return _check_length(text)

            self.app.push_screen(
                TextDialog(
                    t("after.wizard.description_title", code=issue_code_title(code)),
                    placeholder=t("after.wizard.description_hint"),
                    check=check,
                ),
                typed,
            )

        self.app.push_screen(
            ChoiceDialog(
                t("after.wizard.report_title", name=report.display_name),
                options,
                note=t("after.wizard.report_note"),
            ),
            chosen,
        )

    def action_remove_report(self) -> None:
        report = self._report()
        if report is None:
            return
        if not report.issue_reports:
            self.notify(t("after.wizard.no_report", name=report.display_name), severity="warning")
            return
        options = [
            (i.id, issue_code_title(i.code) + (" — " + i.description if i.description else ""))
            for i in report.issue_reports
        ]

        def chosen(issue_id: str | None) -> None:
            if issue_id and self.draft is not None:
                self.draft.remove_issue(report.candidate_id, issue_id)
                self._show()

        self.app.push_screen(
            ChoiceDialog(t("after.wizard.remove_title", name=report.display_name), options),
            chosen,
        )

    def action_toggle_incident(self) -> None:
        if self.draft is not None:
            self.draft.has_incident = not self.draft.has_incident
            self._show()

    def action_toggle_joining(self) -> None:
        if self.draft is not None:
            self.draft.has_joining_issue = not self.draft.has_joining_issue
            self._show()

    def action_comment(self) -> None:
        if self.draft is None:
            return

        def typed(text: str | None) -> None:
            if text is not None and self.draft is not None:
                self.draft.examiner_global_comment = text.strip()
                self._show()

        self.app.push_screen(
            TextDialog(
                t("after.wizard.comment_title", limit=MAX_TEXT_LENGTH),
                value=self.draft.examiner_global_comment,
                check=_check_length,
            ),
            typed,
        )

    def action_validate(self) -> None:
        draft = self.draft
        if draft is None:
            return
        problems = finalisation_problems(draft)
        blocking = errors(problems)
        if blocking:
            self.notify(blocking[0].message, severity="warning", timeout=10)
            return
        notes = [p.message for p in warnings(problems)]
        question = "\n".join([*notes, t("after.wizard.confirm_question")])

        def answered(ok: bool | None) -> None:
            if ok:
                self._finalise(accept_warnings=bool(notes))

        self.app.push_screen(
            ConfirmDialog(question, confirm_label=t("after.wizard.confirm_label")), answered
        )

    def _finalise(self, accept_warnings: bool) -> None:
        draft = self.draft
        assert draft is not None

        def refused(error: Refused) -> None:
            self.notify(error.message, severity="warning", timeout=10)
            if any(p.key == "results.final.stale_draft" for p in error.problems):
                self.draft = None
                self.refresh_data()

        infos = self.pix.write(
            FINALISE_ACTION,
            lambda tx: apply_finalisation(tx, draft, accept_warnings),
            on_refused=refused,
        )
        if infos is None:
            return
        self.notify(t("after.wizard.done"))
        from pixtui.screens.finalisation_summary import FinalisationSummaryScreen

        self.app.switch_screen(FinalisationSummaryScreen(self.session_id))
