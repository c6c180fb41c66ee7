from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    offcut_material_id = fields.Many2one(
        "tiers_lieu.material",
        string="Offcuts of Material",
        index="btree_not_null",
        readonly=True,
        help="Set on the product counting the weighed offcuts of a material, in grams.",
    )
