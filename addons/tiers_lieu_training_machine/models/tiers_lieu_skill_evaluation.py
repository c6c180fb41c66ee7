from odoo import api, fields, models
from odoo.tools.misc import format_date

from odoo.addons.tiers_lieu.lang import company_lang_env


class SkillEvaluation(models.Model):
    _inherit = "tiers_lieu.skill.evaluation"

    machine_kind = fields.Selection(related="skill_id.machine_kind", store=True)
    machine_authorization_ids = fields.One2many(
        "tiers_lieu.machine.authorization",
        "skill_evaluation_id",
        string="Machine Authorisations",
        readonly=True,
    )

    def write(self, vals):
        validated = self.filtered("is_validated") if {"level_id", "skill_id"} & set(vals) else None
        result = super().write(vals)
        if validated:
            validated.filtered(lambda e: not e.is_validated)._withdraw_machine_authorizations()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_drop_proposals(self):
        self.env["tiers_lieu.machine.authorization"].search(
            [("skill_evaluation_id", "in", self.ids), ("state", "=", "proposed")]
        ).unlink()

    def _on_skills_validated(self):
        # Granted first, so that the note of the validation says what it gave.
        self._grant_machine_authorizations()
        return super()._on_skills_validated()

    def _skill_validated_consequences(self):
        sentences = super()._skill_validated_consequences()
        auths = self.env["tiers_lieu.machine.authorization"].search(
            [("skill_evaluation_id", "=", self.id), ("state", "in", ("proposed", "valid"))]
        )
        if auths:
            sentences.append(self._authorization_summary(auths, self.env))
        return sentences

    def _grant_machine_authorizations(self):
        """Grant, propose or renew the authorisations of the machine kinds these validated
        evaluations cover, with the rights of the current user (a trainer).

        One authorisation per person, machine kind and company: a pending proposal or a
        valid authorisation is never doubled; a valid one that ends within the company's
        renewal window is renewed by the new validation, a later one is left as it is.
        Returns the authorisations created or renewed.
        """
        evaluations = self.filtered(lambda e: e.machine_kind and e.is_validated).sorted(
            lambda e: (e.date, e.id)
        )
        Auth = self.env["tiers_lieu.machine.authorization"]
        if not evaluations:
            return Auth
        today = fields.Date.context_today(self)
        current = {}
        for auth in Auth.search(
            [
                ("partner_id", "in", evaluations.trainee_id.partner_id.ids),
                ("machine_kind", "in", list(set(evaluations.mapped("machine_kind")))),
                ("company_id", "in", evaluations.company_id.ids),
                ("state", "in", ("proposed", "valid")),
            ],
            order="granted_date, id",
        ):
            current[auth.partner_id.id, auth.machine_kind, auth.company_id.id] = auth
        to_create, renewed_by = [], {}
        for evaluation in evaluations:
            key = (
                evaluation.trainee_id.partner_id.id,
                evaluation.machine_kind,
                evaluation.company_id.id,
            )
            granted = min(evaluation.date, today)
            auth = current.get(key)
            if auth is None:
                company = evaluation.company_id
                to_create.append(
                    {
                        "partner_id": key[0],
                        "machine_kind": evaluation.machine_kind,
                        "company_id": company.id,
                        "granted_date": granted,
                        "granted_by_id": evaluation.evaluator_id.id,
                        "skill_evaluation_id": evaluation.id,
                        "state": "proposed"
                        if company.machine_authorization_from_skill == "propose"
                        else "valid",
                    }
                )
                current[key] = Auth  # created below: later evaluations leave it alone
            elif auth and auth.state == "valid" and auth._renewable_on(granted):
                auth.write(
                    {
                        "granted_date": granted,
                        "granted_by_id": evaluation.evaluator_id.id,
                        "skill_evaluation_id": evaluation.id,
                    }
                )
                renewed_by[auth] = evaluation
        created = Auth.create(to_create)
        for auth in created:
            evaluation = auth.sudo().skill_evaluation_id
            lang_env = company_lang_env(self.env, auth.company_id)
            auth.with_env(lang_env).message_post(
                body=self._authorization_note(
                    evaluation,
                    lang_env._("Proposed after the validation of the skill")
                    if auth.state == "proposed"
                    else lang_env._("Granted after the validation of the skill"),
                    lang_env,
                ),
                subtype_xmlid="mail.mt_note",
            )
        for auth, evaluation in renewed_by.items():
            lang_env = company_lang_env(self.env, auth.company_id)
            auth.with_env(lang_env).message_post(
                body=self._authorization_note(
                    evaluation,
                    lang_env._("Renewed after a new validation of the skill"),
                    lang_env,
                ),
                subtype_xmlid="mail.mt_note",
            )
        created.filtered(lambda a: a.state == "proposed")._schedule_grant_activity()
        result = created | Auth.union(*renewed_by)
        self._tell_trainer_machine_authorizations(result)
        return result

    def _tell_trainer_machine_authorizations(self, authorizations):
        """Tell the trainer who validated (in their language) which machine authorisations
        the validation granted, proposed or renewed; the file's note says it too."""
        if not authorizations or self.env.su:
            return
        user_env = self.env(context=dict(self.env.context, lang=self.env.user.lang))
        messages = []
        for evaluation in self:
            auths = authorizations.filtered(
                lambda a, e=evaluation: a.sudo().skill_evaluation_id == e
            )
            if auths:
                summary = self._authorization_summary(auths, user_env)
                messages.append(f"{evaluation.trainee_id.name}: {summary}")
        if messages:
            self.env.user._bus_send(
                "simple_notification",
                {
                    "type": "success",
                    "title": user_env._("Machine authorisation"),
                    "message": "\n".join(messages),
                },
            )

    @api.model
    def _authorization_summary(self, authorizations, env):
        kinds = dict(
            env["tiers_lieu.machine.authorization"]
            ._fields["machine_kind"]
            ._description_selection(env)
        )
        granted = ", ".join(kinds[a.machine_kind] for a in authorizations if a.state == "valid")
        proposed = ", ".join(kinds[a.machine_kind] for a in authorizations if a.state == "proposed")
        parts = []
        if granted:
            parts.append(env._("Machine authorisation granted: %(kinds)s.", kinds=granted))
        if proposed:
            parts.append(
                env._(
                    "Machine authorisation proposed, to be granted by a manager: %(kinds)s.",
                    kinds=proposed,
                )
            )
        return " ".join(parts)

    def _authorization_note(self, evaluation, prefix, lang_env=None):
        # No name of the person: the note stays on the authorisation when the trainee file
        # is anonymised.
        env = lang_env or self.env
        return env._(
            "%(prefix)s “%(skill)s” (%(level)s) on %(date)s.",
            prefix=prefix,
            skill=evaluation.skill_id.with_env(env).name,
            level=evaluation.level_id.with_env(env).name,
            date=format_date(env, evaluation.date),
        )

    def _withdraw_machine_authorizations(self):
        """These evaluations no longer validate their skill: their proposals go, and the
        referent trainer checks the authorisations they granted."""
        Auth = self.env["tiers_lieu.machine.authorization"]
        linked = Auth.search([("skill_evaluation_id", "in", self.ids)])
        proposals = linked.filtered(lambda a: a.state == "proposed")
        proposals.unlink()
        for auth in (linked - proposals).filtered(lambda a: a.state == "valid"):
            evaluation = auth.sudo().skill_evaluation_id
            auth.message_post(
                body=self.env._(
                    "The evaluation of “%(skill)s” of %(date)s that granted this authorisation "
                    "no longer validates the skill (level %(level)s): revoke the authorisation "
                    "if the person should not run these machines any more.",
                    skill=evaluation.skill_id.name,
                    date=format_date(self.env, evaluation.date),
                    level=evaluation.level_id.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
            auth.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("Check this authorisation: its skill is no longer validated"),
                user_id=evaluation.trainee_id.trainer_id.id or self.env.user.id,
            )
