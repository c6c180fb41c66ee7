import json

from odoo import http
from odoo.tests import HttpCase, new_test_user, tagged

from .common import OrderCase


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


@tagged("post_install", "-at_install")
class TestDeliverySlipRoute(HttpCase, OrderCase):
    def test_staff_download_the_slip_others_do_not(self):
        order = self.make_order(partner=self.hospital, kind="solidarity", lines=((None, 4),))
        order.action_confirm()
        self.print_jobs(order.print_job_ids)
        picking = self.deliver(order, 4)
        url = f"/report/pdf/tiers_lieu_order.delivery_slip/{picking.id}"
        self.authenticate("tl_staff", "tl_staff")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        self.assertTrue(response.content.startswith(b"%PDF"))
        # What the web client's Print menu does (tiers_lieu's reportlab handler): a PDF named
        # after the delivery, not the HTML fallback of wkhtmltopdf-less servers.
        response = self.url_open(
            "/report/download",
            data={
                "data": json.dumps([url, "qweb-pdf"]),
                "context": "{}",
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.content.startswith(b"%PDF"))
        self.assertIn(picking.name.replace("/", "-"), response.headers["Content-Disposition"])
        new_test_user(self.env, "tl_order_outsider", groups="base.group_user")
        self.authenticate("tl_order_outsider", "tl_order_outsider")
        response = self.url_open(url)
        self.assertNotEqual(response.status_code, 200)
        self.assertFalse(response.content.startswith(b"%PDF"))
