from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import KitCase


@tagged("post_install", "-at_install")
class TestKitFlow(KitCase):
    def test_kit_order_confirmed_made_reserved_and_delivered(self):
        order = self.make_order(partner=self.hospital, kind="solidarity", lines=((self.kit, 10),))
        order.action_confirm()
        line = order.order_line
        # Printed headbands: 3 plates of 4, 4, 2; visors: 2 laser runs of 8 and 2.
        headbands = self.jobs_of(order, self.shield)
        visors = self.jobs_of(order, self.visor)
        self.assertEqual(headbands.mapped("quantity_per_plate"), [4, 4, 2])
        self.assertEqual(set(headbands.mapped("machine_kind")), {"fdm_printer"})
        self.assertEqual(visors.mapped("quantity_per_plate"), [8, 2])
        self.assertEqual(set(visors.mapped("machine_kind")), {"laser_cutter"})
        self.assertEqual(visors.supply_product_id, self.sheet)
        self.assertEqual(visors.mapped("supply_quantity"), [2.0, 0.5])
        self.assertEqual(visors.material_id, self.pet)
        self.assertEqual(sum(visors.mapped("estimated_grams")), 0)
        self.assertEqual(order.print_job_count, 5)
        self.assertEqual(set((headbands | visors).mapped("state")), {"queued"})
        # The delivery holds the components; the elastic from stock is reserved at once.
        picking = order.picking_ids
        self.assertEqual(len(picking), 1)
        moves = {move.product_id: move for move in picking.move_ids}
        self.assertEqual(set(moves), {self.shield, self.visor, self.elastic})
        self.assertEqual(moves[self.elastic].state, "assigned")
        self.assertEqual(moves[self.shield].state, "confirmed")
        self.assertEqual(line.qty_produced, 0)
        # Headbands printed: no kit yet, the visors are missing.
        self.print_jobs(headbands)
        self.assertEqual(line.qty_produced, 0)
        headband_lot = line._tl_kit_lot(self.shield)
        self.assertEqual(headband_lot.product_qty, 10)
        self.assertEqual(moves[self.shield].state, "assigned")
        # Visors cut: the sheets leave stock for the consumption location.
        self.print_jobs(visors, machine=self.laser)
        self.assertEqual(line.qty_produced, 10)
        self.assertAlmostEqual(line.production_progress, 100.0)
        self.assertAlmostEqual(self.on_hand(self.sheet), 7.5)
        self.assertAlmostEqual(self.on_hand(self.sheet, self.consumption), 2.5)
        self.assertEqual(visors.mapped("supply_quantity_actual"), [2.0, 0.5])
        self.assertEqual(picking.state, "assigned")
        # Each made component leaves under its own lot of the order line.
        for move in picking.move_ids:
            move.quantity = move.product_uom_qty
            move.picked = True
        picking._action_done()
        self.assertEqual(picking.state, "done")
        self.assertEqual(
            picking.move_line_ids.filtered(lambda ml: ml.product_id == self.shield).lot_id,
            headband_lot,
        )
        self.assertEqual(
            picking.move_line_ids.filtered(lambda ml: ml.product_id == self.visor).lot_id,
            line._tl_kit_lot(self.visor),
        )
        self.assertEqual(line.qty_delivered, 10)
        self.assertEqual(self.on_hand(self.elastic), 40)
        self.assertEqual(order.delivery_status, "full")
        # The real cost of the laser jobs counts the sheets: 2.5 × 0.80 €.
        self.assertAlmostEqual(sum(visors.mapped("real_material_cost")), 2.0)

    def test_kit_lots_numbered_after_the_order_lots(self):
        order = self.make_order(lines=((None, 4), (self.kit, 2)))
        order.action_confirm()
        lots = self.env["stock.lot"].search([("sale_line_id.order_id", "=", order.id)])
        self.assertEqual(sorted(lots.mapped("name")), [f"{order.name}-0{n}" for n in (1, 2, 3)])
        self.assertEqual(len(order.print_job_ids), 3)  # 1 plate alone, 1 plate + 1 run in kits

    def test_failed_cut_consumes_sheets_and_corrections_move_the_difference(self):
        order = self.make_order(lines=((self.visor, 8),))
        order.action_confirm()
        job = order.print_job_ids
        self.assertEqual(job.supply_quantity, 2.0)
        job.write({"machine_id": self.laser.id, "operator_id": self.alice.id})
        job.action_start()
        job.supply_quantity_actual = 2.5
        job._mark_failed()
        self.assertEqual(job.state, "failed")
        self.assertAlmostEqual(self.on_hand(self.sheet), 7.5)
        job.supply_quantity_actual = 3.0
        self.assertAlmostEqual(self.on_hand(self.sheet), 7.0)
        self.assertAlmostEqual(self.on_hand(self.sheet, self.consumption), 3.0)
        self.assertEqual(order.order_line.qty_produced, 0)

    def test_sewing_job_consumes_fabric_by_the_metre(self):
        order = self.make_order(partner=self.school, kind="solidarity", lines=((self.mask, 10),))
        order.action_confirm()
        job = order.print_job_ids
        self.assertEqual(job.machine_kind, "sewing_machine")
        self.assertAlmostEqual(job.supply_quantity, 3.0)
        self.assertEqual(job.supply_uom_id, self.env.ref("uom.product_uom_meter"))
        self.print_jobs(job, machine=self.sewing)
        self.assertAlmostEqual(self.on_hand(self.fabric), 2.0)
        self.assertEqual(order.order_line.qty_produced, 10)
        self.deliver(order, 10)
        self.assertEqual(order.order_line.qty_delivered, 10)

    def test_kit_with_a_component_not_ready_is_refused(self):
        tmpl = self.env["product.template"].create(
            {"name": "Chin strap", "is_printable_part": True}
        )
        self.bom.bom_line_ids = [
            (0, 0, {"product_id": tmpl.product_variant_id.id, "product_qty": 1})
        ]
        order = self.make_order(lines=((self.kit, 2),))
        with self.assertRaisesRegex(UserError, "Chin strap.*has no validated design version"):
            order.action_confirm()
        self.assertFalse(order.print_job_ids)

    def test_kit_needing_half_parts_is_refused(self):
        self.bom.bom_line_ids.filtered(lambda bl: bl.product_id == self.visor).product_qty = 0.5
        order = self.make_order(lines=((self.kit, 3),))
        with self.assertRaisesRegex(UserError, "takes 1.5 × PET visor"):
            order.action_confirm()
        order = self.make_order(lines=((self.kit, 4),))
        order.action_confirm()
        self.assertEqual(sum(self.jobs_of(order, self.visor).mapped("quantity_per_plate")), 2)

    def test_laser_version_needs_its_sheet(self):
        version = self.make_version(
            self.visor_tmpl, "v2", machine_kind="laser_cutter", material_id=False
        )
        with self.assertRaisesRegex(ValidationError, "no material; no sheet or fabric"):
            version.action_validate()
        version.write(
            {
                "material_id": self.pet.id,
                "supply_product_id": self.sheet.id,
                "supply_qty_per_part": 0.2,
            }
        )
        version.action_validate()
        with self.assertRaisesRegex(UserError, "cannot change"):
            version.supply_qty_per_part = 0.1
        # The cost of a visor counts its quarter of sheet.
        cost = self.visor_v1._unit_cost(self.company)
        self.assertAlmostEqual(cost["material"], 0.2)
