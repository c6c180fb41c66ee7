import datetime

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import OrderCase


@tagged("post_install", "-at_install")
class TestConfirm(OrderCase):
    def test_confirm_creates_one_job_per_plate(self):
        order = self.make_order(lines=((None, 10),), commitment_date="2026-12-01 10:00:00")
        order.action_confirm()
        jobs = order.print_job_ids.sorted("id")
        # ceil(10 / 4) = 3 plates: 4, 4 and the 2 left.
        self.assertEqual(len(jobs), 3)
        self.assertEqual(jobs.mapped("quantity_per_plate"), [4, 4, 2])
        self.assertEqual(set(jobs.mapped("state")), {"queued"})
        self.assertEqual(jobs.sale_line_id, order.order_line)
        self.assertEqual(jobs.design_version_id, self.v30)
        self.assertEqual(set(jobs.mapped("design_version")), {"v30"})
        self.assertEqual(jobs.material_id, self.pla)
        self.assertEqual(jobs.mapped("estimated_grams"), [100.0, 100.0, 50.0])
        self.assertAlmostEqual(jobs[0].estimated_duration_hours, 2.0)
        self.assertAlmostEqual(jobs[2].estimated_duration_hours, 1.0)
        self.assertEqual(set(jobs.mapped("priority")), {"0"})
        self.assertEqual(set(jobs.mapped("date_due")), {datetime.date(2026, 12, 1)})
        self.assertEqual(len(set(jobs.mapped("name"))), 3)
        self.assertTrue(all(name.startswith("JOB/") for name in jobs.mapped("name")))
        self.assertEqual(order.print_job_count, 3)
        self.assertEqual(order.order_line.production_lot_id.product_id, self.shield)

    def test_queued_jobs_message_in_the_company_language(self):
        # The team reads the chatter in French, even when an English-speaking user confirms.
        self.company.partner_id.lang = "fr_FR"
        order = self.make_order(lines=((None, 10),))
        order.with_context(lang="en_US").action_confirm()
        bodies = " ".join(order.message_ids.mapped("body"))
        self.assertIn("3 travaux d'impression mis en file pour cette commande.", bodies)
        self.assertNotIn("print jobs queued", bodies)

    def test_urgent_orders_come_first_in_the_queue(self):
        normal = self.make_order(lines=((None, 4),))
        normal.action_confirm()
        urgent = self.make_order(partner=self.hospital, kind="solidarity", lines=((None, 4),))
        urgent.is_urgent = True
        urgent.action_confirm()
        self.assertEqual(urgent.print_job_ids.priority, "1")
        queue = self.env["tiers_lieu.print.job"].search(
            [("sale_order_id", "in", (normal | urgent).ids)]
        )
        self.assertEqual(queue[0].sale_order_id, urgent)

    def test_due_date_falls_back_on_expected_date(self):
        order = self.make_order(lines=((None, 4),))
        order.action_confirm()
        self.assertEqual(order.print_job_ids.date_due, order.expected_date.date())

    def test_other_products_get_no_job(self):
        order = self.make_order(lines=((None, 4), (self.service, 1)))
        order.action_confirm()
        self.assertEqual(order.print_job_ids.sale_line_id.product_id, self.shield)

    def test_design_file_is_attached_to_the_jobs(self):
        v31 = self.make_version(
            self.shield_tmpl, "v31", print_file=b"O0xOQ0g=", print_filename="shield.gcode"
        )
        v31.action_validate()
        order = self.make_order(lines=((None, 8),))
        order.action_confirm()
        self.assertEqual(order.print_job_ids.mapped("print_file"), [b"O0xOQ0g="] * 2)
        self.assertEqual(set(order.print_job_ids.mapped("print_filename")), {"shield.gcode"})

    # ------------------------------------------------------------------ bad input

    def test_zero_quantity_is_refused_at_confirmation(self):
        order = self.make_order(lines=((None, 0),))
        with self.assertRaisesRegex(UserError, "positive whole number"):
            order.action_confirm()

    def test_negative_quantity_is_refused(self):
        with self.assertRaises(ValidationError):
            self.make_order(lines=((None, -3),))

    def test_fraction_of_a_part_is_refused(self):
        order = self.make_order(lines=((None, 2.5),))
        with self.assertRaisesRegex(UserError, "whole number"):
            order.action_confirm()

    def test_part_without_validated_version_is_refused(self):
        template = self.env["product.template"].create(
            {"name": "Door opener", "is_printable_part": True}
        )
        self.make_version(template, "v1")  # draft only
        order = self.make_order(lines=((template.product_variant_id, 4),))
        with self.assertRaisesRegex(UserError, "no validated design version"):
            order.action_confirm()

    def test_version_without_figures_cannot_be_validated(self):
        template = self.env["product.template"].create({"name": "Clip", "is_printable_part": True})
        for field, message in (
            ("grams_per_part", "no grams per part"),
            ("parts_per_plate", "no parts per plate"),
            ("material_id", "no material"),
        ):
            version = self.make_version(template, f"v-{field}", **{field: False})
            with self.assertRaisesRegex(ValidationError, message):
                version.action_validate()

    def test_unknown_material_or_figures_refused_at_confirmation(self):
        # A validated version damaged behind the ORM's back (SQL, a faulty migration).
        for index, (vals, message) in enumerate(
            (
                ({"material_id": False}, "material of .* is unknown"),
                ({"grams_per_part": 0.0}, "no grams per part"),
                ({"parts_per_plate": 0}, "no parts per plate"),
            )
        ):
            with self.subTest(vals=vals):
                template = self.env["product.template"].create(
                    {"name": f"Part {index}", "is_printable_part": True}
                )
                version = self.make_version(template, "v1")
                version.action_validate()
                self._damage(version, vals)
                order = self.make_order(lines=((template.product_variant_id, 4),))
                with self.assertRaisesRegex(UserError, message):
                    order.action_confirm()
                self.assertFalse(order.print_job_ids)

    def _damage(self, version, vals):
        ((field, value),) = vals.items()
        self.env.cr.execute(
            f"UPDATE tiers_lieu_design_version SET {field} = %s WHERE id = %s",  # noqa: S608
            [value or None if field == "material_id" else value, version.id],
        )
        version.invalidate_recordset()

    # ------------------------------------------------------------------ batch size

    def _order_of(self, count):
        return self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "order_line": [
                    Command.create({"product_id": self.shield.id, "product_uom_qty": 6})
                    for _i in range(count)
                ],
            }
        )

    def _ready_order(self, lines):
        order = self._order_of(lines)
        order.order_line._create_production_lots()
        self.env.flush_all()
        self.env.invalidate_all()
        return order

    def test_job_creation_does_not_grow_with_the_lines(self):
        """The print jobs of a 10-line and a 100-line order (2 plates a line: 20 and 200
        jobs) take the same queries, but for the ORM writing 100 rows per INSERT and
        UPDATE: 200 jobs need a second INSERT of jobs and of their print files, and a
        second UPDATE queueing them."""
        self._ready_order(1).order_line._create_print_jobs()  # warm the caches
        small, big = self._ready_order(10), self._ready_order(100)
        with self.assertQueryCount(__system__=JOB_QUERIES):
            small.order_line._create_print_jobs()
            self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=JOB_QUERIES + 3):
            big.order_line._create_print_jobs()
            self.env.flush_all()
        self.assertEqual(len(small.print_job_ids), 20)
        self.assertEqual(len(big.print_job_ids), 200)


# Queries to create, name, attach and queue the print jobs of an order (up to 100 jobs).
JOB_QUERIES = 24
