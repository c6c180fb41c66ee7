from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    request_to_check = fields.Boolean(
        string="To Check (Web Request)",
        readonly=True,
        copy=False,
        help="Created by the public request form from what a visitor typed: check that this "
        "person belongs to the organisation before accepting the request.",
    )
