from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from odoo.addons.tiers_lieu_training_machine.tests.common import at

from .common import MONDAY, SessionCase


@tagged("post_install", "-at_install")
class TestPracticeJob(SessionCase):
    """Trainers create and run print jobs of their sessions, counted as training."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.authorize(cls.lea.partner_id)  # Léa is authorised on FDM printers; Yanis is not
        cls.session = cls.plan(cls.lea | cls.yanis, span="day")

    def practice_job(self, operator, user=None, **vals):
        Job = self.env["tiers_lieu.print.job"].with_user(user or self.trainer)
        return Job.create(
            {
                "part_name": "Calibration cube",
                "material_id": self.pla.id,
                "machine_id": self.printer.id,
                "operator_id": operator.id,
                "estimated_duration_hours": 1.0,
                "estimated_grams": 10.0,
                "session_id": self.session.id,
                **vals,
            }
        )

    def run_practice(self, job, start, end):
        with freeze_time(start):
            job.action_queue()
            job.action_start()
        with freeze_time(end):
            job.action_done()
        return job

    def test_trainer_creates_and_runs_a_practice_job(self):
        job = self.practice_job(self.lea.partner_id)
        self.assertTrue(job.is_practice)
        # Monday 10:00-11:00 Paris (9:00-10:00 UTC).
        self.run_practice(job, at(MONDAY, 9), at(MONDAY, 10))
        self.assertEqual(job.state, "done")
        lines = job.sudo().trainee_hours_ids
        self.assertEqual(lines.trainee_id, self.lea)
        self.assertEqual(lines.kind, "training")
        self.assertAlmostEqual(lines.hours, 1.0)

    def test_production_job_still_counts_as_production(self):
        job = self.run_job(self.lea.partner_id, at(MONDAY, 9), at(MONDAY, 10))
        self.assertEqual(job.sudo().trainee_hours_ids.kind, "production")

    def test_unauthorised_trainee_needs_a_supervisor(self):
        with self.assertRaisesRegex(ValidationError, "name the trainer who supervises"):
            self.practice_job(self.yanis.partner_id)
        job = self.practice_job(self.yanis.partner_id, supervisor_id=self.trainer.id)
        # The machine asks for an authorisation; the supervising trainer covers it.
        self.printer.authorization_required = True
        self.run_practice(job, at(MONDAY, 12), at(MONDAY, 13))
        self.assertEqual(job.state, "done")
        self.assertEqual(job.supervisor_id, self.trainer)
        with self.assertRaisesRegex(ValidationError, "is not a trainer"):
            self.practice_job(self.yanis.partner_id, supervisor_id=self.staff.id)

    def test_production_job_of_an_unauthorised_trainee_is_still_refused(self):
        self.printer.authorization_required = True
        job = self.env["tiers_lieu.print.job"].create(
            {
                "part_name": "Visor",
                "material_id": self.pla.id,
                "machine_id": self.printer.id,
                "operator_id": self.yanis.partner_id.id,
                "estimated_duration_hours": 1.0,
                "estimated_grams": 10.0,
            }
        )
        job.action_queue()
        with self.assertRaisesRegex(UserError, "no valid authorisation"):
            job.action_start()

    def test_operator_is_a_trainee_of_the_session(self):
        with self.assertRaisesRegex(ValidationError, "is not in the group"):
            self.practice_job(self.karim.partner_id, supervisor_id=self.trainer.id)

    def test_machine_outside_the_session_needs_forcing(self):
        with self.assertRaisesRegex(ValidationError, "not a machine of the session"):
            self.practice_job(self.lea.partner_id, machine_id=self.printer_2.id)
        job = self.practice_job(self.lea.partner_id)
        with self.assertRaisesRegex(ValidationError, "not a machine of the session"):
            job.machine_id = self.printer_2
        job.write({"machine_id": self.printer_2.id, "force_machine": True})
        job.action_queue()
        job.action_start()
        self.assertEqual(job.state, "printing")

    def test_dispatch_keeps_practice_jobs_off_production(self):
        practice = self.practice_job(self.lea.partner_id, machine_id=False)
        practice.action_queue()
        production = self.env["tiers_lieu.print.job"].create(
            {
                "part_name": "Visor",
                "material_id": self.pla.id,
                "estimated_duration_hours": 1.0,
                "estimated_grams": 10.0,
            }
        )
        production.action_queue()
        dispatched = self.env["tiers_lieu.print.job"]._dispatch()
        self.assertIn(production, dispatched)
        self.assertNotIn(practice, dispatched)
        self.assertFalse(practice.machine_id)
        practice.force_machine = True
        self.assertIn(practice, self.env["tiers_lieu.print.job"]._dispatch())

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.models")
    def test_trainer_cannot_write_production_jobs(self):
        production = self.env["tiers_lieu.print.job"].create(
            {"part_name": "Visor", "material_id": self.pla.id, "estimated_duration_hours": 1}
        )
        with self.assertRaises(AccessError):
            production.with_user(self.trainer).write({"part_name": "Mine"})
        with self.assertRaises(AccessError):
            self.env["tiers_lieu.print.job"].with_user(self.trainer).create(
                {"part_name": "Mine", "material_id": self.pla.id}
            )
        # Another trainer's session: refused as well.
        with self.assertRaises(AccessError):
            self.practice_job(self.lea.partner_id, user=self.other_trainer)

    def test_signed_day_is_not_counted_twice(self):
        """The attendance sheet already counts Léa's morning in the session."""
        self.sign(self.line(self.session, self.lea))
        job = self.run_practice(
            self.practice_job(self.lea.partner_id), at(MONDAY, 9), at(MONDAY, 10)
        )
        self.assertFalse(job.sudo().trainee_hours_ids)
        self.assertAlmostEqual(sum(self.lea.hours_ids.mapped("hours")), 3.5)

    def test_new_practice_job_from_the_session(self):
        action = self.session.with_user(self.trainer).action_new_practice_job()
        Job = (
            self.env["tiers_lieu.print.job"]
            .with_user(self.trainer)
            .with_context(**action["context"])
        )
        with Form(Job) as form:
            form.part_name = "Calibration cube"
            form.operator_id = self.lea.partner_id
            form.material_id = self.pla
            form.estimated_duration_hours = 1.0
            form.estimated_grams = 10.0
        job = form.record
        self.assertEqual(job.session_id, self.session)
        self.assertEqual(job.machine_id, self.printer)
        self.assertEqual(job.supervisor_id, self.trainer)
        self.assertIn(job, self.session.print_job_ids)
