from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    machine_authorization_validity_months = fields.Integer(
        related="company_id.machine_authorization_validity_months", readonly=False
    )
    machine_authorization_lapse_months = fields.Integer(
        related="company_id.machine_authorization_lapse_months", readonly=False
    )
