from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import TrainingCase


@tagged("post_install", "-at_install")
class TestSkills(TrainingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.trainee = cls.create_trainee("Léa Martin")
        cls.add_path(cls.apprenticeship_vals(cls.trainee))

    def progress(self, block):
        return self.trainee.block_progress_ids.filtered(lambda p: p.block_id == block)

    def test_evaluation_of_a_skill_outside_the_grid_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "“Sew a hem” is not in the trainee's grid"):
            self.evaluate(self.trainee, self.skill_sewing, self.other_grid.skill_level_ids)

    def test_level_of_another_grid_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "belongs to another grid"):
            self.evaluate(self.trainee, self.skill_fdm, self.other_grid.skill_level_ids)

    def test_block_progress_follows_the_latest_evaluations(self):
        self.assertEqual(self.progress(self.block_prepare).progress, 0)
        self.assertEqual(self.progress(self.block_prepare).skill_count, 2)
        self.evaluate(self.trainee, self.skill_slicing, self.level_discovery, date(2026, 1, 10))
        self.evaluate(self.trainee, self.skill_slicing, self.level_acquired, date(2026, 3, 10))
        self.evaluate(self.trainee, self.skill_material, self.level_learning, date(2026, 3, 1))
        self.trainee.invalidate_recordset()
        prepare = self.progress(self.block_prepare)
        self.assertEqual(prepare.progress, 75.0)  # (100 + 50) / 2
        self.assertEqual(prepare.evaluated_count, 2)
        self.assertEqual(prepare.validated_count, 1)
        self.assertEqual(self.progress(self.block_produce).progress, 0)
        status = self.trainee.skill_status_ids.filtered(lambda s: s.skill_id == self.skill_slicing)
        self.assertEqual(status.level_id, self.level_acquired)
        self.assertEqual(status.last_date, date(2026, 3, 10))
        self.assertTrue(status.is_validated)
        self.assertEqual(self.trainee.last_evaluation_date, date(2026, 3, 10))

    def test_validation_threshold_belongs_to_the_grid(self):
        evaluation = self.evaluate(self.trainee, self.skill_fdm, self.level_learning)
        self.assertFalse(evaluation.is_validated)
        self.grid.validation_progress = 50
        self.assertTrue(evaluation.is_validated)

    def test_validation_is_announced_once(self):
        """The hook the machine glue extends runs once, when the skill becomes validated."""

        def messages():
            return self.env["mail.message"].search(
                [("model", "=", self.trainee._name), ("res_id", "=", self.trainee.id)]
            )

        before = messages()
        evaluation = self.evaluate(self.trainee, self.skill_fdm, self.level_learning)
        self.assertEqual(messages(), before)
        evaluation.level_id = self.level_acquired
        new = messages() - before
        self.assertEqual(len(new), 1)
        self.assertIn("Compétence validée : Run an FDM printer", new.body)
        evaluation.comment = "Confirmed on the Prusa"
        self.assertEqual(len(messages() - before), 1)

    def test_trainer_evaluates_in_the_trainee_form(self):
        trainee = self.trainee.with_user(self.trainer)
        with Form(trainee) as form:
            with form.evaluation_ids.new() as line:
                line.skill_id = self.skill_fdm
                line.level_id = self.level_acquired
                line.comment = "Printed a face-shield batch alone"
        evaluation = trainee.evaluation_ids
        self.assertEqual(evaluation.evaluator_id, self.trainer)
        self.assertEqual(evaluation.date, self.today)
        self.trainee.invalidate_recordset()
        self.assertEqual(self.progress(self.block_produce).progress, 100)
