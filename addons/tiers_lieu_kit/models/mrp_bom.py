from collections import defaultdict

from odoo import api, models


class MrpBom(models.Model):
    _inherit = "mrp.bom"

    @api.model
    def _tl_kit_of(self, product, company):
        """The kit bill of materials (type *kit*) of ``product``, or an empty recordset."""
        if not product:
            return self.browse()
        return self.sudo()._bom_find(product, bom_type="phantom", company_id=company.id)[product]

    def _tl_components(self, product, quantity):
        """{component product: quantity in its unit} of ``quantity`` kits of ``product``
        (nested kits exploded)."""
        self.ensure_one()
        _boms, lines = self.explode(product, quantity)
        components = defaultdict(float)
        for bom_line, data in lines:
            component = bom_line.product_id
            components[component] += bom_line.product_uom_id._compute_quantity(
                data["qty"], component.uom_id
            )
        return components
