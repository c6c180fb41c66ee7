from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import tagged
from odoo.tools import SQL

from odoo.addons.tiers_lieu import monthly_summary
from odoo.addons.tiers_lieu.models.tiers_lieu_dashboard import SUMMARY
from odoo.addons.tiers_lieu_order.tests.common import OrderCase

# The tiles whose trends read the summary of the closed months.
SUMMARISED = {
    "machine_utilisation",
    "machine_failure_rate",
    "parts_produced",
    "parts_delivered",
    "grams_consumed",
    "offcuts",
}
TZ = "Europe/Paris"


@tagged("post_install", "-at_install")
class TestDashboardSummary(OrderCase):
    """The trends read from the summary equal the trends computed from the rows, this month
    included after new moves, and a changed closed month is never read from a stale summary."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = cls.env.ref("base.user_admin")
        cls.admin.tz = TZ
        cls.env.company.partner_id.tz = TZ
        cls.Dashboard = cls.env["tiers_lieu.dashboard"].with_user(cls.admin)
        # Grams without spools (lots): the tiles count the lines, whatever their lot.
        cls.filament = cls.env["product.product"].create(
            {"name": "Summary filament", "is_storable": True}
        )
        cls.consumption, cls.offcut = cls.env["tiers_lieu.print.job"]._consumption_locations()
        cls.stock = cls.env["stock.warehouse"].search([], limit=1).lot_stock_id

    @classmethod
    def consume(cls, job, grams, location):
        """The filament of ``job`` posted to ``location``, as its job does with a spool."""
        move = cls.env["stock.move"].create(
            {
                "name": job.name,
                "product_id": cls.filament.id,
                "product_uom_qty": grams,
                "location_id": cls.stock.id,
                "location_dest_id": location.id,
                "print_job_id": job.id,
                "picked": True,
                "move_line_ids": [
                    (
                        0,
                        0,
                        {
                            "product_id": cls.filament.id,
                            "quantity": grams,
                            "location_id": cls.stock.id,
                            "location_dest_id": location.id,
                        },
                    )
                ],
            }
        )
        move._action_confirm()
        move._action_done()

    def make_orders(self, count):
        """``count`` orders of 8 shields printed (one plate failed) and delivered."""
        jobs = self.env["tiers_lieu.print.job"]
        for _i in range(count):
            order = self.make_order(self.hospital, "solidarity", lines=((None, 8),))
            order.action_confirm()
            order_jobs = order.print_job_ids
            order_jobs[:1].write({"machine_id": self.mini.id, "operator_id": self.alice.id})
            order_jobs[:1].action_start()
            order_jobs[:1]._mark_failed(
                reasons=self.env.ref("tiers_lieu_machine.failure_reason_spaghetti")
            )
            self.print_jobs(order_jobs[1:])
            self.consume(order_jobs[0], 7.0, self.offcut)
            for job in order_jobs[1:]:
                self.consume(job, 20.0, self.consumption)
            self.deliver(order, 4)
            jobs |= order_jobs
        return jobs

    def backdate(self, jobs, months):
        """Move the jobs, their material moves and the orders' deliveries ``months`` back."""
        self.env.flush_all()
        delta = f"{months} months"
        moves = jobs.stock_move_ids | jobs.sale_order_id.picking_ids.move_ids
        cr = self.env.cr
        cr.execute(
            SQL(
                "UPDATE tiers_lieu_print_job SET date_start = date_start - %s::interval, "
                "date_end = date_end - %s::interval WHERE id = ANY(%s)",
                delta,
                delta,
                jobs.ids,
            )
        )
        for table, column in (("stock_move", "id"), ("stock_move_line", "move_id")):
            cr.execute(
                SQL(
                    "UPDATE %s SET date = date - %s::interval WHERE %s = ANY(%s)",
                    SQL.identifier(table),
                    delta,
                    SQL.identifier(column),
                    moves.ids,
                )
            )
        self.env.invalidate_all()

    def trends(self, live=False):
        dashboard = self.Dashboard.with_context(tz=TZ, tiers_lieu_dashboard_live=live)
        return {
            # The utilisation of this month runs with the clock: its value to 0.01 %.
            tile["key"]: (round(tile["value"], 2), [round(value, 6) for value in tile["trend"]])
            for section in dashboard.get_dashboard()["sections"]
            for tile in section["tiles"]
            if tile["key"] in SUMMARISED
        }

    def assert_summary_equals_live(self, expect_usable=True):
        self.assertEqual(monthly_summary.status(self.env.cr, SUMMARY).usable, expect_usable)
        period = self.Dashboard.with_context(tz=TZ)._period()
        self.assertEqual(bool(self.Dashboard.with_context(tz=TZ)._summary(period)), expect_usable)
        self.assertEqual(self.trends(), self.trends(live=True))

    def test_summary_equals_the_rows(self):
        self.backdate(self.make_orders(2), 3)
        self.backdate(self.make_orders(1), 1)
        self.Dashboard._refresh_summary()
        self.env.cr.execute(SQL("SELECT DISTINCT key FROM %s", SQL.identifier(SUMMARY)))
        keys = {key for (key,) in self.env.cr.fetchall()}
        self.assertLessEqual(
            {"machine_hours", "jobs_ended", "jobs_failed", "parts_produced", "parts_delivered"}
            | {"grams_consumed"},
            keys,
        )
        trends = self.trends()
        for key in ("parts_produced", "parts_delivered", "grams_consumed"):
            self.assertGreater(trends[key][1][-4], 0, key)
        self.assert_summary_equals_live()

        # This month's new moves: live beside the summary, which stays usable.
        self.make_orders(1)
        self.assert_summary_equals_live()
        self.assertGreater(self.trends()["parts_produced"][1][-1], 0)

        # A closed month changed: stale (the dashboard reads the rows) until rebuilt.
        job = self.env["tiers_lieu.print.job"].search(
            [
                ("state", "=", "done"),
                ("date_end", "<", fields.Datetime.now() - relativedelta(months=1)),
            ],
            limit=1,
        )
        job.good_quantity -= 1
        self.env.flush_all()
        self.assert_summary_equals_live(expect_usable=False)
        self.Dashboard._refresh_summary()
        self.assert_summary_equals_live()

    def test_practice_jobs_stay_out_of_the_summary(self):
        jobs = self.make_orders(1)
        self.backdate(jobs, 2)
        self.Dashboard._refresh_summary()
        before = self.trends()
        printed = jobs.filtered(lambda job: job.state == "done")[:1]
        # A closed month's plate turned into a practice job (as attaching it to a training
        # session does): the summary goes stale, and once rebuilt no longer counts it.
        self.env.cr.execute(
            "UPDATE tiers_lieu_print_job SET is_practice = true WHERE id = %s", [printed.id]
        )
        self.env.invalidate_all()
        self.assertFalse(monthly_summary.status(self.env.cr, SUMMARY).usable)
        self.Dashboard._refresh_summary()
        self.assert_summary_equals_live()
        after = self.trends()
        self.assertEqual(
            after["parts_produced"][1][-3],
            before["parts_produced"][1][-3] - printed.good_quantity,
        )
        self.assertLess(after["machine_utilisation"][1][-3], before["machine_utilisation"][1][-3])

    def count_queries(self):
        counts = []
        for _i in range(2):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            self.Dashboard.with_context(tz=TZ).get_dashboard()
            counts.append(self.cr.sql_log_count - before)
        return counts[-1]

    def test_queries_do_not_grow_with_the_months(self):
        # Jobs this month in both: an empty month spares the queries of the details'
        # names (machines, reasons), which do not grow with the data.
        self.backdate(self.make_orders(1), 2)
        self.make_orders(1)
        self.Dashboard._refresh_summary()
        few = self.count_queries()
        self.backdate(self.make_orders(2), 5)
        self.backdate(self.make_orders(2), 1)
        self.make_orders(2)
        self.Dashboard._refresh_summary()
        self.assertEqual(self.count_queries(), few)
