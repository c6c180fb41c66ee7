from odoo import fields, models


class DonationReceiptCancel(models.TransientModel):
    _name = "tiers_lieu.donation.receipt.cancel"
    _description = "Cancel Tax Receipts"

    receipt_ids = fields.Many2many("donation.tax.receipt", string="Receipts", required=True)
    reason = fields.Text(required=True, help="Kept with the cancelled receipt and printed on it.")
    reissue = fields.Boolean(
        string="Issue a Replacement",
        default=True,
        help="Issue at once a new receipt, with a new number, for the same donations (e.g. "
        "after correcting the donor's address). Untick it to free the donations, e.g. to "
        "cancel a refunded gift.",
    )

    def action_cancel(self):
        self.ensure_one()
        replacements = self.receipt_ids._tl_cancel(self.reason, reissue=self.reissue)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "donation_base.donation_tax_receipt_action"
        )
        action["domain"] = [("id", "in", (self.receipt_ids | replacements).ids)]
        return action
