from odoo import api, fields, models

from ..const import EXIT_CATEGORIES, EXIT_CATEGORY_OF_DETAIL, EXIT_DETAILS


class TraineeExit(models.TransientModel):
    """Records the exit of a trainee: date, situation (which gives the category), note."""

    _name = "tiers_lieu.trainee.exit"
    _description = "Record a Trainee Exit"

    trainee_id = fields.Many2one("tiers_lieu.trainee", required=True, ondelete="cascade")
    exit_date = fields.Date(required=True, default=fields.Date.context_today)
    exit_detail = fields.Selection(EXIT_DETAILS, string="Situation at Exit", required=True)
    exit_category = fields.Selection(EXIT_CATEGORIES, compute="_compute_exit_category")
    note = fields.Text()

    @api.depends("exit_detail")
    def _compute_exit_category(self):
        for wizard in self:
            wizard.exit_category = EXIT_CATEGORY_OF_DETAIL.get(wizard.exit_detail, False)

    def action_confirm(self):
        self.ensure_one()
        self.trainee_id._record_exit(self.exit_date, self.exit_detail, self.note)
        return {"type": "ir.actions.act_window_close"}
