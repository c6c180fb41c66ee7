from odoo import models


class TiersLieuPrintJobFail(models.TransientModel):
    _inherit = "tiers_lieu.print.job.fail"

    def action_confirm(self):
        result = super().action_confirm()
        return self.job_id._consume_wizard_if_pending() or result
