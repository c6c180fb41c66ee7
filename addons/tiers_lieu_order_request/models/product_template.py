from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ProductTemplate(models.Model):
    _inherit = "product.template"

    offered_on_request = fields.Boolean(
        index=True,
        help="Listed on the public request form, where beneficiaries ask for parts.",
    )

    @api.constrains("offered_on_request", "is_printable_part", "sale_ok")
    def _check_offered_on_request(self):
        for template in self.filtered("offered_on_request"):
            if not (template.is_printable_part and template.sale_ok):
                raise ValidationError(
                    self.env._(
                        "“%(product)s” cannot be offered on the request form: only a "
                        "printable part that can be sold (or given) can be requested.",
                        product=template.display_name,
                    )
                )
