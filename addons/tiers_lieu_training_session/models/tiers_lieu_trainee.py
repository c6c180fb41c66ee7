from dateutil.relativedelta import relativedelta

from odoo import fields, models
from odoo.tools.misc import format_date

from odoo.addons.tiers_lieu_training import pdf as training_pdf
from odoo.addons.tiers_lieu_training.const import EXIT_DETAILS


class TiersLieuTrainee(models.Model):
    _inherit = "tiers_lieu.trainee"

    barrier_ids = fields.One2many(
        "tiers_lieu.trainee.barrier", "trainee_id", string="Barriers to Employment"
    )
    action_step_ids = fields.One2many(
        "tiers_lieu.trainee.action.step", "trainee_id", string="Action Plan"
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

    # ------------------------------------------------------------ attestation

    def _render_training_attestation_pdf(self, data=None):
        """{trainee id: PDF bytes} (renderer of action_report_training_attestation)."""
        return {trainee.id: trainee._training_attestation_pdf() for trainee in self}

    def _training_attestation_filename(self):
        self.ensure_one()
        return self.env._("Attestation of training %(name)s", name=self.name)

    def _training_attestation_pdf(self):
        self.ensure_one()
        header, sections = self._training_attestation_content()
        return training_pdf.render_document(
            self.env,
            self.sudo().company_id,
            self.env._("Attestation of training"),
            header,
            sections,
            signature=True,
        )

    def _training_attestation_content(self):
        """(header lines, sections) of the attestation of training (Code du travail
        L6353-1): dates, hours, the sessions attended and the skills acquired per
        certification block."""
        self.ensure_one()
        env = self.env
        trainee = self.sudo()
        end = trainee.exit_date or fields.Date.context_today(self)
        hours = dict.fromkeys(("training", "production", "support"), 0.0)
        for kind, total in (
            env["tiers_lieu.trainee.hours"]
            .sudo()
            ._read_group([("trainee_id", "=", trainee.id)], ["kind"], ["hours:sum"])
        ):
            hours[kind] = total
        header = [
            env._("Trainee: %(name)s", name=trainee.name),
            env._(
                "Period: from %(start)s to %(end)s",
                start=format_date(env, trainee.entry_date) if trainee.entry_date else "–",
                end=format_date(env, end),
            ),
            env._(
                "Hours done: %(training)s h of training, %(production)s h in a work "
                "situation, %(support)s h of support",
                training=training_pdf.format_number(env, hours["training"]),
                production=training_pdf.format_number(env, hours["production"]),
                support=training_pdf.format_number(env, hours["support"]),
            ),
        ]
        attended = trainee.session_attendance_ids.filtered(lambda a: a.state == "present")
        by_session = {}
        for line in attended.sorted(lambda a: (a.date, a.id)):
            by_session.setdefault(line.session_id, 0.0)
            by_session[line.session_id] += line.hours
        statuses = trainee.skill_status_ids.filtered("is_validated")
        blocks = trainee.block_progress_ids.sorted(lambda b: (b.block_id.sequence, b.block_id.id))
        sections = [
            {
                "title": env._("Content: training sessions attended"),
                "columns": [env._("Date"), env._("Session"), env._("Skill block"), env._("Hours")],
                "numeric": {3},
                "widths": [1.2, 3, 3, 0.8],
                "rows": [
                    [
                        format_date(env, session.date),
                        session.topic,
                        session.skill_block_id.display_name or "",
                        training_pdf.format_number(env, total),
                    ]
                    for session, total in by_session.items()
                ],
                "empty": env._("No session attended."),
            },
            {
                "title": env._("Skills acquired per certification block"),
                "columns": [
                    env._("Block"),
                    env._("Validated skills"),
                    env._("Skills acquired"),
                ],
                "widths": [2.5, 1, 4],
                "rows": [
                    [
                        " ".join(filter(None, [block.block_id.code, block.block_id.name])),
                        f"{block.validated_count} / {block.skill_count}",
                        ", ".join(
                            statuses.filtered(lambda s, b=block: s.block_id == b.block_id).mapped(
                                "skill_id.name"
                            )
                        ),
                    ]
                    for block in blocks
                    if block.block_id
                ],
                "empty": env._("No skill evaluated."),
            },
        ]
        return header, sections
