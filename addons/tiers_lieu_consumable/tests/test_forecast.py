from odoo.tests import tagged

from .common import ConsumableCase


@tagged("post_install", "-at_install")
class TestForecast(ConsumableCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.filament_responsible_id = cls.manager
        cls.Forecast = cls.env["tiers_lieu.filament.forecast"]
        cls.activity_type = cls.env.ref(
            "tiers_lieu_consumable.mail_activity_type_filament_shortage"
        )

    def plan(self, grams, color=None, material=None, state="queued"):
        job = self.make_job(
            material_id=(material or self.pla).id,
            filament_color_id=color.id if color else False,
            estimated_grams=grams,
        )
        if state == "queued":
            job.action_queue()
        return job

    def line(self, material, color):
        return self.Forecast.search(
            [("material_id", "=", material.id), ("filament_color_id", "=", color.id)]
        )

    def test_needs_against_stock_per_material_and_colour(self):
        self.receive(self.pla_black, grams=1000.0)
        self.receive(self.pla_red, grams=300.0)
        self.plan(600.0, self.black)
        self.plan(500.0, self.red)
        self.plan(250.0, self.red, state="draft")
        self.plan(300.0)  # any colour of PLA
        self.plan(80.0, material=self.plywood)  # no filament product: not forecast
        self.Forecast._refresh()
        black, red = self.line(self.pla, self.black), self.line(self.pla, self.red)
        self.assertEqual((black.grams_needed, black.grams_in_stock), (600.0, 1000.0))
        self.assertEqual(black.state, "ok")
        self.assertEqual((red.grams_needed, red.job_count, red.shortage_grams), (750.0, 2, 450.0))
        self.assertEqual(red.state, "short")
        any_colour = self.line(self.pla, self.env["product.attribute.value"])
        # The 400 g of black the black jobs leave free cover the any-colour job.
        self.assertEqual((any_colour.grams_needed, any_colour.grams_in_stock), (300.0, 400.0))
        self.assertEqual(any_colour.state, "ok")
        self.assertFalse(self.Forecast.search([("material_id", "=", self.plywood.id)]))

    def test_incoming_purchases_cover_and_requests_do_not(self):
        self.plan(1500.0, self.black)
        order = self.env["purchase.order"].create(
            {
                "partner_id": self.vendor.id,
                "order_line": [(0, 0, {"product_id": self.pla_black.id, "product_qty": 1.0})],
            }
        )
        self.Forecast._refresh()
        black = self.line(self.pla, self.black)
        self.assertEqual((black.grams_requested, black.shortage_grams), (1000.0, 1500.0))
        order.button_confirm()
        self.Forecast._refresh()
        self.assertEqual((black.grams_incoming, black.shortage_grams), (1000.0, 500.0))

    def test_one_activity_per_shortage_closed_when_covered(self):
        job = self.plan(500.0, self.black)
        self.Forecast._refresh()
        black = self.line(self.pla, self.black)
        activities = black.activity_ids.filtered(lambda a: a.activity_type_id == self.activity_type)
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, self.manager)
        self.assertIn("500", activities.summary)
        self.env["tiers_lieu.filament.forecast"]._cron_refresh()
        self.assertEqual(len(black.activity_ids), 1, "the cron raises no duplicate")
        self.receive(self.pla_black)
        self.Forecast._refresh()
        self.assertEqual(black.state, "ok")
        self.assertFalse(black.activity_ids)
        job.action_cancel()
        self.Forecast._refresh()
        self.assertTrue(black.exists(), "a line with stock stays on the dashboard")
        self.assertEqual(black.grams_needed, 0.0)

    def test_reorder_minimum_marks_a_line_low(self):
        self.receive(self.pla_black, grams=1000.0)
        self.env["stock.warehouse.orderpoint"].create(
            {
                "product_id": self.pla_black.id,
                "warehouse_id": self.warehouse.id,
                "location_id": self.stock.id,
                "product_min_qty": 2000.0,
                "product_max_qty": 4000.0,
                "trigger": "manual",
            }
        )
        self.Forecast._refresh()
        black = self.line(self.pla, self.black)
        self.assertEqual((black.grams_minimum, black.state), (2000.0, "low"))

    def test_staff_open_the_dashboard(self):
        self.plan(500.0, self.black)
        action = self.Forecast.with_user(self.staff).action_open_dashboard()
        self.assertEqual(action["res_model"], "tiers_lieu.filament.forecast")
        lines = self.Forecast.with_user(self.staff).search([])
        self.assertIn(self.pla, lines.material_id)
        jobs = lines.filtered("job_count")[0].action_view_jobs()
        self.assertEqual(jobs["res_model"], "tiers_lieu.print.job")

    def test_refresh_queries_do_not_grow_with_the_jobs(self):
        self.receive(self.pla_black)
        self.env.flush_all()

        def refresh_queries():
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self.Forecast._refresh()
            self.env.flush_all()
            return self.env.cr.sql_log_count - before

        self.plan(100.0, self.black)
        self.plan(100.0, self.red)
        refresh_queries()  # creates the lines and the activity of the short red line
        self.plan(10.0, self.black)
        self.plan(10.0, self.red)
        few = refresh_queries()
        for _index in range(20):
            self.plan(10.0, self.black)
            self.plan(10.0, self.red)
        many = refresh_queries()
        self.assertEqual(few, many)
