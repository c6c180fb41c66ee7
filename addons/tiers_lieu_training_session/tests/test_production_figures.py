from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.tiers_lieu_training_machine.tests.common import at

from .common import MONDAY, SessionCase


@tagged("post_install", "-at_install")
class TestProductionFigures(SessionCase):
    """Practice jobs never count as the workshop's production: machine utilisation and
    failure rate leave them out, and their hours are the operator's training hours."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.authorize(cls.lea.partner_id)
        cls.session = cls.plan(cls.lea | cls.yanis, span="day")
        cls.trainer.groups_id += cls.env.ref("tiers_lieu.group_staff")

    def tiles(self):
        dashboard = self.env["tiers_lieu.dashboard"].with_user(self.trainer)
        sections = dashboard.get_dashboard(today="2026-03-18")["sections"]
        return {tile["key"]: tile for section in sections for tile in section["tiles"]}

    def figures(self):
        tiles = self.tiles()
        return {
            key: (tiles[key]["value"], tiles[key]["trend"][-1])
            for key in (
                "machine_utilisation",
                "machine_failure_rate",
                "trainee_production_hours",
            )
        }

    def practice_job(self, start, end, failed=False):
        job = (
            self.env["tiers_lieu.print.job"]
            .with_user(self.trainer)
            .create(
                {
                    "part_name": "Calibration cube",
                    "material_id": self.pla.id,
                    "machine_id": self.printer.id,
                    "operator_id": self.lea.partner_id.id,
                    "estimated_duration_hours": 1.0,
                    "estimated_grams": 10.0,
                    "session_id": self.session.id,
                }
            )
        )
        with freeze_time(start):
            job.action_queue()
            job.action_start()
        with freeze_time(end):
            if failed:
                job.sudo()._mark_failed(
                    reasons=self.env.ref("tiers_lieu_machine.failure_reason_clog")
                )
            else:
                job.action_done()
        return job

    def test_practice_jobs_leave_the_production_figures_alone(self):
        before = self.figures()
        done = self.practice_job(at(MONDAY, 9), at(MONDAY, 10))
        failed = self.practice_job(at(MONDAY, 12), at(MONDAY, 13), failed=True)
        self.assertEqual((done | failed).mapped("state"), ["done", "failed"])
        self.assertEqual(self.figures(), before)
        # The lists behind the tiles do not list them either.
        tiles = self.tiles()
        Job = self.env["tiers_lieu.print.job"]
        for key in ("machine_utilisation", "machine_failure_rate"):
            listed = Job.search(tiles[key]["action"]["domain"])
            self.assertFalse(listed & (done | failed), key)
        # Their hours are Léa's training hours.
        self.assertEqual(set(self.job_lines(done | failed).mapped("kind")), {"training"})

    def test_production_jobs_still_count(self):
        """The same jobs without a session move the figures: the test above can fail."""
        before = self.figures()
        self.run_job(self.lea.partner_id, at(MONDAY, 9), at(MONDAY, 10))
        self.run_job(self.lea.partner_id, at(MONDAY, 12), at(MONDAY, 13), failed=True)
        after = self.figures()
        for key in after:
            self.assertGreater(after[key][0], before[key][0], key)

    def test_production_domain_leaves_practice_jobs_out(self):
        Job = self.env["tiers_lieu.print.job"]
        practice = self.practice_job(at(MONDAY, 9), at(MONDAY, 10))
        production = self.run_job(self.lea.partner_id, at(MONDAY, 12), at(MONDAY, 13))
        jobs = practice | production
        self.assertEqual(jobs.filtered_domain(Job._production_domain()), production)
