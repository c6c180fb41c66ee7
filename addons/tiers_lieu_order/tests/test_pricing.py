from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import OrderCase


@tagged("post_install", "-at_install")
class TestPricing(OrderCase):
    def test_unit_cost_from_the_cost_model(self):
        cost = self.v30._unit_cost(self.company)
        self.assertAlmostEqual(cost["material"], 0.5)
        self.assertAlmostEqual(cost["machine"], 1.0)
        self.assertAlmostEqual(cost["labour"], 0.5)
        self.assertAlmostEqual(cost["total"], 2.0)

    def test_proposed_price_by_kind_of_order(self):
        for kind, price in (("commercial", 3.0), ("at_cost", 2.0), ("solidarity", 0.0)):
            with self.subTest(kind=kind):
                order = self.make_order(kind=kind)
                self.assertAlmostEqual(order.order_line.price_unit, price)
                self.assertAlmostEqual(order.order_line.proposed_price_unit, price)

    def test_solidarity_order_is_free_for_every_product(self):
        order = self.make_order(
            partner=self.hospital, kind="solidarity", lines=((None, 4), (self.service, 1))
        )
        self.assertEqual(order.order_line.mapped("price_unit"), [0.0, 0.0])
        self.assertEqual(order.amount_total, 0.0)

    def test_form_reprices_when_the_kind_changes(self):
        with Form(self.env["sale.order"].with_user(self.staff)) as form:
            form.partner_id = self.school
            self.assertEqual(form.order_kind, "solidarity")  # from the school's type
            form.order_kind = "commercial"
            with form.order_line.new() as line:
                line.product_id = self.shield
                line.product_uom_qty = 10
            self.assertAlmostEqual(form.order_line._records[0]["price_unit"], 3.0)
            form.order_kind = "at_cost"
            self.assertAlmostEqual(form.order_line._records[0]["price_unit"], 2.0)
            form.order_kind = "solidarity"
            self.assertAlmostEqual(form.order_line._records[0]["price_unit"], 0.0)
        self.assertEqual(form.record.amount_untaxed, 0.0)

    def test_free_order_with_a_price_is_refused(self):
        order = self.make_order(partner=self.hospital, kind="solidarity")
        with self.assertRaisesRegex(ValidationError, "free solidarity order"):
            order.order_line.price_unit = 1.5
        with self.assertRaisesRegex(ValidationError, "free solidarity order"):
            self.env["sale.order"].create(
                {
                    "partner_id": self.hospital.id,
                    "order_kind": "solidarity",
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.service.id,
                                "product_uom_qty": 1,
                                "price_unit": 10.0,
                            }
                        )
                    ],
                }
            )
        # Turning an order into a solidarity order makes every line free, even a price
        # a manager had set.
        priced = self.make_order(lines=((self.service, 1), (None, 4)))
        priced.order_line[0].with_user(self.manager).price_unit = 45.0
        priced.order_kind = "solidarity"
        self.assertEqual(priced.order_line.mapped("price_unit"), [0.0, 0.0])

    def test_staff_cannot_override_the_proposed_price(self):
        order = self.make_order()
        line = order.order_line.with_user(self.staff)
        with self.assertRaisesRegex(UserError, "Only a Tiers-Lieu manager"):
            line.price_unit = 2.5
        with self.assertRaisesRegex(UserError, "Only a Tiers-Lieu manager"):
            line.discount = 10.0
        # Other products keep Odoo's usual rules.
        service_line = self.make_order(lines=((self.service, 1),)).order_line
        service_line.with_user(self.staff).price_unit = 45.0

    def test_manager_overrides_the_proposed_price(self):
        order = self.make_order()
        order.order_line.with_user(self.manager).price_unit = 2.5
        self.assertEqual(order.order_line.price_unit, 2.5)
        # A manual price survives a change of quantity.
        order.order_line.product_uom_qty = 12
        self.assertEqual(order.order_line.price_unit, 2.5)
