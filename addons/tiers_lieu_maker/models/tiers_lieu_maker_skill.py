from odoo import fields, models


class TiersLieuMakerSkill(models.Model):
    _name = "tiers_lieu.maker.skill"
    _description = "Maker Skill"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [("name_uniq", "unique(name)", "This skill already exists.")]
