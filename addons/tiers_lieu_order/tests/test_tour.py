from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestOrderTour(HttpCase):
    def test_quotation_to_delivery(self):
        user = new_test_user(self.env, "tl_tour_order", groups="tiers_lieu.group_staff")
        pla = self.env["tiers_lieu.material"].create({"name": "Tour PLA", "family": "pla"})
        template = self.env["product.template"].create(
            {"name": "Tour shield", "is_printable_part": True}
        )
        version = self.env["tiers_lieu.design.version"].create(
            {
                "product_tmpl_id": template.id,
                "name": "v30",
                "material_id": pla.id,
                "grams_per_part": 25.0,
                "parts_per_plate": 4,
                "print_minutes_per_plate": 120.0,
            }
        )
        version.action_validate()
        hospital = self.env["res.partner"].create(
            {"name": "Tour Hospital", "is_company": True, "beneficiary_type": "hospital"}
        )
        machine = self.env["maintenance.equipment"].create(
            {"name": "Tour MK4", "machine_kind": "fdm_printer", "material_ids": [(6, 0, pla.ids)]}
        )
        self.env["tiers_lieu.machine.authorization"].create(
            {"partner_id": user.partner_id.id, "machine_kind": "fdm_printer"}
        )
        self.start_tour("/odoo", "tiers_lieu_order_quotation", login="tl_tour_order")
        order = self.env["sale.order"].search([("partner_id", "=", hospital.id)])
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.order_kind, "solidarity")
        self.assertEqual(order.amount_total, 0.0)
        jobs = order.print_job_ids
        self.assertEqual(len(jobs), 2)
        for job in jobs:
            job.write({"machine_id": machine.id, "operator_id": user.partner_id.id})
            job.action_start()
            job.action_done()
        self.assertEqual(order.parts_produced, 8)
        self.start_tour(
            f"/odoo/action-sale.action_orders/{order.id}",
            "tiers_lieu_order_delivery",
            login="tl_tour_order",
        )
        self.assertEqual(order.order_line.qty_delivered, 8)
        self.assertEqual(order.invoice_status, "no")
