from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged

from .common import TODAY, DonationCase


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestQueryCounts(DonationCase):
    """Issuing and summing receipts in batch: queries grow with the receipts issued (each
    needs its number and its PDF), never with the data already there."""

    def donors(self, count):
        partners = self.env["res.partner"].create(
            [
                {
                    "name": f"Donateur {i}",
                    "street": f"{i} rue des Dons",
                    "zip": "91000",
                    "city": "Évry",
                    "tax_receipt_option": "annual",
                }
                for i in range(count)
            ]
        )
        donations = self.env["donation.donation"].create(
            [
                {
                    "partner_id": partner.id,
                    "donation_date": "2026-03-01",
                    "payment_method_line_id": self.method["card"].id,
                    "line_ids": [Command.create({"product_id": self.cash.id, "unit_price": 30.0})],
                }
                for partner in partners
            ]
        )
        donations.with_user(self.treasurer).validate()
        return donations

    def issue(self, donations):
        wizard = self.env["tiers_lieu.donation.receipt.issue"].create(
            {"donation_ids": [Command.set(donations.ids)], "grouping": "donor"}
        )
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        wizard.with_user(self.treasurer).action_issue()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def test_issuing_costs_the_same_queries_per_receipt(self):
        small = self.issue(self.donors(4))
        large = self.issue(self.donors(40))
        per_receipt = large / 40
        self.assertLessEqual(per_receipt, 30, f"{large} queries for 40 receipts")
        self.assertLessEqual(large, 10 * small + 40, f"4 receipts: {small}, 40: {large}")

    def annual_job_queries(self, count):
        """Queries of one job of the annual run issuing ``count`` receipts."""
        self.donors(count)
        run = self.env["tiers_lieu.donation.receipt.run"].create(
            {"name": "Test", "start_date": "2026-01-01", "end_date": "2026-12-31"}
        )
        partner_ids = run._tl_pending_partner_ids()
        self.assertEqual(len(partner_ids), count)
        run = run.with_user(self.treasurer)
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        run._tl_issue_chunk(partner_ids)
        self.env.flush_all()
        queries = self.env.cr.sql_log_count - before
        self.assertEqual(run.done_count, count)
        return queries

    def test_annual_job_issues_a_receipt_in_at_most_6_queries(self):
        """Issue 15: each receipt of the annual run (number, lines, PDF, stored original)
        costs at most 6 queries; the rest is paid once per job."""
        few = self.annual_job_queries(5)
        many = self.annual_job_queries(25)
        per_receipt = (many - few) / 20
        self.assertLessEqual(per_receipt, 6, f"5 receipts: {few} queries, 25: {many}")

    def test_declaration_queries_do_not_grow_with_the_receipts(self):
        self.issue(self.donors(3))

        def count():
            wizard = self.env["tiers_lieu.donation.declaration"].create({"year": 2026})
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            wizard.with_user(self.treasurer).action_compute()
            self.env.flush_all()
            return self.env.cr.sql_log_count - before, wizard.receipt_count

        few, receipts = count()
        self.issue(self.donors(30))
        many, more_receipts = count()
        self.assertEqual((receipts, more_receipts), (3, 33))
        self.assertLessEqual(many, few + 3, f"3 receipts: {few} queries, 33: {many}")
