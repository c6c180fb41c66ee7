from odoo.tests import tagged

from .common import ConsumableCase


@tagged("post_install", "-at_install")
class TestSupply(ConsumableCase):
    def test_reordering_rule_raises_a_request_for_quotation_in_whole_spools(self):
        self.receive(self.pla_black, grams=800.0)
        buy = self.env.ref("purchase_stock.route_warehouse0_buy")
        orderpoint = self.env["stock.warehouse.orderpoint"].create(
            {
                "product_id": self.pla_black.id,
                "warehouse_id": self.warehouse.id,
                "location_id": self.stock.id,
                "product_min_qty": 2000.0,
                "product_max_qty": 5000.0,
                "qty_multiple": 1000.0,
                "route_id": buy.id,
                "supplier_id": self.pla_black.seller_ids[:1].id,
                "trigger": "auto",
            }
        )
        self.assertEqual(orderpoint.vendor_id, self.vendor)
        self.env["procurement.group"].run_scheduler()
        line = self.env["purchase.order.line"].search([("product_id", "=", self.pla_black.id)])
        self.assertEqual(len(line), 1)
        order = line.order_id
        self.assertEqual(order.partner_id, self.vendor)
        self.assertEqual(order.state, "draft")
        # 800 g in stock, up to 5 kg in whole 1 kg spools: 4 kg, at 20 € a kilogram.
        self.assertEqual(line.product_uom, self.env.ref("uom.product_uom_kgm"))
        self.assertAlmostEqual(line.product_qty, 4.0)
        self.assertAlmostEqual(line.product_uom_qty, 4000.0)
        self.assertAlmostEqual(line.price_unit, 20.0)
        self.assertEqual(
            (line.date_planned.date() - order.date_order.date()).days,
            3 + order.company_id.days_to_purchase,
        )
        # Running the scheduler again does not order twice.
        self.env["procurement.group"].run_scheduler()
        self.assertEqual(
            len(self.env["purchase.order.line"].search([("product_id", "=", self.pla_black.id)])),
            1,
        )
