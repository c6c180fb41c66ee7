from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    machine_authorization_from_skill = fields.Selection(
        related="company_id.machine_authorization_from_skill", readonly=False
    )
    machine_authorization_renewal_days = fields.Integer(
        related="company_id.machine_authorization_renewal_days", readonly=False
    )
