from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    machine_authorization_validity_months = fields.Integer(
        string="Authorisation Validity (months)",
        default=24,
        help="A machine authorisation expires this many months after it was granted "
        "(0: it does not expire).",
    )
    machine_authorization_lapse_months = fields.Integer(
        string="Authorisation Lapse (months)",
        default=6,
        help="A machine authorisation lapses when its holder has not used that kind of "
        "machine for this many months (0: it does not lapse).",
    )

    _sql_constraints = [
        (
            "machine_authorization_months_positive",
            "CHECK(machine_authorization_validity_months >= 0 "
            "AND machine_authorization_lapse_months >= 0)",
            "Authorisation validity and lapse periods cannot be negative.",
        ),
    ]
