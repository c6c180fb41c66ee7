from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import MakerCase


@tagged("post_install", "-at_install")
class TestAllocation(MakerCase):
    def test_suggestion_ranks_compatible_makers_by_capacity_and_distance(self):
        order = self.confirmed_order(60)
        line = order.order_line
        rows = line._maker_suggestions({line: 60})[line]
        # PLA only: Chloé (PETG only) and Zoé (paused) are out; Léa is in the beneficiary's
        # postcode, Hugo is farther.
        self.assertEqual([r["maker_id"] for r in rows], [self.lea.id, self.hugo.id])
        self.assertEqual([r["quantity"] for r in rows], [40, 20])
        self.assertTrue(rows[0]["same_area"])

    def test_suggestion_respects_the_build_volume_of_the_parts(self):
        order = self.confirmed_order(8)
        line = order.order_line
        line.print_job_ids.write({"size_x_mm": 200, "size_y_mm": 190, "size_z_mm": 30})
        rows = line._maker_suggestions({line: 8})[line]
        # Hugo's 180 mm printer cannot take a 200 × 190 mm headband.
        self.assertEqual([r["maker_id"] for r in rows], [self.lea.id])

    def test_capacity_taken_by_open_batches_is_not_offered(self):
        order = self.confirmed_order(60)
        line = order.order_line
        line._release_workshop_parts(36)
        self.make_batch(self.lea, line, 36)
        rows = line._maker_suggestions({line: 20})[line]
        by_maker = {r["maker_id"]: r for r in rows}
        self.assertEqual(by_maker[self.lea.id]["capacity_left"], 4)
        # Léa, nearest, takes what she has left; Hugo the rest.
        self.assertEqual([r["maker_id"] for r in rows], [self.lea.id, self.hugo.id])
        self.assertEqual([r["quantity"] for r in rows], [4, 16])
        self.lea.weekly_capacity = 36
        rows = line._maker_suggestions({line: 20})[line]
        # With no capacity left, Léa goes last.
        self.assertEqual([r["maker_id"] for r in rows], [self.hugo.id, self.lea.id])

    def test_urgent_orders_take_the_capacity_first(self):
        normal = self.confirmed_order(40, urgent=False)
        urgent = self.confirmed_order(40, urgent=True)
        lines = normal.order_line | urgent.order_line
        suggestions = lines._maker_suggestions({normal.order_line: 40, urgent.order_line: 40})
        urgent_rows = suggestions[urgent.order_line]
        self.assertEqual(urgent_rows[0]["maker_id"], self.lea.id)
        self.assertEqual(urgent_rows[0]["quantity"], 40)
        normal_rows = {r["maker_id"]: r for r in suggestions[normal.order_line]}
        self.assertEqual(normal_rows[self.lea.id]["quantity"], 0)
        self.assertEqual(normal_rows[self.hugo.id]["quantity"], 30)

    def suggest_counting_queries(self, line, quantity):
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        rows = line._maker_suggestions({line: quantity})[line]
        return self.env.cr.sql_log_count - before, rows

    def test_suggestion_queries_do_not_grow_with_the_makers(self):
        order = self.confirmed_order(20)
        line = order.order_line
        few, rows = self.suggest_counting_queries(line, 20)
        self.assertEqual(len(rows), 2)
        for i in range(30):
            self.make_maker(
                f"Extra{i} Maker", "91800", "Brunoy", 5.0 + i, 10, self.pla, 250, user=False
            )
        many, rows = self.suggest_counting_queries(line, 20)
        self.assertEqual(len(rows), 32)
        self.assertEqual(few, many)

    def allocate_form(self, line):
        wizard = Form(
            self.env["tiers_lieu.maker.allocate"]
            .with_user(self.staff)
            .with_context(default_sale_line_id=line.id)
        )
        return wizard

    def test_wizard_takes_parts_from_the_workshop_queue(self):
        order = self.confirmed_order(100)
        line = order.order_line
        self.assertEqual(len(line.print_job_ids), 25)
        form = self.allocate_form(line)
        self.assertEqual(form.remainder, 0)
        self.assertEqual(form.releasable, 100)
        form.quantity = 50
        self.assertTrue(form.take_from_workshop)
        form.collection_point_id = self.mairie
        wizard = form.save()
        self.assertEqual(wizard.line_ids.mapped("quantity"), [40, 10])
        wizard.action_allocate()
        batches = line.maker_batch_ids
        self.assertEqual(sorted(batches.mapped("quantity")), [10, 40])
        self.assertEqual(batches.design_version_id, self.v30)
        self.assertEqual(batches.collection_point_id, self.mairie)
        # 13 plates cancelled (52 parts), 2 parts back on a new plate for the workshop.
        active = line.print_job_ids.filtered(lambda j: j.state != "cancelled")
        self.assertEqual(sum(active.mapped("quantity_per_plate")), 50)
        self.assertEqual(line._maker_remainder(), 0)

    def test_allocating_more_than_free_is_refused_and_writes_nothing(self):
        order = self.confirmed_order(20)
        line = order.order_line
        wizard = self.env["tiers_lieu.maker.allocate"].create(
            {
                "sale_line_id": line.id,
                "take_from_workshop": True,
                "line_ids": [
                    Command.create({"maker_id": self.lea.id, "quantity": 15}),
                    Command.create({"maker_id": self.hugo.id, "quantity": 10}),
                ],
            }
        )
        with self.assertRaises(ValidationError):
            wizard.action_allocate()
        self.assertFalse(line.maker_batch_ids)
        self.assertFalse(line.print_job_ids.filtered(lambda j: j.state == "cancelled"))

    def test_a_maker_twice_or_paused_or_negative_is_refused(self):
        order = self.confirmed_order(20)
        line = order.order_line
        cases = [
            [(self.lea, 5), (self.lea, 5)],
            [(self.zoe, 5)],
            [(self.lea, -5)],
        ]
        for rows in cases:
            wizard = self.env["tiers_lieu.maker.allocate"].create(
                {
                    "sale_line_id": line.id,
                    "take_from_workshop": True,
                    "line_ids": [
                        Command.create({"maker_id": m.id, "quantity": q}) for m, q in rows
                    ],
                }
            )
            with self.assertRaises(ValidationError):
                wizard.action_allocate()
        self.assertFalse(line.maker_batch_ids)

    def test_a_draft_version_never_goes_to_makers(self):
        order = self.confirmed_order(8)
        v31 = self.make_version(self.shield_tmpl, "v31")
        with self.assertRaises(UserError):
            self.make_batch(self.lea, order.order_line, 4, design_version_id=v31.id)

    def test_parts_given_to_makers_are_not_replanned_by_the_workshop(self):
        order = self.confirmed_order(20)
        line = order.order_line
        line._release_workshop_parts(12)
        self.assertEqual(line._parts_missing(), 12)
        self.make_batch(self.lea, line, 12)
        self.assertEqual(line._parts_missing(), 0)
        with self.assertRaises(UserError):
            order.action_plan_missing_parts()

    def test_cancelled_batch_parts_are_missing_again(self):
        order = self.confirmed_order(20)
        line = order.order_line
        line._release_workshop_parts(12)
        batch = self.make_batch(self.lea, line, 12)
        batch.action_cancel()
        self.assertEqual(line._parts_missing(), 12)
