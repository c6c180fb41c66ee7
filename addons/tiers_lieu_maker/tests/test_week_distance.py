from datetime import date, timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged

from ..models.tiers_lieu_commune import great_circle_km
from ..models.tiers_lieu_maker import iso_week_label, week_start
from .common import MakerCase


@tagged("post_install", "-at_install")
class TestCalendarWeekCapacity(MakerCase):
    """Weekly capacity is consumed per ISO calendar week by the batches due that week."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls.confirmed_order(100)
        cls.line = cls.order.order_line
        cls.line._release_workshop_parts(60)
        # Next week's Friday and the Monday after: two ISO weeks, three days apart.
        monday = week_start(fields.Date.context_today(cls.env["tiers_lieu.maker"]))
        cls.friday = monday + timedelta(days=11)
        cls.next_monday = monday + timedelta(days=14)

    def test_week_helpers(self):
        self.assertEqual(week_start(date(2026, 12, 6)), date(2026, 11, 30))  # a Sunday
        self.assertEqual(week_start(date(2026, 12, 7)), date(2026, 12, 7))
        self.assertEqual(iso_week_label(date(2026, 12, 6)), "2026-W49")
        self.assertEqual(iso_week_label(date(2026, 12, 7)), "2026-W50")
        # 1 January 2027 is a Friday: ISO week 53 of 2026.
        self.assertEqual(iso_week_label(date(2027, 1, 1)), "2026-W53")

    def test_capacity_is_consumed_in_the_week_of_the_due_date_only(self):
        self.make_batch(self.lea, self.line, 30, date_due=self.friday)
        load = self.lea._week_load([week_start(self.friday), week_start(self.next_monday)])
        self.assertEqual(load, {(self.lea.id, week_start(self.friday)): 30})
        # The batch is due next week: this week's capacity is whole.
        self.assertEqual(self.lea.capacity_left, 40)
        due_friday = self.line._maker_suggestions(
            {self.line: 20}, due_dates={self.line: self.friday}
        )
        rows = {r["maker_id"]: r for r in due_friday[self.line]}
        self.assertEqual(rows[self.lea.id]["capacity_left"], 10)
        self.assertEqual(rows[self.lea.id]["quantity"], 10)
        self.assertEqual(rows[self.hugo.id]["quantity"], 10)
        # Three days later, across the week boundary, Léa has her 40 parts again
        # (a rolling 7 days would still count the 30 due on Friday).
        due_monday = self.line._maker_suggestions(
            {self.line: 20}, due_dates={self.line: self.next_monday}
        )
        rows = due_monday[self.line]
        self.assertEqual(rows[0]["maker_id"], self.lea.id)
        self.assertEqual(rows[0]["capacity_left"], 40)
        self.assertEqual([r["quantity"] for r in rows], [20, 0])

    def test_cancelled_batches_free_their_week_and_overdue_ones_load_this_week(self):
        batch = self.make_batch(self.lea, self.line, 30, date_due=self.friday)
        batch.action_cancel()
        self.assertFalse(self.lea._week_load([week_start(self.friday)]))
        # Due last week and still to print: the parts weigh on this week.
        last_week = fields.Date.context_today(self.lea) - timedelta(days=7)
        self.make_batch(self.lea, self.line, 25, date_due=last_week)
        self.lea.invalidate_recordset(["capacity_left"])
        self.assertEqual(self.lea.capacity_left, 15)
        # Once ready, it stays in the week it was due.
        self.make_batch(self.hugo, self.line, 5, date_due=last_week)
        batch = self.line.maker_batch_ids.filtered(lambda b: b.maker_id == self.hugo)
        self.declare(batch, 5)
        self.assertEqual(batch.state, "ready")
        self.hugo.invalidate_recordset(["capacity_left"])
        self.assertEqual(self.hugo.capacity_left, 30)

    def test_the_wizard_ranks_by_the_capacity_of_its_due_week(self):
        self.make_batch(self.lea, self.line, 40, date_due=self.friday)
        form = Form(
            self.env["tiers_lieu.maker.allocate"]
            .with_user(self.staff)
            .with_context(default_sale_line_id=self.line.id)
        )
        form.quantity = 10
        form.date_due = self.friday
        self.assertEqual(form.line_ids.edit(0).maker_id, self.hugo)
        form.date_due = self.next_monday
        self.assertEqual(form.line_ids.edit(0).maker_id, self.lea)


@tagged("post_install", "-at_install")
class TestDistanceToBeneficiary(MakerCase):
    """Makers are ranked by the great-circle distance between their commune and the
    beneficiary's delivery address, from the table of communes (no geocoder)."""

    def test_partner_coordinates_come_from_the_commune_table(self):
        commune = self.env.ref("tiers_lieu_maker.commune_91114")
        self.assertEqual(commune.insee_code, "91114")
        self.assertEqual(self.hugo.partner_id.commune_id, commune)
        self.assertAlmostEqual(self.hugo.partner_id.partner_latitude, 48.6979, places=4)
        self.assertAlmostEqual(self.hugo.partner_id.partner_longitude, 2.5044, places=4)
        # Two communes share 91800: the city picks the right one, accents or not.
        partner = self.env["res.partner"].create(
            {"name": "X", "zip": "91800", "city": "BOUSSY SAINT ANTOINE"}
        )
        self.assertEqual(partner.commune_id.insee_code, "91097")
        # Out of the table: no coordinates, and no distance.
        partner.write({"zip": "99999", "city": "Nowhere"})
        self.assertFalse(partner.commune_id)
        self.assertIsNone(partner._coordinates())

    def test_great_circle_distance(self):
        # Paris 20e – Rennes: about 310 km as the crow flies.
        self.assertAlmostEqual(great_circle_km(48.8634, 2.3985, 48.1173, -1.6778), 310, delta=5)
        self.assertEqual(great_circle_km(48.1, -1.6, 48.1, -1.6), 0.0)

    def test_suggestion_ranks_by_distance_to_the_delivery_address(self):
        # Léa is nearer the tiers-lieu, but the hospital delivers to Yerres' clinic.
        clinic = self.env["res.partner"].create(
            {
                "name": "Clinique de Yerres",
                "parent_id": self.hospital.id,
                "type": "delivery",
                "zip": "91330",
                "city": "Yerres",
            }
        )
        order = self.confirmed_order(60)
        order.partner_shipping_id = clinic
        line = order.order_line
        rows = line._maker_suggestions({line: 60})[line]
        by_maker = {r["maker_id"]: r for r in rows}
        # Yerres – Brunoy ≈ 2.4 km, Yerres – Épinay ≈ 3.0 km.
        self.assertAlmostEqual(by_maker[self.hugo.id]["beneficiary_km"], 2.4, delta=0.3)
        self.assertAlmostEqual(by_maker[self.lea.id]["beneficiary_km"], 3.0, delta=0.3)
        self.assertEqual([r["maker_id"] for r in rows], [self.hugo.id, self.lea.id])
        self.assertEqual([r["quantity"] for r in rows], [30, 30])
        # Delivered in Épinay, Léa comes first.
        order.partner_shipping_id = self.hospital
        rows = line._maker_suggestions({line: 60})[line]
        self.assertEqual([r["maker_id"] for r in rows], [self.lea.id, self.hugo.id])
        self.assertEqual(rows[0]["beneficiary_km"], 0.0)

    def test_makers_of_unknown_place_come_after(self):
        far = self.make_maker("Nina Roux", "91330", "Yerres", 0.1, 50, self.pla, 250, user=False)
        far.partner_id.write({"zip": "98000", "city": "Monaco"})
        order = self.confirmed_order(20)
        line = order.order_line
        rows = line._maker_suggestions({line: 20})[line]
        self.assertEqual(rows[-1]["maker_id"], far.id)
        self.assertIsNone(rows[-1]["beneficiary_km"])


