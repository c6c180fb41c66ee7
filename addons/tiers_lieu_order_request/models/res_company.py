from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Above this, a public request is an order to agree with staff anyway.
MAX_QUANTITY = 100_000


class ResCompany(models.Model):
    _inherit = "res.company"

    order_request_user_id = fields.Many2one(
        "res.users",
        string="Request Reviewer",
        help="Staff member who gets a to-do on each request from the public form.",
    )
    order_request_limit_per_sender = fields.Integer(
        string="Requests per Sender and Hour",
        default=3,
        help="Requests accepted from one network address within an hour.",
    )
    order_request_limit_per_hour = fields.Integer(
        string="Requests per Hour",
        default=30,
        help="Requests accepted from everybody within an hour without a check: beyond, the "
        "form asks a control question (or refuses, see Beyond the Hourly Limit).",
    )
    order_request_overflow = fields.Selection(
        [
            ("challenge", "Ask a Control Question"),
            ("recaptcha", "Google reCAPTCHA"),
            ("refuse", "Refuse until the Next Hour"),
        ],
        string="Beyond the Hourly Limit",
        required=True,
        default="challenge",
        help="When more requests than the hourly limit arrive: ask every visitor a short "
        "question the server checks (robots are slowed down, people still get through), "
        "check them with Google reCAPTCHA v3 (needs the reCAPTCHA module of the General "
        "Settings and its keys; the visitor's browser then talks to Google), or refuse "
        "everybody until the next hour.",
    )
    order_request_max_quantity = fields.Integer(
        string="Parts per Request at Most",
        default=1000,
        help="Largest quantity the public form accepts; bigger orders are agreed with staff.",
    )

    @api.constrains("order_request_overflow")
    def _check_order_request_recaptcha(self):
        if "recaptcha" in self.mapped("order_request_overflow") and not (
            self._tl_recaptcha_ready()
        ):
            raise ValidationError(
                self.env._(
                    "Google reCAPTCHA for the request form: first tick reCAPTCHA in the "
                    "General Settings and enter its site and secret keys."
                )
            )

    @api.model
    def _tl_recaptcha_ready(self):
        """Odoo's google_recaptcha is installed and has its keys (without a secret key it
        lets everybody through)."""
        params = self.env["ir.config_parameter"].sudo()
        return bool(
            hasattr(self.env["ir.http"], "_verify_recaptcha_token")
            and params.get_param("recaptcha_public_key")
            and params.get_param("recaptcha_private_key")
        )

    @api.constrains(
        "order_request_limit_per_sender",
        "order_request_limit_per_hour",
        "order_request_max_quantity",
    )
    def _check_order_request_limits(self):
        for company in self:
            if not 1 <= company.order_request_max_quantity <= MAX_QUANTITY:
                raise ValidationError(
                    self.env._(
                        "Parts per request at most: between 1 and %(max)s.", max=MAX_QUANTITY
                    )
                )
            if company.order_request_limit_per_sender < 1 or (
                company.order_request_limit_per_hour < company.order_request_limit_per_sender
            ):
                raise ValidationError(
                    self.env._(
                        "Request limits: allow at least one request per sender and hour, and "
                        "at least as many requests per hour in all (%(sender)s per sender, "
                        "%(total)s in all).",
                        sender=company.order_request_limit_per_sender,
                        total=company.order_request_limit_per_hour,
                    )
                )
