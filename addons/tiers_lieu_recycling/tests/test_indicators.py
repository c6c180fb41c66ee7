from odoo import fields
from odoo.tests import tagged

from .common import RecyclingCase


@tagged("post_install", "-at_install")
class TestIndicators(RecyclingCase):
    def factor(self, kind, value, date_from):
        return self.env["tiers_lieu.material.co2.factor"].create(
            {
                "material_id": self.pla.id,
                "kind": kind,
                "value": value,
                "date_from": date_from,
                "source": f"Test {kind} {date_from}",
            }
        )

    def test_rates_shares_and_co2_with_the_factor_of_the_day(self):
        today = fields.Date.today()
        self.factor("virgin", 2.0, "2020-01-01")
        self.factor("recycled", 0.5, "2020-01-01")
        # A newer factor after the batch's day must not apply.
        self.factor("virgin", 9.0, fields.Date.add(today, days=10))
        job = self.start_job(self.mk4, grams=200.0)
        job.action_done()
        lot = self.weigh(self.pla, "support", 200.0, job=job).move_line_ids.lot_id
        batch = self.batch([(lot, 200.0)], output=150.0, recycled_content_percent=100.0)
        batch.action_done()
        # A job printed with the recycled spool: half the good parts are recycled.
        self.spool._unload()
        batch.output_lot_id._load_on_machine(self.mk4)
        self.start_job(self.mk4, grams=100.0).action_done()
        Balance = self.env["tiers_lieu.mass.balance"]
        figures = Balance._indicators(today, today)[self.pla.id]
        self.assertAlmostEqual(figures["offcuts"], 200.0)
        self.assertAlmostEqual(figures["recycled"], 150.0)
        self.assertAlmostEqual(figures["recycling_rate"], 75.0)
        # Good parts: 200 - 200 weighed back + 100 recycled.
        self.assertAlmostEqual(figures["recycled_share"], 100.0)
        # 150 g × (2.0 − 0.5) kg CO₂e/kg.
        self.assertAlmostEqual(figures["co2_avoided"], 0.225)
        self.assertAlmostEqual(figures["without_factor"], 0.0)

    def test_waste_by_machine_and_reason(self):
        spaghetti = self.env.ref("tiers_lieu_machine.failure_reason_spaghetti")
        job = self.start_job(self.mk4, grams=40.0)
        job._mark_failed(reasons=spaghetti, failed_weight=30.0, grams_actual=40.0)
        today = fields.Date.today()
        rows = self.env["tiers_lieu.mass.balance"]._waste_by_machine(today, today)
        self.assertEqual(rows, [(self.mk4, spaghetti, 30.0)])
        report = self.env["tiers_lieu.mass.balance"].create({"date_from": today, "date_to": today})
        report.action_compute()
        self.assertEqual(report.waste_ids.machine_id, self.mk4)
        self.assertIn("Recycling rate", report.indicator_ids.mapped("name"))
