from datetime import date

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.tiers_lieu_donation.access import check_treasurer

from .tiers_lieu_volunteer_work_kind import CONTRIBUTION_ACCOUNTS


class TiersLieuVolunteerWork(models.Model):
    """Hours given to the association, valued at the rate of their kind and booked once a
    year in class 8 (contributions volontaires en nature). Never receipted: volunteer time
    gives no tax reduction."""

    _name = "tiers_lieu.volunteer.work"
    _description = "Volunteer Contribution"
    _order = "date desc, id desc"

    partner_id = fields.Many2one("res.partner", string="Volunteer", required=True, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    kind_id = fields.Many2one("tiers_lieu.volunteer.work.kind", required=True)
    contribution = fields.Selection(related="kind_id.contribution", store=True)
    hours = fields.Float(required=True, digits=(16, 2))
    name = fields.Char(string="Activity", help="Event, session, maker round…")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda s: s.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    rate = fields.Monetary(
        compute="_compute_rate",
        store=True,
        readonly=False,
        precompute=True,
        help="Valuation of one hour, from the kind when logged.",
    )
    amount = fields.Monetary(string="Value", compute="_compute_amount", store=True)
    move_id = fields.Many2one("account.move", string="Booked In", readonly=True, copy=False)

    _sql_constraints = [
        ("hours_positive", "CHECK(hours > 0 AND hours <= 24)", "Hours must be between 0 and 24."),
    ]

    @api.depends("kind_id")
    def _compute_rate(self):
        for work in self:
            work.rate = work.kind_id.rate

    @api.depends("hours", "rate")
    def _compute_amount(self):
        for work in self:
            work.amount = work.currency_id.round(work.hours * work.rate) if work.currency_id else 0

    @api.ondelete(at_uninstall=False)
    def _unlink_except_booked(self):
        if any(work.move_id for work in self):
            raise UserError(self.env._("Booked volunteer hours cannot be deleted."))

    def write(self, vals):
        if self.filtered("move_id") and set(vals) & {"hours", "rate", "kind_id", "date"}:
            raise UserError(self.env._("Booked volunteer hours cannot be changed."))
        return super().write(vals)

    @api.model
    def _tl_book_year(self, year, company=None):
        """One entry at 31/12 of ``year`` with the year's contributions not yet booked,
        86x debit and 87x credit per kind of contribution."""
        check_treasurer(self.env, self.env._("Only Treasurers may book volunteer time."))
        company = company or self.env.company
        works = self.search(
            [
                ("company_id", "=", company.id),
                ("move_id", "=", False),
                ("date", ">=", date(year, 1, 1)),
                ("date", "<=", date(year, 12, 31)),
            ]
        )
        totals = {}
        for work in works:
            totals[work.contribution] = totals.get(work.contribution, 0.0) + work.amount
        lines = []
        for contribution, amount in totals.items():
            if company.currency_id.is_zero(amount):
                continue
            use_field, resource_field = CONTRIBUTION_ACCOUNTS[contribution]
            label = dict(self._fields["contribution"]._description_selection(self.env))[
                contribution
            ]
            lines += [
                Command.create(
                    {"name": label, "account_id": company[use_field].id, "debit": amount}
                ),
                Command.create(
                    {"name": label, "account_id": company[resource_field].id, "credit": amount}
                ),
            ]
        if not lines:
            raise UserError(self.env._("No volunteer contribution to book in %(year)s.", year=year))
        move = (
            self.env["account.move"]
            .sudo()
            .create(
                {
                    "move_type": "entry",
                    "journal_id": company._tl_misc_journal().id,
                    "date": date(year, 12, 31),
                    "ref": self.env._("Volunteer contributions %(year)s", year=year),
                    "company_id": company.id,
                    "tl_volunteer_year": year,
                    "line_ids": lines,
                }
            )
        )
        move.action_post()
        works.sudo().write({"move_id": move.id})
        return move
