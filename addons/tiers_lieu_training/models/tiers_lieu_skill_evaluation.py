from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.tiers_lieu.lang import company_lang_env


class SkillEvaluation(models.Model):
    """A trainer's evaluation of one skill of a trainee's grid, at a date."""

    _name = "tiers_lieu.skill.evaluation"
    _description = "Skill Evaluation"
    _order = "date desc, id desc"
    _check_company_auto = True

    trainee_id = fields.Many2one(
        "tiers_lieu.trainee", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="trainee_id.company_id", store=True, index=True)
    skill_id = fields.Many2one("hr.skill", string="Skill", required=True, ondelete="restrict")
    skill_type_id = fields.Many2one(
        related="skill_id.skill_type_id", store=True, string="Skills Grid"
    )
    block_id = fields.Many2one(related="skill_id.block_id", store=True, string="Block")
    level_id = fields.Many2one(
        "hr.skill.level",
        string="Level",
        required=True,
        ondelete="restrict",
        domain="[('skill_type_id', '=', skill_type_id)]",
    )
    level_progress = fields.Integer(related="level_id.level_progress", store=True)
    is_validated = fields.Boolean(
        string="Validated", compute="_compute_is_validated", store=True, index=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    evaluator_id = fields.Many2one(
        "res.users", string="Evaluator", required=True, default=lambda self: self.env.user
    )
    comment = fields.Text(string="Evidence / Comment")
    attachment_ids = fields.Many2many("ir.attachment", string="Evidence Files")

    @api.depends("level_progress", "skill_type_id.validation_progress")
    def _compute_is_validated(self):
        for evaluation in self:
            threshold = evaluation.skill_type_id.validation_progress or 100
            evaluation.is_validated = bool(evaluation.level_id) and (
                evaluation.level_progress >= threshold
            )

    @api.constrains("trainee_id", "skill_id", "level_id")
    def _check_skill_in_grid(self):
        for evaluation in self:
            grids = evaluation.trainee_id.path_ids.skill_type_id
            if evaluation.skill_id.skill_type_id not in grids:
                grid_names = ", ".join(grids.mapped("name")) or self.env._("none")
                raise ValidationError(
                    self.env._(
                        "%(trainee)s: the skill “%(skill)s” is not in the trainee's grid "
                        "(%(grids)s). Evaluate a skill of the grid, or add the grid to a path.",
                        trainee=evaluation.trainee_id.name,
                        skill=evaluation.skill_id.name,
                        grids=grid_names,
                    )
                )
            if evaluation.level_id.skill_type_id != evaluation.skill_id.skill_type_id:
                raise ValidationError(
                    self.env._(
                        "The level “%(level)s” belongs to another grid than the skill "
                        "“%(skill)s”.",
                        level=evaluation.level_id.name,
                        skill=evaluation.skill_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        evaluations = super().create(vals_list)
        evaluations.filtered("is_validated")._on_skills_validated()
        return evaluations

    def write(self, vals):
        before = set(self.filtered("is_validated").ids)
        result = super().write(vals)
        self.filtered(lambda e: e.is_validated and e.id not in before)._on_skills_validated()
        return result

    def _on_skills_validated(self):
        """Called with the evaluations that have just validated their skill.

        Extension point of the machine glue: it overrides this method, calls super() and
        grants (or proposes) the machine authorisation of ``machine_kind`` for the
        trainee's ``partner_id``.
        """
        for evaluation in self:
            # The team reads the file: its language, whoever validated.
            lang_env = company_lang_env(self.env, evaluation.company_id)
            evaluation = evaluation.with_env(lang_env)
            body = lang_env._(
                "Skill validated: %(skill)s (%(level)s).",
                skill=evaluation.skill_id.name,
                level=evaluation.level_id.name,
            )
            evaluation.trainee_id.message_post(
                body=" ".join([body, *evaluation._skill_validated_consequences()]),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def _skill_validated_consequences(self):
        """Sentences added to the file's note of the validation (in the env's language).

        Extension point: the machine glue says which authorisation the validation gave.
        """
        self.ensure_one()
        return []
