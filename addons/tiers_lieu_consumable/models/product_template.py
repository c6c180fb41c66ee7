from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ProductTemplate(models.Model):
    _inherit = "product.template"

    material_id = fields.Many2one(
        "tiers_lieu.material",
        string="Filament Material",
        index="btree_not_null",
        check_company=True,
        help="Set on filament products: their lots are spools, counted in grams.",
    )
    spool_net_grams = fields.Float(
        string="Net Weight of a Spool (g)",
        digits=(16, 0),
        help="Filament on a full spool, for products without a net weight variant.",
    )

    @api.constrains("material_id", "tracking", "uom_id", "is_storable")
    def _check_filament_product(self):
        gram = self.env.ref("uom.product_uom_gram")
        for template in self.filtered("material_id"):
            if not template.is_storable or template.tracking != "lot" or template.uom_id != gram:
                raise ValidationError(
                    self.env._(
                        "The filament product %(product)s must be tracked in inventory by "
                        "lots (one lot per spool) and counted in grams (g).",
                        product=template.display_name,
                    )
                )

    @api.onchange("material_id")
    def _onchange_material_id(self):
        if self.material_id:
            self.update(self._filament_defaults())

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("material_id"):
                for key, value in self._filament_defaults().items():
                    vals.setdefault(key, value)
        return super().create(vals_list)

    def _filament_variant(self, *values):
        """The variant of this filament product that has all the attribute ``values``
        (product.attribute.value records, e.g. a colour and a net weight), or an empty
        recordset."""
        self.ensure_one()
        wanted = self.env["product.attribute.value"].union(*values)
        return self.product_variant_ids.filtered(
            lambda p: wanted <= p.product_template_attribute_value_ids.product_attribute_value_id
        )[:1]

    @api.model
    def _filament_defaults(self):
        """Values that make a product a filament: storable, one lot per spool, grams,
        bought by the kilogram, valued per spool."""
        vals = {
            "type": "consu",
            "is_storable": True,
            "tracking": "lot",
            "uom_id": self.env.ref("uom.product_uom_gram").id,
            "uom_po_id": self.env.ref("uom.product_uom_kgm").id,
            "lot_valuated": True,
        }
        category = self.env.ref("tiers_lieu_consumable.product_category_filament", False)
        if category:
            vals["categ_id"] = category.id
        return vals
