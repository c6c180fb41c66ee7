from odoo import fields, models, tools
from odoo.tools import SQL


class TraineePublic(models.Model):
    """The directory of trainees for Staff: names only, nothing of the file.

    Its ids are those of the trainee files, so a glue addon can join on them.
    """

    _name = "tiers_lieu.trainee.public"
    _description = "Trainee (Directory)"
    _auto = False
    _order = "name, id"
    _depends = {"tiers_lieu.trainee": ["name", "partner_id", "company_id", "active"]}

    name = fields.Char(readonly=True)
    partner_id = fields.Many2one("res.partner", string="Person", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    active = fields.Boolean(readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """CREATE VIEW %s AS (
                    SELECT id, name, partner_id, company_id, active
                      FROM tiers_lieu_trainee
                )""",
                SQL.identifier(self._table),
            )
        )
