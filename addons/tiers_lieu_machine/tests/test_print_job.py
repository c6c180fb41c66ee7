from datetime import datetime

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import MachineCase, gcode_b64


@tagged("post_install", "-at_install")
class TestPrintJob(MachineCase):
    def test_sequence_and_slicer_estimates_on_create(self):
        job = self.env["tiers_lieu.print.job"].create(
            {
                "part_name": "Headband",
                "material_id": self.petg.id,
                "print_file": gcode_b64("prusaslicer_headband.gcode"),
                "print_filename": "headband.gcode",
            }
        )
        self.assertTrue(job.name.startswith("JOB/"))
        self.assertEqual(job.slicer, "PrusaSlicer")
        self.assertAlmostEqual(job.estimated_duration_hours, 1.41, places=2)
        self.assertAlmostEqual(job.estimated_grams, 29.33)

    def test_cura_length_weighed_with_the_material_density(self):
        job = self.make_job(
            material_id=self.petg.id,
            print_file=gcode_b64("cura_clip.gcode"),
            print_filename="clip.gcode",
            estimated_grams=0,
            estimated_duration_hours=0,
            size_x_mm=0,
        )
        # explicit values win over the header: 0 was given
        self.assertEqual(job.estimated_grams, 0)
        job.write({"print_file": gcode_b64("cura_clip.gcode")})
        # 8214.1 mm³ of PETG at 1.27 g/cm³
        self.assertAlmostEqual(job.estimated_grams, 10.43, places=2)
        self.assertAlmostEqual(job.size_x_mm, 65.8)
        self.assertAlmostEqual(job.size_z_mm, 12.4)

    def test_form_fills_estimates_from_the_file_and_keeps_them_editable(self):
        with Form(self.env["tiers_lieu.print.job"].with_user(self.staff)) as form:
            form.part_name = "Gear"
            form.material_id = self.pla
            form.print_file = gcode_b64("orcaslicer_gear.gcode")
            self.assertAlmostEqual(form.estimated_grams, 12.58)
            form.estimated_grams = 13.0
        job = form.record
        self.assertEqual(job.slicer, "OrcaSlicer")
        self.assertEqual(job.estimated_grams, 13.0)
        self.assertAlmostEqual(job.estimated_duration_hours, 2832 / 3600, places=2)

    def test_full_flow_done(self):
        job = self.make_job(operator_id=self.alice.id, quantity_per_plate=4)
        with freeze_time("2026-03-02 08:00:00"):
            job.action_queue()
            self.assertEqual(job.state, "queued")
            job.machine_id = self.mk4
            job.action_start()
        self.assertEqual(job.state, "printing")
        self.assertEqual(self.mk4.machine_state, "printing")
        self.assertEqual(job.grams_actual, 30.0, "the slicer estimate until weighed")
        job.action_pause()
        self.assertEqual(self.mk4.machine_state, "paused")
        job.action_resume()
        job.grams_actual = 31.5
        with freeze_time("2026-03-02 09:45:00"):
            job.action_done()
        self.assertEqual(job.state, "done")
        self.assertEqual(job.date_end, datetime(2026, 3, 2, 9, 45))
        self.assertAlmostEqual(job.duration_hours, 1.75)
        self.assertEqual(job.good_quantity, 4)
        self.assertEqual(self.mk4.machine_state, "available")
        self.assertAlmostEqual(self.mk4.print_hours_total, 1.75)
        self.assertAlmostEqual(self.mk4.grams_total, 31.5)
        self.assertEqual(self.mk4.success_rate, 100.0)
        self.assertEqual(self.auth_alice.last_use_date.isoformat(), "2026-03-02")

    def test_failure_wizard(self):
        job = self.make_job(operator_id=self.alice.id, machine_id=self.mk4.id)
        with freeze_time("2026-03-02 08:00:00"):
            job.action_queue()
            job.action_start()
        action = job.action_fail()
        wizard = self.env[action["res_model"]].with_context(**action["context"]).create({})
        self.assertEqual(wizard.grams_actual, 30.0)
        with self.assertRaisesRegex(UserError, "failure reason"):
            wizard.action_confirm()
        self.assertEqual(job.state, "printing")
        wizard.write(
            {
                "failure_reason_ids": [
                    (6, 0, self.env.ref("tiers_lieu_machine.failure_reason_spaghetti").ids)
                ],
                "grams_actual": 12.0,
                "failed_weight_grams": 11.2,
            }
        )
        with freeze_time("2026-03-02 08:30:00"):
            wizard.action_confirm()
        self.assertEqual(job.state, "failed")
        self.assertEqual(job.failed_weight_grams, 11.2)
        self.assertEqual(job.failure_reason_ids.code, "spaghetti")
        self.assertEqual(self.mk4.job_failed_count, 1)
        self.assertEqual(self.mk4.success_rate, 0.0)
        self.assertAlmostEqual(self.mk4.print_hours_total, 0.5)

    def test_bad_values_are_refused_without_writing(self):
        job = self.make_job()
        for fname in ("estimated_grams", "estimated_duration_hours", "size_z_mm", "grams_actual"):
            with self.subTest(field=fname), self.assertRaisesRegex(ValidationError, "negative"):
                with self.cr.savepoint():
                    job.write({fname: -1})
        self.env.invalidate_all()
        self.assertEqual(job.estimated_grams, 30.0)
        job.write({"estimated_grams": 0, "estimated_duration_hours": 0})
        with self.assertRaisesRegex(UserError, "estimated duration.*estimated quantity"):
            job.action_queue()
        self.assertEqual(job.state, "draft")
        with self.assertRaises(ValidationError), self.cr.savepoint():
            job.write({"good_quantity": 2, "rejected_quantity": 1})
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.cr.savepoint():
            job.write({"quantity_per_plate": 0})
            job.flush_recordset()

    def test_material_size_and_kind_compatibility(self):
        with self.assertRaisesRegex(ValidationError, "cannot take .*TPU"):
            self.make_job(material_id=self.tpu.id, machine_id=self.mk4.id)
        with self.assertRaisesRegex(ValidationError, "does not fit"):
            self.make_job(machine_id=self.mini.id, size_x_mm=200, size_y_mm=100)
        # turned on the bed, a 200 x 100 part fits 250 x 210 either way; 215 x 240 too
        self.assertTrue(self.make_job(machine_id=self.mk4.id, size_x_mm=200, size_y_mm=240))
        with self.assertRaisesRegex(ValidationError, "needs a laser cutter"):
            self.make_job(
                machine_kind="laser_cutter", material_id=self.plywood.id, machine_id=self.mk4.id
            )
        job = self.make_job(machine_id=self.mini.id)
        with self.assertRaisesRegex(ValidationError, "cannot take .*PETG"):
            job.material_id = self.petg

    def test_start_refusals(self):
        job = self.make_job(operator_id=self.bob.id, machine_id=self.mk4.id)
        job.action_queue()
        with self.assertRaisesRegex(UserError, "Bob Trainee holds no valid authorisation"):
            job.action_start()
        self.assertEqual(job.state, "queued")
        job.operator_id = self.alice
        # a breakdown reported on the machine
        request = self.env["maintenance.request"].create(
            {"name": "Hotend leaks", "equipment_id": self.mk4.id}
        )
        self.assertTrue(request.stops_machine)
        self.assertEqual(self.mk4.machine_state, "out_of_order")
        with self.assertRaisesRegex(UserError, "out of order"):
            job.action_start()
        request.stops_machine = False
        job.action_start()
        other = self.make_job(operator_id=self.alice.id, machine_id=self.mk4.id)
        other.action_queue()
        with self.assertRaisesRegex(UserError, "is printing"):
            other.action_start()
        with self.assertRaisesRegex(ValidationError, "already printing"):
            other.write({"state": "printing"})

    def test_unassigned_operator_is_the_user(self):
        self.env["tiers_lieu.machine.authorization"].create(
            {"partner_id": self.staff.partner_id.id, "machine_kind": "fdm_printer"}
        )
        job = self.make_job(machine_id=self.mini.id)
        job.action_queue()
        job.with_user(self.staff).action_start()
        self.assertEqual(job.operator_id, self.staff.partner_id)

    def test_machine_without_authorization_requirement(self):
        self.mini.authorization_required = False
        job = self.make_job(operator_id=self.bob.id, machine_id=self.mini.id)
        job.action_queue()
        job.action_start()
        self.assertEqual(job.state, "printing")

    def test_cancel_and_delete(self):
        job = self.make_job()
        job.action_queue()
        with self.assertRaisesRegex(UserError, "cancel it"):
            job.unlink()
        job.action_cancel()
        self.assertEqual(job.state, "cancelled")
        job.unlink()
        job = self.make_job(machine_id=self.mk4.id, operator_id=self.alice.id)
        job.action_queue()
        job.action_start()
        with self.assertRaisesRegex(UserError, "Printing"):
            job.action_cancel()

    def test_done_needs_material_used(self):
        job = self.make_job(machine_id=self.mk4.id, operator_id=self.alice.id)
        with freeze_time("2026-03-02 08:00:00"):
            job.action_queue()
            job.action_start()
        job.grams_actual = 0
        with freeze_time("2026-03-02 09:00:00"), self.assertRaisesRegex(UserError, "grams"):
            job.action_done()
        self.assertEqual(job.state, "printing")
