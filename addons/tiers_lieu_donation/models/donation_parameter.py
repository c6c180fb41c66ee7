from odoo import api, fields, models, tools
from odoo.exceptions import UserError

PARAMETER_CODES = [
    ("individual_counterpart_ratio", "Individuals: counterpart ceiling as a share of the gift"),
    ("individual_counterpart_ceiling", "Individuals: yearly counterpart ceiling (EUR)"),
    ("company_counterpart_ratio", "Companies: counterpart share above which to warn"),
    ("individual_form", "Individuals: receipt form (Cerfa number)"),
    ("company_form", "Companies: receipt form (Cerfa number)"),
    ("retention_years", "Years receipts are kept (LPF L102 E)"),
]


class DonationParameter(models.Model):
    """A rule of French donation law with the date from which it applies.

    Ceilings, ratios and form versions change with finance laws: each change is a new record
    with its start date, never an edit of code or of past records.
    """

    _name = "tiers_lieu.donation.parameter"
    _description = "Dated Donation Parameter"
    _order = "code, date_from desc"
    _rec_name = "code"

    code = fields.Selection(PARAMETER_CODES, required=True, index=True)
    date_from = fields.Date(string="Applies From", required=True)
    value = fields.Float(digits=(16, 4), help="Numeric value: an amount in euros or a ratio.")
    text_value = fields.Char(help="Text value, e.g. a Cerfa number.")
    source = fields.Char(help="Where the rule comes from (law article, BOFiP, official site).")

    _sql_constraints = [
        (
            "code_date_uniq",
            "unique(code, date_from)",
            "A parameter already starts on this date.",
        ),
    ]

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
    @tools.ormcache("code", "date")
    def _get_in_force(self, code, date):
        """(value, text value) of ``code`` in force on ``date``, None if none applies;
        cached, as receipts issued by thousands read it each."""
        parameter = self.sudo().search(
            [("code", "=", code), ("date_from", "<=", date)], order="date_from desc", limit=1
        )
        return (parameter.value, parameter.text_value) if parameter else None

    @api.model
    def _get(self, code, date):
        """(value, text value) of ``code`` in force on ``date`` (raises when none applies)."""
        found = self._get_in_force(code, fields.Date.to_date(date))
        if found is None:
            label = dict(self._fields["code"]._description_selection(self.env))[code]
            raise UserError(
                self.env._(
                    "No value of the parameter “%(parameter)s” applies on %(date)s: add one "
                    "in Tiers-Lieu > Configuration > Donation Parameters.",
                    parameter=label,
                    date=date,
                )
            )
        return found

    @api.model
    def _get_value(self, code, date):
        return self._get(code, date)[0]

    @api.model
    def _get_text(self, code, date):
        return self._get(code, date)[1]
