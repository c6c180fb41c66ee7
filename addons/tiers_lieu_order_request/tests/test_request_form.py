from datetime import timedelta

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from ..models.sale_order import RequestChallengeRequired, RequestRateExceeded
from .common import RequestCase


@tagged("post_install", "-at_install")
class TestRequestForm(RequestCase):
    def errors(self, **overrides):
        return self.env["sale.order"]._tl_parse_request(self.post(**overrides))[1]

    def test_a_complete_request_is_clean(self):
        clean, errors = self.env["sale.order"]._tl_parse_request(
            self.post(siret="732 829 320 00074", organisation="  CHU   de Bordeaux ")
        )
        self.assertEqual(errors, {})
        self.assertEqual(clean["part"], self.shield_tmpl)
        self.assertEqual(clean["quantity"], 60)
        self.assertEqual(clean["siret"], "73282932000074")
        self.assertEqual(clean["organisation"], "CHU de Bordeaux")
        self.assertEqual(clean["date_needed"], self.today + timedelta(days=10))
        self.assertTrue(clean["urgent"])

    def test_bad_input_is_named_field_by_field(self):
        cases = {
            "beneficiary_type": ({"beneficiary_type": "martian"}, "from the list"),
            "organisation": ({"organisation": "  "}, "required"),
            "contact_name": ({"contact_name": "x" * 129}, "too long"),
            "email": ({"email": "ines at chu"}, "valid e-mail"),
            "siret": ({"siret": "732 829 320 00075"}, "not valid"),
            "part_id": ({"part_id": str(self.hidden_tmpl.id)}, "from the list"),
            "message": ({"message": "x" * 2001}, "too long"),
        }
        for field, (overrides, expected) in cases.items():
            with self.subTest(field=field):
                errors = self.errors(**overrides)
                self.assertEqual(list(errors), [field])
                self.assertIn(expected, errors[field])

    def test_quantity_is_a_whole_positive_number(self):
        for quantity in ("0", "-3", "2.5", "douze", "", "²", "١٢", "9" * 5000):
            with self.subTest(quantity=quantity):
                self.assertIn("whole number", self.errors(quantity=quantity)["quantity"])
        most = "at most 1\N{NARROW NO-BREAK SPACE}000"
        self.assertIn(most, self.errors(quantity="1001")["quantity"])
        self.assertFalse(self.errors(quantity="1000"))

    def test_need_date_is_ahead_and_within_a_year(self):
        cases = {
            (self.today - timedelta(days=1)).isoformat(): "already past",
            (self.today + timedelta(days=400)).isoformat(): "within a year",
            "31/12/2026": "Enter the date",
            "": "Enter the date",
        }
        for value, expected in cases.items():
            with self.subTest(date=value):
                self.assertIn(expected, self.errors(date_needed=value)["date_needed"])
        self.assertFalse(self.errors(date_needed=self.today.isoformat()))

    def test_an_individual_needs_no_organisation(self):
        self.assertFalse(self.errors(beneficiary_type="individual", organisation=""))

    def test_archived_or_unsellable_parts_are_not_offered(self):
        self.assertIn(self.shield_tmpl, self.env["sale.order"]._tl_request_parts())
        self.shield_tmpl.active = False
        self.assertNotIn(self.shield_tmpl, self.env["sale.order"]._tl_request_parts())
        self.assertIn("part_id", self.errors())

    def test_only_printable_parts_can_be_offered(self):
        with self.assertRaises(ValidationError) as caught:
            self.service.product_tmpl_id.offered_on_request = True
        self.assertIn("only a printable part", str(caught.exception))

    def test_rate_is_limited_per_sender_then_in_all(self):
        self.company.write({"order_request_limit_per_sender": 2, "order_request_limit_per_hour": 3})
        self.submit(sender="198.51.100.1")
        self.submit(sender="198.51.100.1")
        Order = self.env["sale.order"]
        with self.assertRaises(RequestRateExceeded) as caught:
            Order._tl_check_request_rate(Order._tl_request_sender_key("198.51.100.1"))
        self.assertIn("already sent 2 requests", str(caught.exception))
        self.submit(sender="198.51.100.2")
        # Beyond the limit in all, a control question rather than a refusal.
        with self.assertRaises(RequestChallengeRequired) as caught:
            Order._tl_check_request_rate(Order._tl_request_sender_key("198.51.100.3"))
        self.assertIn("answer the question", str(caught.exception))
        challenge = Order._tl_request_challenge()
        self.assertFalse(Order._tl_check_request_challenge(challenge["token"], "99"))
        self.assertFalse(Order._tl_check_request_challenge(challenge["token"] + "0", "2"))
        self.assertFalse(Order._tl_check_request_challenge("1.2", "2"))
        self.assertFalse(Order._tl_check_request_challenge("9999999999.ab.cd.ef", "2"))

    def test_the_sender_key_does_not_reveal_the_address(self):
        Order = self.env["sale.order"]
        key = Order._tl_request_sender_key("203.0.113.7")
        self.assertNotIn("203", key)
        self.assertEqual(key, Order._tl_request_sender_key("203.0.113.7"))
        self.assertNotEqual(key, Order._tl_request_sender_key("203.0.113.8"))

    def test_google_recaptcha_needs_its_module_and_keys(self):
        params = self.env["ir.config_parameter"]
        params.set_param("recaptcha_public_key", False)
        with self.assertRaises(ValidationError) as caught:
            self.company.order_request_overflow = "recaptcha"
        self.assertIn("reCAPTCHA", str(caught.exception))
        self.assertEqual(self.env["sale.order"]._tl_request_challenge_kind(), "question")

    def test_limits_must_let_requests_in(self):
        for values in (
            {"order_request_limit_per_sender": 0},
            {"order_request_limit_per_sender": 5, "order_request_limit_per_hour": 4},
        ):
            with self.subTest(values=values), self.assertRaises(ValidationError):
                self.company.write(values)
