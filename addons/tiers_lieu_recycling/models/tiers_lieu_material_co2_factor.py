from odoo import fields, models


class TiersLieuMaterialCo2Factor(models.Model):
    _inherit = "tiers_lieu.material.co2.factor"

    kind = fields.Selection(
        selection_add=[("recycled", "Recycled in the workshop (shredding, extrusion)")],
        ondelete={"recycled": "cascade"},
    )
