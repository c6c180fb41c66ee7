from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import format_date

from odoo.addons.tiers_lieu_training.const import number_text

# Context key of the synchronisation from print jobs, the only writer of their lines.
SYNC_CONTEXT = "tiers_lieu_print_job_hours_sync"
# What a print job decides on its lines; the description and the path stay editable.
JOB_FIELDS = {"trainee_id", "date", "kind", "hours", "source", "print_job_id"}


class TraineeHours(models.Model):
    _inherit = "tiers_lieu.trainee.hours"

    source = fields.Selection(
        selection_add=[("print_job", "Print job")], ondelete={"print_job": "cascade"}
    )
    print_job_id = fields.Many2one(
        "tiers_lieu.print.job",
        string="Print Job",
        readonly=True,
        index="btree_not_null",
        ondelete="cascade",
        check_company=True,
        help="The print job the trainee operated: its working time of that day.",
    )

    _sql_constraints = [
        (
            "print_job_day_uniq",
            "unique(print_job_id, date)",
            "A print job counts once a day in its operator's hours.",
        ),
        (
            "print_job_source",
            "CHECK((source = 'print_job') = (print_job_id IS NOT NULL))",
            "Hours from a print job are linked to it, and only those.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.context.get(SYNC_CONTEXT) and any(
            vals.get("print_job_id") or vals.get("source") == "print_job" for vals in vals_list
        ):
            raise UserError(
                self.env._(
                    "Hours from print jobs are counted when the jobs end: log manual hours "
                    "instead."
                )
            )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.context.get(SYNC_CONTEXT) and JOB_FIELDS & set(vals):
            self._check_not_from_print_job()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_print_job(self):
        if not self.env.context.get(SYNC_CONTEXT):
            self._check_not_from_print_job()

    def _check_not_from_print_job(self):
        line = self.filtered("print_job_id")[:1]
        if line:
            raise UserError(
                self.env._(
                    "The %(hours)s h of %(date)s come from the print job %(job)s: correct the "
                    "job (operator, start and end) and its hours follow.",
                    hours=number_text(line.hours),
                    date=format_date(self.env, line.date),
                    job=line.print_job_id.sudo().name,
                )
            )