@tagged("post_install", "-at_install")
class TestFiguresByCommuneAndWeek(MakerCase):
    def test_parts_made_per_commune_and_iso_week(self):
        order = self.confirmed_order(100)
        line = order.order_line
        line._release_workshop_parts(80)
        lea = self.make_batch(self.lea, line, 40)
        hugo = self.make_batch(self.hugo, line, 30)
        Declaration = self.env["tiers_lieu.maker.declaration"]
        # Sunday 6 and Monday 7 December 2026: weeks 49 and 50.
        for batch, day, good, failed in (
            (lea, "2026-12-05", 10, 1),
            (lea, "2026-12-06", 5, 0),
            (lea, "2026-12-07", 12, 0),
            (hugo, "2026-12-06", 8, 2),
            (hugo, "2026-12-08", 7, 0),
        ):
            Declaration.create(
                {
                    "batch_id": batch.id,
                    "date": day,
                    "qty_produced": good,
                    "qty_failed": failed,
                    "failed_weight_grams": 20.0 * failed,
                }
            )
        figures = Declaration.with_user(self.staff)._parts_by_commune_week(
            [("order_id", "=", order.id)]
        )
        self.assertEqual(
            figures,
            {
                ("Épinay-sous-Sénart", "2026-W49"): {"produced": 15, "failed": 1, "makers": 1},
                ("Épinay-sous-Sénart", "2026-W50"): {"produced": 12, "failed": 0, "makers": 1},
                ("Brunoy", "2026-W49"): {"produced": 8, "failed": 2, "makers": 1},
                ("Brunoy", "2026-W50"): {"produced": 7, "failed": 0, "makers": 1},
            },
        )
        declaration = Declaration.search([("date", "=", "2026-12-07")])
        self.assertEqual(declaration.week_start, date(2026, 12, 7))
        # A declaration moved to another day changes week.
        declaration.date = "2026-12-06"
        figures = Declaration._parts_by_commune_week([("order_id", "=", order.id)])
        self.assertEqual(figures[("Épinay-sous-Sénart", "2026-W49")]["produced"], 27)
        self.assertNotIn(("Épinay-sous-Sénart", "2026-W50"), figures)


@tagged("post_install", "-at_install")
class TestCommuneAccess(MakerCase):
    def test_staff_read_communes_but_only_managers_edit_them(self):
        commune = self.env.ref("tiers_lieu_maker.commune_91114")
        self.assertEqual(commune.with_user(self.staff).name, "Brunoy")
        with self.assertRaises(AccessError):
            commune.with_user(self.staff).latitude = 0.0
        with self.assertRaises(AccessError):
            self.env["tiers_lieu.commune"].with_user(self.staff).create(
                {"name": "X", "insee_code": "99999", "zip": "99999", "latitude": 1, "longitude": 1}
            )
        manager = new_test_user(self.env, login="tl_commune_mgr", groups="tiers_lieu.group_manager")
        commune.with_user(manager).latitude = 48.7
        self.assertEqual(commune.latitude, 48.7)

    def test_a_maker_on_the_portal_reads_no_commune(self):
        portal = self.lea.user_id
        with self.assertRaises(AccessError):
            self.env["tiers_lieu.commune"].with_user(portal).search([])
