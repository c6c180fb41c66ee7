import re
from datetime import timedelta

from odoo.exceptions import ValidationError
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


@tagged("post_install", "-at_install")
class TestRequestHttpAbuse(RequestCase, HttpCase):
    """The form as an attacker or a careless visitor uses it (issue 11)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {"order_request_limit_per_sender": 10, "order_request_limit_per_hour": 20}
        )
        cls.env.ref("base.partner_admin").email = "admin@tiers-lieu.example"

    def requests(self):
        return self.env["sale.order"].search([("request_channel", "=", "web")])

    def token(self):
        page = self.url_open(URL).text
        return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)

    def send(self, data, headers=None):
        data = dict(data, csrf_token=self.token())
        return self.url_open(URL, data=data, headers=headers, allow_redirects=False)

    # -- partner lookup: exact identifiers only (point 3) -----------------------------

    def test_a_wildcard_email_reaches_nobody(self):
        admin = self.env.ref("base.partner_admin")
        for email in ("%@%", "_@_._", admin.email.upper()):
            with self.subTest(email=email):
                response = self.send(
                    self.post(beneficiary_type="individual", organisation="", email=email)
                )
                self.assertEqual(response.status_code, 200)
                order = self.requests()[:1]
                self.assertNotEqual(order.partner_id, admin)
                self.assertFalse(order.partner_id.user_ids)
                self.assertFalse(admin.sale_order_ids)
                order.unlink()

    def test_a_wildcard_organisation_joins_no_company(self):
        Partner = self.env["res.partner"]
        companies = Partner.search([("is_company", "=", True)])
        contacts_before = Partner.search_count([("parent_id", "in", companies.ids)])
        for name in ("%", "_", "CH Sud Francilien", "ch sud francilien"):
            with self.subTest(organisation=name):
                response = self.send(self.post(organisation=name, reference=None))
                self.assertEqual(response.status_code, 200)
        self.assertEqual(
            Partner.search_count([("parent_id", "in", companies.ids)]), contacts_before
        )
        new_companies = self.requests().partner_id.parent_id
        self.assertEqual(len(new_companies), 4)
        self.assertFalse(new_companies & companies)
        self.assertTrue(all(new_companies.mapped("request_to_check")))

    def test_an_exact_siret_adds_a_new_contact_for_staff_to_check(self):
        self.hospital.siret = "73282932000074"
        known = self.env["res.partner"].create(
            {
                "name": "Direction CHSF",
                "parent_id": self.hospital.id,
                "email": "direction@chsf.example",
            }
        )
        response = self.send(self.post(siret="732 829 320 00074", email="Direction@CHSF.example"))
        self.assertEqual(response.status_code, 200)
        order = self.requests()
        self.assertEqual(order.partner_id.parent_id, self.hospital)
        self.assertNotEqual(order.partner_id, known)
        self.assertTrue(order.partner_id.request_to_check)
        self.assertTrue(order.request_partner_to_check)
        self.assertEqual(known.name, "Direction CHSF")
        order.with_user(self.reviewer).action_accept_request()
        self.assertFalse(order.partner_id.request_to_check)

    # -- rate limit (point 4) ----------------------------------------------------------

    def test_a_forged_forwarded_for_is_the_same_sender(self):
        self.company.order_request_limit_per_sender = 1
        first = self.send(self.post(), headers={"X-Forwarded-For": "198.51.100.1"})
        self.assertEqual(first.status_code, 200)
        second = self.send(
            self.post(reference="BC-2"),
            headers={"X-Forwarded-For": "198.51.100.2", "X-Forwarded-Host": "evil.example"},
        )
        self.assertEqual(second.status_code, 429)
        self.assertEqual(len(self.requests()), 1)

    def fill_the_hour(self):
        """Everybody's requests of this hour reach the limit (from other addresses)."""
        self.env.cr.execute(
            """
            INSERT INTO tiers_lieu_order_request_counter (company_id, key, window_start, count)
            VALUES (%s, 'all', date_trunc('hour', now() AT TIME ZONE 'UTC'), %s)
            ON CONFLICT (company_id, key, window_start) DO UPDATE SET count = EXCLUDED.count
            """,
            [self.company.id, self.company.order_request_limit_per_hour],
        )

    def question(self, response):
        label = re.search(r'<label[^>]*for="challenge_answer"[^>]*>([^<]*)<', response.text)
        token = re.search(r'name="challenge_token" value="([^"]+)"', response.text)
        self.assertTrue(label and token, "the form asks no control question")
        words = {"un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5}
        words.update({"six": 6, "sept": 7, "huit": 8, "neuf": 9})
        first, second = re.search(r"(\w+) plus (\d+)", label.group(1)).groups()
        return token.group(1), words[first] + int(second)

    def test_a_busy_hour_asks_a_question_instead_of_locking_out(self):
        self.fill_the_hour()
        asked = self.send(self.post())
        self.assertEqual(asked.status_code, 429)
        self.assertIn('value="CHU de Bordeaux"', asked.text)
        self.assertFalse(self.requests())
        token, answer = self.question(asked)
        wrong = self.send(self.post(challenge_token=token, challenge_answer=str(answer + 1)))
        self.assertEqual(wrong.status_code, 429)
        self.assertFalse(self.requests())
        # One answer per question: trying every sum on one question does not work.
        late = self.send(self.post(challenge_token=token, challenge_answer=str(answer)))
        self.assertEqual(late.status_code, 429)
        self.assertFalse(self.requests())
        token, answer = self.question(late)
        right = self.send(self.post(challenge_token=token, challenge_answer=str(answer)))
        self.assertEqual(right.status_code, 200)
        self.assertEqual(len(self.requests()), 1)
        replayed = self.send(
            self.post(reference="BC-2", challenge_token=token, challenge_answer=str(answer))
        )
        self.assertEqual(replayed.status_code, 429)
        self.assertEqual(len(self.requests()), 1)

    def test_a_busy_hour_may_refuse_instead(self):
        self.company.order_request_overflow = "refuse"
        self.fill_the_hour()
        response = self.send(self.post())
        self.assertEqual(response.status_code, 429)
        self.assertNotIn("challenge_token", response.text)
        self.assertIn("dans une heure", response.text)
        self.assertFalse(self.requests())

    def test_the_limit_per_sender_holds_even_with_an_answer(self):
        self.company.order_request_limit_per_sender = 1
        self.assertEqual(self.send(self.post()).status_code, 200)
        self.fill_the_hour()
        token, answer = self.question(self.send(self.post()))
        response = self.send(self.post(challenge_token=token, challenge_answer=str(answer)))
        self.assertEqual(response.status_code, 429)
        self.assertEqual(len(self.requests()), 1)

    # -- crashes and absurd values -----------------------------------------------------

    def test_odd_characters_give_the_form_back(self):
        cases = {"quantity": "²", "part_id": "¹"}
        for field in ("organisation", "contact_name", "email", "phone", "siret", "message"):
            cases[field] = "Ab\x00cd"
        cases["date_needed"] = "2026\x00-12-31"
        cases["reference"] = "BC\x01\x1f"
        for field, value in cases.items():
            with self.subTest(field=field):
                response = self.send(self.post(**{field: value}))
                self.assertEqual(response.status_code, 422)
                self.assertIn(f'id="error_{field}"', response.text)
                self.assertNotIn("\x00", response.text)
        self.assertFalse(self.requests())

    def test_huge_fields_are_echoed_only_as_long_as_allowed(self):
        page = len(self.url_open(URL).content)
        for field in ("organisation", "siret", "email", "quantity", "date_needed", "message"):
            with self.subTest(field=field):
                response = self.send(self.post(**{field: "7" * 1_000_000}))
                self.assertEqual(response.status_code, 422)
                self.assertIn(f'id="error_{field}"', response.text)
                self.assertLess(len(response.content), page + 8_000)
        self.assertFalse(self.requests())

    def test_a_public_request_asks_for_a_bounded_quantity(self):
        response = self.send(self.post(quantity="100000"))
        self.assertEqual(response.status_code, 422)
        self.assertIn("au plus 1\N{NARROW NO-BREAK SPACE}000 pièces", response.text)
        self.assertFalse(self.requests())
        self.company.order_request_max_quantity = 120
        self.assertEqual(self.send(self.post(quantity="121")).status_code, 422)
        self.assertEqual(self.send(self.post(quantity="120")).status_code, 200)

    def test_a_busy_hour_may_ask_google_recaptcha_instead(self):
        params = self.env["ir.config_parameter"]
        if not hasattr(self.env["ir.http"], "_verify_recaptcha_token"):
            # Odoo's google_recaptcha (General Settings › reCAPTCHA) is not installed here:
            # the option cannot be chosen, the question stays.
            with self.assertRaises(ValidationError):
                self.company.order_request_overflow = "recaptcha"
            self.fill_the_hour()
            self.assertIn("challenge_token", self.send(self.post()).text)
            return
        params.set_param("recaptcha_public_key", "site-key-test")
        params.set_param("recaptcha_private_key", "secret-key-test")
        self.company.order_request_overflow = "recaptcha"
        self.fill_the_hour()
        asked = self.send(self.post())
        self.assertEqual(asked.status_code, 429)
        self.assertIn('data-site-key="site-key-test"', asked.text)
        self.assertNotIn("challenge_token", asked.text)
        # No token, no request (and no call to Google).
        again = self.send(self.post(recaptcha_token_response=""))
        self.assertEqual(again.status_code, 429)
        self.assertFalse(self.requests())
        # Without its secret key, reCAPTCHA lets everybody in: the question comes back.
        params.set_param("recaptcha_private_key", False)
        self.assertIn("challenge_token", self.send(self.post()).text)
