from odoo import api, fields, models
from odoo.exceptions import ValidationError


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
        help="Requests accepted from everybody within an hour: beyond, the form asks to "
        "try again later.",
    )

    @api.constrains("order_request_limit_per_sender", "order_request_limit_per_hour")
    def _check_order_request_limits(self):
        for company in self:
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
