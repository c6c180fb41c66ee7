from odoo import api, models


class TaxReceiptAnnualCreate(models.TransientModel):
    _inherit = "tax.receipt.annual.create"

    @api.model
    def _prepare_annual_tax_receipt(self, partner, partner_dict):
        vals = super()._prepare_annual_tax_receipt(partner, partner_dict)
        # A receipt is dated the day it is issued (OCA dates it at the end of the period).
        vals.pop("date", None)
        return vals
