from odoo import api, fields, models

PARAMETER_CODES = [
    ("pass_iae_months", "PASS IAE initial validity (months)"),
    ("pass_suspension_max_months", "Longest PASS IAE suspension (months)"),
    ("cddi_min_weekly_hours", "CDDI minimum weekly hours"),
    ("max_weekly_hours", "Maximum weekly hours of a contract"),
    ("apprenticeship_cfa_min_ratio", "Apprenticeship minimum share of CFA hours (%)"),
    ("apprenticeship_min_months", "Apprenticeship shortest contract (months)"),
    ("apprenticeship_max_months", "Apprenticeship longest contract (months)"),
    ("alert_pass_days", "Alert: days before the PASS IAE ends"),
    ("alert_contract_days", "Alert: days before a contract ends"),
    ("alert_evaluation_months", "Alert: months without evaluation"),
]


class TrainingParameter(models.Model):
    """Legal and operational values of training paths; a path uses the value in force on
    its start date."""

    _name = "tiers_lieu.training.parameter"
    _inherit = "tiers_lieu.dated.parameter.mixin"
    _description = "Training Parameter"

    code = fields.Selection(
        selection_add=PARAMETER_CODES,
        ondelete=dict.fromkeys((code for code, _label in PARAMETER_CODES), "cascade"),
    )
    value = fields.Float(required=True, digits=(16, 2))

    @api.model
    def _parameter_menu(self):
        return self.env._("Tiers-Lieu > Trainees > Configuration > Parameters")
