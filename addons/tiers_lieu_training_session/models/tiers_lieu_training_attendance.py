from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import format_date

from ..const import ABSENCE_REASONS, ATTENDANCE_CONTEXT, HALF_DAYS
from .tiers_lieu_trainee_hours import SESSION_HOURS_CONTEXT

# Fields only the attendance actions write.
RECORD_FIELDS = {"state", "signature", "signed_on", "attested", "absence_reason", "hours_id"}


class TrainingAttendance(models.Model):
    """One line of the attendance sheet (émargement): a trainee on a half-day of a session,
    signed on screen, attested by the trainer or absent with a reason."""

    _name = "tiers_lieu.training.attendance"
    _description = "Training Attendance"
    _order = "date, half_day desc, trainee_name, id"
    _check_company_auto = True

    session_id = fields.Many2one(
        "tiers_lieu.training.session", required=True, index=True, ondelete="cascade"
    )
    trainee_id = fields.Many2one(
        "tiers_lieu.trainee", required=True, index=True, ondelete="restrict", check_company=True
    )
    trainee_name = fields.Char(related="trainee_id.name", store=True, string="Trainee Name")
    half_day = fields.Selection(HALF_DAYS, required=True)
    date = fields.Date(related="session_id.date", store=True, index=True)
    trainer_id = fields.Many2one(related="session_id.trainer_id", store=True, index=True)
    session_state = fields.Selection(related="session_id.state", string="Session Status")
    company_id = fields.Many2one(related="session_id.company_id", store=True, index=True)
    hours = fields.Float(compute="_compute_hours", digits=(5, 2))
    state = fields.Selection(
        [("pending", "To sign"), ("present", "Present"), ("absent", "Absent")],
        required=True,
        default="pending",
        readonly=True,
        index=True,
    )
    signature = fields.Binary(attachment=True, copy=False)
    signed_on = fields.Datetime(readonly=True, copy=False)
    attested = fields.Boolean(
        string="Attested by the Trainer",
        readonly=True,
        copy=False,
        help="Present without the trainee's own signature: the trainer's signature of the "
        "sheet attests it.",
    )
    absence_reason = fields.Selection(ABSENCE_REASONS, copy=False)
    hours_id = fields.Many2one(
        "tiers_lieu.trainee.hours", string="Hours Line", readonly=True, copy=False
    )

    _sql_constraints = [
        (
            "trainee_half_day_uniq",
            "unique(session_id, trainee_id, half_day)",
            "A trainee has one line per half-day of a session.",
        ),
        (
            "absence_reason",
            "CHECK(state != 'absent' OR absence_reason IS NOT NULL)",
            "An absence has a reason.",
        ),
    ]

    @api.depends(
        "half_day",
        "session_id.morning_start",
        "session_id.morning_end",
        "session_id.afternoon_start",
        "session_id.afternoon_end",
    )
    def _compute_hours(self):
        for line in self:
            session = line.session_id
            if line.half_day == "morning":
                line.hours = session.morning_end - session.morning_start
            elif line.half_day == "afternoon":
                line.hours = session.afternoon_end - session.afternoon_start
            else:
                line.hours = 0.0

    def write(self, vals):
        if RECORD_FIELDS & set(vals) and not self.env.context.get(ATTENDANCE_CONTEXT):
            # The sign dialog saves the drawing on a line still to sign; nothing else.
            if set(vals) - {"signature", "absence_reason"} & RECORD_FIELDS or self.filtered(
                lambda line: line.state != "pending"
            ):
                self._raise_recorded()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_recorded(self):
        if not self.env.context.get(ATTENDANCE_CONTEXT) and self.filtered(
            lambda line: line.state != "pending"
        ):
            self._raise_recorded()

    # ------------------------------------------------------------ actions

    def action_open_sign(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [
                (
                    self.env.ref(
                        "tiers_lieu_training_session.training_attendance_view_form_sign"
                    ).id,
                    "form",
                )
            ],
            "target": "new",
            "name": self.trainee_id.name,
        }

    def action_sign(self):
        """The trainee signed on screen: present, and their training hours are written."""
        missing = self.filtered(lambda line: not line.signature and line.state == "pending")
        if missing:
            raise UserError(
                self.env._(
                    "%(trainee)s has not signed yet: draw the signature in the box.",
                    trainee=missing[0].trainee_id.name,
                )
            )
        self._set_present()
        return True

    def action_mark_absent(self):
        for line in self:
            line._check_pending()
            if not line.absence_reason:
                raise UserError(
                    self.env._(
                        "Choose why %(trainee)s is absent: sick, justified or unjustified.",
                        trainee=line.trainee_id.name,
                    )
                )
        self.with_context(**{ATTENDANCE_CONTEXT: True}).write(
            {"state": "absent", "signature": False, "signed_on": fields.Datetime.now()}
        )
        return True

    def action_reset(self):
        """Undo a wrong signature or absence while the session is open: the hours go."""
        for line in self:
            line.session_id._check_open()
        hours = self.hours_id
        self.with_context(**{ATTENDANCE_CONTEXT: True}).write(
            {
                "state": "pending",
                "signature": False,
                "signed_on": False,
                "attested": False,
                "absence_reason": False,
                "hours_id": False,
            }
        )
        hours.sudo().with_context(**{SESSION_HOURS_CONTEXT: True}).unlink()
        return True

    # ------------------------------------------------------------ business

    def _check_pending(self):
        self.ensure_one()
        self.session_id._check_open()
        if self.state != "pending":
            self._raise_recorded()

    def _raise_recorded(self):
        line = self.filtered(lambda rec: rec.state != "pending")[:1] or self[:1]
        states = dict(self._fields["state"]._description_selection(self.env))
        raise UserError(
            self.env._(
                "%(trainee)s is already recorded for the %(half_day)s of %(date)s "
                "(%(state)s): a half-day is signed once. Reset the line to correct it.",
                trainee=line.trainee_id.name,
                half_day=dict(self._fields["half_day"]._description_selection(self.env))[
                    line.half_day
                ].lower(),
                date=format_date(self.env, line.date),
                state=states[line.state],
            )
        )

    def _set_present(self, attested=False):
        """Present lines write one training hours line each (as the system: the session's
        trainer may lead trainees another trainer follows)."""
        for line in self:
            line._check_pending()
        now = fields.Datetime.now()
        hours = (
            self.env["tiers_lieu.trainee.hours"]
            .sudo()
            .with_context(**{SESSION_HOURS_CONTEXT: True})
            .create(
                [
                    {
                        "trainee_id": line.trainee_id.id,
                        "date": line.date,
                        "kind": "training",
                        "hours": line.hours,
                        "source": "session",
                        "attendance_id": line.id,
                        "description": line._hours_description(),
                        "user_id": line.trainer_id.id,
                    }
                    for line in self
                ]
            )
        )
        for line, hours_line in zip(self, hours, strict=True):
            line.with_context(**{ATTENDANCE_CONTEXT: True}).write(
                {
                    "state": "present",
                    "signed_on": now,
                    "attested": attested,
                    "hours_id": hours_line.id,
                }
            )

    def _hours_description(self):
        self.ensure_one()
        half_day = dict(self._fields["half_day"]._description_selection(self.env))[self.half_day]
        return f"{self.session_id.topic} ({half_day.lower()})"
