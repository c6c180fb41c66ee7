from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.tiers_lieu_training.const import EXIT_DETAILS

from .common import SessionCase


@tagged("post_install", "-at_install")
class TestFollowUp(SessionCase):
    """Barriers (sensitive) and PMSMP periods."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The other trainer also follows Léa, but is not her referent.
        cls.lea.trainer_ids = cls.other_trainer
        cls.host = cls.env["res.partner"].create({"name": "Atelier Méca", "is_company": True})
        cls.barrier = cls.env["tiers_lieu.trainee.barrier"].create(
            {"trainee_id": cls.lea.id, "category": "health", "note": "Suivi médical"}
        )

    def test_referent_and_insertion_manager_see_the_barriers(self):
        Barrier = self.env["tiers_lieu.trainee.barrier"]
        self.assertEqual(Barrier.with_user(self.trainer).search([]), self.barrier)
        self.assertEqual(Barrier.with_user(self.insertion_manager).search([]), self.barrier)
        self.assertEqual(self.lea.with_user(self.trainer).barrier_ids, self.barrier)

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.models")
    def test_other_trainers_do_not_see_the_barriers(self):
        """The co-trainer opens Léa's file but not her barriers; nobody else reads them."""
        Barrier = self.env["tiers_lieu.trainee.barrier"]
        self.assertFalse(Barrier.with_user(self.other_trainer).search([]))
        self.assertFalse(self.lea.with_user(self.other_trainer).barrier_ids)
        with self.assertRaises(AccessError):
            self.barrier.with_user(self.other_trainer).read(["note"])
        with self.assertRaises(AccessError):
            Barrier.with_user(self.other_trainer).create(
                {"trainee_id": self.lea.id, "category": "housing"}
            )
        with self.assertRaises(AccessError):
            Barrier.with_user(self.staff).search([])

    def test_barrier_dates(self):
        with self.assertRaisesRegex(ValidationError, "lifted after"):
            self.barrier.date_resolved = date(2020, 1, 1)

    def test_pmsmp_overlapping_a_suspension_is_refused(self):
        self.env["tiers_lieu.pass.suspension"].create(
            {
                "path_id": self.yanis_path.id,
                "date_start": date(2026, 4, 1),
                "date_end": date(2026, 4, 30),
                "reason": "sickness",
            }
        )
        Pmsmp = self.env["tiers_lieu.trainee.pmsmp"].with_user(self.trainer)
        vals = {
            "trainee_id": self.yanis.id,
            "host_id": self.host.id,
            "objective": "discover",
        }
        with self.assertRaisesRegex(ValidationError, "overlaps the suspension"):
            Pmsmp.create({**vals, "date_start": date(2026, 4, 20), "date_end": date(2026, 5, 5)})
        with self.assertRaisesRegex(ValidationError, "ends after it starts"):
            Pmsmp.create({**vals, "date_start": date(2026, 5, 20), "date_end": date(2026, 5, 5)})
        period = Pmsmp.create(
            {**vals, "date_start": date(2026, 5, 4), "date_end": date(2026, 5, 15)}
        )
        self.assertEqual(self.yanis.pmsmp_ids, period)

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.models")
    def test_pmsmp_of_a_trainee_followed_by_another_trainer_is_refused(self):
        with self.assertRaises(AccessError):
            self.env["tiers_lieu.trainee.pmsmp"].with_user(self.trainer).create(
                {
                    "trainee_id": self.karim.id,
                    "host_id": self.host.id,
                    "objective": "hire",
                    "date_start": date(2026, 5, 4),
                    "date_end": date(2026, 5, 15),
                }
            )

    def test_interview_next_step_is_an_activity_of_the_referent(self):
        Interview = self.env["tiers_lieu.trainee.interview"].with_user(self.other_trainer)
        interview = Interview.create(
            {
                "trainee_id": self.lea.id,
                "summary": "Point sur le projet",
                "next_step": "Appeler la mission locale",
                "next_date": date(2026, 4, 1),
            }
        )
        activity = interview.activity_id
        self.assertEqual(activity.res_id, self.lea.id)
        self.assertEqual(activity.user_id, self.trainer)
        self.assertEqual(activity.date_deadline, date(2026, 4, 1))
        self.assertEqual(activity.summary, "Appeler la mission locale")
        undated = Interview.create({"trainee_id": self.lea.id, "summary": "Point"})
        self.assertFalse(undated.activity_id)

    def test_exit_asks_for_the_situation_six_months_later(self):
        self.yanis._record_exit(date(2026, 3, 18), EXIT_DETAILS[0][0])
        activity = self.yanis.activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref("tiers_lieu_training_session.mail_activity_type_six_months")
        )
        self.assertEqual(activity.date_deadline, date(2026, 9, 18))
        self.assertEqual(activity.user_id, self.trainer)
