from datetime import date

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.tiers_lieu_donation.access import check_treasurer

from ..pdf.grant_report import render_grant_report
from .res_company import FUNDER_ACCOUNT_FIELDS
from .tiers_lieu_grant_budget_line import NATURES

FUNDER_TYPES = [
    ("state", "State"),
    ("region", "Region"),
    ("department", "Department"),
    ("municipality", "Municipality"),
    ("eu", "European Union"),
    ("foundation", "Foundation"),
    ("other", "Other"),
]


class TiersLieuGrant(models.Model):
    """A grant (subvention) awarded by a funder for an action, followed on its own
    analytic account: instalments on 74x, dedicated funds at year end (689 / 19 / 789)."""

    _name = "tiers_lieu.grant"
    _description = "Grant"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Funded Action", required=True, tracking=True)
    reference = fields.Char(help="Reference of the funder's decision (arrêté, convention).")
    funder_id = fields.Many2one("res.partner", required=True, tracking=True)
    funder_type = fields.Selection(FUNDER_TYPES, required=True, default="region", tracking=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda s: s.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(
        string="Decision Date", required=True, default=fields.Date.context_today, tracking=True
    )
    date_start = fields.Date(string="Action Start")
    date_end = fields.Date(string="Action End")
    amount = fields.Monetary(string="Amount Granted", required=True, tracking=True)
    conditions = fields.Text(help="Conditions of the grant: reports due, eligible costs, …")
    analytic_account_id = fields.Many2one(
        "account.analytic.account",
        string="Analytic Account",
        readonly=True,
        copy=False,
        help="Charges and income of the funded action are booked with this analytic account.",
    )
    income_account_id = fields.Many2one(
        "account.account", compute="_compute_income_account_id", string="Income Account"
    )
    instalment_ids = fields.One2many("tiers_lieu.grant.instalment", "grant_id")
    budget_line_ids = fields.One2many(
        "tiers_lieu.grant.budget.line", "grant_id", string="Planned Budget"
    )
    dedicated_move_ids = fields.One2many(
        "account.move", "tl_grant_id", string="Dedicated Funds Entries", readonly=True
    )
    amount_received = fields.Monetary(compute="_compute_amounts")
    amount_remaining = fields.Monetary(string="Still to Come", compute="_compute_amounts")

    _sql_constraints = [
        ("amount_positive", "CHECK(amount > 0)", "The amount of a grant must be positive."),
    ]

    @api.depends("instalment_ids.amount", "amount")
    def _compute_amounts(self):
        for grant in self:
            grant.amount_received = sum(grant.instalment_ids.mapped("amount"))
            grant.amount_remaining = grant.amount - grant.amount_received

    @api.depends("funder_type", "company_id")
    def _compute_income_account_id(self):
        for grant in self:
            grant.income_account_id = grant.company_id[FUNDER_ACCOUNT_FIELDS[grant.funder_type]]

    @api.constrains("amount", "instalment_ids")
    def _check_instalments(self):
        for grant in self:
            if grant.currency_id.compare_amounts(grant.amount_received, grant.amount) > 0:
                raise ValidationError(
                    self.env._(
                        "The instalments of %(grant)s (%(received)s) would exceed the amount "
                        "granted (%(amount)s).",
                        grant=grant.display_name,
                        received=grant.amount_received,
                        amount=grant.amount,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        grants = super().create(vals_list)
        plan = self.env.ref("tiers_lieu_association.analytic_plan_funded_actions")
        for grant in grants:
            grant.analytic_account_id = (
                self.env["account.analytic.account"]
                .sudo()
                .create(
                    {
                        "name": grant.name,
                        "code": grant.reference or False,
                        "plan_id": plan.id,
                        "company_id": grant.company_id.id,
                        "partner_id": grant.funder_id.id,
                    }
                )
            )
        return grants

    def _tl_analytic_domain(self, date_to=None, date_from=None):
        self.ensure_one()
        column = self.analytic_account_id.plan_id._column_name()
        domain = [(column, "=", self.analytic_account_id.id)]
        if date_from:
            domain.append(("date", ">=", date_from))
        if date_to:
            domain.append(("date", "<=", date_to))
        return domain

    def _tl_actual_by_account(self, date_to=None, date_from=None):
        """{general account: amount} of the action's analytic lines (charges negative)."""
        groups = (
            self.env["account.analytic.line"]
            .sudo()
            ._read_group(
                self._tl_analytic_domain(date_to, date_from), ["general_account_id"], ["amount:sum"]
            )
        )
        return {account: amount for account, amount in groups if account}

    def _tl_charges(self, date_to=None, date_from=None):
        """Charges of the action (class 6 but the dedicated funds' own 689), positive."""
        return -sum(
            amount
            for account, amount in self._tl_actual_by_account(date_to, date_from).items()
            if account.code.startswith("6") and not account.code.startswith("689")
        )

    def _tl_record_expense(self, account_code, amount, when, label, partner_id=False):
        """Book a charge of the action in one call (demo data, scripts): a posted vendor
        bill of ``partner_id`` (no tax), or without partner a miscellaneous entry against
        the staff's 421 (wages due), on ``account_code`` with the action's analytic account
        so that the compte rendu financier counts it."""
        self.ensure_one()
        company = self.company_id
        account = company._tl_find_account(account_code)
        if not account:
            raise UserError(
                self.env._("No account %(code)s in the chart of accounts.", code=account_code)
            )
        line = {
            "name": label,
            "account_id": account.id,
            "analytic_distribution": {str(self.analytic_account_id.id): 100},
        }
        Move = self.env["account.move"].with_company(company)
        if partner_id:
            move = Move.create(
                {
                    "move_type": "in_invoice",
                    "partner_id": partner_id,
                    "invoice_date": when,
                    "date": when,
                    "ref": label,
                    "invoice_line_ids": [
                        Command.create(
                            dict(line, quantity=1, price_unit=amount, tax_ids=[Command.clear()])
                        )
                    ],
                }
            )
        else:
            wages_due = company._tl_find_account("421000")
            move = Move.create(
                self._tl_move_vals(
                    when,
                    label,
                    [
                        dict(line, debit=amount),
                        {"name": label, "account_id": wages_due.id, "credit": amount},
                    ],
                )
            )
        move.action_post()
        return move

    def _tl_move_vals(self, when, ref, lines):
        return {
            "move_type": "entry",
            "journal_id": self.company_id._tl_misc_journal().id,
            "date": when,
            "ref": ref,
            "company_id": self.company_id.id,
            "line_ids": [Command.create(line) for line in lines],
        }

    def action_dedicated_funds_last_year(self):
        self.action_dedicated_funds(fields.Date.context_today(self).year - 1)
        return True

    def action_dedicated_funds(self, year):
        """Book at 31/12 of ``year`` the part received and not yet spent on the action
        (689 to 19) and carry it back to the next year's income on 1/1 (19 to 789)."""
        check_treasurer(self.env, self.env._("Only Treasurers may book dedicated funds."))
        moves = self.env["account.move"]
        for grant in self:
            end, start = date(year, 12, 31), date(year + 1, 1, 1)
            if grant.dedicated_move_ids.filtered(lambda m, end=end: m.date == end):
                raise UserError(
                    self.env._(
                        "The dedicated funds of %(grant)s at the end of %(year)s are already "
                        "booked.",
                        grant=grant.display_name,
                        year=year,
                    )
                )
            received = sum(
                grant.instalment_ids.filtered(lambda i, end=end: i.date <= end).mapped("amount")
            )
            unused = grant.currency_id.round(received - grant._tl_charges(date_to=end))
            if grant.currency_id.compare_amounts(unused, 0) <= 0:
                continue
            company = grant.company_id
            distribution = {str(grant.analytic_account_id.id): 100}
            name = self.env._("Dedicated funds: %(grant)s", grant=grant.name)
            vals = [
                grant._tl_move_vals(
                    end,
                    name,
                    [
                        {
                            "name": name,
                            "account_id": company.tl_dedicated_expense_account_id.id,
                            "debit": unused,
                            "analytic_distribution": distribution,
                        },
                        {
                            "name": name,
                            "account_id": company.tl_dedicated_fund_account_id.id,
                            "credit": unused,
                        },
                    ],
                ),
                grant._tl_move_vals(
                    start,
                    name,
                    [
                        {
                            "name": name,
                            "account_id": company.tl_dedicated_fund_account_id.id,
                            "debit": unused,
                        },
                        {
                            "name": name,
                            "account_id": company.tl_dedicated_income_account_id.id,
                            "credit": unused,
                            "analytic_distribution": distribution,
                        },
                    ],
                ),
            ]
            for move_vals in vals:
                move_vals["tl_grant_id"] = grant.id
            created = self.env["account.move"].sudo().create(vals)
            created.action_post()
            moves |= created
        return moves

    def _render_grant_report_pdf(self, data=None):
        """Renderer of the report action_report_grant (compte rendu financier)."""
        check_treasurer(self.env, self.env._("Only Treasurers may print grant reports."))
        today = fields.Date.context_today(self)
        return {
            grant.id: render_grant_report(grant, grant._tl_report_rows(), today) for grant in self
        }

    def _tl_report_rows(self):
        """(kind, nature code, label, planned, actual) of the compte rendu financier."""
        self.ensure_one()
        actual = {}
        for account, amount in self._tl_actual_by_account(
            date_from=self.date_start, date_to=self.date_end
        ).items():
            nature = account.code[:2]
            actual[nature] = actual.get(nature, 0.0) + amount
        planned = {}
        for line in self.budget_line_ids:
            planned[line.nature] = planned.get(line.nature, 0.0) + line.amount
        return [
            (
                kind,
                code,
                label,
                planned.get(code, 0.0),
                (-1 if kind == "charge" else 1) * actual.get(code, 0.0) or 0.0,  # no "-0.00"
            )
            for code, kind, label in NATURES
        ]
