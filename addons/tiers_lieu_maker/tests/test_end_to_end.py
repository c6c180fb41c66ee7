import re

from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import MakerCase


@tagged("post_install", "-at_install")
class TestEndToEnd(MakerCase, HttpCase):
    """An urgent hospital order of 100 shields: 40 printed in the workshop, 60 by three
    makers who declare on the portal; a round collects, quality control accepts and
    rejects, the order is delivered, and its aid value and the makers' totals add up."""

    def declare_on_portal(self, login, batch, produced, failed=0, weight=0):
        self.authenticate(login, login)
        page = self.url_open(f"/my/maker/batch/{batch.id}").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        response = self.url_open(
            f"/my/maker/batch/{batch.id}/declare",
            data={
                "qty_produced": str(produced),
                "qty_failed": str(failed),
                "failed_weight_grams": str(weight),
                "csrf_token": token,
            },
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303)

    def test_urgent_order_split_between_workshop_and_makers(self):
        self.lea.weekly_capacity = 20
        self.hugo.weekly_capacity = 20
        self.chloe.printer_ids.material_ids = [Command.link(self.pla.id)]
        self.chloe.weekly_capacity = 20
        order = self.confirmed_order(100)
        line = order.order_line

        # Staff allocate 60 parts to makers, taken from the workshop's queue.
        wizard = (
            self.env["tiers_lieu.maker.allocate"]
            .with_user(self.staff)
            .create(
                {
                    "sale_line_id": line.id,
                    "quantity": 60,
                    "take_from_workshop": True,
                    "collection_point_id": self.mairie.id,
                }
            )
        )
        wizard._suggest()
        self.assertEqual(wizard.line_ids.mapped("maker_id"), self.lea | self.hugo | self.chloe)
        self.assertEqual(wizard.line_ids.mapped("quantity"), [20, 20, 20])
        wizard.action_allocate()
        batches = line.maker_batch_ids
        self.assertEqual(len(batches), 3)
        by_maker = {b.maker_id: b for b in batches}
        workshop_jobs = line.print_job_ids.filtered(lambda j: j.state != "cancelled")
        self.assertEqual(sum(workshop_jobs.mapped("quantity_per_plate")), 40)

        # The workshop prints its 40.
        self.print_jobs(workshop_jobs)
        self.assertEqual(line.qty_produced, 40)
        aid_workshop_only = order.aid_value

        # The makers declare on the portal.
        self.declare_on_portal("tl_maker_léa", by_maker[self.lea], 20)
        self.declare_on_portal("tl_maker_hugo", by_maker[self.hugo], 18, failed=2, weight=50)
        self.declare_on_portal("tl_maker_chloé", by_maker[self.chloe], 20)
        self.assertEqual(by_maker[self.lea].state, "ready")
        self.assertEqual(by_maker[self.hugo].state, "printing")

        # A round collects; quality control rejects 2 of Chloé's parts.
        round_ = self.env["stock.picking.batch"].create(
            {
                "is_maker_round": True,
                "driver_id": self.customer.id,
                "round_date": "2026-12-07",
                "distance_km": 31.0,
                "maker_batch_ids": [Command.set(batches.ids)],
            }
        )
        round_.action_collect_makers()
        by_maker[self.lea].qty_accepted = 20
        by_maker[self.hugo].qty_accepted = 18
        by_maker[self.chloe].write(
            {"qty_accepted": 18, "qty_rejected": 2, "rejected_weight_grams": 50}
        )
        round_.action_receive_makers()
        self.assertEqual(line.qty_produced, 96)
        self.assertEqual(order.parts_from_makers, 56)
        self.assertAlmostEqual(order.network_share, 100.0 * 56 / 96)

        # Four more parts from the workshop for the rejected ones, then delivery.
        missing = order.action_plan_missing_parts()
        self.assertEqual(sum(missing.mapped("quantity_per_plate")), 4)
        self.print_jobs(missing)
        self.assertEqual(line.qty_produced, 100)
        self.deliver(order, 100)
        self.assertEqual(line.qty_delivered, 100)

        # Aid value: the workshop's cost plus the material of the makers' 58 good
        # declared parts and 50 g of failed prints: (58 × 25 + 50) g × 20 €/kg = 30 €.
        maker_cost = sum(batches.mapped("real_material_cost"))
        self.assertAlmostEqual(maker_cost, 30.0)
        jobs_cost = sum(
            line.print_job_ids.mapped("real_material_cost")
            + line.print_job_ids.mapped("real_machine_cost")
            + line.print_job_ids.mapped("real_labour_cost")
        )
        self.assertAlmostEqual(order.aid_value, jobs_cost + 30.0)
        self.assertGreater(order.aid_value, aid_workshop_only)

        # Per-maker totals.
        self.lea.invalidate_recordset()
        self.assertEqual(
            (self.lea.parts_declared, self.lea.parts_collected, self.lea.parts_accepted),
            (20, 20, 20),
        )
        self.assertEqual(
            (self.hugo.parts_declared, self.hugo.parts_failed, self.hugo.parts_accepted),
            (18, 2, 18),
        )
        self.assertEqual(self.chloe.parts_accepted, 18)

        # Léa sees where her parts went, by organisation name only.
        self.authenticate("tl_maker_léa", "tl_maker_léa")
        page = self.url_open("/my/maker").text
        self.assertIn(self.hospital.name, page)
