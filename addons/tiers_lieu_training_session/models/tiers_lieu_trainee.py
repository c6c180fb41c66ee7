from dateutil.relativedelta import relativedelta

from odoo import fields, models

from odoo.addons.tiers_lieu_training.const import EXIT_DETAILS


class TiersLieuTrainee(models.Model):
    _inherit = "tiers_lieu.trainee"

    barrier_ids = fields.One2many(
        "tiers_lieu.trainee.barrier", "trainee_id", string="Barriers to Employment"
    )
    pmsmp_ids = fields.One2many("tiers_lieu.trainee.pmsmp", "trainee_id", string="PMSMP")
    interview_ids = fields.One2many(
        "tiers_lieu.trainee.interview", "trainee_id", string="Interviews"
    )
    session_attendance_ids = fields.One2many(
        "tiers_lieu.training.attendance", "trainee_id", string="Attendance"
    )
    six_months_detail = fields.Selection(
        EXIT_DETAILS, string="Situation 6 Months After Exit", tracking=True
    )
    six_months_note = fields.Text(string="6 Months Note")

    def _record_exit(self, exit_date, exit_detail, note=False):
        """The exit asks, 6 months later, for the trainee's situation (an activity)."""
        result = super()._record_exit(exit_date, exit_detail, note=note)
        activity_type = self.env.ref("tiers_lieu_training_session.mail_activity_type_six_months")
        for trainee in self:
            trainee.activity_schedule(
                activity_type_id=activity_type.id,
                date_deadline=exit_date + relativedelta(months=6),
                user_id=(trainee.trainer_id or self.env.user).id,
            )
        return result
