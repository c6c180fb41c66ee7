from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SessionCase


@tagged("post_install", "-at_install")
class TestSessionSecurity(SessionCase):
    """Trainers see the sessions they lead; insertion managers all; staff none."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.session = cls.plan(cls.lea | cls.yanis)
        cls.other_session = cls.plan(cls.karim, user=cls.other_trainer)

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.models")
    def test_trainer_sees_only_the_sessions_they_lead(self):
        Session = self.env["tiers_lieu.training.session"].with_user(self.trainer)
        self.assertEqual(Session.search([]), self.session)
        with self.assertRaises(AccessError):
            self.other_session.with_user(self.trainer).read(["topic"])
        Line = self.env["tiers_lieu.training.attendance"].with_user(self.trainer)
        self.assertEqual(Line.search([]), self.session.attendance_ids)
        with self.assertRaises(AccessError):
            self.other_session.attendance_ids.with_user(self.trainer).action_sign()

    def test_insertion_manager_sees_every_session(self):
        Session = self.env["tiers_lieu.training.session"].with_user(self.insertion_manager)
        self.assertEqual(Session.search([]), self.session | self.other_session)

    @mute_logger("odoo.models")
    def test_staff_has_no_access(self):
        with self.assertRaises(AccessError):
            self.env["tiers_lieu.training.session"].with_user(self.staff).search([])
        with self.assertRaises(AccessError):
            self.env["tiers_lieu.training.attendance"].with_user(self.staff).search([])

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.models")
    def test_trainer_cannot_group_a_trainee_they_do_not_follow(self):
        """Karim's id sent by our trainer: refused, and no line of his is written."""
        with self.assertRaises(AccessError):
            self.plan(self.karim, day=self.session.date.replace(day=17))
        with self.assertRaises(AccessError):
            self.session.with_user(self.trainer).write({"trainee_ids": [(4, self.karim.id)]})
        self.assertNotIn(self.karim, self.session.attendance_ids.trainee_id)
