from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import MakerCase


@tagged("post_install", "-at_install")
class TestRound(MakerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls.confirmed_order(40)
        cls.line = cls.order.order_line
        cls.line._release_workshop_parts(36)
        cls.batch_lea = cls.make_batch(cls.lea, cls.line, 20)
        cls.batch_hugo = cls.make_batch(cls.hugo, cls.line, 16)
        cls.declare(cls.batch_lea, 20)
        cls.declare(cls.batch_hugo, 12, failed=2, weight=40.0)
        cls.driver = cls.env["res.partner"].create({"name": "Paul Lopez"})

    def make_round(self, batches):
        return self.env["stock.picking.batch"].create(
            {
                "is_maker_round": True,
                "driver_id": self.driver.id,
                "round_date": "2026-12-07",
                "distance_km": 23.5,
                "maker_batch_ids": [Command.set(batches.ids)],
            }
        )

    def test_declarations_move_batches_on(self):
        self.assertEqual(self.batch_lea.state, "ready")
        self.assertEqual(self.batch_hugo.state, "printing")
        self.assertEqual(self.batch_hugo.failed_weight_grams, 40.0)

    def test_round_collects_then_receives_into_the_order_lot(self):
        round_ = self.make_round(self.batch_lea | self.batch_hugo)
        round_.action_collect_makers()
        self.assertEqual(self.batch_lea.qty_collected, 20)
        self.assertEqual(self.batch_hugo.qty_collected, 12)
        self.assertEqual(set((self.batch_lea | self.batch_hugo).mapped("state")), {"collected"})
        produced_before = self.line.qty_produced
        self.batch_lea.write({"qty_accepted": 19, "qty_rejected": 1, "rejected_weight_grams": 25})
        self.batch_hugo.write({"qty_accepted": 12})
        round_.action_receive_makers()
        self.assertEqual(round_.maker_state, "received")
        self.assertEqual(len(round_.picking_ids), 2)
        self.assertEqual(set(round_.picking_ids.mapped("state")), {"done"})
        self.assertEqual(round_.state, "done")
        self.assertEqual(self.line.qty_maker_accepted, 31)
        self.assertEqual(self.line.qty_produced, produced_before + 31)
        lot = self.line.production_lot_id
        quants = self.env["stock.quant"].search(
            [("lot_id", "=", lot.id), ("location_id.usage", "=", "internal")]
        )
        self.assertEqual(sum(quants.mapped("quantity")), 31)
        self.assertEqual(self.order.parts_from_makers, 31)

    def test_a_maker_twice_in_a_round_is_refused(self):
        other = self.make_batch(self.lea, self.line, 4)
        self.declare(other, 4)
        with self.assertRaises(ValidationError):
            self.make_round(self.batch_lea | other)

    def test_collecting_more_than_allocated_is_refused(self):
        round_ = self.make_round(self.batch_lea)
        with self.assertRaises(ValidationError):
            self.batch_lea.qty_collected = 21
        round_.action_collect_makers()
        self.assertEqual(self.batch_lea.qty_collected, 20)

    def test_accepting_more_than_collected_is_refused(self):
        round_ = self.make_round(self.batch_hugo)
        round_.action_collect_makers()
        with self.assertRaises(ValidationError):
            self.batch_hugo.write({"qty_accepted": 12, "qty_rejected": 1})

    def test_receiving_with_parts_uncounted_writes_nothing(self):
        round_ = self.make_round(self.batch_lea | self.batch_hugo)
        round_.action_collect_makers()
        self.batch_lea.write({"qty_accepted": 20})
        self.batch_hugo.write({"qty_accepted": 10})
        with self.assertRaises(UserError):
            round_.action_receive_makers()
        self.assertFalse(round_.picking_ids)
        self.assertEqual(self.batch_lea.state, "collected")
        self.assertEqual(self.line.qty_maker_accepted, 0)

    def test_negative_quality_counts_are_refused(self):
        round_ = self.make_round(self.batch_lea)
        round_.action_collect_makers()
        with self.assertRaises(Exception):  # noqa: B017 - CHECK constraint
            with self.env.cr.savepoint():
                self.batch_lea.write({"qty_accepted": -1})
                self.batch_lea.flush_recordset()

    def test_a_batch_with_nothing_declared_cannot_be_collected(self):
        self.line._release_workshop_parts(4)
        batch = self.make_batch(self.hugo, self.line, 4)
        round_ = self.make_round(batch)
        with self.assertRaises(UserError):
            round_.action_collect_makers()
        self.assertEqual(round_.maker_state, "planned")
