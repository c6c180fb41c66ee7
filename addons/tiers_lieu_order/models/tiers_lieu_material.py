from odoo import fields, models


class TiersLieuMaterial(models.Model):
    _inherit = "tiers_lieu.material"

    order_cost_per_kg = fields.Float(
        string="Cost per kg",
        company_dependent=True,
        digits="Product Price",
        help="Price of one kilogram of this material in the cost model of the company's "
        "orders (quotes and real cost).",
    )
