from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import format_date

from odoo.addons.tiers_lieu_training.const import number_text

from .. import pdf
from ..const import ATTENDANCE_CONTEXT, MAX_SESSION_HOURS, SESSION_SPANS, float_time

# Fields whose change moves the hours already signed.
TIME_FIELDS = {"date", "morning_start", "morning_end", "afternoon_start", "afternoon_end"}


class TrainingSession(models.Model):
    """A training session led by a trainer for a group of trainees on one day.

    Its attendance sheet has one line per trainee and half-day; a signed line writes the
    trainee's training hours, and the closed session keeps its PDF sheet as the funder's
    evidence.
    """

    _name = "tiers_lieu.training.session"
    _description = "Training Session"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    topic = fields.Char(required=True, tracking=True)
    date = fields.Date(required=True, index=True, tracking=True, default=fields.Date.context_today)
    span = fields.Selection(
        SESSION_SPANS, string="Half-days", required=True, default="morning", tracking=True
    )
    morning_start = fields.Float(default=9.0)
    morning_end = fields.Float(default=12.5)
    afternoon_start = fields.Float(default=13.5)
    afternoon_end = fields.Float(default=17.0)
    duration_hours = fields.Float(compute="_compute_duration_hours", string="Duration (h)")
    skill_block_id = fields.Many2one(
        "tiers_lieu.skill.block", string="Skill Block", ondelete="restrict"
    )
    skill_type_id = fields.Many2one(related="skill_block_id.skill_type_id", string="Skills Grid")
    machine_ids = fields.Many2many("maintenance.equipment", string="Machines", check_company=True)
    trainer_id = fields.Many2one(
        "res.users",
        string="Trainer",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain=lambda self: [("groups_id", "in", self.env.ref("tiers_lieu.group_trainer").ids)],
    )
    trainer_name = fields.Char(related="trainer_id.name", string="Trainer Name")
    trainee_ids = fields.Many2many("tiers_lieu.trainee", string="Trainees", check_company=True)
    attendance_ids = fields.One2many(
        "tiers_lieu.training.attendance", "session_id", string="Attendance Sheet"
    )
    print_job_ids = fields.One2many(
        "tiers_lieu.print.job", "session_id", string="Practice Jobs", readonly=True
    )
    trainer_signature = fields.Binary(
        attachment=True,
        copy=False,
        help="The trainer signs the sheet; required to attest the presence of the trainees "
        "who have not signed themselves.",
    )
    state = fields.Selection(
        [("open", "Planned"), ("done", "Closed"), ("cancelled", "Cancelled")],
        required=True,
        default="open",
        readonly=True,
        tracking=True,
        copy=False,
    )
    pending_count = fields.Integer(compute="_compute_counts", string="To Sign")
    present_count = fields.Integer(compute="_compute_counts", string="Present")
    absent_count = fields.Integer(compute="_compute_counts", string="Absent")
    note = fields.Html(string="Content")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.depends("topic", "date")
    def _compute_name(self):
        for session in self:
            day = format_date(self.env, session.date) if session.date else ""
            session.name = " – ".join(filter(None, [session.topic, day]))

    @api.depends("span", "morning_start", "morning_end", "afternoon_start", "afternoon_end")
    def _compute_duration_hours(self):
        for session in self:
            session.duration_hours = sum(end - start for start, end in session._slots().values())

    @api.depends("attendance_ids.state")
    def _compute_counts(self):
        for session in self:
            states = session.attendance_ids.mapped("state")
            session.pending_count = states.count("pending")
            session.present_count = states.count("present")
            session.absent_count = states.count("absent")

    @api.constrains("span", "morning_start", "morning_end", "afternoon_start", "afternoon_end")
    def _check_times(self):
        for session in self:
            slots = session._slots()
            for start, end in slots.values():
                if not 0 <= start < end <= 24:
                    raise ValidationError(
                        self.env._(
                            "%(session)s: a half-day starts before it ends, within the day "
                            "(%(start)s–%(end)s is not).",
                            session=session.topic,
                            start=float_time(start),
                            end=float_time(end),
                        )
                    )
            if len(slots) == 2 and slots["morning"][1] > slots["afternoon"][0]:
                raise ValidationError(
                    self.env._(
                        "%(session)s: the morning ends before the afternoon starts.",
                        session=session.topic,
                    )
                )
            if session.duration_hours > MAX_SESSION_HOURS:
                raise ValidationError(
                    self.env._(
                        "%(session)s lasts %(hours)s hours: a working day holds at most "
                        "%(max)s hours (Code du travail L3121-18).",
                        session=session.topic,
                        hours=number_text(session.duration_hours, 2),
                        max=number_text(MAX_SESSION_HOURS),
                    )
                )

    @api.constrains("date", "span", "trainee_ids", "state", *TIME_FIELDS)
    def _check_trainee_overlap(self):
        """A trainee is in one session at a time (sessions of every trainer)."""
        sessions = self.filtered(lambda s: s.state != "cancelled" and s.trainee_ids)
        if not sessions:
            return
        others = (
            self.sudo().search(
                [
                    ("id", "not in", sessions.ids),
                    ("date", "in", list(set(sessions.mapped("date")))),
                    ("state", "!=", "cancelled"),
                    ("trainee_ids", "in", sessions.trainee_ids.ids),
                ]
            )
            | sessions.sudo()
        )
        for session in sessions:
            for other in others:
                if other.id == session.id or other.date != session.date:
                    continue
                common = session.trainee_ids & other.trainee_ids
                if common and session._overlaps(other):
                    raise ValidationError(
                        self.env._(
                            "%(trainees)s already attend %(other)s (led by %(trainer)s) "
                            "at that time: a trainee is in one session at a time.",
                            trainees=", ".join(common.sudo().mapped("name")),
                            other=other.name,
                            trainer=other.trainer_id.name,
                        )
                    )

    @api.model_create_multi
    def create(self, vals_list):
        sessions = super().create(vals_list)
        sessions._sync_attendance()
        return sessions

    def write(self, vals):
        if TIME_FIELDS & set(vals) and self.attendance_ids.filtered(
            lambda line: line.state != "pending"
        ):
            raise UserError(
                self.env._(
                    "Attendance is already recorded: the date and times of the session no "
                    "longer change. Reset the signed lines first."
                )
            )
        if ({"trainee_ids", "span"} & set(vals)) and self.filtered(lambda s: s.state != "open"):
            raise UserError(self.env._("A closed or cancelled session keeps its trainees."))
        result = super().write(vals)
        if {"trainee_ids", "span"} & set(vals):
            self._sync_attendance()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_recorded(self):
        if self.attendance_ids.filtered(lambda line: line.state != "pending"):
            raise UserError(
                self.env._("A session with recorded attendance is kept: cancel it instead.")
            )

    # ------------------------------------------------------------ actions

    def action_all_present(self):
        """The trainer attests, with their signature, the presence of the trainees still
        to sign (one click for a group that was all there)."""
        for session in self:
            session._check_open()
            if not session.trainer_signature:
                raise UserError(
                    self.env._(
                        "Sign the sheet as the trainer first: your signature attests the "
                        "presence of the trainees who did not sign."
                    )
                )
            session.attendance_ids.filtered(lambda line: line.state == "pending")._set_present(
                attested=True
            )
        return True

    def action_close(self):
        for session in self:
            session._check_open()
            pending = session.attendance_ids.filtered(lambda line: line.state == "pending")
            if pending:
                raise UserError(
                    self.env._(
                        "%(trainees)s still have to sign or be marked absent.",
                        trainees=", ".join(pending.trainee_id.mapped("name")),
                    )
                )
            if not session.trainer_signature:
                raise UserError(self.env._("Sign the sheet as the trainer before closing it."))
        self.write({"state": "done"})
        # The sheet of the closed session is stored as its evidence (the report's attachment).
        self.env.ref("tiers_lieu_training_session.action_report_attendance_sheet")._render_qweb_pdf(
            "tiers_lieu_training_session.action_report_attendance_sheet", self.ids
        )
        return True

    def action_cancel(self):
        if self.attendance_ids.filtered(lambda line: line.state == "present"):
            raise UserError(
                self.env._("Trainees have signed: reset their lines before cancelling the session.")
            )
        self.write({"state": "cancelled"})
        return True

    def action_open_tablet(self):
        """The sheet as large cards, for trainees to sign on a tablet."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "tiers_lieu_training_session.training_attendance_tablet_action"
        )
        action["domain"] = [("session_id", "=", self.id)]
        action["context"] = {"default_session_id": self.id}
        action["display_name"] = self.name
        return action

    def action_new_practice_job(self):
        """A print job of this session, for a trainee of the group, on one of its machines."""
        self.ensure_one()
        self._check_open()
        machine = self.machine_ids[:1]
        return {
            "type": "ir.actions.act_window",
            "res_model": "tiers_lieu.print.job",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "name": self.env._("Practice Job"),
            "context": {
                "default_session_id": self.id,
                "default_supervisor_id": self.trainer_id.id,
                "default_machine_id": machine.id,
                "default_machine_kind": machine.machine_kind or "fdm_printer",
                "default_operator_id": self.trainee_ids[:1].partner_id.id
                if len(self.trainee_ids) == 1
                else False,
            },
        }

    # ------------------------------------------------------------ business

    def _check_open(self):
        self.ensure_one()
        if self.state != "open":
            raise UserError(self.env._("%(session)s is closed or cancelled.", session=self.name))

    def _slots(self):
        """{half-day: (start, end)} of the session, hours of the day as floats."""
        self.ensure_one()
        slots = {}
        if self.span in ("morning", "day"):
            slots["morning"] = (self.morning_start, self.morning_end)
        if self.span in ("afternoon", "day"):
            slots["afternoon"] = (self.afternoon_start, self.afternoon_end)
        return slots

    def _overlaps(self, other):
        return any(
            start < other_end and other_start < end
            for start, end in self._slots().values()
            for other_start, other_end in other._slots().values()
        )

    def _sync_attendance(self):
        """One line per trainee and half-day: add the missing, drop the pending extra."""
        Attendance = self.env["tiers_lieu.training.attendance"]
        to_create, to_drop = [], Attendance
        # A trainer groups the trainees they follow (the m2m alone would link any id).
        self.trainee_ids.check_access("read")
        for session in self.filtered(lambda s: s.state == "open"):
            wanted = {(t.id, h) for t in session.trainee_ids for h in session._slots()}
            existing = {
                (line.trainee_id.id, line.half_day): line for line in session.attendance_ids
            }
            for key, line in existing.items():
                if key not in wanted:
                    to_drop |= line
            to_create += [
                {"session_id": session.id, "trainee_id": trainee_id, "half_day": half_day}
                for trainee_id, half_day in sorted(wanted - set(existing))
            ]
        recorded = to_drop.filtered(lambda line: line.state != "pending")
        if recorded:
            raise UserError(
                self.env._(
                    "%(trainees)s already signed or are marked absent: reset their lines "
                    "before removing them from the session.",
                    trainees=", ".join(recorded.trainee_id.mapped("name")),
                )
            )
        to_drop.with_context(**{ATTENDANCE_CONTEXT: True}).unlink()
        if to_create:
            Attendance.create(to_create)

    def _attendance_attachment_name(self):
        """File name under which the closed session keeps its sheet; False while open."""
        self.ensure_one()
        if self.state != "done":
            return False
        return self._attendance_filename() + ".pdf"

    def _attendance_filename(self):
        self.ensure_one()
        return self.env._(
            "Attendance sheet %(date)s %(topic)s", date=self.date.isoformat(), topic=self.topic
        )

    def _render_attendance_pdf(self, data=None):
        """{session id: PDF bytes} (renderer of action_report_attendance_sheet)."""
        return {session.id: pdf.attendance_sheet_pdf(session) for session in self}
