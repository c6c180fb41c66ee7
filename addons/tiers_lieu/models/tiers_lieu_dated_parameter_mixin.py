from odoo import api, fields, models, tools
from odoo.exceptions import UserError


class DatedParameterMixin(models.AbstractModel):
    """A value set by law or by the house rules, with the date from which it applies.

    Ceilings, durations and form numbers change with finance laws and decrees: each change
    is a new record with its start date, never an edit of code or of past records, so a
    document or a path keeps the value in force on its own date. Models inheriting this
    define ``code`` (their selection of parameters) and ``_parameter_menu()`` (where users add
    a value, named in the error when none applies).
    """

    _name = "tiers_lieu.dated.parameter.mixin"
    _description = "Dated Parameter"
    _order = "code, date_from desc"

    name = fields.Char(compute="_compute_name")
    code = fields.Selection([], required=True, index=True)
    date_from = fields.Date(
        string="Applies From",
        required=True,
        help="The value applies to documents and paths dated on or after this day.",
    )
    value = fields.Float(digits=(16, 4), help="Numeric value: an amount, a ratio, a duration.")
    text_value = fields.Char(help="Text value, e.g. a Cerfa number.")
    legal_reference = fields.Char(
        string="Source",
        help="Where the value comes from: article of a code, BOFiP, decree, official site.",
    )

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
        """Every value, newest first: read once per process, as thousands of receipts or
        paths read them."""
        rows = self.sudo().search_read(
            [], ["code", "date_from", "value", "text_value"], order="date_from desc"
        )
        return tuple(
            (row["code"], row["date_from"], row["value"], row["text_value"]) for row in rows
        )

    @api.model
    def _get_in_force(self, code, on_date):
        """(value, text value) of ``code`` in force on ``on_date``; None if none applies."""
        on_date = fields.Date.to_date(on_date)
        for row_code, date_from, value, text_value in self._get_table():
            if row_code == code and date_from <= on_date:
                return value, text_value
        return None

    @api.model
    def _get(self, code, on_date):
        """(value, text value) of ``code`` in force on ``on_date``; raises when none applies."""
        found = self._get_in_force(code, on_date)
        if found is None:
            label = dict(self._fields["code"]._description_selection(self.env))[code]
            raise UserError(
                self.env._(
                    "No value of the parameter “%(name)s” applies on %(date)s: add one in "
                    "%(menu)s.",
                    name=label,
                    date=on_date,
                    menu=self._parameter_menu(),
                )
            )
        return found

    @api.model
    def _parameter_menu(self):
        return self.env._("Tiers-Lieu > Configuration")

    @api.model
    def _get_value(self, code, on_date):
        return self._get(code, on_date)[0]

    @api.model
    def _get_text(self, code, on_date):
        return self._get(code, on_date)[1]
