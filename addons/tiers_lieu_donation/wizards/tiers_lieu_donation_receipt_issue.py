from collections import defaultdict

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from ..access import check_treasurer


class DonationReceiptIssue(models.TransientModel):
    _name = "tiers_lieu.donation.receipt.issue"
    _description = "Issue Tax Receipts"

    donation_ids = fields.Many2many("donation.donation", string="Donations", required=True)
    grouping = fields.Selection(
        [
            ("each", "One receipt per donation"),
            ("donor", "One summary receipt per donor"),
        ],
        required=True,
        default="each",
        help="A summary receipt covers the selected gifts of a donor over the year, split by "
        "nature and payment mode, with its period.",
    )
    receipt_form = fields.Selection(
        [
            ("auto", "From the donor"),
            ("individual", "Cerfa 11580 (individuals, art. 200 CGI)"),
            ("company", "2041-MEC-SD (companies, art. 238 bis CGI)"),
        ],
        string="Form",
        required=True,
        default="auto",
    )

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        if self.env.context.get("active_model") == "donation.donation":
            res["donation_ids"] = [Command.set(self.env.context.get("active_ids", []))]
        return res

    def action_issue(self):
        self.ensure_one()
        check_treasurer(self.env, self.env._("Only Treasurers may issue tax receipts."))
        groups = defaultdict(lambda: self.env["donation.donation"])
        for donation in self.donation_ids.sorted(lambda d: (d.donation_date, d.id)):
            key = (donation.company_id, donation.commercial_partner_id)
            if self.grouping == "each":
                key += (donation.id,)
            groups[key] |= donation
        vals_list = []
        for key, donations in groups.items():
            company, partner = key[0], key[1]
            vals = {
                "company_id": company.id,
                "partner_id": partner.id,
                "type": "each" if self.grouping == "each" else "annual",
                "donation_ids": [Command.set(donations.ids)],
            }
            if self.receipt_form != "auto":
                vals["receipt_form"] = self.receipt_form
            vals_list.append(vals)
        if not vals_list:
            raise UserError(self.env._("Select the validated donations to receipt."))
        receipts = self.env["donation.tax.receipt"].create(vals_list)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "donation_base.donation_tax_receipt_action"
        )
        action["domain"] = [("id", "in", receipts.ids)]
        return action
