from odoo import fields, models

from .account_payment_method_line import DONATION_PAYMENT_MODES
from .donation_line import VALUATION_BASES
from .product_template import DONATION_NATURES


class DonationReceiptLine(models.Model):
    """What an issued receipt states about one donation line, frozen at issuance.

    The donation may later be cancelled or moved to a replacement receipt: the lines keep
    what this receipt said, as its stored PDF does.
    """

    _name = "tiers_lieu.donation.receipt.line"
    _description = "Tax Receipt Line"
    _order = "receipt_id, date, id"

    receipt_id = fields.Many2one(
        "donation.tax.receipt", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="receipt_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="receipt_id.currency_id")
    donation_id = fields.Many2one("donation.donation", required=True, ondelete="restrict")
    donation_number = fields.Char(required=True)
    date = fields.Date(required=True)
    nature = fields.Selection(DONATION_NATURES, required=True)
    payment_mode = fields.Selection(DONATION_PAYMENT_MODES)
    amount = fields.Monetary(required=True)
    description = fields.Text()
    quantity = fields.Integer()
    valuation_basis = fields.Selection(VALUATION_BASES)
    staff_count = fields.Integer(string="Employees")
    staff_hours = fields.Float(string="Hours")
