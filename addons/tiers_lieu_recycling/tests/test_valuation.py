from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import RecyclingCase


@tagged("post_install", "-at_install")
class TestRecycledSpoolValuation(RecyclingCase):
    """A recycled spool is valued at its offcuts' cost plus the energy and labour of its
    steps, on the work centres of the park's shredder and extruder."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        job = cls.start_job(cls.mk4, grams=300.0)
        job.action_done()
        # Scraps of good parts: their grams were already valued in the parts.
        cls.supports = cls.weigh(cls.pla, "support", 60.0, job=job).move_line_ids.lot_id
        # A failed print: 30 g leave the spool (1000 g for 20 €, 0.02 €/g) for the bin.
        failed = cls.start_job(cls.mk4, grams=50.0)
        failed._mark_failed(failed_weight=30.0, grams_actual=50.0)
        Machine = cls.env["maintenance.equipment"]
        cls.shredder = Machine.create({"name": "Broyeur", "machine_kind": "other"})
        cls.extruder = Machine.create({"name": "Extrudeuse", "machine_kind": "other"})
        cls.shredder._recycling_workcenter().costs_hour = 2.0
        cls.extruder._recycling_workcenter().costs_hour = 4.0

    def test_spool_value_is_offcuts_plus_energy_and_labour(self):
        batch = self.batch(
            [(self.supports, 60.0), (self.spool, 30.0)],
            output=80.0,
            dust_grams=4.0,
            shredder_id=self.shredder.id,
            extruder_id=self.extruder.id,
            shredding_hours=1.5,
            drying_hours=2.0,
            extrusion_hours=0.5,
        )
        batch.action_done()
        # 30 g × 0.02 €/g; the supports bring nothing.
        self.assertAlmostEqual(batch.offcut_cost, 0.60)
        # 1.5 h × 2 € + (2 h + 0.5 h) × 4 €.
        self.assertAlmostEqual(batch.process_cost, 13.00)
        self.assertAlmostEqual(batch.spool_cost, 13.60)
        self.assertAlmostEqual(batch.cost_per_kg, 170.0)
        production = batch.production_id
        self.assertEqual(
            sorted(production.workorder_ids.mapped(lambda w: (w.workcenter_id.name, w.duration))),
            [("Broyeur", 90.0), ("Extrudeuse", 30.0), ("Extrudeuse", 120.0)],
        )
        self.assertEqual(set(production.workorder_ids.mapped("state")), {"done"})
        # The spool's stock value is the batch's cost.
        layers = production.move_finished_ids.stock_valuation_layer_ids
        self.assertAlmostEqual(sum(layers.mapped("value")), 13.60)
        self.assertAlmostEqual(sum(layers.mapped("quantity")), 80.0)
        # The machines of the park count their hours.
        self.assertAlmostEqual(self.shredder.recycling_hours, 1.5)
        self.assertAlmostEqual(self.extruder.recycling_hours, 2.5)
        self.assertEqual(self.shredder.workcenter_ids.equipment_id, self.shredder)

    def test_a_batch_of_free_scrap_with_no_hours_costs_nothing(self):
        batch = self.batch([(self.supports, 60.0)], output=50.0)
        batch.action_done()
        self.assertEqual((batch.offcut_cost, batch.process_cost, batch.spool_cost), (0, 0, 0))
        self.assertFalse(batch.production_id.workorder_ids)

    def test_hours_need_their_machine_and_cannot_be_negative(self):
        batch = self.batch([(self.supports, 60.0)], output=50.0, extrusion_hours=1.0)
        with self.assertRaisesRegex(ValidationError, "Extruder"):
            batch.action_done()
        batch.write({"extruder_id": self.extruder.id, "extrusion_hours": -1.0})
        with self.assertRaisesRegex(ValidationError, "Extrusion Hours"):
            batch.action_done()
        self.assertEqual(batch.state, "draft")
        self.assertFalse(batch.production_id)
        with self.assertRaises(ValidationError):
            self.shredder.workcenter_ids.costs_hour = -1.0
