from odoo import fields, models


class DonationReceiptRunFailure(models.Model):
    """A donor an annual run left aside, with the reason (to fix, then resume the run)."""

    _name = "tiers_lieu.donation.receipt.run.failure"
    _description = "Donor Left Aside by an Annual Receipts Run"
    _order = "id"

    run_id = fields.Many2one(
        "tiers_lieu.donation.receipt.run", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="run_id.company_id")
    partner_id = fields.Many2one("res.partner", string="Donor", required=True, readonly=True)
    reason = fields.Text(required=True, readonly=True)
