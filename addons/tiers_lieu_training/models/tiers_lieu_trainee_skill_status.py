from odoo import fields, models, tools
from odoo.tools import SQL

# One row per trainee and skill of the grids of the trainee's paths, with the latest
# evaluation of the skill (or none). The id packs the trainee and the skill.
SKILL_STATUS_QUERY = """
    SELECT (g.trainee_id::bigint * 2147483648 + s.id) AS id,
           g.trainee_id,
           t.company_id,
           s.skill_type_id,
           s.block_id,
           s.id AS skill_id,
           le.id AS evaluation_id,
           le.level_id,
           COALESCE(le.level_progress, 0) AS level_progress,
           COALESCE(le.is_validated, FALSE) AS is_validated,
           le.date AS last_date
      FROM (SELECT DISTINCT trainee_id, skill_type_id
              FROM tiers_lieu_trainee_path
             WHERE skill_type_id IS NOT NULL) g
      JOIN tiers_lieu_trainee t ON t.id = g.trainee_id
      JOIN hr_skill s ON s.skill_type_id = g.skill_type_id
 LEFT JOIN (SELECT DISTINCT ON (trainee_id, skill_id)
                   id, trainee_id, skill_id, level_id, level_progress, is_validated, date
              FROM tiers_lieu_skill_evaluation
          ORDER BY trainee_id, skill_id, date DESC, id DESC) le
        ON le.trainee_id = g.trainee_id AND le.skill_id = s.id
"""

SKILL_STATUS_DEPENDS = {
    "tiers_lieu.trainee": ["company_id"],
    "tiers_lieu.trainee.path": ["trainee_id", "skill_type_id"],
    "hr.skill": ["skill_type_id", "block_id"],
    "tiers_lieu.skill.evaluation": [
        "trainee_id",
        "skill_id",
        "level_id",
        "level_progress",
        "is_validated",
        "date",
    ],
}


class TraineeSkillStatus(models.Model):
    """Where a trainee stands on each skill of their grids (latest evaluation)."""

    _name = "tiers_lieu.trainee.skill.status"
    _description = "Trainee Skill Status"
    _auto = False
    _order = "trainee_id, skill_type_id, block_id, skill_id"
    _depends = SKILL_STATUS_DEPENDS

    trainee_id = fields.Many2one("tiers_lieu.trainee", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    skill_type_id = fields.Many2one("hr.skill.type", string="Skills Grid", readonly=True)
    block_id = fields.Many2one("tiers_lieu.skill.block", string="Block", readonly=True)
    skill_id = fields.Many2one("hr.skill", string="Skill", readonly=True)
    evaluation_id = fields.Many2one(
        "tiers_lieu.skill.evaluation", string="Latest Evaluation", readonly=True
    )
    level_id = fields.Many2one("hr.skill.level", string="Level", readonly=True)
    level_progress = fields.Integer(string="Progress", readonly=True)
    is_validated = fields.Boolean(string="Validated", readonly=True)
    last_date = fields.Date(string="Evaluated On", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE VIEW %s AS (%s)", SQL.identifier(self._table), SQL(SKILL_STATUS_QUERY))
        )
