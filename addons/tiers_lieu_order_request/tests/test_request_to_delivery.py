from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.tiers_lieu_order.slip import slip_notice

from .common import RequestCase


@tagged("post_install", "-at_install")
class TestRequestToDelivery(RequestCase):
    """The whole path a hospital's request takes: form, review, printing, delivery, and
    what the tiers-lieu then reports to its funders."""

    def test_a_hospital_request_is_printed_delivered_and_reported_as_aid(self):
        spool = self.receive(self.pla_black)
        spool._load_on_machine(self.mk4)
        order = self.submit(quantity="12")
        order.with_user(self.reviewer).action_accept_request()
        jobs = order.print_job_ids
        self.assertEqual(len(jobs), 3)
        self.assertEqual(set(jobs.mapped("state")), {"queued"})

        self.print_jobs(jobs[:2])
        self.assertEqual(order.parts_produced, 8)
        self.assertAlmostEqual(order.production_progress, 100.0 * 8 / 12)
        with self.assertRaises(UserError):
            self.deliver(order, 12)
        first = self.deliver(order, 8)
        self.print_jobs(jobs[2:])
        second = self.deliver(order, 4)
        self.assertEqual((first | second).mapped("state"), ["done", "done"])
        self.assertEqual(order.order_line.qty_delivered, 12)

        self.assertEqual(slip_notice(second.with_context(lang="fr_FR"))[0], "Distribution gratuite")
        self.assertEqual(order.invoice_status, "no")
        self.assertGreater(order.real_cost, 0.0)
        self.assertAlmostEqual(order.aid_value, order.real_cost)
        self.assertEqual(order.amount_total, 0.0)
        aid = self.env["sale.order"]._aid_by_beneficiary()
        hospital_parts = sum(
            parts for (kind, _period), (_value, parts, _count) in aid.items() if kind == "hospital"
        )
        self.assertEqual(hospital_parts, 12)

        lot = order.order_line.production_lot_id
        self.assertEqual(lot.design_version_id, self.v30)
        self.assertEqual(lot.part_machine_ids, self.mk4)
        self.assertEqual(lot.part_spool_ids, spool)
        self.assertIn(order.order_line, self.v30.sale_line_ids)
        self.assertIn(order.partner_id, self.v30.sale_line_ids.order_partner_id)
