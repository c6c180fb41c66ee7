from odoo import fields, models


class DonationPlausibility(models.TransientModel):
    """Asks the Treasurer to confirm amounts that look like typing errors (a receipt under
    1 €, a gift above the threshold) before validating; never a refusal."""

    _name = "tiers_lieu.donation.plausibility"
    _description = "Confirm Unusual Donation Amounts"

    donation_ids = fields.Many2many("donation.donation", string="Donations", required=True)
    message = fields.Text(readonly=True)

    def action_confirm(self):
        self.ensure_one()
        self.donation_ids.with_context(tl_plausibility_confirmed=True).validate()
        return {"type": "ir.actions.act_window_close"}
