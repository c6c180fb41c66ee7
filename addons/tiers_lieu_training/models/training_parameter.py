from odoo import api, fields, models, tools
from odoo.exceptions import UserError

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
    """Legal and operational values that change with the law or the house rules.

    Each value applies from its date on; a path uses the value in force on its start date.
    """

    _name = "tiers_lieu.training.parameter"
    _description = "Training Parameter"
    _order = "code, date_from desc"

    name = fields.Char(compute="_compute_name")
    code = fields.Selection(PARAMETER_CODES, required=True, index=True)
    date_from = fields.Date(
        string="Applies From",
        required=True,
        help="The value applies to contracts and paths starting on or after this date.",
    )
    value = fields.Float(required=True, digits=(16, 2))
    legal_reference = fields.Char(help="Text that sets the value, e.g. Code du travail L5132-15-1.")

    _sql_constraints = [
        (
            "code_date_uniq",
            "unique(code, date_from)",
            "A parameter has one value per date: change the existing line instead.",
        ),
    ]

    @api.depends("code")
    def _compute_name(self):
        labels = dict(self._fields["code"]._description_selection(self.env))
        for parameter in self:
            parameter.name = labels.get(parameter.code, "")

    @api.model_create_multi
    def create(self, vals_list):
        self.env.registry.clear_cache()
        return super().create(vals_list)

    def write(self, vals):
        self.env.registry.clear_cache()
        return super().write(vals)

    def unlink(self):
        self.env.registry.clear_cache()
        return super().unlink()

    @api.model
    @tools.ormcache()
    def _get_table(self):
        rows = self.sudo().search_read([], ["code", "date_from", "value"], order="date_from desc")
        return tuple((row["code"], row["date_from"], row["value"]) for row in rows)

    @api.model
    def _get_value(self, code, on_date):
        """Value of ``code`` in force on ``on_date`` (no query once cached)."""
        for row_code, date_from, value in self._get_table():
            if row_code == code and date_from <= on_date:
                return value
        label = dict(self._fields["code"]._description_selection(self.env))[code]
        raise UserError(
            self.env._(
                "No value of the parameter “%(name)s” applies on %(date)s. Add one in "
                "Tiers-Lieu > Trainees > Configuration > Parameters.",
                name=label,
                date=on_date,
            )
        )
