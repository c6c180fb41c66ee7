from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ProductTemplate(models.Model):
    _inherit = "product.template"

    tl_membership_kind = fields.Selection(
        [
            ("individual", "Individual"),
            ("reduced", "Reduced Rate"),
            ("organisation", "Organisation"),
        ],
        string="Membership Kind",
        help="Kind of member this yearly due is for; its income account is 756 Cotisations.",
    )

    @api.constrains("tl_membership_kind", "membership")
    def _check_tl_membership_kind(self):
        for product in self:
            if product.tl_membership_kind and not product.membership:
                raise ValidationError(
                    self.env._(
                        "%(product)s has a membership kind but is not a membership product.",
                        product=product.display_name,
                    )
                )
