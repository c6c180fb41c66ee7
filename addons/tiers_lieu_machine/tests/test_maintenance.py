from freezegun import freeze_time

from odoo.tests import tagged

from .common import MachineCase


@tagged("post_install", "-at_install")
class TestUsageMaintenance(MachineCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.done_stage = cls.env["maintenance.stage"].search([("done", "=", True)], limit=1)
        Rule = cls.env["tiers_lieu.machine.maintenance.rule"]
        cls.rule_hours = Rule.create(
            {
                "name": "Lubricate rods",
                "metric": "hours",
                "threshold": 3.0,
                "equipment_ids": [(6, 0, cls.mk4.ids)],
            }
        )
        cls.rule_failures = Rule.create(
            {
                "name": "Inspect after failures",
                "metric": "failures",
                "threshold": 2,
                "stops_machine": True,
                "equipment_ids": [(6, 0, (cls.mk4 | cls.mini).ids)],
            }
        )

    def run_job(self, machine, start, end, grams=30.0, fail=False):
        job = self.make_job(machine_id=machine.id, operator_id=self.alice.id)
        with freeze_time(start):
            job.action_queue()
            job.action_start()
        job.grams_actual = grams
        with freeze_time(end):
            if fail:
                job._mark_failed()
            else:
                job.action_done()
        return job

    def requests(self, rule, machine):
        return self.env["maintenance.request"].search(
            [("usage_rule_id", "=", rule.id), ("equipment_id", "=", machine.id)]
        )

    def test_hours_rule_opens_one_request_then_restarts_after_it_is_done(self):
        self.run_job(self.mk4, "2026-03-02 08:00", "2026-03-02 10:00")
        self.assertFalse(self.requests(self.rule_hours, self.mk4))
        self.run_job(self.mk4, "2026-03-02 10:00", "2026-03-02 11:30")
        request = self.requests(self.rule_hours, self.mk4)
        self.assertEqual(len(request), 1)
        self.assertEqual(request.maintenance_type, "preventive")
        self.assertIn("Lubricate rods", request.name)
        # a preventive request that does not stop the machine leaves it available
        self.assertFalse(request.stops_machine)
        self.assertEqual(self.mk4.machine_state, "available")
        # no duplicate while it is open, by job end or by cron
        self.run_job(self.mk4, "2026-03-02 12:00", "2026-03-02 13:00")
        self.env["tiers_lieu.machine.maintenance.rule"]._cron_open_due_requests()
        self.assertEqual(len(self.requests(self.rule_hours, self.mk4)), 1)
        self.assertAlmostEqual(self.mk4.hours_since_maintenance, 4.5)
        with freeze_time("2026-03-02 14:00"):
            request.stage_id = self.done_stage
        self.assertEqual(request.machine_hours_at_reset, 4.5)
        self.assertEqual(self.mk4.hours_since_maintenance, 0.0)
        self.assertEqual(self.mk4.print_hours_total, 4.5)
        self.run_job(self.mk4, "2026-03-03 08:00", "2026-03-03 10:00")
        self.assertEqual(len(self.requests(self.rule_hours, self.mk4)), 1)
        self.run_job(self.mk4, "2026-03-03 10:00", "2026-03-03 11:00")
        self.assertEqual(len(self.requests(self.rule_hours, self.mk4)), 2)

    def test_failure_rule_stops_the_machine(self):
        self.run_job(self.mini, "2026-03-02 08:00", "2026-03-02 08:20", fail=True)
        self.assertFalse(self.requests(self.rule_failures, self.mini))
        self.run_job(self.mini, "2026-03-02 09:00", "2026-03-02 09:10", fail=True)
        request = self.requests(self.rule_failures, self.mini)
        self.assertEqual(len(request), 1)
        self.assertTrue(request.stops_machine)
        self.assertEqual(self.mini.machine_state, "maintenance")
        self.assertEqual(self.mini.failures_since_maintenance, 2)
        # mk4 has its own count
        self.assertFalse(self.requests(self.rule_failures, self.mk4))
        request.stage_id = self.done_stage
        self.assertEqual(self.mini.machine_state, "available")
        self.assertEqual(self.mini.failures_since_maintenance, 0)

    def test_grams_rule_by_category_and_cron(self):
        category = self.env["maintenance.equipment.category"].create({"name": "Minis"})
        self.mini.category_id = category
        rule = self.env["tiers_lieu.machine.maintenance.rule"].create(
            {
                "name": "Change nozzle",
                "metric": "grams",
                "threshold": 50,
                "category_ids": [(6, 0, category.ids)],
            }
        )
        self.run_job(self.mini, "2026-03-02 08:00", "2026-03-02 09:00", grams=40)
        self.assertFalse(self.requests(rule, self.mini))
        # grams corrected after the fact: only the cron sees it
        job = self.run_job(self.mini, "2026-03-02 09:00", "2026-03-02 10:00", grams=5)
        self.assertFalse(self.requests(rule, self.mini))
        job.grams_actual = 15
        self.env["tiers_lieu.machine.maintenance.rule"]._cron_open_due_requests()
        self.assertEqual(len(self.requests(rule, self.mini)), 1)

    def test_rule_threshold_must_be_positive(self):
        from odoo.exceptions import ValidationError

        with self.assertRaisesRegex(ValidationError, "must be positive"):
            self.rule_hours.threshold = 0

    def _count_compute_queries(self, count):
        machines = self.env["maintenance.equipment"].create(
            [
                {
                    "name": f"Batch {i}",
                    "machine_kind": "fdm_printer",
                    "material_ids": [(6, 0, self.pla.ids)],
                }
                for i in range(count)
            ]
        )
        self.env["tiers_lieu.print.job"].create(
            [
                {
                    "part_name": "P",
                    "machine_id": m.id,
                    "state": state,
                    "duration_hours": 2,
                    "grams_actual": 10,
                }
                for m in machines
                for state in ("done", "failed")
            ]
        )
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        machines._compute_usage_totals()
        machines._compute_since_maintenance()
        machines._compute_machine_state()
        queries = self.cr.sql_log_count - before
        self.assertEqual(set(machines.mapped("print_hours_total")), {4.0})
        self.assertEqual(set(machines.mapped("success_rate")), {50.0})
        return queries

    def test_counters_are_batched(self):
        self.assertEqual(self._count_compute_queries(10), self._count_compute_queries(30))

    def test_retired_machine(self):
        self.mini.scrap_date = "2026-01-01"
        self.assertEqual(self.mini.machine_state, "retired")
        self.mini.scrap_date = False
        self.mini.active = False
        self.assertEqual(self.mini.machine_state, "retired")
