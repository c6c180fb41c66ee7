from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import TrainingCase
from .test_statement import pdf_text

REPORT = "tiers_lieu_training.action_report_skills_attestation"


@tagged("post_install", "-at_install")
class TestSkillsAttestation(TrainingCase):
    """The attestation of the skills validated per certification block."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.trainee = cls.create_trainee("Léa Martin")
        cls.add_path(cls.apprenticeship_vals(cls.trainee))
        # Block "Produce" (one skill) fully validated; "Prepare" half: one skill acquired,
        # the other only in learning (not validated, not printed).
        cls.evaluate(cls.trainee, cls.skill_fdm, cls.level_acquired, day=date(2026, 3, 2))
        cls.evaluate(cls.trainee, cls.skill_slicing, cls.level_acquired, day=date(2026, 3, 9))
        cls.evaluate(cls.trainee, cls.skill_material, cls.level_learning)

    def render(self, user):
        return (
            self.env["ir.actions.report"].with_user(user)._render_qweb_pdf(REPORT, self.trainee.ids)
        )

    def test_pdf_prints_the_blocks_and_their_validated_skills(self):
        content, kind = self.render(self.trainer)
        self.assertEqual(kind, "pdf")
        text = " ".join(pdf_text(content).split())
        for expected in (
            "Léa Martin",
            "Additive manufacturing operator (RNCP99001)",
            "RNCP99001BC01 – Prepare",
            "1 of the 2 skills of the block validated.",
            "Slice a model",
            "09/03/2026",
            "RNCP99001BC02 – Produce",
            "Block fully validated.",
            "Run an FDM printer",
            "02/03/2026",
        ):
            self.assertIn(expected, text)
        self.assertNotIn("Choose the material", text)
        self.assertLess(text.index("Prepare"), text.index("Slice a model"))
        self.assertLess(text.index("Slice a model"), text.index("Produce"))
        self.assertLess(text.index("Produce"), text.index("Run an FDM printer"))

    def test_nothing_validated(self):
        trainee = self.create_trainee("Sam Petit")
        self.add_path(self.cddi_vals(trainee))
        header, sections = trainee.with_user(self.trainer)._skills_attestation_content()
        self.assertEqual(sections[0]["paragraphs"], ["No skill validated yet."])

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.models")
    def test_trainer_not_following_the_trainee_is_refused(self):
        with self.assertRaises(AccessError):
            self.render(self.other_trainer)
        with self.assertRaises(AccessError):
            self.render(self.staff)
