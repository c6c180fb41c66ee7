from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    order_request_user_id = fields.Many2one(
        related="company_id.order_request_user_id", readonly=False
    )
    order_request_limit_per_sender = fields.Integer(
        related="company_id.order_request_limit_per_sender", readonly=False
    )
    order_request_limit_per_hour = fields.Integer(
        related="company_id.order_request_limit_per_hour", readonly=False
    )
    order_request_overflow = fields.Selection(
        related="company_id.order_request_overflow", readonly=False
    )
    order_request_max_quantity = fields.Integer(
        related="company_id.order_request_max_quantity", readonly=False
    )
