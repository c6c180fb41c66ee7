from odoo.tests import tagged

from .common import SIGNATURE, SessionCase

REPORT = "tiers_lieu_training_session.action_report_attendance_sheet"


@tagged("post_install", "-at_install")
class TestAttendanceSheet(SessionCase):
    """The PDF sheet: a registered report; the closed session keeps its copy."""

    def _attachments(self, session):
        return self.env["ir.attachment"].search(
            [("res_model", "=", session._name), ("res_id", "=", session.id)]
        )

    def test_open_session_prints_without_storing(self):
        session = self.plan(self.lea | self.yanis, span="day")
        self.sign(self.line(session, self.lea))
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(self.trainer)
            ._render_qweb_pdf(REPORT, session.ids)
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        self.assertFalse(
            self._attachments(session).filtered(
                lambda a: a.mimetype == "application/pdf" and a.name.endswith(".pdf")
            )
        )

    def test_closed_session_keeps_its_sheet(self):
        session = self.plan(self.lea | self.yanis, trainer_signature=SIGNATURE)
        self.sign(self.line(session, self.lea))
        yanis = self.line(session, self.yanis)
        yanis.absence_reason = "sick"
        yanis.action_mark_absent()
        session.with_user(self.trainer).action_close()
        stored = self._attachments(session).filtered(lambda a: a.name.endswith(".pdf"))
        self.assertEqual(len(stored), 1)
        self.assertTrue(stored.raw.startswith(b"%PDF"))
        # Printing again gives the stored evidence, not a new drawing.
        pdf, _kind = self.env["ir.actions.report"]._render_qweb_pdf(REPORT, session.ids)
        self.assertEqual(pdf, stored.raw)
        action = self.env.ref(REPORT)
        self.assertEqual(action.binding_model_id.model, "tiers_lieu.training.session")
