from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.tiers_lieu_consumable.tests.common import ConsumableCase
from odoo.addons.tiers_lieu_donation.tests.common import TODAY, DonationCase


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestDonatedFilament(DonationCase, ConsumableCase):
    def filament_gift(self, count=3, value=14.0, filament=None):
        return self.make_donation(
            self.acme,
            value,
            mode=None,
            product=self.goods,
            line={
                "quantity": count,
                "valuation_basis": "stock_value",
                "in_kind_description": f"{count} bobines PLA noir 1 kg neuves",
                "filament_product_id": (filament or self.pla_black).id,
            },
        )

    def spools(self, donation):
        return donation.filament_picking_ids.move_line_ids.lot_id

    def test_validation_enters_one_valued_spool_per_unit(self):
        donation = self.filament_gift()
        donation.with_user(self.treasurer).validate()
        self.assertEqual(donation.state, "done")
        picking = donation.filament_picking_ids
        self.assertEqual(picking.state, "done")
        self.assertEqual(picking.partner_id, self.acme)
        self.assertEqual(picking.origin, donation.number)
        spools = self.spools(donation)
        self.assertEqual(len(spools), 3)
        self.assertEqual(spools.product_id, self.pla_black)
        self.assertEqual(set(spools.mapped("supply_origin")), {"donation"})
        self.assertEqual(spools.mapped("remaining_grams"), [1000.0] * 3)
        layers = picking.move_ids.stock_valuation_layer_ids
        self.assertAlmostEqual(sum(layers.mapped("value")), 42.0)
        self.assertEqual(self.pla_black.with_context(location=self.stock.id).qty_available, 3000)
        self.assertIn(picking.name, donation.filament_received)
        self.assertIn("3", donation.filament_received)

    def test_gift_without_filament_enters_nothing(self):
        before = self.env["stock.lot"].search_count([])
        donation = self.make_donation(
            self.acme,
            30.0,
            mode=None,
            product=self.goods,
            line={"valuation_basis": "stock_value", "in_kind_description": "Outillage"},
        )
        donation.with_user(self.treasurer).validate()
        self.assertEqual(self.env["stock.lot"].search_count([]), before)
        self.assertFalse(donation.filament_received)

    def test_spools_are_received_once(self):
        donation = self.filament_gift(count=2)
        donation.with_user(self.treasurer).validate()
        picking = donation.filament_picking_ids
        donation.line_ids._tl_receive_in_kind_goods()
        self.assertEqual(donation.filament_picking_ids, picking)
        self.assertEqual(len(self.spools(donation)), 2)

    def test_only_goods_bring_filament(self):
        with self.assertRaises(ValidationError) as caught:
            self.make_donation(self.claire, 50.0, line={"filament_product_id": self.pla_black.id})
        self.assertIn("only a gift of goods", str(caught.exception))

    def test_cancel_refused_while_the_spools_are_in_stock(self):
        donation = self.filament_gift(count=2)
        donation.with_user(self.treasurer).validate()
        with self.assertRaises(UserError) as caught:
            donation.with_user(self.treasurer).done2cancel()
        self.assertIn(donation.filament_picking_ids.name, str(caught.exception))
        self.assertEqual(donation.state, "done")

    def test_cancel_allowed_once_the_spools_went_back(self):
        donation = self.filament_gift(count=2)
        donation.with_user(self.treasurer).validate()
        picking = donation.filament_picking_ids
        wizard = Form(
            self.env["stock.return.picking"].with_context(
                active_id=picking.id, active_model="stock.picking"
            )
        ).save()
        action = wizard.action_create_returns_all()
        returned = self.env["stock.picking"].browse(action["res_id"])
        self.assertEqual(returned.move_ids.product_uom_qty, 2000)
        returned.button_validate()
        self.assertEqual(returned.state, "done")
        donation.tax_receipt_id.with_user(self.treasurer)._tl_cancel("Erreur", reissue=False)
        donation.with_user(self.treasurer).done2cancel()
        self.assertEqual(donation.state, "cancel")

    def test_treasurer_sees_the_summary_not_the_stock_receipt(self):
        donation = self.filament_gift(count=1)
        donation.with_user(self.treasurer).validate()
        as_treasurer = donation.with_user(self.treasurer)
        self.assertTrue(as_treasurer.filament_received)
        with self.assertRaises(AccessError):
            as_treasurer.read(["filament_picking_ids"])
        self.assertTrue(donation.with_user(self.manager).filament_picking_ids)
