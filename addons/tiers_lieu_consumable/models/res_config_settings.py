from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    filament_responsible_id = fields.Many2one(
        related="company_id.filament_responsible_id", readonly=False
    )
