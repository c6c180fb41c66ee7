from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    order_material_cost_basis = fields.Selection(
        related="company_id.order_material_cost_basis", readonly=False
    )
    order_machine_hour_cost = fields.Monetary(
        related="company_id.order_machine_hour_cost", readonly=False
    )
    order_labour_hour_cost = fields.Monetary(
        related="company_id.order_labour_hour_cost", readonly=False
    )
    order_margin_percent = fields.Float(related="company_id.order_margin_percent", readonly=False)
