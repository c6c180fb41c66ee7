from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import format_date

GRANT_ACTIVITY = "tiers_lieu_training_machine.mail_activity_type_authorization_to_grant"


class TiersLieuMachineAuthorization(models.Model):
    _inherit = "tiers_lieu.machine.authorization"

    state = fields.Selection(
        selection_add=[("proposed", "Proposed"), ("valid",)],
        ondelete={"proposed": "cascade"},
    )
    skill_evaluation_id = fields.Many2one(
        "tiers_lieu.skill.evaluation",
        string="From Evaluation",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        check_company=True,
        groups="tiers_lieu.group_trainer",
        help="The validated skill evaluation that granted, proposed or last renewed this "
        "authorisation.",
    )

    @api.constrains("skill_evaluation_id", "partner_id", "machine_kind")
    def _check_skill_evaluation(self):
        for auth in self.sudo().filtered("skill_evaluation_id"):
            evaluation = auth.skill_evaluation_id
            if (
                evaluation.trainee_id.partner_id != auth.partner_id
                or evaluation.machine_kind != auth.machine_kind
            ):
                raise ValidationError(
                    self.env._(
                        "The authorisation %(name)s can only come from an evaluation of the "
                        "same person on the same kind of machine.",
                        name=auth.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_evaluation_access(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._check_evaluation_access([vals])
        return super().write(vals)

    def _check_evaluation_access(self, vals_list):
        """Only an evaluation the user may read (a trainee they follow) is linked."""
        ids = {vals["skill_evaluation_id"] for vals in vals_list if vals.get("skill_evaluation_id")}
        if ids:
            self.env["tiers_lieu.skill.evaluation"].browse(ids).check_access("read")

    def action_grant(self):
        """Grant proposed authorisations: the trainer who clicks grants them, today."""
        states = dict(self._fields["state"]._description_selection(self.env))
        for auth in self:
            if auth.state != "proposed":
                raise UserError(
                    self.env._(
                        "The authorisation %(name)s is %(state)s: only a proposed "
                        "authorisation can be granted.",
                        name=auth.display_name,
                        state=states[auth.state].lower(),
                    )
                )
        # Only a trainer who follows the trainee grants what the evaluation proposed (the
        # record rules of the evaluations say who follows whom).
        self.skill_evaluation_id.check_access("write")
        holders = self.search(
            [
                ("id", "not in", self.ids),
                ("state", "=", "valid"),
                ("partner_id", "in", self.partner_id.ids),
                ("machine_kind", "in", list(set(self.mapped("machine_kind")))),
            ]
        )
        held = {(a.partner_id, a.machine_kind, a.company_id) for a in holders}
        for auth in self:
            if (auth.partner_id, auth.machine_kind, auth.company_id) in held:
                raise UserError(
                    self.env._(
                        "%(person)s already holds a valid authorisation for this kind of "
                        "machine: revoke this proposal instead (%(name)s).",
                        person=auth.partner_id.display_name,
                        name=auth.display_name,
                    )
                )
        self.write(
            {
                "state": "valid",
                "granted_date": fields.Date.context_today(self),
                "granted_by_id": self.env.user.id,
            }
        )
        self.activity_feedback([GRANT_ACTIVITY])
        return True

    def action_revoke(self):
        result = super().action_revoke()
        self.activity_unlink([GRANT_ACTIVITY])
        return result

    def _renewable_on(self, on_date):
        """Whether a validation of the skill on ``on_date`` renews this valid authorisation:
        it was granted before, and expires or lapses within the company's renewal window."""
        self.ensure_one()
        ends = [end for end in (self.expiry_date, self.lapse_date) if end]
        if not ends or on_date <= self.granted_date:
            return False
        window = timedelta(days=self.company_id.machine_authorization_renewal_days)
        return min(ends) <= on_date + window

    def _schedule_grant_activity(self):
        """Put the proposals on the to-do list of the trainee's referent trainer."""
        kinds = dict(self._fields["machine_kind"]._description_selection(self.env))
        for auth in self:
            evaluation = auth.sudo().skill_evaluation_id
            auth.activity_schedule(
                GRANT_ACTIVITY,
                summary=self.env._(
                    "Grant the authorisation: %(kind)s", kind=kinds[auth.machine_kind]
                ),
                note=self.env._(
                    "Skill “%(skill)s” validated on %(date)s (%(level)s).",
                    skill=evaluation.skill_id.name,
                    date=format_date(self.env, evaluation.date),
                    level=evaluation.level_id.name,
                ),
                user_id=evaluation.trainee_id.trainer_id.id or self.env.user.id,
            )
