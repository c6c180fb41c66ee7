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
