from datetime import date

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestSessionTour(HttpCase):
    """A trainer runs the attendance of a session on a tablet-sized screen."""

    browser_size = "768x1024"

    def setUp(self):
        super().setUp()
        self.trainer = new_test_user(
            self.env, "tl_tour_session_trainer", groups="tiers_lieu.group_trainer"
        )
        self.trainees = self.env["tiers_lieu.trainee"]
        for name in ("Tour Alice", "Tour Bruno"):
            partner = self.env["res.partner"].create({"name": name})
            trainee = self.env["tiers_lieu.trainee"].create(
                {"partner_id": partner.id, "trainer_id": self.trainer.id, "state": "in_progress"}
            )
            self.env["tiers_lieu.trainee.path"].create(
                {
                    "trainee_id": trainee.id,
                    "kind": "internship",
                    "date_start": date(2025, 9, 1),
                    "date_end": date(2030, 6, 30),
                    "weekly_hours": 35,
                }
            )
            self.trainees |= trainee
        self.training_session = (
            self.env["tiers_lieu.training.session"]
            .with_user(self.trainer)
            .create(
                {
                    "topic": "Tour slicing",
                    "date": fields.Date.context_today(self.trainer),
                    "span": "morning",
                    "trainee_ids": [(6, 0, self.trainees.ids)],
                }
            )
        )

    def test_trainer_runs_the_attendance_on_a_tablet(self):
        self.start_tour(
            "/odoo", "tiers_lieu_training_session_attendance", login="tl_tour_session_trainer"
        )
        alice, bruno = self.trainees
        lines = self.training_session.attendance_ids
        alice_line = lines.filtered(lambda line: line.trainee_id == alice)
        bruno_line = lines.filtered(lambda line: line.trainee_id == bruno)
        self.assertEqual(alice_line.state, "present")
        self.assertTrue(alice_line.signature)
        self.assertAlmostEqual(alice_line.hours_id.hours, 3.5)
        self.assertEqual(bruno_line.state, "absent")
        self.assertEqual(bruno_line.absence_reason, "sick")
        self.assertFalse(bruno.hours_ids)
        self.assertEqual(self.training_session.state, "done")
        self.assertTrue(
            self.env["ir.attachment"].search(
                [
                    ("res_model", "=", self.training_session._name),
                    ("res_id", "=", self.training_session.id),
                    ("name", "=like", "%.pdf"),
                ]
            )
        )


@tagged("post_install", "-at_install")
class TestPracticeJobTour(HttpCase):
    """A trainer creates a practice print job for a trainee of their session."""

    def setUp(self):
        super().setUp()
        self.trainer = new_test_user(
            self.env, "tl_tour_practice_trainer", groups="tiers_lieu.group_trainer"
        )
        partner = self.env["res.partner"].create({"name": "Tour Chloé"})
        self.trainee = self.env["tiers_lieu.trainee"].create(
            {"partner_id": partner.id, "trainer_id": self.trainer.id, "state": "in_progress"}
        )
        self.env["tiers_lieu.trainee.path"].create(
            {
                "trainee_id": self.trainee.id,
                "kind": "internship",
                "date_start": date(2025, 9, 1),
                "date_end": date(2030, 6, 30),
                "weekly_hours": 35,
            }
        )
        self.env["tiers_lieu.machine.authorization"].create(
            {"partner_id": partner.id, "machine_kind": "fdm_printer", "granted_date": "2025-01-01"}
        )
        material = self.env["tiers_lieu.material"].create(
            {"name": "Tour PLA", "code": "TOUR-PLA", "family": "pla"}
        )
        self.printer = self.env["maintenance.equipment"].create(
            {
                "name": "Tour practice printer",
                "machine_kind": "fdm_printer",
                "material_ids": [(6, 0, material.ids)],
            }
        )
        self.training_session = (
            self.env["tiers_lieu.training.session"]
            .with_user(self.trainer)
            .create(
                {
                    "topic": "Tour practice",
                    "date": fields.Date.context_today(self.trainer),
                    "span": "morning",
                    "trainee_ids": [(6, 0, self.trainee.ids)],
                    "machine_ids": [(6, 0, self.printer.ids)],
                }
            )
        )

    def test_trainer_creates_a_practice_job(self):
        self.start_tour(
            "/odoo", "tiers_lieu_training_session_practice_job", login="tl_tour_practice_trainer"
        )
        job = self.training_session.print_job_ids
        self.assertEqual(len(job), 1)
        self.assertTrue(job.is_practice)
        self.assertEqual(job.part_name, "Tour calibration cube")
        self.assertEqual(job.operator_id, self.trainee.partner_id)
        self.assertEqual(job.machine_id, self.printer)
        self.assertEqual(job.supervisor_id, self.trainer)
