from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SessionCase

REPORT = "tiers_lieu_training_session.action_report_training_attestation"


@tagged("post_install", "-at_install")
class TestTrainingAttestation(SessionCase):
    """The attestation of training: hours, sessions attended, skills per block."""

    def test_attestation_lists_sessions_hours_and_blocks(self):
        session = self.plan(self.lea, span="day")
        self.sign(self.line(session, self.lea))
        self.evaluate(self.lea, self.skill_slicing, self.level_acquired)
        header, (content, skills) = self.lea.with_user(self.trainer)._training_attestation_content()
        self.assertRegex(" ".join(header), r"3[.,]50 h of training")
        self.assertEqual(len(content["rows"]), 1)
        self.assertEqual(content["rows"][0][1], "Slicing a part")
        prepare = next(row for row in skills["rows"] if "RNCP99001BC01" in row[0])
        self.assertEqual(prepare[1], "1 / 2")
        self.assertEqual(prepare[2], "Slice a model")
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(self.trainer)
            ._render_qweb_pdf(REPORT, self.lea.ids)
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.models")
    def test_attestation_of_a_trainee_not_followed_is_refused(self):
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.trainer)._render_qweb_pdf(
                REPORT, self.karim.ids
            )
