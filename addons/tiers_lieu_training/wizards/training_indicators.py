from odoo import fields, models


class TrainingIndicators(models.TransientModel):
    """Exit and hours indicators of a year, per funder."""

    _name = "tiers_lieu.training.indicators"
    _description = "Training Indicators"

    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year)
    line_ids = fields.One2many(
        "tiers_lieu.training.indicators.line", "indicators_id", string="Indicators", readonly=True
    )

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
