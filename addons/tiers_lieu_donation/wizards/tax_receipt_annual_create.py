from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class TaxReceiptAnnualCreate(models.TransientModel):
    _inherit = "tax.receipt.annual.create"

    partner_ids = fields.Many2many(
        "res.partner",
        "tax_receipt_annual_create_partner_rel",
        string="Only These Donors",
        help="Leave empty to issue the annual receipts of every donor.",
    )
    incomplete_partner_ids = fields.Many2many(
        "res.partner",
        "tax_receipt_annual_create_incomplete_rel",
        string="Incomplete Donors",
        readonly=True,
    )
    incomplete_report = fields.Text(readonly=True)
    issued_receipt_ids = fields.Many2many("donation.tax.receipt", readonly=True)

    @api.model
    def _prepare_annual_tax_receipt(self, partner, partner_dict):
        vals = super()._prepare_annual_tax_receipt(partner, partner_dict)
        # A receipt is dated the day it is issued (OCA dates it at the end of the period).
        vals.pop("date", None)
        return vals

    def generate_annual_receipts(self):
        """Issue the receipts of every complete donor; list the incomplete ones on the
        wizard, to fix and re-run for them alone (issue 13), rather than fail for all."""
        self.ensure_one()
        self.write({"incomplete_partner_ids": [Command.clear()], "incomplete_report": False})
        wizard = self.with_context(tl_annual_wizard_id=self.id)
        try:
            action = super(TaxReceiptAnnualCreate, wizard).generate_annual_receipts()
        except UserError:
            if not self.incomplete_partner_ids:
                raise
            raise UserError(
                self.env._(
                    "No annual receipt was issued: these donors lack what a tax receipt "
                    "must state; complete them and run the annual receipts again for "
                    "them:\n%(problems)s",
                    problems=self.incomplete_report,
                )
            ) from None
        if not self.incomplete_partner_ids:
            return action
        self.issued_receipt_ids = [Command.set(action["domain"][0][2])]
        view = self.env.ref("tiers_lieu_donation.tax_receipt_annual_create_view_result")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Annual Receipts: Incomplete Donors"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(view.id, "form")],
            "target": "new",
        }

    def action_tl_open_incomplete_donors(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Incomplete Donors"),
            "res_model": "res.partner",
            "view_mode": "list,form",
            "domain": [("id", "in", self.incomplete_partner_ids.ids)],
        }

    def action_tl_rerun_incomplete(self):
        """Run again for the donors that were incomplete, once fixed."""
        self.ensure_one()
        rerun = self.create(
            {
                "start_date": self.start_date,
                "end_date": self.end_date,
                "company_id": self.company_id.id,
                "partner_ids": [Command.set(self.incomplete_partner_ids.ids)],
            }
        )
        return rerun.generate_annual_receipts()

    def action_tl_open_issued(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "donation_base.donation_tax_receipt_action"
        )
        action["domain"] = [("id", "in", self.issued_receipt_ids.ids)]
        return action
