from odoo import api, fields, models


class ProductProduct(models.Model):
    _inherit = "product.product"

    filament_color_id = fields.Many2one(
        "product.attribute.value",
        string="Colour",
        compute="_compute_filament_attributes",
        store=True,
        index="btree_not_null",
    )
    filament_diameter_mm = fields.Float(
        string="Diameter (mm)",
        digits=(4, 2),
        compute="_compute_filament_attributes",
        store=True,
    )
    filament_net_grams = fields.Float(
        string="Net Weight (g)",
        digits=(16, 0),
        compute="_compute_filament_attributes",
        store=True,
    )

    @api.depends(
        "product_template_attribute_value_ids.product_attribute_value_id.numeric_value",
        "product_template_attribute_value_ids.attribute_id.filament_role",
        "product_tmpl_id.material_id.filament_diameter_mm",
        "product_tmpl_id.spool_net_grams",
    )
    def _compute_filament_attributes(self):
        for product in self:
            by_role = {
                ptav.attribute_id.filament_role: ptav.product_attribute_value_id
                for ptav in product.product_template_attribute_value_ids
                if ptav.attribute_id.filament_role
            }
            material = product.product_tmpl_id.material_id
            product.filament_color_id = by_role.get("color", False)
            diameter = by_role.get("diameter")
            product.filament_diameter_mm = (
                (diameter.numeric_value if diameter else material.filament_diameter_mm)
                if material
                else 0.0
            )
            weight = by_role.get("net_weight")
            product.filament_net_grams = (
                weight.numeric_value if weight else product.product_tmpl_id.spool_net_grams
            )

    @api.model_create_multi
    def create(self, vals_list):
        # Variant defaults (unit, no tracking) would otherwise reach the template first.
        defaults = None
        for vals in vals_list:
            if vals.get("material_id"):
                defaults = defaults or self.env["product.template"]._filament_defaults()
                for key, value in defaults.items():
                    vals.setdefault(key, value)
        return super().create(vals_list)

    def _filament_seller(self, partner=None):
        """The vendor line of this filament product for ``partner`` (else the first)."""
        self.ensure_one()
        sellers = self.seller_ids.filtered(
            lambda s: not s.product_id or s.product_id == self
        ).sorted(lambda s: (s.sequence, s.id))
        if partner:
            own = sellers.filtered(lambda s: s.partner_id == partner.commercial_partner_id)
            sellers = own or sellers
        return sellers[:1]
