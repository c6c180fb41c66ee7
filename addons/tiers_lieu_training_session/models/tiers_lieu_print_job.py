from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..const import SUPERVISED_CONTEXT


class TiersLieuPrintJob(models.Model):
    """Practice jobs: print jobs of a training session, run by a trainee (authorised on
    the machine kind, or under a supervising trainer). Their hours count as training, and
    the dispatch keeps them off the machines the session did not plan unless forced."""

    _inherit = "tiers_lieu.print.job"

    session_id = fields.Many2one(
        "tiers_lieu.training.session",
        string="Training Session",
        index="btree_not_null",
        ondelete="restrict",
        check_company=True,
        groups="tiers_lieu.group_trainer,tiers_lieu.group_staff",
        help="A job of a training session is a practice job: not production output, its "
        "operator's hours count as training.",
    )
    is_practice = fields.Boolean(
        string="Practice Job", compute="_compute_is_practice", store=True, index=True
    )
    supervisor_id = fields.Many2one(
        "res.users",
        string="Supervising Trainer",
        tracking=True,
        help="The trainer who supervises a trainee not yet authorised on this kind of " "machine.",
    )
    force_machine = fields.Boolean(
        string="Force the Machine",
        tracking=True,
        help="Let this practice job go on a machine the session did not plan, production "
        "printers included.",
    )

    @api.depends("session_id")
    def _compute_is_practice(self):
        for job in self:
            job.is_practice = bool(job.session_id)

    @api.constrains("session_id", "operator_id", "supervisor_id", "machine_kind")
    def _check_practice_operator(self):
        practice = self.sudo().filtered("session_id")
        if not practice:
            return
        trainer_group = self.env.ref("tiers_lieu.group_trainer")
        authorised = (
            self.env["tiers_lieu.machine.authorization"]
            .sudo()
            ._valid_pairs(practice.operator_id, set(practice.mapped("machine_kind")))
        )
        kinds = dict(self._fields["machine_kind"]._description_selection(self.env))
        for job in practice:
            if job.supervisor_id and trainer_group not in job.supervisor_id.groups_id:
                raise ValidationError(
                    self.env._(
                        "%(user)s is not a trainer: only a trainer supervises a practice job.",
                        user=job.supervisor_id.name,
                    )
                )
            if not job.operator_id:
                raise ValidationError(
                    self.env._(
                        "Practice job %(job)s: choose the trainee who runs it.", job=job.name
                    )
                )
            if job.operator_id not in job.session_id.trainee_ids.partner_id:
                raise ValidationError(
                    self.env._(
                        "%(person)s is not in the group of %(session)s: a practice job is "
                        "run by a trainee of its session.",
                        person=job.operator_id.name,
                        session=job.session_id.name,
                    )
                )
            if (job.operator_id.id, job.machine_kind) not in authorised and not (job.supervisor_id):
                raise ValidationError(
                    self.env._(
                        "%(person)s is not authorised on %(kind)s machines: name the "
                        "trainer who supervises practice job %(job)s.",
                        person=job.operator_id.name,
                        kind=kinds[job.machine_kind].lower(),
                        job=job.name,
                    )
                )

    @api.onchange("session_id")
    def _onchange_session_id(self):
        session = self.session_id
        if session and session.machine_ids and self.machine_id not in session.machine_ids:
            self.machine_id = session.machine_ids[:1]
        if session and not self.supervisor_id:
            self.supervisor_id = session.trainer_id

    # ------------------------------------------------------------ actions

    def action_start(self):
        return super(TiersLieuPrintJob, self._as_practice_runner()).action_start()

    def action_done(self):
        return super(TiersLieuPrintJob, self._as_practice_runner()).action_done()

    def _as_practice_runner(self):
        """A trainer runs the practice jobs they may write: starting and ending a job moves
        spools and material (stock rights the workshop has, trainers not), so those steps
        run as the system once the trainer's right on the jobs is checked."""
        if (
            not self
            or self.env.su
            or self.env.user.has_group("tiers_lieu.group_staff")
            or not all(self.mapped("is_practice"))
        ):
            return self
        self.check_access("write")
        return self.sudo()

    # ------------------------------------------------------------ hooks

    @api.model
    def _production_domain(self):
        """Practice jobs are training, never the workshop's production."""
        return super()._production_domain() + [("is_practice", "=", False)]

    def _machine_problem(self, machine):
        problem = super()._machine_problem(machine)
        if problem or not self.session_id or self.force_machine:
            return problem
        session = self.sudo().session_id
        if machine not in session.machine_ids:
            return self.env._(
                "%(machine)s is not a machine of the session %(session)s: practice job "
                "%(job)s goes on one of its machines (%(machines)s) unless the trainer "
                "forces it.",
                machine=machine.display_name,
                session=session.name,
                job=self.name,
                machines=", ".join(session.machine_ids.mapped("display_name")) or "–",
            )
        return None

    def _check_can_start(self):
        """A supervised practice job starts although its trainee holds no authorisation:
        the supervising trainer answers for it (recorded on the job)."""
        supervised = self.sudo().filtered(lambda job: job.session_id and job.supervisor_id)
        jobs = self
        if supervised:
            pairs = [(job.operator_id.id, job.machine_kind) for job in supervised]
            jobs = self.with_context(**{SUPERVISED_CONTEXT: pairs})
        return super(TiersLieuPrintJob, jobs)._check_can_start()

    def _dispatch_rows(self):
        """Practice jobs not forced stay out of the dispatch: the trainer puts them on a
        machine of their session (the production queue keeps the others)."""
        rows = super()._dispatch_rows()
        if not rows:
            return rows
        held = set(
            self.sudo()
            .search(
                [
                    ("id", "in", [row[0] for row in rows]),
                    ("is_practice", "=", True),
                    ("force_machine", "=", False),
                ]
            )
            .ids
        )
        return [row for row in rows if row[0] not in held]

    @api.model
    def _apply_trainee_hours(self, desired, recomputed, Hours):
        """Practice jobs count as training hours; a day on which the trainee signed the
        attendance sheet of the job's session is counted by the sheet already."""
        practice = [job for job in desired if job.session_id]
        if practice:
            covered = {
                (line.session_id.id, line.trainee_id.id, line.date)
                for line in self.env["tiers_lieu.training.attendance"]
                .sudo()
                .search(
                    [
                        ("session_id", "in", [job.session_id.id for job in practice]),
                        ("state", "=", "present"),
                    ]
                )
            }
            for job in practice:
                trainee, per_day = desired[job]
                for day in list(per_day):
                    if (job.session_id.id, trainee.id, day) in covered:
                        del per_day[day]
        result = super()._apply_trainee_hours(desired, recomputed, Hours)
        practice_jobs = recomputed.filtered("session_id")
        if practice_jobs:
            Hours.search(
                [("print_job_id", "in", practice_jobs.ids), ("kind", "!=", "training")]
            ).write({"kind": "training"})
        return result
