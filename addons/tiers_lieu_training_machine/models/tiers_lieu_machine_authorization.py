from datetime import timedelta

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import format_date

GRANT_ACTIVITY = "tiers_lieu_training_machine.mail_activity_type_authorization_to_grant"


class TiersLieuMachineAuthorization(models.Model):
    _name = "tiers_lieu.machine.authorization"
    # Activities: a proposed authorisation waits on the referent trainer's to-do list.
    _inherit = ["tiers_lieu.machine.authorization", "mail.activity.mixin"]

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
