from odoo.exceptions import UserError
from odoo.tests import tagged

from ..slip import slip_notice, slip_rows
from .common import OrderCase


@tagged("post_install", "-at_install")
class TestDelivery(OrderCase):
    def test_good_parts_enter_stock_under_the_line_lot(self):
        order = self.make_order(lines=((None, 10),))
        order.action_confirm()
        jobs = order.print_job_ids.sorted("id")
        self.print_jobs(jobs[0])
        self.print_jobs(jobs[1], good=3)
        line = order.order_line
        self.assertEqual(line.qty_produced, 7)
        self.assertAlmostEqual(line.production_progress, 70.0)
        self.assertAlmostEqual(order.production_progress, 70.0)
        lot = line.production_lot_id
        self.assertEqual(lot.product_qty, 7)
        self.assertEqual(lot.design_version_id, self.v30)
        # A correction of the good parts moves only the difference.
        jobs[1].write({"good_quantity": 2, "rejected_quantity": 2})
        lot.invalidate_recordset()
        self.assertEqual(lot.product_qty, 6)
        self.assertEqual(line.qty_produced, 6)

    def test_partial_then_full_delivery(self):
        order = self.make_order(lines=((None, 8),))
        order.action_confirm()
        jobs = order.print_job_ids
        self.print_jobs(jobs[0])
        first = self.deliver(order, 4)
        self.assertEqual(first.state, "done")
        self.assertEqual(first.move_line_ids.lot_id, order.order_line.production_lot_id)
        self.assertEqual(order.order_line.qty_delivered, 4)
        self.print_jobs(jobs[1])
        self.deliver(order, 4)
        self.assertEqual(order.order_line.qty_delivered, 8)

    def test_delivering_more_than_produced_is_refused(self):
        order = self.make_order(lines=((None, 8),))
        order.action_confirm()
        self.print_jobs(order.print_job_ids[0], good=3)
        with self.assertRaisesRegex(UserError, "only 3.0 good parts have been produced"):
            self.deliver(order, 5)
        self.assertEqual(order.order_line.qty_delivered, 0)

    def test_delivery_takes_the_parts_of_its_own_order(self):
        first = self.make_order(lines=((None, 4),))
        second = self.make_order(lines=((None, 4),))
        (first | second).action_confirm()
        self.print_jobs(second.print_job_ids)
        self.print_jobs(first.print_job_ids)
        picking = first.picking_ids
        picking.action_assign()
        self.assertEqual(picking.move_line_ids.lot_id, first.order_line.production_lot_id)

    def test_delivery_slip_states_free_distribution(self):
        order = self.make_order(partner=self.hospital, kind="solidarity", lines=((None, 4),))
        order.action_confirm()
        self.print_jobs(order.print_job_ids)
        picking = self.deliver(order, 4)
        self.assertEqual(
            slip_rows(picking), [(self.shield.display_name, "v30", order.name + "-01", "4")]
        )
        french = picking.with_context(lang="fr_FR")
        self.assertEqual(slip_notice(french)[0], "Distribution gratuite")
        paid = self.make_order(lines=((None, 4),))
        paid.action_confirm()
        self.print_jobs(paid.print_job_ids)
        self.assertEqual(slip_notice(self.deliver(paid, 4)), [])
        pdf, kind = self.env["ir.actions.report"]._render_qweb_pdf(
            "tiers_lieu_order.delivery_slip", picking.ids
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        self.assertIn(picking.name.replace("/", "-"), picking._delivery_slip_filename())
        action = order.action_delivery_slip()
        self.assertEqual(action["report_name"], "tiers_lieu_order.delivery_slip")
        self.assertEqual(action["tl_renderer"], "_render_delivery_slip_pdf")
        self.assertEqual(action["context"]["active_ids"], picking.ids)

    def test_reprint_the_missing_parts(self):
        order = self.make_order(lines=((None, 8),))
        order.action_confirm()
        first, second = order.print_job_ids.sorted("id")
        self.print_jobs(first, good=3)
        second.write({"machine_id": self.mk4.id, "operator_id": self.alice.id})
        second.action_start()
        second._mark_failed(grams_actual=50.0, failed_weight=50.0)
        # 1 rejected part and a failed plate of 4: 5 parts missing, 2 plates.
        new = order.action_plan_missing_parts()
        self.assertEqual(sorted(new.mapped("quantity_per_plate")), [1, 4])
        self.assertEqual(set(new.mapped("state")), {"queued"})
        with self.assertRaisesRegex(UserError, "on a plate already"):
            order.action_plan_missing_parts()
        # A quantity raised after confirmation.
        order.order_line.product_uom_qty = 10
        self.assertEqual(order.action_plan_missing_parts().quantity_per_plate, 2)

    def test_cancel_stops_the_jobs_not_started(self):
        order = self.make_order(lines=((None, 12),))
        order.action_confirm()
        jobs = order.print_job_ids.sorted("id")
        jobs[0].write({"machine_id": self.mk4.id, "operator_id": self.alice.id})
        jobs[0].action_start()
        order.with_context(disable_cancel_warning=True).action_cancel()
        self.assertEqual(order.state, "cancel")
        self.assertEqual(jobs[0].state, "printing")
        self.assertEqual(set(jobs[1:].mapped("state")), {"cancelled"})
        self.assertIn(jobs[0].name, order.message_ids[0].body)

    def test_traceability_from_the_lot(self):
        order = self.make_order(partner=self.hospital, kind="solidarity", lines=((None, 4),))
        order.action_confirm()
        spool = self.receive(self.pla_black)
        spool._load_on_machine(self.mk4)
        self.print_jobs(order.print_job_ids)
        lot = order.order_line.production_lot_id
        self.assertEqual(lot.sale_line_id.order_id, order)
        self.assertEqual(lot.design_version_id, self.v30)
        self.assertEqual(lot.part_machine_ids, self.mk4)
        self.assertEqual(lot.part_spool_ids, spool)
        self.assertEqual(lot.part_job_count, 1)
        action = lot.action_view_part_jobs()
        self.assertEqual(action["domain"], [("id", "in", order.print_job_ids.ids)])

    def test_staff_validate_the_delivery_button(self):
        order = self.make_order(partner=self.hospital, kind="solidarity", lines=((None, 8),))
        order.action_confirm()
        self.print_jobs(order.print_job_ids)
        picking = order.picking_ids.with_user(self.staff)
        result = picking.button_validate()
        self.assertTrue(result is True, result)
        self.assertEqual(picking.state, "done")
        self.assertEqual(order.order_line.qty_delivered, 8)
