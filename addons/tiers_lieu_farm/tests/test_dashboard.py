from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.tiers_lieu.tests.common import saving_screenshots
from odoo.addons.tiers_lieu_order.tests.common import OrderCase

WORKSHOP = {
    "machine_utilisation",
    "machine_failure_rate",
    "parts_produced",
    "parts_delivered",
    "parts_due",
    "urgent_orders",
    "aid_given",
    "grams_consumed",
    "spools_below_minimum",
    "filament_shortages",
    "offcuts",
    "filament_recycled",
    "maker_parts",
}
DONATIONS = {"donations_collected", "receipts_issued"}
TRAINING = {"trainee_production_hours", "trainee_ends_coming"}


@tagged("post_install", "-at_install")
class TestFarmDashboard(HttpCase, OrderCase):
    """The dashboard of the whole product: every addon's tiles, each role its own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.insertion_manager = new_test_user(
            cls.env, "tl_dash_insertion", groups="tiers_lieu_training.group_insertion_manager"
        )
        cls.staff.groups_id |= cls.env.ref("sales_team.group_sale_salesman")

    def dashboard(self, user):
        return self.env["tiers_lieu.dashboard"].with_user(user).get_dashboard()

    def tiles(self, user):
        return {
            tile["key"]: tile
            for section in self.dashboard(user)["sections"]
            for tile in section["tiles"]
        }

    def test_each_role_sees_its_tiles(self):
        self.assertEqual(set(self.tiles(self.staff)), WORKSHOP | DONATIONS)
        self.assertEqual(set(self.tiles(self.manager)), WORKSHOP | DONATIONS)
        self.assertEqual(set(self.tiles(self.treasurer)), DONATIONS)
        self.assertEqual(set(self.tiles(self.trainer)), TRAINING)
        self.assertEqual(set(self.tiles(self.insertion_manager)), TRAINING)
        admin = self.env.ref("base.user_admin")
        self.assertEqual(set(self.tiles(admin)), WORKSHOP | DONATIONS | TRAINING)

    def test_every_tile_opens_its_list(self):
        admin = self.env.ref("base.user_admin")
        Dashboard = self.env["tiers_lieu.dashboard"].with_user(admin)
        for key, tile in self.tiles(admin).items():
            with self.subTest(tile=key):
                self.assertEqual(len(tile["trend"]) in (0, 12), True)
                action = Dashboard.open_tile(
                    tile["action"]["xmlid"], tile["action"]["domain"], tile["title"]
                )
                self.assertEqual(action["type"], "ir.actions.act_window")
                # The domain runs on its model for the user who clicks.
                count = (
                    self.env[action["res_model"]].with_user(admin).search_count(action["domain"])
                )
                self.assertGreaterEqual(count, 0)

    def make_month(self, orders):
        """``orders`` solidarity orders of 8 shields, printed (one plate failed) and delivered."""
        for _i in range(orders):
            order = self.make_order(self.hospital, "solidarity", lines=((None, 8),))
            order.is_urgent = True
            order.action_confirm()
            jobs = order.print_job_ids
            jobs[:1].write({"machine_id": self.mini.id, "operator_id": self.alice.id})
            jobs[:1].action_start()
            jobs[:1]._mark_failed(
                reasons=self.env.ref("tiers_lieu_machine.failure_reason_spaghetti")
            )
            self.print_jobs(jobs[1:])

    def count_queries(self, user):
        """Queries of a dashboard loaded once the caches are warm (creating records may
        clear the registry's caches: menus, selections, groups)."""
        counts = []
        for _i in range(2):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            self.dashboard(user)
            counts.append(self.cr.sql_log_count - before)
        return counts[-1]

    def test_queries_do_not_grow_with_the_data(self):
        admin = self.env.ref("base.user_admin")
        self.make_month(1)
        few = self.count_queries(admin)
        self.make_month(4)
        self.assertEqual(self.count_queries(admin), few)
        # A fixed budget: a few queries per tile.
        self.assertLessEqual(few, 4 * len(WORKSHOP | DONATIONS | TRAINING) + 10)

    def test_staff_open_the_dashboard_and_a_tile(self):
        order = self.make_order(self.hospital, "solidarity", lines=((None, 8),))
        order.action_confirm()
        self.print_jobs(order.print_job_ids)
        self.env.flush_all()
        with saving_screenshots() as saved:
            self.start_tour("/odoo", "tiers_lieu_farm_dashboard", login="tl_staff")
        self.assertEqual(
            sorted(path.name for path in saved), ["dashboard_staff.png", "dashboard_staff_list.png"]
        )

    def test_trainer_sees_the_training_figures(self):
        today = fields.Date.context_today(self.env["tiers_lieu.trainee"])
        partner = self.env["res.partner"].create({"name": "Test Trainee"})
        trainee = self.env["tiers_lieu.trainee"].create(
            {"partner_id": partner.id, "trainer_id": self.trainer.id}
        )
        self.env["tiers_lieu.trainee.path"].create(
            {
                "trainee_id": trainee.id,
                "kind": "cddi",
                "date_start": today - relativedelta(months=3),
                "date_end": today + relativedelta(months=9),
                "weekly_hours": 26,
                "pass_number": "999992500017",
                "pass_date_start": today - relativedelta(months=3),
            }
        )
        self.env["tiers_lieu.trainee.hours"].create(
            {"trainee_id": trainee.id, "kind": "production", "hours": 3.5, "date": today}
        )
        with saving_screenshots() as saved:
            self.start_tour(
                "/odoo/action-tiers_lieu.dashboard_action",
                "tiers_lieu_farm_dashboard_trainer",
                login="tl_trainer",
            )
        self.assertEqual([path.name for path in saved], ["dashboard_trainer.png"])
