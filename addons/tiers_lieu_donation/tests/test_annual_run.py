from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.queue_job.job import Job

from .common import TODAY, DonationCase


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestAnnualRun(DonationCase):
    """Issue 15: the annual receipts are issued in background jobs (OCA queue_job) of a few
    donors each; the run shows the progress and the donors left aside, and notifies the
    Treasurer. The jobs run here synchronously (queue_job's trap_jobs), each as the job
    runner would run it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].sudo().set_param(
            "tiers_lieu_donation.annual_chunk_size", "2"
        )
        Partner = cls.env["res.partner"]
        cls.donors = Partner.create(
            [
                {
                    "name": f"Donatrice Annuelle {i}",
                    "street": f"{i} rue des Dons",
                    "zip": "91000",
                    "city": "Évry",
                    "tax_receipt_option": "annual",
                }
                for i in range(1, 6)
            ]
        )
        cls.lost = Partner.create({"name": "Donateur Perdu", "tax_receipt_option": "annual"})
        cls.gifts = cls.env["donation.donation"]
        for partner in cls.donors | cls.lost:
            for when in ("2026-01-10", "2026-02-14"):
                cls.gifts |= cls.validated(partner, 30.0, when=when, tax_receipt_option="annual")

    def launch(self, **kwargs):
        wizard = self.env["tax.receipt.annual.create"].with_user(self.treasurer)
        wizard = wizard.create({"start_date": "2026-01-01", "end_date": "2026-12-31", **kwargs})
        action = wizard.generate_annual_receipts()
        run = self.env[action["res_model"]].browse(action["res_id"])
        self.assertEqual(run.state, "running")
        self.assertFalse(run.receipt_ids, "nothing is issued in the treasurer's request")
        return run, self.perform_jobs(run)

    def perform_jobs(self, run):
        """Run the run's jobs as the job runner would; returns how many issued receipts."""
        jobs = self.env["queue.job"].search(
            [("model_name", "=", run._name), ("state", "in", ("pending", "wait_dependencies"))],
            order="id",
        )
        chunks = jobs.filtered(lambda j: j.method_name == "_tl_issue_chunk")
        finish = jobs - chunks
        self.assertEqual(finish.method_name, "_tl_finish")
        if chunks:
            # the end waits for every chunk (queue_job's dependencies)
            self.assertEqual(finish.state, "wait_dependencies")
        for job in chunks | finish:
            Job.load(self.env, job.uuid).perform()
            job.state = "done"
        return len(chunks)

    def receipts_of(self, partners):
        return self.env["donation.tax.receipt"].search([("partner_id", "in", partners.ids)])

    def test_run_in_chunks_lists_the_incomplete_donor_and_notifies(self):
        run, chunks = self.launch()
        self.assertEqual(chunks, 3, "6 donors, 2 per job")
        self.assertEqual(run.state, "done")
        self.assertEqual((run.total_count, run.done_count, run.failure_count), (6, 5, 1))
        self.assertEqual(run.progress, 100.0)
        self.assertEqual(run.failure_ids.partner_id, self.lost)
        self.assertIn("address", run.failure_ids.reason)
        receipts = self.receipts_of(self.donors)
        self.assertEqual(len(receipts), 5)
        self.assertEqual(receipts.annual_run_id, run)
        self.assertEqual(set(receipts.mapped("amount")), {60.0})
        self.assertTrue(all(receipts.mapped("pdf_sha256")))
        self.assertFalse(self.receipts_of(self.lost))
        # the Treasurer who launched it is addressed (inbox or e-mail, as they chose)
        notice = run.message_ids.filtered(lambda m: self.treasurer.partner_id in m.partner_ids)
        self.assertEqual(len(notice), 1)
        self.assertNotEqual(notice.author_id, self.treasurer.partner_id)
        self.assertIn("5", notice.body)

    def test_resume_issues_the_fixed_donor_and_never_twice(self):
        run, _chunks = self.launch()
        self.lost.write({"street": "3 rue Neuve", "zip": "91000", "city": "Évry"})
        run.with_user(self.treasurer).action_resume()
        self.perform_jobs(run)
        self.assertEqual(run.state, "done")
        self.assertEqual((run.total_count, run.done_count, run.failure_count), (6, 6, 0))
        self.assertEqual(len(self.receipts_of(self.lost)), 1)
        self.assertEqual(len(self.receipts_of(self.donors)), 5)
        # a second run over the same year finds nothing left to receipt
        again, chunks = self.launch()
        self.assertEqual((chunks, again.total_count, again.done_count), (0, 0, 0))
        self.assertEqual(again.state, "done")
        self.assertEqual(len(self.receipts_of(self.donors | self.lost)), 6)
        # a job run twice (a retry after a crash) issues nothing more
        run._tl_issue_chunk((self.donors | self.lost).ids)
        self.assertEqual(len(self.receipts_of(self.donors | self.lost)), 6)

    def test_resume_waits_for_the_jobs_still_queued(self):
        wizard = self.env["tax.receipt.annual.create"].with_user(self.treasurer)
        wizard = wizard.create({"start_date": "2026-01-01", "end_date": "2026-12-31"})
        action = wizard.generate_annual_receipts()
        run = self.env[action["res_model"]].browse(action["res_id"])
        jobs = run._tl_jobs()
        self.assertEqual(len(jobs), 4, "3 chunks of 2 donors and the end")
        with self.assertRaisesRegex(UserError, "still in progress: 3 job"):
            run.with_user(self.treasurer).action_resume()
        self.assertEqual(len(run._tl_jobs()), 4, "nothing queued twice")
        # the chunk of the first two donors runs, the others fail for good: the end would
        # wait forever
        chunks = jobs.filtered(lambda job: job.method_name == "_tl_issue_chunk")
        first = chunks.filtered(lambda job: self.donors[0].id in job.args[0])
        self.assertEqual(first.args[0], self.donors[:2].ids)
        Job.load(self.env, first.uuid).perform()
        first.state = "done"
        (chunks - first).state = "failed"
        finish = jobs - chunks
        self.assertEqual(finish.state, "wait_dependencies")
        run.with_user(self.treasurer).action_resume()
        self.assertEqual(finish.state, "cancelled", "the stale end is cancelled")
        self.assertEqual(len(run._tl_jobs()), 3, "2 chunks for the 4 donors left, and the end")
        self.assertEqual((run.total_count, run.done_count), (6, 2))
        self.assertEqual(self.perform_jobs(run), 2)
        run.invalidate_recordset()  # progress is computed, as a new request would read it
        self.assertEqual((run.total_count, run.done_count, run.failure_count), (6, 5, 1))
        self.assertEqual(len(self.receipts_of(self.donors)), 5)

    def test_a_run_for_some_donors_only(self):
        run, chunks = self.launch(partner_ids=[Command.set(self.donors[:2].ids)])
        self.assertEqual((chunks, run.total_count, run.done_count), (1, 2, 2))
        self.assertEqual(self.receipts_of(self.donors).partner_id, self.donors[:2])

    def test_only_treasurers_launch_or_resume_a_run(self):
        run, _chunks = self.launch()
        for user in (self.staff, self.manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                run.with_user(user).action_resume()
