from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    machine_authorization_from_skill = fields.Selection(
        [("grant", "Grant automatically"), ("propose", "Propose to a trainer")],
        string="Authorisation from a Validated Skill",
        required=True,
        default="grant",
        help="When a trainer validates a skill on a machine kind: grant the authorisation "
        "at once (the evaluator grants it), or propose it to the referent trainer, who "
        "grants it in one click.",
    )
    machine_authorization_renewal_days = fields.Integer(
        string="Renewal Window (days)",
        default=60,
        help="A new validation of the skill renews a valid authorisation that expires or "
        "lapses within this many days; a later end leaves the authorisation as it is.",
    )

    _sql_constraints = [
        (
            "machine_authorization_renewal_days_positive",
            "CHECK(machine_authorization_renewal_days >= 0)",
            "The renewal window of machine authorisations cannot be negative.",
        ),
    ]
