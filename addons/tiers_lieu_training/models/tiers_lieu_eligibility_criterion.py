from odoo import fields, models


class EligibilityCriterion(models.Model):
    """IAE eligibility criteria (level 1: one suffices; level 2: several are needed)."""

    _name = "tiers_lieu.eligibility.criterion"
    _description = "Insertion Eligibility Criterion"
    _order = "level, sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    level = fields.Selection([("1", "Level 1"), ("2", "Level 2")], required=True, default="2")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "Two eligibility criteria cannot share a code."),
    ]
