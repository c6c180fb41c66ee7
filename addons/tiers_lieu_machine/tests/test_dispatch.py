from odoo.tests import tagged

from .common import MachineCase


@tagged("post_install", "-at_install")
class TestDispatch(MachineCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Keep only the fixture machines in play.
        cls.env["maintenance.equipment"].search(
            [("machine_kind", "!=", False), ("id", "not in", (cls.mk4 | cls.mini | cls.laser).ids)]
        ).write({"active": False})
        cls.env["tiers_lieu.print.job"].search([("state", "=", "queued")]).write(
            {"state": "cancelled"}
        )

    def queued(self, **vals):
        job = self.make_job(**vals)
        job.action_queue()
        return job

    def test_urgent_and_earliest_due_first_on_compatible_machines(self):
        late = self.queued(part_name="late", date_due="2026-04-01")
        soon = self.queued(part_name="soon", date_due="2026-03-05")
        urgent = self.queued(part_name="urgent", date_due="2026-05-01", priority="1")
        jobs = self.env["tiers_lieu.print.job"]._dispatch()
        self.assertEqual(jobs, urgent | soon)
        # smallest machine that fits first
        self.assertEqual(urgent.machine_id, self.mini)
        self.assertEqual(soon.machine_id, self.mk4)
        self.assertFalse(late.machine_id)
        # both printers now have a job waiting: nothing more to give
        self.assertFalse(self.env["tiers_lieu.print.job"]._dispatch())
        self.assertEqual(urgent.state, "queued")

    def test_material_size_and_kind(self):
        petg = self.queued(part_name="petg", material_id=self.petg.id, priority="1")
        big = self.queued(part_name="big", size_x_mm=240, size_y_mm=200, priority="1")
        tpu = self.queued(part_name="tpu", material_id=self.tpu.id, priority="1")
        small = self.queued(part_name="small")
        sign = self.queued(
            part_name="sign",
            machine_kind="laser_cutter",
            material_id=self.plywood.id,
            size_z_mm=3,
            estimated_grams=0,
        )
        jobs = self.env["tiers_lieu.print.job"]._dispatch()
        self.assertEqual(petg.machine_id, self.mk4)  # the mini takes no PETG
        self.assertFalse(big.machine_id)  # only the MK4 is big enough, and it is taken
        self.assertFalse(tpu.machine_id)  # no machine takes TPU
        self.assertEqual(small.machine_id, self.mini)
        self.assertEqual(sign.machine_id, self.laser)
        self.assertEqual(jobs, petg | small | sign)

    def test_busy_or_stopped_machines_are_skipped(self):
        printing = self.queued(operator_id=self.alice.id, machine_id=self.mk4.id)
        printing.action_start()
        self.env["maintenance.request"].create({"name": "Broken fan", "equipment_id": self.mini.id})
        self.queued()
        self.assertFalse(self.env["tiers_lieu.print.job"]._dispatch())

    def test_operator_authorisation(self):
        bobs = self.queued(part_name="bob's", operator_id=self.bob.id, priority="1")
        alices = self.queued(part_name="alice's", operator_id=self.alice.id)
        self.env["tiers_lieu.print.job"]._dispatch()
        self.assertFalse(bobs.machine_id, "Bob is not authorised on FDM printers")
        self.assertEqual(alices.machine_id, self.mini)
        # a machine that needs no authorisation takes Bob's job
        self.mk4.authorization_required = False
        self.env["tiers_lieu.print.job"]._dispatch()
        self.assertEqual(bobs.machine_id, self.mk4)

    def test_operators_on_shift_through_the_wizard(self):
        carol = self.env["res.partner"].create({"name": "Carol"})
        bobs = self.queued(part_name="bob's", operator_id=self.bob.id, priority="1")
        anyone1 = self.queued(part_name="anyone 1")
        anyone2 = self.queued(part_name="anyone 2")
        wizard = (
            self.env["tiers_lieu.print.job.dispatch"]
            .with_user(self.staff)
            .create({"operator_ids": [(6, 0, (self.alice | carol).ids)]})
        )
        action = wizard.action_dispatch()
        dispatched = self.env["tiers_lieu.print.job"].search(action["domain"])
        self.assertEqual(dispatched, anyone1 | anyone2)
        self.assertFalse(bobs.machine_id, "Bob is not on shift")
        # Carol is on shift but not authorised: Alice runs both
        self.assertEqual(dispatched.operator_id, self.alice)

    def test_nothing_to_dispatch_notifies(self):
        action = self.env["tiers_lieu.print.job.dispatch"].create({}).action_dispatch()
        self.assertEqual(action["tag"], "display_notification")

    def test_cron_dispatches(self):
        job = self.queued()
        self.env.ref("tiers_lieu_machine.ir_cron_dispatch_print_jobs").method_direct_trigger()
        self.assertEqual(job.machine_id, self.mini)

    def _dispatch_queries(self, count):
        Machine = self.env["maintenance.equipment"]
        Machine.search([("machine_kind", "!=", False)]).write({"active": False})
        machines = Machine.create(
            [
                {
                    "name": f"Farm {count}-{i}",
                    "machine_kind": "fdm_printer",
                    "build_x_mm": 200,
                    "build_y_mm": 200,
                    "build_z_mm": 200,
                    "authorization_required": i % 2 == 0,
                    "material_ids": [(6, 0, (self.pla | self.petg).ids if i % 3 else self.pla.ids)],
                }
                for i in range(5)
            ]
        )
        Job = self.env["tiers_lieu.print.job"]
        Job.search([("state", "=", "queued")]).write({"state": "cancelled"})
        Job.create(
            [
                {
                    "part_name": f"P{i}",
                    "state": "queued",
                    "estimated_duration_hours": 1,
                    "estimated_grams": 10,
                    "priority": "1" if i % 7 == 0 else "0",
                    "material_id": (self.pla if i % 2 else self.petg).id,
                    "operator_id": (self.alice if i % 3 else self.bob).id,
                    "size_x_mm": 150 if i % 5 else 250,
                    "size_z_mm": 20,
                }
                for i in range(count)
            ]
        )
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        jobs = Job._dispatch()
        self.env.flush_all()
        queries = self.cr.sql_log_count - before
        self.assertEqual(len(jobs), 5)
        self.assertEqual(jobs.machine_id, machines)
        return queries

    def test_query_count_does_not_grow_with_jobs(self):
        self.assertEqual(self._dispatch_queries(40), self._dispatch_queries(120))
