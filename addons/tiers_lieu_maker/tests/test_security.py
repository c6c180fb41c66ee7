from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import MakerCase


@tagged("post_install", "-at_install")
class TestSecurity(MakerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls.confirmed_order(40)
        cls.line = cls.order.order_line
        cls.line._release_workshop_parts(20)
        cls.batch_lea = cls.make_batch(cls.lea, cls.line, 12)
        cls.batch_hugo = cls.make_batch(cls.hugo, cls.line, 8)
        cls.declare(cls.batch_hugo, 2)

    def test_a_maker_sees_only_their_own_records(self):
        env = self.env(user=self.lea.user_id)
        self.assertEqual(env["tiers_lieu.maker.batch"].search([]), self.batch_lea)
        self.assertEqual(env["tiers_lieu.maker"].search([]), self.lea)
        self.assertFalse(env["tiers_lieu.maker.declaration"].search([]))
        self.assertEqual(env["tiers_lieu.maker.printer"].search([]), self.lea.printer_ids)
        with self.assertRaises(AccessError):
            env["tiers_lieu.maker.batch"].browse(self.batch_hugo.id).read(["name"])
        with self.assertRaises(AccessError):
            env["tiers_lieu.maker"].browse(self.hugo.id).read(["zip"])

    def test_a_maker_writes_nothing_directly(self):
        env = self.env(user=self.lea.user_id)
        with self.assertRaises(AccessError):
            env["tiers_lieu.maker.batch"].browse(self.batch_lea.id).write({"quantity": 99})
        with self.assertRaises(AccessError):
            env["tiers_lieu.maker.declaration"].create(
                {"batch_id": self.batch_lea.id, "qty_produced": 1}
            )

    def test_staff_manage_makers_and_batches(self):
        env = self.env(user=self.staff)
        self.assertEqual(
            env["tiers_lieu.maker.batch"].search([("order_id", "=", self.order.id)]),
            self.batch_lea | self.batch_hugo,
        )
        env["tiers_lieu.maker"].browse(self.hugo.id).weekly_capacity = 12
        with self.assertRaises(AccessError):
            env["tiers_lieu.maker"].browse(self.hugo.id).unlink()
