"""A week of the tiers-lieu across every addon, then the figures its dashboard shows.

Orders come in (a hospital's urgent solidarity order, a school's, a company's paid one); their
print jobs are dispatched and printed on the farm, one fails; the spools are consumed and
a new one is bought; a trainee on an insertion path runs a printer; a company gives filament
and a donor money, each gets a tax receipt; the hospital's first parts are delivered. The
dashboard of each role must then show exactly these numbers.
"""

from datetime import date, datetime

from odoo import fields
from odoo.tests import tagged

from odoo.addons.tiers_lieu_donation.tests.common import DonationCase
from odoo.addons.tiers_lieu_order.tests.common import OrderCase

# Wednesday 18 March 2026, 10:00 UTC: the week began on Monday 16.
NOW = "2026-03-18 10:00:00"
TODAY = date(2026, 3, 18)


@tagged("post_install", "-at_install")
class TestWeekInTheLife(DonationCase, OrderCase):
    freeze_time = NOW

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff.groups_id |= cls.env.ref("sales_team.group_sale_salesman")
        cls.env.company.partner_id.tz = "Europe/Paris"
        for user in (cls.staff, cls.trainer, cls.treasurer):
            user.tz = "Europe/Paris"
        # The farm's spools: one PLA spool loaded on each printer.
        spools = cls.receive(cls.pla_black, count=2)
        spools[0]._load_on_machine(cls.mk4)
        spools[1]._load_on_machine(cls.mini)
        cls.spools = spools
        # A trainee on an insertion path (CDDI), authorised on the printers.
        partner = cls.env["res.partner"].create({"name": "Yanis Haddad"})
        cls.yanis = cls.env["tiers_lieu.trainee"].create(
            {"partner_id": partner.id, "trainer_id": cls.trainer.id, "state": "in_progress"}
        )
        cls.yanis_path = cls.env["tiers_lieu.trainee.path"].create(
            {
                "trainee_id": cls.yanis.id,
                "kind": "cddi",
                "date_start": date(2025, 10, 1),
                "date_end": date(2026, 4, 30),
                "weekly_hours": 26,
                "pass_number": "999992500017",
                "pass_date_start": date(2025, 10, 1),
            }
        )
        cls.env["tiers_lieu.machine.authorization"].create(
            {"partner_id": partner.id, "machine_kind": "fdm_printer", "granted_date": "2025-11-01"}
        )
        cls.run_the_week()

    @classmethod
    def run_the_week(cls):
        # Monday: three orders in, the hospital's urgent.
        cls.hospital_order = cls.make_order(cls.hospital, "solidarity", lines=((None, 8),))
        cls.hospital_order.is_urgent = True
        cls.school_order = cls.make_order(cls.school, "solidarity", lines=((None, 4),))
        cls.company_order = cls.make_order(cls.customer, "commercial", lines=((None, 4),))
        orders = cls.hospital_order | cls.school_order | cls.company_order
        orders.action_confirm()
        jobs = orders.print_job_ids
        # The dispatch puts the queued jobs on the free printers.
        jobs.filtered(lambda job: job.state == "draft").action_queue()
        cls.env["tiers_lieu.print.job"]._dispatch()
        for job in jobs.filtered(lambda job: not job.machine_id):
            job.machine_id = cls.mk4
        hospital_jobs = cls.hospital_order.print_job_ids.sorted("id")
        # The hospital's first plate prints; its second fails (spaghetti, 18 g weighed).
        cls.print_jobs(hospital_jobs[0], machine=cls.mk4)
        failed = hospital_jobs[1]
        failed.write({"machine_id": cls.mini.id, "operator_id": cls.alice.id})
        failed.action_start()
        failed.date_start = fields.Datetime.subtract(fields.Datetime.now(), hours=1)
        failed.write({"grams_actual": 25.0, "failed_weight_grams": 18.0})
        failed._mark_failed(reasons=cls.env.ref("tiers_lieu_machine.failure_reason_spaghetti"))
        cls.failed_job = failed
        # The trainee runs the school's plate on the Mini: 3 good parts, 1 rejected.
        school_job = cls.school_order.print_job_ids
        school_job.write({"machine_id": cls.mini.id, "operator_id": cls.yanis.partner_id.id})
        school_job.action_start()
        school_job.date_start = fields.Datetime.subtract(fields.Datetime.now(), hours=2)
        school_job.write({"good_quantity": 3, "rejected_quantity": 1})
        school_job.action_done()
        cls.school_job = school_job
        # The company's plate is still queued. A spool is reordered and received.
        cls.receive(cls.pla_black, count=1)
        # Gifts: three spools of filament from a company, money from a donor.
        cls.filament_gift = cls.make_donation(
            cls.acme,
            14.0,
            mode=None,
            when="2026-03-17",
            product=cls.goods,
            line={
                "quantity": 3,
                "valuation_basis": "stock_value",
                "in_kind_description": "3 bobines PLA noir 1 kg neuves",
                "filament_product_id": cls.pla_black.id,
            },
        )
        cls.filament_gift.with_user(cls.treasurer).validate()
        cls.money_gift = cls.validated(cls.claire, 150.0, when="2026-03-16")
        # Thursday: the hospital's first four parts are delivered.
        cls.deliver(cls.hospital_order, 4)
        cls.env.flush_all()

    def tiles(self, user):
        data = self.env["tiers_lieu.dashboard"].with_user(user).get_dashboard()
        self.assertEqual(data["month"], "2026-03-01")
        return {tile["key"]: tile for section in data["sections"] for tile in section["tiles"]}

    def test_the_week_happened(self):
        self.assertEqual(self.failed_job.state, "failed")
        self.assertEqual(self.school_job.state, "done")
        self.assertEqual(self.filament_gift.state, "done")
        self.assertEqual(len(self.filament_gift.filament_picking_ids.move_line_ids.lot_id), 3)
        self.assertTrue(self.money_gift.tax_receipt_id)
        self.assertTrue(self.filament_gift.tax_receipt_id)
        self.assertEqual(self.hospital_order.delivery_status, "partial")

    def test_orders_figures(self):
        tiles = self.tiles(self.staff)
        # 4 good parts for the hospital, 3 for the school.
        self.assertEqual(tiles["parts_produced"]["value"], 7)
        self.assertEqual(tiles["parts_produced"]["trend"][-1], 7)
        self.assertEqual(tiles["parts_produced"]["trend"][:-1], [0] * 11)
        self.assertEqual(tiles["parts_delivered"]["value"], 4)
        # 16 parts ordered, 4 delivered.
        self.assertEqual(tiles["parts_due"]["value"], 12)
        self.assertEqual(tiles["urgent_orders"]["value"], 1)
        self.assertIn(self.hospital_order.name, tiles["urgent_orders"]["details"][0]["label"])
        aid = tiles["aid_given"]
        expected = self.hospital_order.aid_value + self.school_order.aid_value
        self.assertGreater(expected, 0)
        self.assertAlmostEqual(aid["value"], expected)
        self.assertEqual(
            {detail["label"]: detail["value"] for detail in aid["details"]},
            {"Hôpital": self.hospital_order.aid_value, "École": self.school_order.aid_value}
            if self.env.lang == "fr_FR"
            else {
                "Hospital": self.hospital_order.aid_value,
                "School": self.school_order.aid_value,
            },
        )

    def test_machines_figures(self):
        tiles = self.tiles(self.staff)
        failure = tiles["machine_failure_rate"]
        # One failed of the three jobs that ended.
        self.assertAlmostEqual(failure["value"], 100 / 3)
        self.assertEqual(failure["details"][0]["value"], 1)
        self.assertEqual(
            failure["details"][0]["label"],
            self.env.ref("tiers_lieu_machine.failure_reason_spaghetti").display_name,
        )
        usage = tiles["machine_utilisation"]
        # 2 h on the MK4, 1 h + 2 h on the Mini, over the hours of the month so far.
        month_start = datetime(2026, 2, 28, 23, 0)  # 1 March, midnight in Paris
        elapsed = (fields.Datetime.now() - month_start).total_seconds() / 3600
        machines = self.env["maintenance.equipment"].search_count([("machine_kind", "!=", False)])
        self.assertAlmostEqual(usage["value"], 100 * 5 / (machines * elapsed))
        self.assertEqual(usage["trend"][-1], 5)
        by_machine = {detail["label"]: detail["value"] for detail in usage["details"]}
        self.assertAlmostEqual(by_machine[self.mini.display_name], 100 * 3 / elapsed)
        self.assertAlmostEqual(by_machine[self.mk4.display_name], 100 * 2 / elapsed)

    def test_material_figures(self):
        tiles = self.tiles(self.staff)
        jobs = self.hospital_order.print_job_ids | self.school_job
        ended = jobs.filtered(lambda job: job.state in ("done", "failed"))
        self.assertEqual(set(ended.mapped("consumption_state")), {"posted"})
        grams = sum(ended.mapped("grams_posted"))
        self.assertGreater(grams, 0)
        consumed = tiles["grams_consumed"]
        self.assertAlmostEqual(consumed["value"], grams)
        self.assertEqual(consumed["details"][0]["label"], self.pla.display_name)
        # The failed print (18 g) and the school's rejected part.
        offcuts = sum(ended.mapped("offcut_grams_posted"))
        self.assertAlmostEqual(tiles["offcuts"]["value"], offcuts)
        self.assertGreater(offcuts, 18.0)
        # Six spools in stock: nothing below the minimum, no shortage for one queued plate.
        self.env["tiers_lieu.filament.forecast"]._refresh()
        self.assertEqual(self.tiles(self.staff)["filament_shortages"]["value"], 0)
        low = self.env["tiers_lieu.filament.forecast"].search_count(
            [("state", "in", ("low", "short"))]
        )
        self.assertEqual(self.tiles(self.staff)["spools_below_minimum"]["value"], low)

    def test_trainer_figures(self):
        tiles = self.tiles(self.trainer)
        self.assertEqual(set(tiles), {"trainee_production_hours", "trainee_ends_coming"})
        # The trainee ran the school's plate for two hours.
        self.assertAlmostEqual(tiles["trainee_production_hours"]["value"], 2.0)
        # The path ends on 30 April, within 60 days.
        ends = tiles["trainee_ends_coming"]
        self.assertEqual(ends["details"][1]["value"], 1)

    def test_treasurer_figures(self):
        tiles = self.tiles(self.treasurer)
        self.assertEqual(set(tiles), {"donations_collected", "receipts_issued"})
        self.assertAlmostEqual(tiles["donations_collected"]["value"], 150.0 + 3 * 14.0)
        self.assertEqual(tiles["receipts_issued"]["value"], 2)
        self.assertEqual(tiles["receipts_issued"]["trend"][-1], 2)
        # Staff see the same gifts.
        self.assertEqual(
            self.tiles(self.staff)["donations_collected"]["value"],
            tiles["donations_collected"]["value"],
        )
