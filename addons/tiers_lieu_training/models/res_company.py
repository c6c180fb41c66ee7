from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    trainee_retention_years = fields.Integer(
        string="Keep Trainee Files (years)",
        default=5,
        help="Trainee files are anonymised this many years after the exit: sensitive data, "
        "notes, messages and attachments are erased; dates, hours and exits stay for the "
        "statistics.",
    )

    _sql_constraints = [
        (
            "trainee_retention_years_positive",
            "CHECK(trainee_retention_years >= 1)",
            "Trainee files are kept at least one year after the exit.",
        ),
    ]
