from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..machine_kinds import MACHINE_KINDS
from .tiers_lieu_print_job import ENDED_STATES


class TiersLieuMachineAuthorization(models.Model):
    _name = "tiers_lieu.machine.authorization"
    _description = "Machine Authorisation"
    # Activities: e.g. a proposed authorisation waits on its trainer's to-do list.
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "granted_date desc, id desc"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner",
        string="Person",
        required=True,
        index=True,
        tracking=True,
        help="The person allowed to run the machines: a user's, an employee's or a "
        "trainee's contact.",
    )
    machine_kind = fields.Selection(MACHINE_KINDS, required=True, index=True, tracking=True)
    granted_date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    granted_by_id = fields.Many2one(
        "res.users", string="Granted By", default=lambda self: self.env.user, tracking=True
    )
    expiry_date = fields.Date(
        compute="_compute_expiry_date",
        store=True,
        readonly=False,
        tracking=True,
        help="Empty: the authorisation does not expire.",
    )
    last_use_date = fields.Date(
        readonly=True,
        help="End of the last job (done or failed) this person ran on this kind of machine.",
    )
    lapse_date = fields.Date(
        compute="_compute_lapse_date",
        help="The authorisation lapses after this date unless the person uses the machine.",
    )
    state = fields.Selection(
        [
            ("valid", "Valid"),
            ("expired", "Expired"),
            ("lapsed", "Lapsed"),
            ("revoked", "Revoked"),
        ],
        required=True,
        default="valid",
        index=True,
        tracking=True,
    )
    revoke_reason = fields.Text()
    note = fields.Text()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "expiry_after_grant",
            "CHECK(expiry_date IS NULL OR expiry_date >= granted_date)",
            "An authorisation cannot expire before it is granted.",
        ),
    ]

    @api.depends("partner_id", "machine_kind")
    def _compute_display_name(self):
        kinds = dict(self._fields["machine_kind"]._description_selection(self.env))
        for auth in self:
            auth.display_name = f"{auth.partner_id.name or ''} — {kinds.get(auth.machine_kind, '')}"

    @api.depends("granted_date", "company_id.machine_authorization_validity_months")
    def _compute_expiry_date(self):
        for auth in self:
            months = auth.company_id.machine_authorization_validity_months
            auth.expiry_date = (
                auth.granted_date + relativedelta(months=months)
                if auth.granted_date and months
                else False
            )

    @api.depends("granted_date", "last_use_date", "company_id.machine_authorization_lapse_months")
    def _compute_lapse_date(self):
        for auth in self:
            months = auth.company_id.machine_authorization_lapse_months
            start = max(filter(None, [auth.granted_date, auth.last_use_date]), default=False)
            auth.lapse_date = start + relativedelta(months=months) if start and months else False

    @api.constrains("granted_date")
    def _check_granted_date(self):
        today = fields.Date.context_today(self)
        for auth in self:
            if auth.granted_date > today:
                raise ValidationError(
                    self.env._(
                        "The authorisation of %(person)s cannot be granted in the future "
                        "(%(date)s).",
                        person=auth.partner_id.name,
                        date=auth.granted_date,
                    )
                )

    def action_revoke(self):
        for auth in self:
            if auth.state == "revoked":
                raise UserError(
                    self.env._(
                        "The authorisation %(name)s is already revoked.", name=auth.display_name
                    )
                )
        self.write({"state": "revoked"})

    @api.model
    def _valid_pairs(self, partners, kinds, date=None):
        """(partner id, machine kind) pairs holding an authorisation usable on ``date``."""
        date = date or fields.Date.context_today(self)
        if not partners or not kinds:
            return set()
        auths = self.search(
            [
                ("partner_id", "in", partners.ids),
                ("machine_kind", "in", list(kinds)),
                ("state", "=", "valid"),
                ("granted_date", "<=", date),
                "|",
                ("expiry_date", "=", False),
                ("expiry_date", ">=", date),
            ]
        )
        return {
            (auth.partner_id.id, auth.machine_kind)
            for auth in auths
            if not auth.lapse_date or auth.lapse_date >= date
        }

    def _record_use(self, jobs):
        """Move the last use of the valid authorisations forward with these ended jobs."""
        last_uses = self.env["tiers_lieu.print.job"]._read_group(
            [("id", "in", jobs.ids), ("operator_id", "!=", False), ("date_end", "!=", False)],
            ["operator_id", "machine_kind"],
            ["date_end:max"],
        )
        if not last_uses:
            return
        auths = self.sudo().search(
            [
                ("state", "=", "valid"),
                ("partner_id", "in", [partner.id for partner, _kind, _date in last_uses]),
            ]
        )
        by_pair = {(partner.id, kind): date.date() for partner, kind, date in last_uses}
        for auth in auths:
            used = by_pair.get((auth.partner_id.id, auth.machine_kind))
            if used and (not auth.last_use_date or used > auth.last_use_date):
                auth.last_use_date = used

    @api.model
    def _cron_update_states(self):
        """Expire and lapse authorisations (and catch up on last uses) in batch."""
        valid = self.search([("state", "=", "valid")])
        if not valid:
            return
        last_uses = self.env["tiers_lieu.print.job"]._read_group(
            [
                ("operator_id", "in", valid.partner_id.ids),
                ("state", "in", ENDED_STATES),
                ("date_end", "!=", False),
            ],
            ["operator_id", "machine_kind"],
            ["date_end:max"],
        )
        by_pair = {(partner.id, kind): date.date() for partner, kind, date in last_uses}
        for auth in valid:
            used = by_pair.get((auth.partner_id.id, auth.machine_kind))
            if used and (not auth.last_use_date or used > auth.last_use_date):
                auth.last_use_date = used
        today = fields.Date.context_today(self)
        expired = valid.filtered(lambda a: a.expiry_date and a.expiry_date < today)
        lapsed = (valid - expired).filtered(lambda a: a.lapse_date and a.lapse_date < today)
        expired.write({"state": "expired"})
        lapsed.write({"state": "lapsed"})
