from odoo import api, models

# Fields of a path that decide which days of print jobs count.
DATE_FIELDS = {"trainee_id", "date_start", "date_end", "date_stop"}


class TraineePath(models.Model):
    _inherit = "tiers_lieu.trainee.path"

    @api.model_create_multi
    def create(self, vals_list):
        paths = super().create(vals_list)
        # Jobs operated before the path was recorded count once it runs on their days.
        paths.trainee_id._sync_print_job_hours()
        return paths

    def write(self, vals):
        trainees = self.trainee_id
        result = super().write(vals)
        if DATE_FIELDS & set(vals):
            (trainees | self.trainee_id)._sync_print_job_hours()
        return result
