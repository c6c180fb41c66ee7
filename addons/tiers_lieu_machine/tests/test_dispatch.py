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
        # One job of 1.5 h fills a queue, unless a test says otherwise.
        (cls.mk4 | cls.mini | cls.laser).queue_capacity_hours = 1.0

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

    def test_stopped_machines_are_skipped_printing_ones_queue(self):
        printing = self.queued(operator_id=self.alice.id, machine_id=self.mk4.id)
        printing.action_start()
        self.env["maintenance.request"].create({"name": "Broken fan", "equipment_id": self.mini.id})
        first, second = self.queued(), self.queued()
        # the printing MK4 queues the next job; the broken Mini takes none
        self.assertEqual(self.env["tiers_lieu.print.job"]._dispatch(), first)
        self.assertEqual(first.machine_id, self.mk4)
        self.assertFalse(second.machine_id)

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
                    "queue_capacity_hours": 1.0,
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

    def test_each_queue_fills_by_its_capacity(self):
        """Six printers each with one job waiting still take the queue (issue 12)."""
        Machine = self.env["maintenance.equipment"]
        farm = Machine.create(
            [
                {
                    "name": f"Farm {i}",
                    "machine_kind": "fdm_printer",
                    "build_x_mm": 250,
                    "build_y_mm": 210,
                    "build_z_mm": 220,
                    "material_ids": [(6, 0, self.pla.ids)],
                    "queue_capacity_hours": 4.0,
                }
                for i in range(6)
            ]
        )
        (self.mk4 | self.mini).active = False
        for machine in farm:
            self.queued(machine_id=machine.id)
        waiting = self.env["tiers_lieu.print.job"]
        for index in range(14):
            waiting |= self.queued(part_name=f"Visor {index}")
        jobs = self.env["tiers_lieu.print.job"]._dispatch()
        # 1.5 h jobs in 4 h queues: one more job each, then a second round for none
        # (1.5 + 1.5 + 1.5 > 4): six jobs, spread over the six printers
        self.assertEqual(len(jobs), 6)
        self.assertEqual(jobs.machine_id, farm)
        farm.queue_capacity_hours = 8.0
        jobs = self.env["tiers_lieu.print.job"]._dispatch()
        self.assertEqual(len(jobs), 8)  # 8 jobs left, room for 2 more on each
        for machine in farm:
            queued = waiting.filtered(lambda j, m=machine: j.machine_id == m)
            self.assertLessEqual(len(queued) * 1.5 + 1.5, 8.0)

    def test_nothing_dispatched_says_why(self):
        tpu = self.queued(part_name="tpu", material_id=self.tpu.id)
        big = self.queued(part_name="big", size_x_mm=240, size_y_mm=230, size_z_mm=300)
        bobs = self.queued(part_name="bob's", operator_id=self.bob.id)
        self.env["maintenance.request"].create({"name": "Broken fan", "equipment_id": self.mini.id})
        action = (
            self.env["tiers_lieu.print.job.dispatch"]
            .with_user(self.staff)
            .create({})
            .action_dispatch()
        )
        self.assertEqual(action["tag"], "display_notification")
        lines = action["params"]["message"].split("\n")
        self.assertEqual(len(lines), 3)
        by_job = {job: next(line for line in lines if job.name in line) for job in (tpu, big, bobs)}
        self.assertIn("Test Mini: out of order", by_job[tpu])
        self.assertIn("Machine Test MK4 cannot take [T-TPU] TPU 95A", by_job[tpu])
        self.assertIn("does not fit", by_job[big])
        self.assertIn("Bob Trainee is not authorised", by_job[bobs])

    def test_full_queues_are_named(self):
        self.mini.active = False
        self.queued(machine_id=self.mk4.id)
        job = self.queued()
        self.assertFalse(self.env["tiers_lieu.print.job"]._dispatch())
        (reason,) = job._dispatch_blockers()
        self.assertIn("Test MK4: its queue is full (1.5 h of 1.0 h)", reason)
        action = self.env["tiers_lieu.print.job.dispatch"].create({}).action_dispatch()
        self.assertIn("its queue is full", action["params"]["message"])

    def test_machine_picker_shows_why_a_machine_cannot_print(self):
        self.env["maintenance.request"].create({"name": "Broken fan", "equipment_id": self.mini.id})
        Machine = self.env["maintenance.equipment"].with_user(self.staff)
        names = dict(
            Machine.with_context(machine_show_state=True).name_search(
                "Test", [("machine_kind", "=", "fdm_printer")]
            )
        )
        self.assertEqual(names[self.mini.id], "Test Mini (Out of Order)")
        self.assertEqual(names[self.mk4.id], "Test MK4")
        self.assertEqual(Machine.browse(self.mini.id).display_name, "Test Mini")

    def test_bulk_start_and_finish_from_the_list(self):
        arch = self.env["tiers_lieu.print.job"].get_views([(False, "list")])["views"]["list"]
        for method in ("action_queue", "action_start", "action_done"):
            self.assertIn(f'name="{method}"', arch["arch"])
        first = self.queued(operator_id=self.alice.id, machine_id=self.mk4.id)
        second = self.queued(operator_id=self.alice.id, machine_id=self.mini.id)
        jobs = (first | second).with_user(self.staff)
        jobs.action_start()
        self.assertEqual(set(jobs.mapped("state")), {"printing"})
        jobs.action_done()
        self.assertEqual(set(jobs.mapped("state")), {"done"})
