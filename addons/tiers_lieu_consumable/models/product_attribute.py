from odoo import fields, models

FILAMENT_ROLES = [
    ("color", "Filament colour"),
    ("diameter", "Filament diameter (mm)"),
    ("net_weight", "Net weight of a spool (g)"),
]


class ProductAttribute(models.Model):
    _inherit = "product.attribute"

    filament_role = fields.Selection(
        FILAMENT_ROLES,
        index=True,
        help="What this attribute means for filament products: the spools read their "
        "colour, diameter and net weight from it. Diameter and weight values carry a "
        "number.",
    )
