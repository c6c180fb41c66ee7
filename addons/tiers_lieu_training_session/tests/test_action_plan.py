from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import SessionCase


@tagged("post_install", "-at_install")
class TestActionPlan(SessionCase):
    """The action plan: dated steps with a partner, overdue ones surfaced, as restricted
    as the barriers (referent trainer and insertion managers)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The other trainer also follows Léa, but is not her referent.
        cls.lea.trainer_ids = cls.other_trainer
        cls.social_worker = cls.env["res.partner"].create({"name": "CCAS Épinay"})
        cls.barrier = cls.env["tiers_lieu.trainee.barrier"].create(
            {"trainee_id": cls.lea.id, "category": "housing"}
        )
        Step = cls.env["tiers_lieu.trainee.action.step"].with_user(cls.trainer)
        # Frozen on 18 March 2026: the first step is overdue, the second is not.
        cls.late = Step.create(
            {
                "trainee_id": cls.lea.id,
                "name": "Housing application",
                "barrier_id": cls.barrier.id,
                "date_due": date(2026, 3, 10),
                "partner_id": cls.social_worker.id,
            }
        )
        cls.coming = Step.create(
            {"trainee_id": cls.lea.id, "name": "Driving lessons", "date_due": date(2026, 4, 1)}
        )

    def test_overdue_steps_are_surfaced(self):
        Step = self.env["tiers_lieu.trainee.action.step"].with_user(self.trainer)
        self.assertTrue(self.late.is_overdue)
        self.assertFalse(self.coming.is_overdue)
        self.assertEqual(Step.search([("is_overdue", "=", True)]), self.late)
        self.assertEqual(Step.search([("is_overdue", "=", False)]), self.coming)
        self.late.with_user(self.trainer).action_done()
        self.assertEqual(self.late.state, "done")
        self.assertEqual(self.late.date_done, date(2026, 3, 18))
        self.assertFalse(self.late.is_overdue)
        self.assertFalse(Step.search([("is_overdue", "=", True)]))
        self.coming.with_user(self.trainer).action_cancel()
        self.assertEqual(self.coming.state, "cancelled")

    def test_referent_and_insertion_manager_see_the_plan(self):
        Step = self.env["tiers_lieu.trainee.action.step"]
        both = self.late | self.coming
        self.assertEqual(Step.with_user(self.trainer).search([]), both)
        self.assertEqual(Step.with_user(self.insertion_manager).search([]), both)
        self.assertEqual(self.lea.with_user(self.trainer).action_step_ids, both)

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.models")
    def test_other_trainer_and_staff_are_refused(self):
        """The co-trainer opens Léa's file but not her action plan; staff nothing."""
        self.env.invalidate_all()  # a new request: nothing read as the referent before
        Step = self.env["tiers_lieu.trainee.action.step"]
        self.assertFalse(Step.with_user(self.other_trainer).search([]))
        self.assertFalse(self.lea.with_user(self.other_trainer).action_step_ids)
        with self.assertRaises(AccessError):
            self.late.with_user(self.other_trainer).read(["name"])
        with self.assertRaises(AccessError):
            self.late.with_user(self.other_trainer).action_done()
        with self.assertRaises(AccessError):
            Step.with_user(self.other_trainer).create(
                {"trainee_id": self.lea.id, "name": "CV", "date_due": date(2026, 4, 1)}
            )
        with self.assertRaises(AccessError):
            Step.with_user(self.staff).search([])
        with self.assertRaises(AccessError):
            self.late.with_user(self.staff).read(["name"])
        self.assertEqual(self.late.state, "open")

    def test_step_answers_a_barrier_of_the_same_trainee(self):
        with self.assertRaisesRegex(ValidationError, "barrier of another trainee"):
            self.env["tiers_lieu.trainee.action.step"].create(
                {
                    "trainee_id": self.yanis.id,
                    "name": "Housing",
                    "barrier_id": self.barrier.id,
                    "date_due": date(2026, 4, 1),
                }
            )

    def test_step_planned_from_the_trainee_form(self):
        with Form(self.lea.with_user(self.trainer)) as form:
            with form.action_step_ids.new() as step:
                step.name = "Open a bank account"
                step.date_due = date(2026, 3, 1)
                step.partner_id = self.social_worker
        added = self.lea.action_step_ids.filtered(lambda s: s.name == "Open a bank account")
        self.assertTrue(added.is_overdue)
        self.assertEqual(added.partner_id, self.social_worker)
