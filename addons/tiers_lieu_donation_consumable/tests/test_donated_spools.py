from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.tiers_lieu_consumable.tests.common import ConsumableCase


@tagged("post_install", "-at_install")
class TestDonatedSpools(ConsumableCase):
    """stock.lot._receive_donated_spools, the gifts in kind of filament."""

    def test_donated_spools_enter_stock_at_the_donor_value(self):
        picking = self.env["stock.lot"]._receive_donated_spools(
            self.donor,
            [
                {
                    "product_id": self.petg_black.id,
                    "grams": 1000.0,
                    "value": 24.0,
                    "count": 2,
                    "recycled_content_percent": 30.0,
                },
                {"product_id": self.pla_red.id, "grams": 650.0, "value": 9.75},
            ],
        )
        self.assertEqual(picking.state, "done")
        self.assertEqual(picking.partner_id, self.donor)
        self.assertEqual(picking.picking_type_id, self.warehouse.in_type_id)
        spools = picking.move_line_ids.lot_id.sorted("id")
        self.assertEqual(len(spools), 3)
        self.assertTrue(all(name.startswith("SPL-") for name in spools.mapped("name")))
        self.assertEqual(set(spools.mapped("supply_origin")), {"donation"})
        self.assertEqual(spools.vendor_id, self.donor)
        self.assertEqual(spools.mapped("remaining_grams"), [1000.0, 1000.0, 650.0])
        self.assertEqual(spools.mapped("initial_net_grams"), [1000.0, 1000.0, 650.0])
        self.assertEqual(spools.mapped("recycled_content_percent"), [30.0, 30.0, 0.0])
        self.assertEqual(spools.mapped("location_id"), self.stock)
        # Each spool keeps its own value (FIFO, valued per lot).
        self.assertEqual(spools.mapped("value_svl"), [24.0, 24.0, 9.75])
        layers = picking.move_ids.stock_valuation_layer_ids
        self.assertAlmostEqual(sum(layers.mapped("value")), 57.75)

    def test_donated_spools_need_a_value_and_a_known_material(self):
        with self.assertRaises(UserError) as error:
            self.env["stock.lot"]._receive_donated_spools(
                self.donor, [{"product_id": self.petg_black.id, "grams": 1000.0}]
            )
        self.assertIn("value", str(error.exception))
        plain = self.env["product.product"].create({"name": "Elastic band", "is_storable": True})
        with self.assertRaises(UserError) as error:
            self.env["stock.lot"]._receive_donated_spools(
                self.donor, [{"product_id": plain.id, "grams": 100.0, "value": 1.0}]
            )
        self.assertIn("known material", str(error.exception))
