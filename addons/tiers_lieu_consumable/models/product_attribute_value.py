from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ProductAttributeValue(models.Model):
    _inherit = "product.attribute.value"

    numeric_value = fields.Float(
        string="Number",
        digits=(16, 2),
        help="For filament diameters (mm) and spool net weights (g): the value as a number.",
    )
    filament_role = fields.Selection(related="attribute_id.filament_role")

    @api.constrains("numeric_value", "attribute_id")
    def _check_numeric_value(self):
        for value in self:
            role = value.attribute_id.filament_role
            if role in ("diameter", "net_weight") and value.numeric_value <= 0:
                raise ValidationError(
                    self.env._(
                        "The value %(value)s of %(attribute)s needs a positive number "
                        "(millimetres for a diameter, grams for a net weight).",
                        value=value.name,
                        attribute=value.attribute_id.name,
                    )
                )
