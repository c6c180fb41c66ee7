from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.tiers_lieu_donation.access import check_treasurer


class DonationPool(models.Model):
    """The payout of a crowdfunding pool: the platform owes the gross gifts (467 since their
    validation); it pays them less its fees. Reconciling books the fees as a charge (627)
    and the payout against the bank's outstanding receipts, clearing the platform's account;
    a payout that does not add up is refused with its difference."""

    _inherit = "tiers_lieu.donation.pool"

    platform_fee = fields.Monetary(
        string="Platform Fees",
        help="Fees the platform kept (from its export when it lists them).",
    )
    payout_amount = fields.Monetary(string="Payout Received", help="Amount credited on the bank.")
    payout_date = fields.Date(default=fields.Date.context_today)
    payout_difference = fields.Monetary(
        compute="_compute_payout_difference",
        help="Gross gifts − platform fees − payout: zero when the payout adds up.",
    )
    payout_move_id = fields.Many2one("account.move", readonly=True, copy=False)

    @api.depends("amount_total", "platform_fee", "payout_amount")
    def _compute_payout_difference(self):
        for pool in self:
            pool.payout_difference = pool.currency_id.round(
                pool.amount_total - pool.platform_fee - pool.payout_amount
            )

    def action_reconcile_payout(self):
        check_treasurer(self.env, self.env._("Only Treasurers may reconcile payouts."))
        for pool in self:
            if pool.state != "done" or pool.payout_move_id:
                raise UserError(
                    self.env._(
                        "Validate the gifts of %(pool)s first; a payout is reconciled once.",
                        pool=pool.display_name,
                    )
                )
            if not pool.payout_amount or not pool.payout_date:
                raise UserError(self.env._("Enter the payout received and its date."))
            if not pool.currency_id.is_zero(pool.payout_difference):
                raise UserError(
                    self.env._(
                        "The payout does not add up: gross gifts %(gross)s − fees %(fees)s − "
                        "payout %(payout)s = difference %(difference)s. Check the fees and "
                        "the refunds with the platform.",
                        gross=pool.amount_total,
                        fees=pool.platform_fee,
                        payout=pool.payout_amount,
                        difference=pool.payout_difference,
                    )
                )
            pool._tl_book_payout()
        return True

    def _tl_book_payout(self):
        self.ensure_one()
        company = self.company_id
        platform = self.payment_method_line_id.payment_account_id
        label = self.env._("Payout of %(pool)s", pool=self.name)
        lines = [
            {
                "name": label,
                "account_id": company._tl_outstanding_receipts_account().id,
                "debit": self.payout_amount,
            },
            {"name": label, "account_id": platform.id, "credit": self.amount_total},
        ]
        if not self.currency_id.is_zero(self.platform_fee):
            lines.append(
                {
                    "name": self.env._("Fees of %(platform)s", platform=self.platform),
                    "account_id": company.tl_platform_fee_account_id.id,
                    "debit": self.platform_fee,
                }
            )
        move = (
            self.env["account.move"]
            .sudo()
            .create(
                {
                    "move_type": "entry",
                    "journal_id": company._tl_misc_journal().id,
                    "date": self.payout_date,
                    "ref": label,
                    "company_id": company.id,
                    "line_ids": [Command.create(line) for line in lines],
                }
            )
        )
        move.action_post()
        self.payout_move_id = move
        if platform.reconcile:
            (self.donation_ids.move_id.line_ids | move.line_ids).filtered(
                lambda line: line.account_id == platform and not line.reconciled
            ).reconcile()
        return move


class DonationPoolLine(models.Model):
    _inherit = "tiers_lieu.donation.pool.line"

    platform_fee = fields.Monetary(help="Fee the platform kept on this gift, when its export says.")
