from odoo import fields, models

from ..const import FUNDER_KINDS


class TrainingIndicatorsLine(models.TransientModel):
    _name = "tiers_lieu.training.indicators.line"
    _description = "Training Indicators Line"
    _order = "funder_kind, funder_id"

    indicators_id = fields.Many2one(
        "tiers_lieu.training.indicators", required=True, ondelete="cascade"
    )
    funder_kind = fields.Selection(FUNDER_KINDS)
    funder_id = fields.Many2one("res.partner", string="Funder")
    exit_count = fields.Integer(string="Exits")
    durable_count = fields.Integer(string="Sustainable Employment")
    transition_count = fields.Integer(string="Transition Employment")
    positive_count = fields.Integer(string="Positive Exits")
    other_count = fields.Integer(string="Other Exits")
    dynamic_rate = fields.Float(string="Dynamic Exit Rate (%)", digits=(5, 1))
    average_duration_months = fields.Float(string="Average Duration (months)", digits=(5, 1))
    production_hours = fields.Float(digits=(9, 2))
    training_hours = fields.Float(digits=(9, 2))
    support_hours = fields.Float(digits=(9, 2))
