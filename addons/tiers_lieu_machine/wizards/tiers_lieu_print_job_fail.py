from odoo import api, fields, models
from odoo.exceptions import UserError


class TiersLieuPrintJobFail(models.TransientModel):
    _name = "tiers_lieu.print.job.fail"
    _description = "Record a Print Failure"

    job_id = fields.Many2one("tiers_lieu.print.job", required=True, ondelete="cascade")
    failure_reason_ids = fields.Many2many(
        "tiers_lieu.print.failure.reason", string="Failure Reasons"
    )
    grams_actual = fields.Float(
        string="Material Used (g)",
        digits=(16, 1),
        compute="_compute_grams_actual",
        store=True,
        readonly=False,
    )
    failed_weight_grams = fields.Float(
        string="Failed Print Weight (g)",
        digits=(16, 1),
        help="Weigh what came off the bed: it goes to recycling.",
    )
    note = fields.Text()

    @api.depends("job_id")
    def _compute_grams_actual(self):
        for wizard in self:
            wizard.grams_actual = wizard.job_id.grams_actual

    def action_confirm(self):
        self.ensure_one()
        if not self.failure_reason_ids:
            raise UserError(self.env._("Choose at least one failure reason."))
        self.job_id._check_state(("printing",))
        self.job_id._mark_failed(
            reasons=self.failure_reason_ids,
            failed_weight=self.failed_weight_grams,
            grams_actual=self.grams_actual,
            note=self.note,
        )
        return {"type": "ir.actions.act_window_close"}
