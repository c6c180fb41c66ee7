from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import RecyclingCase


@tagged("post_install", "-at_install")
class TestBatch(RecyclingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        job = cls.start_job(cls.mk4, grams=300.0)
        job.action_done()
        cls.supports = cls.weigh(cls.pla, "support", 60.0, job=job).move_line_ids.lot_id
        cls.rejects = cls.weigh(cls.pla, "rejected", 40.0, job=job).move_line_ids.lot_id
        failed = cls.start_job(cls.mk4, grams=50.0)
        failed._mark_failed(failed_weight=30.0, grams_actual=50.0)
        cls.failed_job = failed

    def test_batch_turns_offcuts_into_a_recycled_spool(self):
        batch = self.batch(
            [(self.supports, 60.0), (self.rejects, 40.0), (self.spool, 30.0)],
            output=110.0,
            dust_grams=5.0,
            purge_grams=8.0,
            shredder_id=self.mk4.id,
        )
        self.assertAlmostEqual(batch.input_grams, 130.0)
        self.assertAlmostEqual(batch.unmeasured_loss_grams, 7.0)
        self.assertAlmostEqual(batch.yield_percent, 84.6)
        batch.action_done()
        self.assertEqual(batch.state, "done")
        production = batch.production_id
        self.assertEqual(production.state, "done")
        spool = batch.output_lot_id
        self.assertTrue(spool.is_spool)
        self.assertEqual(spool.supply_origin, "recycling")
        self.assertAlmostEqual(spool.recycled_content_percent, 100.0)
        self.assertAlmostEqual(spool.remaining_grams, 110.0)
        self.assertEqual(spool.location_id, self.stock)
        # The bins are empty of these lots; the failed print's grams left the parent.
        self.assertAlmostEqual(self.bin_grams(self.pla.offcut_location_id), 0.0)
        self.assertAlmostEqual(self.bin_grams(self.offcut, self.spool), 0.0)
        # Traceable back to the jobs and machines that made the scrap.
        consumed = production.move_raw_ids.move_line_ids.lot_id
        self.assertEqual(consumed, self.supports | self.rejects | self.spool)
        sources = self.env["stock.move"].search(
            [("move_line_ids.lot_id", "in", consumed.ids), ("offcut_machine_id", "!=", False)]
        )
        self.assertEqual(sources.offcut_machine_id, self.mk4)

    def test_output_heavier_than_input_is_refused(self):
        batch = self.batch([(self.supports, 60.0)], output=61.0)
        with self.assertRaisesRegex(ValidationError, "Recycled Filament"):
            batch.action_done()
        self.assertEqual(batch.state, "draft")
        self.assertFalse(self.env["mrp.production"].search([("origin", "=", batch.name)]))

    def test_losses_heavier_than_the_rest_are_refused(self):
        batch = self.batch([(self.supports, 60.0)], output=50.0, dust_grams=20.0)
        with self.assertRaisesRegex(ValidationError, "Unmeasured Loss"):
            batch.action_done()

    def test_mixed_materials_are_refused(self):
        petg = self.weigh(self.petg, "partner_scrap", 500.0, partner=self.partner)
        batch = self.batch([(self.supports, 60.0), (petg.move_line_ids.lot_id, 500.0)])
        with self.assertRaisesRegex(ValidationError, "Offcut Lots.*PETG"):
            batch.action_done()
        self.assertEqual(batch.state, "draft")

    def test_an_offcut_lot_is_consumed_once(self):
        first = self.batch([(self.supports, 60.0)], output=50.0)
        first.action_done()
        second = self.batch([(self.supports, 60.0), (self.rejects, 40.0)], output=50.0)
        with self.assertRaisesRegex(ValidationError, f"Offcut Lots.*{first.name}"):
            second.action_done()
        self.assertEqual(second.state, "draft")
        self.assertAlmostEqual(self.bin_grams(self.pla.offcut_location_id, self.rejects), 40.0)
        twice = self.batch([(self.rejects, 20.0), (self.rejects, 20.0)], output=30.0)
        with self.assertRaisesRegex(ValidationError, "Offcut Lots"):
            twice.action_done()

    def test_zero_output_is_refused(self):
        batch = self.batch([(self.supports, 60.0)], output=0.0)
        with self.assertRaisesRegex(ValidationError, "Recycled Filament"):
            batch.action_done()
