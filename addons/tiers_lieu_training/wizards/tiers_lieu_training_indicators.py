from odoo import api, fields, models


class TrainingIndicators(models.TransientModel):
    """Exit and hours indicators of a year, per funder."""

    _name = "tiers_lieu.training.indicators"
    _description = "Training Indicators"

    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year)
    line_ids = fields.One2many(
        "tiers_lieu.training.indicators.line", "indicators_id", string="Indicators", readonly=True
    )

    @api.depends("year")
    @api.depends_context("lang")
    def _compute_display_name(self):
        # The breadcrumb shows it: never "tiers_lieu.training.indicators,2", nor "2 026".
        for wizard in self:
            wizard.display_name = self.env._("Indicators %(year)s", year=wizard.year)

    def action_compute(self):
        self.ensure_one()
        values = self.env["tiers_lieu.trainee"]._get_exit_indicators(self.year)
        self.line_ids = [fields.Command.clear()] + [fields.Command.create(v) for v in values]
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
        }
