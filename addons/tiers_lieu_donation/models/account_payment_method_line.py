from odoo import fields, models

# How the donor paid, as the receipts group it ("mode de versement" of the Cerfa).
DONATION_PAYMENT_MODES = [
    ("cash", "Cash"),
    ("cheque", "Cheque"),
    ("transfer", "Bank Transfer"),
    ("card", "Card"),
    ("direct_debit", "Direct Debit"),
    ("platform", "Online Donation Platform"),
]


class AccountPaymentMethodLine(models.Model):
    _inherit = "account.payment.method.line"

    donation_payment_mode = fields.Selection(
        DONATION_PAYMENT_MODES,
        help="How donors pay with this method; printed on tax receipts. A gift through an "
        "online platform is printed as a card payment.",
    )
