from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import KitCase


@tagged("post_install", "-at_install")
class TestSecurity(KitCase):
    def test_staff_read_the_supply_forecast_and_never_write_it(self):
        forecast = self.env["tiers_lieu.supply.forecast"]
        forecast._refresh()
        lines = forecast.with_user(self.staff).search([])
        self.assertIn(self.elastic, lines.product_id)
        action = self.env.ref("tiers_lieu_kit.supply_forecast_open_action").with_user(self.staff)
        self.assertEqual(action.run()["res_model"], "tiers_lieu.supply.forecast")
        with self.assertRaises(AccessError):
            lines[0].write({"shortage_quantity": 0})
        with self.assertRaises(AccessError):
            forecast.with_user(self.staff).create(
                {"company_id": self.company.id, "product_id": self.sheet.id}
            )

    def test_others_do_not_read_the_forecast(self):
        self.env["tiers_lieu.supply.forecast"]._refresh()
        outsider = new_test_user(self.env, "tl_kit_outsider", groups="base.group_user")
        for user in (outsider, self.trainer, self.treasurer):
            with self.assertRaises(AccessError):
                self.env["tiers_lieu.supply.forecast"].with_user(user).search([])

    def test_managers_maintain_kits_staff_only_read_them(self):
        self.bom.with_user(self.manager).bom_line_ids[0].product_qty = 2
        self.assertEqual(self.bom.with_user(self.staff).bom_line_ids[0].product_qty, 2)
        with self.assertRaises(AccessError):
            self.bom.with_user(self.staff).bom_line_ids[0].product_qty = 1

    def test_sales_user_without_role_confirms_a_kit_order(self):
        seller = new_test_user(self.env, "tl_kit_seller", groups="sales_team.group_sale_salesman")
        order = self.make_order(lines=((self.kit, 4),)).with_user(seller)
        order.sudo().user_id = seller
        order.action_confirm()
        self.assertEqual(order.sudo().print_job_count, 2)
