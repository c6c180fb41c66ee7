import re
from datetime import timedelta

from odoo.tests import HttpCase, tagged

from .common import RequestCase

URL = "/tiers-lieu/demande"


@tagged("post_install", "-at_install")
class TestRequestHttp(RequestCase, HttpCase):
    def requests(self):
        return self.env["sale.order"].search([("request_channel", "=", "web")])

    def form(self):
        response = self.url_open(URL)
        self.assertEqual(response.status_code, 200)
        return response

    def send(self, data, with_token=True):
        if with_token:
            token = re.search(r'name="csrf_token" value="([^"]+)"', self.form().text).group(1)
            data = dict(data, csrf_token=token)
        return self.url_open(URL, data=data, allow_redirects=False)

    def test_form_is_in_french_and_lists_offered_parts_only(self):
        page = self.form().text
        self.assertIn("Demander des pièces", page)
        self.assertIn("Face shield headband", page)
        self.assertNotIn("Prototype bracket", page)
        self.assertIn('value="hospital"', page)
        self.assertNotIn(self.customer.name, page)

    def test_valid_request_lands_as_a_quotation(self):
        response = self.send(self.post())
        self.assertEqual(response.status_code, 200)
        order = self.requests()
        self.assertEqual(len(order), 1)
        self.assertIn(order.name, response.text)
        self.assertEqual(order.partner_id.parent_id.name, "CHU de Bordeaux")
        self.assertEqual(order.order_line.product_uom_qty, 60)
        self.assertTrue(self.mails_to(order.partner_id))

    def test_bad_input_shows_the_errors_and_keeps_what_was_typed(self):
        response = self.send(self.post(quantity="-5", email="ines.pharma"))
        self.assertEqual(response.status_code, 422)
        self.assertFalse(self.requests())
        page = response.text
        self.assertIn('id="error_quantity"', page)
        self.assertIn('id="error_email"', page)
        self.assertIn('value="CHU de Bordeaux"', page)
        self.assertIn("Pour le service de réanimation.", page)

    def test_a_post_without_csrf_token_is_refused(self):
        response = self.send(self.post(), with_token=False)
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self.requests())

    def test_robots_filling_the_hidden_field_are_refused(self):
        response = self.send(self.post(website_url="http://spam.example"))
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self.requests())

    def test_too_many_requests_are_refused_with_429(self):
        self.company.write({"order_request_limit_per_sender": 1})
        self.assertEqual(self.send(self.post()).status_code, 200)
        response = self.send(self.post(reference="BC-2"))
        self.assertEqual(response.status_code, 429)
        self.assertEqual(len(self.requests()), 1)
        self.assertIn('value="BC-2"', response.text)

    def test_public_form_then_staff_accepts_in_the_ui(self):
        self.start_tour(URL, "tiers_lieu_order_request_public")
        order = self.requests()
        self.assertEqual(order.partner_id.parent_id.name, "Collège Jean Moulin")
        self.assertEqual(order.partner_id.parent_id.beneficiary_type, "school")
        self.assertEqual(order.order_line.product_uom_qty, 40)
        self.assertEqual(order.commitment_date.date(), self.today + timedelta(days=7))
        self.start_tour(
            "/odoo/action-tiers_lieu_order_request.sale_order_action_requests",
            "tiers_lieu_order_request_review",
            login="admin",
        )
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.request_state, "accepted")
        self.assertEqual(len(order.print_job_ids), 10)
