from odoo import api, fields, models


class TaxReceiptAnnualCreate(models.TransientModel):
    _inherit = "tax.receipt.annual.create"

    partner_ids = fields.Many2many(
        "res.partner",
        "tax_receipt_annual_create_partner_rel",
        string="Only These Donors",
        help="Leave empty to issue the annual receipts of every donor.",
    )

    @api.model
    def _prepare_annual_tax_receipt(self, partner, partner_dict):
        vals = super()._prepare_annual_tax_receipt(partner, partner_dict)
        # A receipt is dated the day it is issued (OCA dates it at the end of the period).
        vals.pop("date", None)
        return vals

    def generate_annual_receipts(self):
        """Issue the annual receipts in the background (issue 15): thousands of donors
        would outlast the treasurer's request. A run (tiers_lieu.donation.receipt.run)
        shows the progress and the donors left aside; the treasurer is notified at the
        end."""
        self.ensure_one()
        run = self.env["tiers_lieu.donation.receipt.run"]._tl_launch(
            self.company_id, self.start_date, self.end_date, self.partner_ids
        )
        return {
            "type": "ir.actions.act_window",
            "name": run.name,
            "res_model": run._name,
            "res_id": run.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }
