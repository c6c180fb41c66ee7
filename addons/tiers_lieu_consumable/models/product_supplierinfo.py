from odoo import fields, models


class ProductSupplierinfo(models.Model):
    _inherit = "product.supplierinfo"

    spool_tare_grams = fields.Float(
        string="Empty Spool (g)",
        digits=(16, 0),
        help="Weight of this vendor's empty spool: a weighing subtracts it from the gross "
        "weight to find the filament left.",
    )

    _sql_constraints = [
        (
            "spool_tare_not_negative",
            "CHECK(spool_tare_grams >= 0)",
            "The weight of an empty spool cannot be negative.",
        ),
    ]
