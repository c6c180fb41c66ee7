from odoo import fields, models


class TiersLieuPrintFailureReason(models.Model):
    _name = "tiers_lieu.print.failure.reason"
    _description = "Print Failure Reason"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    color = fields.Integer()
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "A failure reason with this code exists."),
    ]
