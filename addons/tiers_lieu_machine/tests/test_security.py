from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import MachineCase


@tagged("post_install", "-at_install")
class TestMachineSecurity(MachineCase):
    def test_staff_run_jobs_but_do_not_configure(self):
        Job = self.env["tiers_lieu.print.job"].with_user(self.staff)
        job = Job.create(
            {
                "part_name": "Clip",
                "material_id": self.pla.id,
                "estimated_duration_hours": 1,
                "estimated_grams": 5,
            }
        )
        job.action_queue()
        self.assertEqual(job.state, "queued")
        # Staff see the machine park...
        self.assertIn(self.mk4, self.env["maintenance.equipment"].with_user(self.staff).search([]))
        # ... but Managers configure machines, materials, rules
        with self.assertRaises(AccessError):
            self.mk4.with_user(self.staff).write({"build_z_mm": 500})
        with self.assertRaises(AccessError):
            self.env["maintenance.equipment"].with_user(self.staff).create(
                {"name": "Rogue", "machine_kind": "cnc"}
            )
        with self.assertRaises(AccessError):
            self.env["tiers_lieu.material"].with_user(self.staff).create({"name": "ABS"})
        with self.assertRaises(AccessError):
            self.env["tiers_lieu.machine.maintenance.rule"].with_user(self.staff).create(
                {"name": "x", "threshold": 1}
            )
        # and Trainers grant authorisations
        with self.assertRaises(AccessError):
            self.env["tiers_lieu.machine.authorization"].with_user(self.staff).create(
                {"partner_id": self.bob.id, "machine_kind": "fdm_printer"}
            )
        with self.assertRaises(AccessError):
            self.auth_alice.with_user(self.staff).action_revoke()

    def test_manager_configures_but_does_not_grant(self):
        self.mk4.with_user(self.manager).write({"build_z_mm": 250})
        self.assertEqual(self.mk4.build_z_mm, 250)
        machine = (
            self.env["maintenance.equipment"]
            .with_user(self.manager)
            .create({"name": "New laser", "machine_kind": "laser_cutter"})
        )
        self.assertEqual(machine.machine_state, "available")
        self.env["tiers_lieu.machine.maintenance.rule"].with_user(self.manager).create(
            {"name": "Belts", "threshold": 100, "equipment_ids": [(6, 0, machine.ids)]}
        )
        with self.assertRaises(AccessError):
            self.env["tiers_lieu.machine.authorization"].with_user(self.manager).create(
                {"partner_id": self.bob.id, "machine_kind": "laser_cutter"}
            )

    def test_trainer_manages_authorisations_and_reads_jobs_only(self):
        Auth = self.env["tiers_lieu.machine.authorization"].with_user(self.trainer)
        auth = Auth.create({"partner_id": self.bob.id, "machine_kind": "fdm_printer"})
        auth.action_revoke()
        self.assertEqual(auth.state, "revoked")
        job = self.make_job(operator_id=self.alice.id)
        self.assertEqual(job.with_user(self.trainer).operator_id, self.alice)
        values = job.with_user(self.trainer).read(["duration_hours"])[0]
        self.assertEqual(values["duration_hours"], 0)
        with self.assertRaises(AccessError):
            self.env["tiers_lieu.print.job"].with_user(self.trainer).create({"part_name": "x"})
        with self.assertRaises(AccessError):
            job.with_user(self.trainer).write({"part_name": "y"})
        with self.assertRaises(AccessError):
            self.mk4.with_user(self.trainer).write({"name": "z"})

    def test_treasurer_sees_nothing_of_the_park(self):
        job = self.make_job()
        with self.assertRaises(AccessError):
            job.with_user(self.treasurer).read(["part_name"])
        with self.assertRaises(AccessError):
            self.auth_alice.with_user(self.treasurer).read(["state"])
        self.assertFalse(
            self.env["maintenance.equipment"]
            .with_user(self.treasurer)
            .search([("id", "=", self.mk4.id)])
        )

    def test_other_company_jobs_are_hidden(self):
        other = self.env["res.company"].create({"name": "Other Fablab"})
        job = self.make_job(company_id=other.id, material_id=False)
        self.staff.company_ids = [(4, other.id)]
        Job = self.env["tiers_lieu.print.job"].with_user(self.staff)
        self.assertNotIn(job, Job.with_context(allowed_company_ids=self.company.ids).search([]))
        with self.assertRaises(AccessError):
            job.with_user(self.manager).read(["part_name"])


@tagged("post_install", "-at_install")
class TestJobStateOnlyThroughActions(MachineCase):
    """Staff cannot skip the checks of the actions by writing the state (issue 11)."""

    def staff_job(self, **vals):
        job = self.make_job(machine_id=self.mk4.id, **vals).with_user(self.staff)
        job.action_queue()
        return job

    def test_unauthorised_operator_cannot_print_by_a_write(self):
        job = self.staff_job(operator_id=self.bob.id)
        with self.assertRaisesRegex(UserError, "Bob Trainee holds no valid authorisation"):
            job.action_start()
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            job.write({"state": "printing"})
        self.assertEqual(job.state, "queued")

    def test_out_of_order_machine_cannot_print_by_a_write(self):
        job = self.staff_job(operator_id=self.alice.id)
        self.env["maintenance.request"].create(
            {"name": "Hotend leaks", "equipment_id": self.mk4.id}
        )
        self.assertEqual(self.mk4.machine_state, "out_of_order")
        with self.assertRaisesRegex(UserError, "out of order"):
            job.action_start()
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            job.write({"state": "printing", "date_start": "2026-03-02 08:00:00"})
        self.assertEqual(job.state, "queued")

    def test_queued_job_cannot_be_done_by_a_write(self):
        job = self.staff_job(operator_id=self.alice.id)
        for state in ("done", "failed", "draft", "cancelled"):
            with self.subTest(state=state), self.assertRaisesRegex(UserError, "only through"):
                job.write({"state": state})
        self.assertEqual(job.state, "queued")
        with self.assertRaisesRegex(UserError, "created as a draft"):
            self.env["tiers_lieu.print.job"].with_user(self.staff).create(
                {"part_name": "Clip", "state": "done", "grams_actual": 5.0}
            )

    def test_the_actions_still_change_the_state(self):
        job = self.staff_job(operator_id=self.alice.id)
        job.write({"state": "queued", "part_name": "Headband v2"})  # no change of state
        job.action_start()
        self.assertEqual(job.state, "printing")
        job.write({"grams_actual": 31.0})
        job.action_done()
        self.assertEqual(job.state, "done")
        self.assertEqual(job.good_quantity, 1)
        other = self.staff_job(operator_id=self.alice.id)
        other.action_cancel()
        other.action_back_to_draft()
        self.assertEqual(other.state, "draft")
