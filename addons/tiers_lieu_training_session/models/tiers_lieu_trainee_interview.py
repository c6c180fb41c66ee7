from odoo import api, fields, models


class TraineeInterview(models.Model):
    """A follow-up interview; its next step, when dated, is an activity of the referent."""

    _name = "tiers_lieu.trainee.interview"
    _description = "Follow-up Interview"
    _order = "date desc, id desc"
    _check_company_auto = True

    trainee_id = fields.Many2one(
        "tiers_lieu.trainee", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="trainee_id.company_id", store=True, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    kind = fields.Selection(
        [
            ("individual", "Individual interview"),
            ("phone", "Phone call"),
            ("partner", "With a partner"),
            ("employer", "With an employer"),
        ],
        required=True,
        default="individual",
    )
    user_id = fields.Many2one("res.users", string="By", default=lambda self: self.env.user)
    summary = fields.Text(required=True)
    next_step = fields.Char()
    next_date = fields.Date(string="Next Step On")
    activity_id = fields.Many2one("mail.activity", readonly=True, copy=False)

    @api.model_create_multi
    def create(self, vals_list):
        interviews = super().create(vals_list)
        interviews.filtered("next_date")._schedule_next_step()
        return interviews

    def _schedule_next_step(self):
        activity_type = self.env.ref("tiers_lieu_training_session.mail_activity_type_interview")
        for interview in self:
            trainee = interview.trainee_id
            interview.activity_id = trainee.activity_schedule(
                activity_type_id=activity_type.id,
                date_deadline=interview.next_date,
                summary=interview.next_step or activity_type.name,
                user_id=(trainee.trainer_id or self.env.user).id,
            )
