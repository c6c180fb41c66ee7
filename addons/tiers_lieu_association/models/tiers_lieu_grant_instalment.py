from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.tiers_lieu_donation.access import check_treasurer


class TiersLieuGrantInstalment(models.Model):
    """A payment of the funder: income of the action on 74x, against the bank's
    outstanding receipts account that the bank statement line clears."""

    _name = "tiers_lieu.grant.instalment"
    _description = "Grant Instalment"
    _order = "grant_id, date, id"

    grant_id = fields.Many2one("tiers_lieu.grant", required=True, ondelete="restrict", index=True)
    company_id = fields.Many2one(related="grant_id.company_id", store=True)
    currency_id = fields.Many2one(related="grant_id.currency_id")
    funder_type = fields.Selection(related="grant_id.funder_type", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    amount = fields.Monetary(required=True)
    name = fields.Char(string="Label")
    move_id = fields.Many2one("account.move", readonly=True, copy=False)

    _sql_constraints = [
        ("amount_positive", "CHECK(amount > 0)", "An instalment must be a positive amount."),
    ]

    @api.constrains("amount", "grant_id")
    def _check_amount_within_grant(self):
        self.grant_id._check_instalments()

    @api.model_create_multi
    def create(self, vals_list):
        check_treasurer(self.env, self.env._("Only Treasurers may record grant instalments."))
        instalments = super().create(vals_list)
        instalments._tl_post()
        return instalments

    @api.ondelete(at_uninstall=False)
    def _unlink_except_posted(self):
        if any(instalment.move_id.state == "posted" for instalment in self):
            raise UserError(
                self.env._("A booked instalment cannot be deleted: reverse its entry instead.")
            )

    def _tl_post(self):
        for instalment in self:
            grant = instalment.grant_id
            company = grant.company_id
            income = grant.income_account_id
            outstanding = company._tl_outstanding_receipts_account()
            if not income or not outstanding:
                raise UserError(
                    self.env._(
                        "%(company)s has no chart of accounts with the grant accounts.",
                        company=company.display_name,
                    )
                )
            label = instalment.name or self.env._("Grant instalment: %(grant)s", grant=grant.name)
            move = (
                self.env["account.move"]
                .sudo()
                .create(
                    {
                        "move_type": "entry",
                        "journal_id": company._tl_misc_journal().id,
                        "date": instalment.date,
                        "ref": label,
                        "company_id": company.id,
                        "line_ids": [
                            Command.create(
                                {
                                    "name": label,
                                    "account_id": outstanding.id,
                                    "partner_id": grant.funder_id.id,
                                    "debit": instalment.amount,
                                }
                            ),
                            Command.create(
                                {
                                    "name": label,
                                    "account_id": income.id,
                                    "partner_id": grant.funder_id.id,
                                    "credit": instalment.amount,
                                    "analytic_distribution": {
                                        str(grant.analytic_account_id.id): 100
                                    },
                                }
                            ),
                        ],
                    }
                )
            )
            move.action_post()
            instalment.move_id = move
