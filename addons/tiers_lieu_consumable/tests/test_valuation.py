from odoo import Command
from odoo.tests import tagged

from .common import ConsumableCase


@tagged("post_install", "-at_install")
class TestValuation(ConsumableCase):
    """Filament is valued to the cent without touching Odoo's global precisions
    (issue 21)."""

    def test_core_product_price_precision_stays_two_digits(self):
        self.assertEqual(self.env["decimal.precision"].precision_get("Product Price"), 2)
        self.assertEqual(self.env.ref("product.decimal_price").digits, 2)

    def buy(self, price, kilograms=1.0):
        order = self.env["purchase.order"].create(
            {
                "partner_id": self.vendor.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.pla_red.id,
                            "product_qty": kilograms,
                            "product_uom": self.env.ref("uom.product_uom_kgm").id,
                            "price_unit": price,
                            "taxes_id": [Command.clear()],
                        }
                    )
                ],
            }
        )
        order.button_confirm()
        return order

    def receive_order(self, order):
        receipt = order.picking_ids
        receipt.button_validate()
        return receipt.move_line_ids.lot_id

    def test_spool_bought_by_the_kilogram_values_its_grams_to_the_cent(self):
        spool = self.receive_order(self.buy(24.99))
        self.assertEqual(len(spool), 1)
        # 0.02499 €/g, not 0.02 €/g: the spool is worth its price.
        self.assertAlmostEqual(spool.value_svl, 24.99)
        self.assertAlmostEqual(spool.value_per_kg, 24.99)
        spool._load_on_machine(self.mini)
        job = self.start_job(self.mini, grams=250.0, filament_color_id=self.red.id)
        job.action_done()
        self.assertEqual(job.consumption_state, "posted")
        self.assertEqual(job.stock_move_ids.move_line_ids.lot_id, spool)
        # 250 g × 24.99 €/kg = 6.2475 €.
        self.assertAlmostEqual(job.material_stock_value, 6.25)
        self.assertAlmostEqual(spool.value_svl, 18.74)

    def test_spool_billed_before_its_receipt_keeps_its_price(self):
        # Billed on ordered quantities, then received: purchase_stock values the receipt
        # from the bill, at a price per gram rounded to "Product Price" digits.
        self.pla_red.purchase_method = "purchase"
        order = self.buy(24.99)
        order.action_create_invoice()
        bill = order.invoice_ids
        bill.invoice_date = bill.date or "2026-01-15"
        bill.action_post()
        spool = self.receive_order(order)
        self.assertAlmostEqual(spool.value_svl, 24.99)
