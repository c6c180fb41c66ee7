from odoo.tests import tagged

from .common import KitCase


@tagged("post_install", "-at_install")
class TestSupplyForecast(KitCase):
    def line(self, product):
        return self.env["tiers_lieu.supply.forecast"].search([("product_id", "=", product.id)])

    def test_kit_orders_and_jobs_make_the_forecast(self):
        kits = self.make_order(partner=self.hospital, kind="solidarity", lines=((self.kit, 60),))
        masks = self.make_order(partner=self.school, kind="solidarity", lines=((self.mask, 20),))
        (kits | masks).action_confirm()
        # The filament forecast's refresh (menu, cron) refreshes this one too.
        self.env["tiers_lieu.filament.forecast"]._refresh()
        elastic = self.line(self.elastic)
        self.assertEqual(elastic.quantity_kits, 60)
        self.assertEqual(elastic.quantity_in_stock, 50)
        self.assertEqual(elastic.shortage_quantity, 10)
        self.assertEqual(elastic.state, "short")
        activity = elastic.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertIn("Elastic band 30 cm", activity.summary)
        self.assertEqual(activity.user_id, self.company._filament_responsible())
        sheet = self.line(self.sheet)
        self.assertEqual(sheet.job_count, 8)
        self.assertAlmostEqual(sheet.quantity_jobs, 15.0)
        self.assertAlmostEqual(sheet.shortage_quantity, 5.0)
        self.assertEqual(sheet.state, "short")
        fabric = self.line(self.fabric)
        self.assertAlmostEqual(fabric.quantity_jobs, 6.0)
        self.assertAlmostEqual(fabric.shortage_quantity, 1.0)
        # Headbands and visors are made, not forecast as supplies.
        self.assertFalse(self.line(self.shield) | self.line(self.visor))
        # Fabric received and the sheets cut: covered.
        self.env["stock.quant"]._update_available_quantity(self.fabric, self.stock, 1.0)
        self.env["stock.quant"]._update_available_quantity(self.sheet, self.stock, 5.0)
        self.env["tiers_lieu.supply.forecast"]._refresh()
        self.assertEqual(self.line(self.fabric).state, "ok")
        self.assertFalse(self.line(self.fabric).activity_ids)
        self.assertEqual(self.line(self.sheet).state, "ok")
        # One activity per short line, not one per refresh.
        self.assertEqual(len(self.line(self.elastic).activity_ids), 1)
        self.assertEqual(self.line(self.elastic).state, "short")
        # Cancelled orders need nothing any more.
        (kits | masks)._action_cancel()
        self.env["tiers_lieu.supply.forecast"]._refresh()
        self.assertEqual(self.line(self.elastic).quantity_needed, 0)
        self.assertEqual(self.line(self.sheet).quantity_needed, 0)

    def test_reorder_minimum_flags_low_stock(self):
        self.env["stock.warehouse.orderpoint"].create(
            {
                "product_id": self.elastic.id,
                "location_id": self.stock.id,
                "product_min_qty": 80,
                "product_max_qty": 200,
            }
        )
        self.env["tiers_lieu.supply.forecast"]._refresh()
        self.assertEqual(self.line(self.elastic).state, "low")
