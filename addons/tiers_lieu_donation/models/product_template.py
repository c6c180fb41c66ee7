from odoo import api, fields, models
from odoo.exceptions import ValidationError

# What a donation line is, for receipts and accounting.
DONATION_NATURES = [
    ("cash", "Gift in Cash"),
    ("goods", "Gift in Kind: Goods"),
    ("service", "Gift in Kind: Service"),
    ("staff", "Gift in Kind: Staff Made Available"),
    ("expense_waiver", "Volunteer Expense Waiver"),
    ("subsidy", "Public Subsidy"),
]
IN_KIND_NATURES = ("goods", "service", "staff")
# OCA's donation_type each nature requires: only cash and subsidies are money received.
NATURE_DONATION_TYPE = {
    "cash": "donation",
    "subsidy": "donation",
    "goods": "donation_in_kind",
    "service": "donation_in_kind",
    "staff": "donation_in_kind",
    "expense_waiver": "donation_in_kind",
}


class ProductTemplate(models.Model):
    _inherit = "product.template"

    donation_nature = fields.Selection(
        DONATION_NATURES,
        compute="_compute_donation_nature",
        store=True,
        readonly=False,
        help="Refines the donation type: decides the receipt boxes, the accounts and the "
        "checks made before validation. Public subsidies never get a tax receipt.",
    )

    @api.depends("donation_type")
    def _compute_donation_nature(self):
        for product in self:
            if not product.donation_type:
                product.donation_nature = False
            elif NATURE_DONATION_TYPE.get(product.donation_nature) != product.donation_type:
                product.donation_nature = "cash" if product.donation_type == "donation" else "goods"

    @api.onchange("donation_nature")
    def _onchange_donation_nature(self):
        for product in self.filtered("donation_nature"):
            product.donation_type = NATURE_DONATION_TYPE[product.donation_nature]
            if product.donation_nature == "subsidy":
                product.tax_receipt_ok = False

    @api.constrains("donation_nature", "donation_type", "tax_receipt_ok")
    def _check_donation_nature(self):
        for product in self.filtered("donation_nature"):
            if NATURE_DONATION_TYPE[product.donation_nature] != product.donation_type:
                raise ValidationError(
                    self.env._(
                        "Product %(product)s: a donation of this nature must have the "
                        "donation type “%(type)s”.",
                        product=product.display_name,
                        type=dict(self._fields["donation_type"]._description_selection(self.env))[
                            NATURE_DONATION_TYPE[product.donation_nature]
                        ],
                    )
                )
            if product.donation_nature == "subsidy" and product.tax_receipt_ok:
                raise ValidationError(
                    self.env._(
                        "Product %(product)s: a public subsidy is not a gift and is never "
                        "eligible for a tax receipt.",
                        product=product.display_name,
                    )
                )
