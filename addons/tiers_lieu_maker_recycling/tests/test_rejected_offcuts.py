from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.tiers_lieu_maker.tests.common import MakerCase


@tagged("post_install", "-at_install")
class TestRejectedOffcuts(MakerCase):
    """Parts rejected at a round's quality control are weighed into the offcut bin of
    their material with the source "rejected at quality control"."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls.confirmed_order(40)
        cls.line = cls.order.order_line
        cls.line._release_workshop_parts(36)
        cls.batch_lea = cls.make_batch(cls.lea, cls.line, 20)
        cls.batch_hugo = cls.make_batch(cls.hugo, cls.line, 16)
        cls.declare(cls.batch_lea, 20)
        cls.declare(cls.batch_hugo, 12)
        cls.round = cls.env["stock.picking.batch"].create(
            {
                "is_maker_round": True,
                "driver_id": cls.env["res.partner"].create({"name": "Paul Lopez"}).id,
                "round_date": "2026-12-07",
                "maker_batch_ids": [Command.set((cls.batch_lea | cls.batch_hugo).ids)],
            }
        )
        cls.round.action_collect_makers()

    def bin_grams(self):
        bin_ = self.pla._offcut_bin()
        return sum(
            self.env["stock.quant"].search([("location_id", "=", bin_.id)]).mapped("quantity")
        )

    def test_rejected_parts_move_to_the_material_bin(self):
        before = self.bin_grams()
        self.batch_lea.write({"qty_accepted": 17, "qty_rejected": 3})
        # 3 parts × 25 g of version v30.
        self.assertEqual(self.batch_lea.rejected_weight_grams, 75.0)
        self.batch_hugo.write({"qty_accepted": 12})
        self.round.with_user(self.staff).action_receive_makers()
        move = self.batch_lea.rejected_offcut_move_id
        self.assertEqual(move.state, "done")
        self.assertEqual(move.offcut_source, "rejected")
        self.assertEqual(move.quantity, 75.0)
        self.assertEqual(move.product_id.offcut_material_id, self.pla)
        self.assertEqual(move.location_dest_id, self.pla.offcut_location_id)
        self.assertEqual(
            move.location_id,
            self.env.ref("tiers_lieu_consumable.stock_location_print_consumption"),
        )
        self.assertEqual(move.partner_id, self.lea.partner_id)
        self.assertIn(self.batch_lea.name, move.origin)
        self.assertEqual(self.bin_grams(), before + 75.0)
        # No rejected part, no weighing.
        self.assertFalse(self.batch_hugo.rejected_offcut_move_id)
        self.assertEqual(self.line.qty_maker_accepted, 29)

    def test_weighed_rejected_weight_wins_over_the_estimate(self):
        self.batch_lea.write({"qty_accepted": 18, "qty_rejected": 2})
        self.assertEqual(self.batch_lea.rejected_weight_grams, 50.0)
        self.batch_lea.rejected_weight_grams = 46.5
        self.batch_hugo.write({"qty_accepted": 11, "qty_rejected": 1})
        self.round.action_receive_makers()
        self.assertEqual(self.batch_lea.rejected_offcut_move_id.quantity, 46.5)
        self.assertEqual(self.batch_hugo.rejected_offcut_move_id.quantity, 25.0)
        moves = self.env["stock.move"].search(
            [
                ("offcut_source", "=", "rejected"),
                ("partner_id", "in", [self.lea.partner_id.id, self.hugo.partner_id.id]),
            ]
        )
        self.assertEqual(sum(moves.mapped("quantity")), 71.5)

    def test_a_refused_reception_weighs_nothing(self):
        self.batch_lea.write({"qty_accepted": 17, "qty_rejected": 3})
        # Hugo's parts are not all counted: the round cannot be received.
        self.batch_hugo.write({"qty_accepted": 10})
        with self.assertRaises(UserError):
            self.round.action_receive_makers()
        self.assertFalse(self.batch_lea.rejected_offcut_move_id)
        self.assertFalse(
            self.env["stock.move"].search(
                [("offcut_source", "=", "rejected"), ("partner_id", "=", self.lea.partner_id.id)]
            )
        )
