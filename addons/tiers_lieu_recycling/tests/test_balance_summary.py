from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import tagged
from odoo.tools import SQL

from odoo.addons.tiers_lieu import monthly_summary

from ..wizards.tiers_lieu_mass_balance import SUMMARY
from .common import RecyclingCase


@tagged("post_install", "-at_install")
class TestBalanceSummary(RecyclingCase):
    """The balance read from the summary of the closed months equals the balance computed
    from the move lines alone, for any period, after new moves and after a closed month is
    changed."""

    def setUp(self):
        super().setUp()
        self.Balance = self.env["tiers_lieu.mass.balance"]
        self.month = fields.Date.today().replace(day=1)

    def months_ago(self, months, day=10):
        return self.month - relativedelta(months=months) + relativedelta(days=day - 1)

    def backdate(self, moves, day):
        """Date ``moves`` and their lines ``day`` (SQL, as a weighing written on paper)."""
        self.env.flush_all()
        when = fields.Datetime.to_datetime(day) + relativedelta(hours=9)
        self.env.cr.execute(
            SQL("UPDATE stock_move SET date = %s WHERE id = ANY(%s)", when, moves.ids)
        )
        self.env.cr.execute(
            SQL("UPDATE stock_move_line SET date = %s WHERE move_id = ANY(%s)", when, moves.ids)
        )
        self.env.invalidate_all()

    def periods(self):
        today = fields.Date.today()
        return [
            ("2000-01-01", "2100-12-31"),
            (self.months_ago(3, 1), self.months_ago(2, 1) - relativedelta(days=1)),
            (self.months_ago(2, 1), today),
            (self.months_ago(3, 15), self.months_ago(1, 5)),
            (self.months_ago(2, 3), self.months_ago(2, 20)),
            (self.months_ago(1, 1), self.months_ago(1, 28)),
            (self.month, today),
        ]

    def assert_summary_equals_live(self, expect_usable=True):
        self.env.flush_all()
        self.assertEqual(monthly_summary.status(self.env.cr, SUMMARY).usable, expect_usable)
        for date_from, date_to in self.periods():
            start = fields.Datetime.to_datetime(date_from)
            end = fields.Datetime.to_datetime(date_to) + relativedelta(days=1)
            live = self.Balance._balance_live(start, end, None, self.env.company)
            read = self.Balance._balance(date_from, date_to)
            for material in (self.pla, self.petg):
                with self.subTest(period=(date_from, date_to), material=material.name):
                    self.assertEqual(
                        {k: round(v, 1) for k, v in read[material.id].items() if round(v, 1)},
                        {k: round(v, 1) for k, v in live[material.id].items() if round(v, 1)},
                        f"{material.name} {date_from} – {date_to}",
                    )

    def test_summary_equals_the_move_lines(self):
        job = self.start_job(self.mk4, grams=100.0)
        job.action_done()
        self.backdate(job.stock_move_ids, self.months_ago(3, 20))
        failed = self.start_job(self.mk4, grams=40.0)
        failed._mark_failed(failed_weight=25.0, grams_actual=40.0)
        self.backdate(failed.stock_move_ids, self.months_ago(2, 2))
        support = self.weigh(self.pla, "support", 12.0, job=job)
        self.backdate(support, self.months_ago(2, 15))
        scrap = self.weigh(self.petg, "partner_scrap", 500.0, partner=self.partner)
        self.backdate(scrap, self.months_ago(1, 1))
        self.backdate(self.petg._send_offcuts_away(120.0), self.months_ago(1, 20))
        self.Balance._refresh_summary()
        self.env.cr.execute(SQL("SELECT count(*) FROM %s", SQL.identifier(SUMMARY)))
        self.assertGreater(self.env.cr.fetchone()[0], 3, "the closed months are in the summary")
        self.assert_summary_equals_live()

        # New moves this month: read live beside the summary, which stays usable.
        self.weigh(self.pla, "partner_scrap", 70.0, partner=self.partner)
        self.start_job(self.mk4, grams=30.0).action_done()
        self.assert_summary_equals_live()

        # A closed month changed (a job found failed afterwards): stale, read live until
        # rebuilt, then from the summary again.
        job.with_context(tiers_lieu_job_state_change=True).write({"state": "failed"})
        self.env.flush_all()
        self.assert_summary_equals_live(expect_usable=False)
        self.Balance._refresh_summary()
        self.assert_summary_equals_live()

        # A weighing written on paper, dated last month.
        self.backdate(self.weigh(self.pla, "test_print", 9.0, job=job), self.months_ago(1, 3))
        self.assert_summary_equals_live(expect_usable=False)
        self.Balance._refresh_summary()
        self.assert_summary_equals_live()
