from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import MakerCase


@tagged("post_install", "-at_install")
class TestMaker(MakerCase):
    def test_maker_gets_a_material_location_under_makers(self):
        parent = self.env.ref("tiers_lieu_maker.stock_location_makers")
        self.assertEqual(self.lea.location_id.location_id, parent)
        self.assertEqual(self.lea.location_id.usage, "internal")
        self.assertEqual(self.lea.user_id.login, "tl_maker_léa")

    def test_staff_invite_gives_a_portal_user(self):
        maker = self.make_maker("Inès Henry", "91800", "Brunoy", 3.0, 20, self.pla, 200, user=False)
        self.assertFalse(maker.user_id)
        maker.with_user(self.staff).action_invite()
        maker.invalidate_recordset(["user_id"])
        self.assertTrue(maker.user_id)
        self.assertTrue(maker.user_id._is_portal())

    def test_invite_without_email_is_refused(self):
        maker = self.make_maker("Sans Mail", "91800", "Brunoy", 3.0, 20, self.pla, 200, user=False)
        maker.email = False
        with self.assertRaises(UserError):
            maker.action_invite()

    def test_negative_capacity_is_refused(self):
        with self.assertRaises(ValidationError):
            self.lea.weekly_capacity = -5

    def test_charter_acceptance_records_date_and_version(self):
        self.lea._accept_charter()
        self.assertTrue(self.lea.charter_date)
        self.assertEqual(self.lea.charter_version, "2020-1")

    def test_filament_request_schedules_an_activity(self):
        self.lea._request_filament("2 bobines PLA noir")
        self.assertEqual(len(self.lea.activity_ids), 1)
        self.assertIn("2 bobines PLA noir", self.lea.activity_ids.note)

    def test_totals_and_capacity_left(self):
        order = self.confirmed_order(40)
        line = order.order_line
        line._release_workshop_parts(30)
        batch = self.make_batch(self.lea, line, 30)
        self.declare(batch, 10)
        self.lea.invalidate_recordset()
        self.assertEqual(self.lea.parts_allocated, 30)
        self.assertEqual(self.lea.parts_declared, 10)
        self.assertEqual(self.lea.parts_open, 20)
        # The batch has no due date: it takes its 30 parts from this week's capacity.
        self.assertEqual(self.lea.capacity_left, 10)
