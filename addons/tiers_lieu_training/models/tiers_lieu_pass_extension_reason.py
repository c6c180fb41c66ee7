from odoo import fields, models


class PassExtensionReason(models.Model):
    """Why a PASS IAE may be extended, with the legal caps of each reason."""

    _name = "tiers_lieu.pass.extension.reason"
    _description = "PASS IAE Extension Reason"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    max_cumulative_months = fields.Integer(
        string="Cap (months, cumulative)",
        required=True,
        help="Total length of all the extensions of a PASS IAE given for this reason.",
    )
    max_single_months = fields.Integer(
        string="Longest Extension (months)",
        help="Longest single extension for this reason; 0 means no limit of its own.",
    )
    max_total_months = fields.Integer(
        string="Longest PASS IAE (months)",
        help="Longest PASS IAE, initial validity and every extension included, when it has "
        "an extension for this reason; 0 means no limit of its own.",
    )
    legal_reference = fields.Char()

    _sql_constraints = [
        ("code_uniq", "unique(code)", "Two extension reasons cannot share a code."),
        (
            "caps_positive",
            "CHECK(max_cumulative_months > 0 AND max_single_months >= 0 "
            "AND max_total_months >= 0)",
            "The caps of an extension reason are positive numbers of months.",
        ),
    ]
