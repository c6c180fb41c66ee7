from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import format_date

from odoo.addons.tiers_lieu_training.const import number_text

# Context key of the attendance actions, the only writers of the session's hours lines.
SESSION_HOURS_CONTEXT = "tiers_lieu_session_hours"
SESSION_FIELDS = {"trainee_id", "date", "kind", "hours", "source", "attendance_id"}


class TraineeHours(models.Model):
    _inherit = "tiers_lieu.trainee.hours"

    source = fields.Selection(
        selection_add=[("session", "Attendance sheet")], ondelete={"session": "cascade"}
    )
    attendance_id = fields.Many2one(
        "tiers_lieu.training.attendance",
        string="Attendance",
        readonly=True,
        index="btree_not_null",
        ondelete="cascade",
        help="The signed half-day of a training session these hours come from.",
    )
    session_id = fields.Many2one(
        related="attendance_id.session_id", string="Training Session", store=True
    )

    _sql_constraints = [
        (
            "attendance_uniq",
            "unique(attendance_id)",
            "A signed half-day counts once in the trainee's hours.",
        ),
        (
            "session_source",
            "CHECK((source = 'session') = (attendance_id IS NOT NULL))",
            "Hours from an attendance sheet are linked to it, and only those.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.context.get(SESSION_HOURS_CONTEXT) and any(
            vals.get("attendance_id") or vals.get("source") == "session" for vals in vals_list
        ):
            raise UserError(
                self.env._(
                    "Hours from training sessions are counted when the trainees sign the "
                    "attendance sheet: log manual hours instead."
                )
            )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.context.get(SESSION_HOURS_CONTEXT) and SESSION_FIELDS & set(vals):
            self._check_not_from_session()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_session(self):
        if not self.env.context.get(SESSION_HOURS_CONTEXT):
            self._check_not_from_session()

    def _check_not_from_session(self):
        line = self.filtered("attendance_id")[:1]
        if line:
            raise UserError(
                self.env._(
                    "The %(hours)s h of %(date)s come from the attendance sheet of "
                    "%(session)s: reset the line of the sheet to correct them.",
                    hours=number_text(line.hours),
                    date=format_date(self.env, line.date),
                    session=line.attendance_id.sudo().session_id.name,
                )
            )
