from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import OrderCase


@tagged("post_install", "-at_install")
class TestSecurity(OrderCase):
    def test_staff_take_and_confirm_orders(self):
        order = self.make_order(partner=self.hospital, kind="solidarity").with_user(self.staff)
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertEqual(len(order.print_job_ids), 3)

    def test_staff_cannot_set_the_cost_model(self):
        with self.assertRaises(AccessError):
            self.company.with_user(self.staff).order_margin_percent = 80.0
        with self.assertRaises(AccessError):
            self.pla.with_user(self.staff).order_cost_per_kg = 1.0
        self.company.with_user(self.manager).order_margin_percent = 80.0
        self.pla.with_user(self.manager).order_cost_per_kg = 25.0
        self.assertAlmostEqual(self.v30._unit_cost(self.company)["material"], 0.625)

    def test_staff_cannot_change_design_versions(self):
        version = self.v30.with_user(self.staff)
        self.assertEqual(version.name, "v30")
        with self.assertRaises(AccessError):
            self.make_version(self.shield_tmpl, "v99").with_user(self.staff).note = "x"
        with self.assertRaises(AccessError):
            self.env["tiers_lieu.design.version"].with_user(self.staff).create(
                {"name": "v98", "product_tmpl_id": self.shield_tmpl.id}
            )
        with self.assertRaises(AccessError):
            version.action_new_version()

    def test_staff_cannot_override_prices_managers_can(self):
        order = self.make_order()
        with self.assertRaises(UserError):
            order.order_line.with_user(self.staff).price_unit = 1.0
        order.order_line.with_user(self.manager).price_unit = 1.0
        self.assertEqual(order.order_line.price_unit, 1.0)

    def test_users_outside_the_tiers_lieu_see_no_design_version(self):
        clerk = new_test_user(self.env, "tl_order_clerk", groups="base.group_user")
        with self.assertRaises(AccessError):
            self.v30.with_user(clerk).read(["name"])

    def test_design_versions_of_another_company_are_hidden(self):
        other = self.env["res.company"].create({"name": "Autre Tiers-Lieu"})
        hidden = self.make_version(self.shield_tmpl, "v77", company_id=other.id)
        Version = self.env["tiers_lieu.design.version"].with_user(self.staff)
        self.assertNotIn(hidden, Version.search([]))
        self.assertIn(self.v30, Version.search([]))
