import io

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools.pdf import PdfFileReader

from .common import ConsumableCase


@tagged("post_install", "-at_install")
class TestSpools(ConsumableCase):
    def test_spools_need_positive_grams_and_a_known_material(self):
        plain = self.env["product.product"].create({"name": "Elastic band", "is_storable": True})
        with self.assertRaises(UserError) as error:
            self.env["stock.lot"]._receive_spools(
                self.vendor, [{"product_id": plain.id, "grams": 100.0, "value": 1.0}]
            )
        self.assertIn("known material", str(error.exception))
        with self.assertRaises(UserError):
            self.env["stock.lot"]._receive_spools(
                self.vendor, [{"product_id": self.pla_black.id, "grams": -5}]
            )

    def test_receiving_goes_through_a_validated_receipt(self):
        picking = self.env["stock.lot"]._receive_spools(
            self.vendor,
            [{"product_id": self.pla_black.id, "count": 2, "lot_names": ["A-1", "A-2"]}],
            supply_origin="recycling",
        )
        spools = picking.move_line_ids.lot_id
        self.assertEqual(sorted(spools.mapped("name")), ["A-1", "A-2"])
        self.assertEqual(set(spools.mapped("supply_origin")), {"recycling"})
        self.assertEqual(picking.picking_type_id, self.warehouse.in_type_id)
        self.assertEqual(picking.state, "done")
        # A receipt would add the grams to the existing lot: the names must be new.
        with self.assertRaises(UserError) as error:
            self.env["stock.lot"]._receive_spools(
                self.vendor, [{"product_id": self.pla_black.id, "lot_names": ["A-2"]}]
            )
        self.assertIn("already exists", str(error.exception))
        self.assertAlmostEqual(spools.filtered(lambda s: s.name == "A-2").remaining_grams, 1000.0)

    def test_remaining_grams_follow_the_quants(self):
        spool = self.receive(self.pla_black)
        self.assertAlmostEqual(spool.remaining_percent, 100.0)
        shelf = self.env["stock.location"].create(
            {"name": "Shelf A", "location_id": self.stock.id, "usage": "internal"}
        )
        spool.location_id = shelf
        self.assertEqual(spool.location_id, shelf)
        self.assertAlmostEqual(spool.remaining_grams, 1000.0)
        spool._set_remaining_grams(250.0, "count")
        self.assertAlmostEqual(spool.remaining_grams, 250.0)
        self.assertAlmostEqual(spool.remaining_percent, 25.0)

    def test_purchase_receipt_numbers_one_spool_per_net_weight(self):
        order = self.env["purchase.order"].create(
            {
                "partner_id": self.vendor.id,
                "order_line": [
                    (
                        0,
                        0,
                        {
                            "product_id": self.pla_red.id,
                            "product_qty": 2.5,
                            "product_uom": self.env.ref("uom.product_uom_kgm").id,
                            "price_unit": 21.0,
                        },
                    )
                ],
            }
        )
        order.button_confirm()
        receipt = order.picking_ids
        self.assertEqual(receipt.has_filament, True)
        receipt.action_generate_spools()
        self.assertEqual(
            sorted(receipt.move_line_ids.mapped("quantity_product_uom")), [500.0, 1000.0, 1000.0]
        )
        self.assertTrue(all(receipt.move_line_ids.mapped("lot_name")))
        receipt.button_validate()
        self.assertEqual(receipt.state, "done")
        spools = receipt.move_line_ids.lot_id
        self.assertEqual(len(spools), 3)
        self.assertEqual(spools.vendor_id, self.vendor)
        self.assertEqual(set(spools.mapped("supply_origin")), {"purchase"})
        self.assertEqual(sorted(spools.mapped("initial_net_grams")), [500.0, 1000.0, 1000.0])
        self.assertEqual(set(spools.mapped("tare_grams")), {200.0})
        self.assertAlmostEqual(sum(spools.mapped("value_svl")), 52.5)

    def test_receipt_validated_without_numbering_gets_spools(self):
        order = self.env["purchase.order"].create(
            {
                "partner_id": self.vendor.id,
                "order_line": [(0, 0, {"product_id": self.pla_black.id, "product_qty": 2.0})],
            }
        )
        order.button_confirm()
        receipt = order.picking_ids
        receipt.button_validate()
        self.assertEqual(receipt.state, "done")
        self.assertEqual(len(receipt.move_line_ids.lot_id), 2)

    def test_labels_are_a_pdf_with_the_spool_number(self):
        spools = self.receive(self.pla_black, count=2)
        pdf = spools._render_labels_pdf()
        self.assertTrue(pdf.startswith(b"%PDF"))
        reader = PdfFileReader(io.BytesIO(pdf))
        self.assertEqual(len(reader.pages), 2)
        text = reader.pages[0].extract_text()
        self.assertIn(spools[0].name, text)
        self.assertIn("PLA", text)
        self.assertIn(
            f"/odoo/action-tiers_lieu_consumable.spool_action/{spools[0].id}",
            spools[0]._label_url(),
        )
        action = spools.action_print_labels()
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertIn(str(spools[1].id), action["url"])

    def test_spool_created_by_hand_gets_a_spool_number(self):
        spool = self.env["stock.lot"].create({"product_id": self.pla_black.id})
        self.assertTrue(spool.name.startswith("SPL-"))
        self.assertTrue(spool.is_spool)
        self.assertAlmostEqual(spool.initial_net_grams, 1000.0)
        self.assertAlmostEqual(spool.tare_grams, 200.0)
        self.assertAlmostEqual(spool.remaining_grams, 0.0)
        other = self.env["stock.lot"].create(
            {
                "product_id": self.env["product.product"]
                .create({"name": "Screws", "is_storable": True, "tracking": "lot"})
                .id
            }
        )
        self.assertFalse(other.is_spool)
        self.assertFalse(other.name.startswith("SPL-"))
