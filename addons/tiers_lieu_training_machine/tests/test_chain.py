from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import MONDAY, TrainingMachineCase, at


@tagged("post_install", "-at_install")
class TestChain(TrainingMachineCase):
    """Training → skill → authorisation → machine → hours → funder statement."""

    def test_from_evaluation_to_funder_statement(self):
        fatou = self.create_trainee("Fatou Diallo", state="in_progress")
        path = self.add_path(self.cddi_vals(fatou, pass_number="999992500040"))
        Job = self.env["tiers_lieu.print.job"].with_user(self.staff)
        job = Job.create(
            {
                "part_name": "Visor headband v30",
                "material_id": self.pla.id,
                "machine_id": self.printer.id,
                "operator_id": fatou.partner_id.id,
                "estimated_duration_hours": 2.0,
                "estimated_grams": 31.0,
            }
        )
        job.action_queue()
        # Before the training: the machine park refuses her.
        with self.assertRaises(UserError) as cm:
            job.action_start()
        self.assertIn("holds no valid authorisation", str(cm.exception))
        self.assertEqual(job.state, "queued")

        # Her trainer validates the skill in her file.
        with Form(fatou.with_user(self.trainer)) as form:
            with form.evaluation_ids.new() as line:
                line.skill_id = self.skill_fdm
                line.level_id = self.level_acquired
                line.date = date(2026, 3, 13)
                line.comment = "Runs a batch of visors alone"
        auth = fatou.evaluation_ids.machine_authorization_ids
        self.assertEqual((auth.state, auth.granted_by_id), ("valid", self.trainer))

        # Now she runs the printer on Monday, 10:00–12:00 in Paris.
        with freeze_time(at(MONDAY, 9)):
            job.action_start()
        self.assertEqual(job.state, "printing")
        with freeze_time(at(MONDAY, 11)):
            job.action_done()
        self.assertEqual(auth.last_use_date, MONDAY)

        # Her file counts the production hours of the job…
        line = fatou.hours_ids
        self.assertEqual(
            (line.kind, line.source, line.print_job_id, line.hours, line.path_id),
            ("production", "print_job", job, 2.0, path),
        )
        self.assertEqual(fatou.with_user(self.trainer).week_hours, 2)
        self.assertEqual(fatou.with_user(self.trainer).month_hours, 2)
        # … and so does the monthly statement of her funder.
        statement = (
            self.env["tiers_lieu.hours.statement"]
            .with_user(self.insertion_manager)
            .create({"month": date(2026, 3, 1), "funder_kind": "asp"})
        )
        statement.action_issue()
        fatou_line = statement.line_ids.filtered(lambda s: s.trainee_id == fatou)
        self.assertEqual((fatou_line.production_hours, fatou_line.total_hours), (2, 2))
        self.assertEqual(statement.state, "done")
        rows = self.env["tiers_lieu.trainee"]._get_exit_indicators(2026)
        asp = next(row for row in rows if row["funder_id"] == self.asp.id)
        self.assertEqual(asp["production_hours"], 2)
