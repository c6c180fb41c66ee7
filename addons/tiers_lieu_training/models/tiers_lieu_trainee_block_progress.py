from odoo import fields, models, tools
from odoo.tools import SQL

from .tiers_lieu_trainee_skill_status import SKILL_STATUS_DEPENDS, SKILL_STATUS_QUERY


class TraineeBlockProgress(models.Model):
    """Progress of a trainee on each skills block: the mean of the latest levels of its
    skills (a skill not evaluated yet counts 0 %) and how many are validated."""

    _name = "tiers_lieu.trainee.block.progress"
    _description = "Trainee Block Progress"
    _auto = False
    _order = "trainee_id, skill_type_id, block_id"
    _depends = SKILL_STATUS_DEPENDS

    trainee_id = fields.Many2one("tiers_lieu.trainee", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    skill_type_id = fields.Many2one("hr.skill.type", string="Skills Grid", readonly=True)
    block_id = fields.Many2one("tiers_lieu.skill.block", string="Block", readonly=True)
    skill_count = fields.Integer(string="Skills", readonly=True)
    evaluated_count = fields.Integer(string="Evaluated", readonly=True)
    validated_count = fields.Integer(string="Validated", readonly=True)
    progress = fields.Float(string="Progress (%)", digits=(5, 1), readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """CREATE VIEW %s AS (
                    SELECT (ss.trainee_id::bigint * 2147483648 + ss.block_id) AS id,
                           ss.trainee_id,
                           ss.company_id,
                           ss.skill_type_id,
                           ss.block_id,
                           COUNT(*) AS skill_count,
                           COUNT(ss.evaluation_id) AS evaluated_count,
                           COUNT(*) FILTER (WHERE ss.is_validated) AS validated_count,
                           ROUND(AVG(ss.level_progress), 1) AS progress
                      FROM (%s) ss
                     WHERE ss.block_id IS NOT NULL
                  GROUP BY ss.trainee_id, ss.company_id, ss.skill_type_id, ss.block_id
                )""",
                SQL.identifier(self._table),
                SQL(SKILL_STATUS_QUERY),
            )
        )
