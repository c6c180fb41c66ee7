from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import ConsumableCase


@tagged("post_install", "-at_install")
class TestConsumption(ConsumableCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.spool = cls.receive(cls.pla_black)
        cls.spool._load_on_machine(cls.mk4)
        cls.activity_type = cls.env.ref(
            "tiers_lieu_consumable.mail_activity_type_material_consumption"
        )

    def job_activities(self, job):
        return job.activity_ids.filtered(lambda a: a.activity_type_id == self.activity_type)

    def test_done_job_moves_its_grams_from_the_loaded_spool(self):
        job = self.start_job(self.mk4, grams=30.0)
        self.assertEqual(job.spool_id, self.spool)
        job.grams_actual = 42.5
        self.assertFalse(job.action_done())
        self.assertEqual(job.consumption_state, "posted")
        self.assertAlmostEqual(self.spool.remaining_grams, 957.5)
        self.assertAlmostEqual(self.quantity(self.spool, self.consumption), 42.5)
        self.assertAlmostEqual(self.quantity(self.spool, self.offcut), 0.0)
        move = job.stock_move_ids
        self.assertEqual(len(move), 1)
        self.assertEqual(move.state, "done")
        self.assertEqual(move.location_id, self.stock)
        self.assertEqual(move.location_dest_id, self.consumption)
        self.assertEqual(move.move_line_ids.lot_id, self.spool)
        self.assertEqual(move.move_line_ids.print_machine_id, self.mk4)
        self.assertAlmostEqual(job.grams_posted, 42.5)
        # 20 € a kilogram: the job's filament is worth 0.85 €.
        self.assertAlmostEqual(job.material_stock_value, 0.85)
        self.assertTrue(self.spool.opened_date)
        self.assertTrue(self.spool.last_used_date)
        # The spool is still on its shelf, whatever sits in the consumption location.
        self.assertEqual(self.spool.location_id, self.stock)

    def test_failed_job_sends_the_weighed_print_to_the_offcuts(self):
        job = self.start_job(self.mk4, grams=40.0)
        wizard = Form(self.env["tiers_lieu.print.job.fail"].with_context(default_job_id=job.id))
        wizard.failure_reason_ids.add(self.env.ref("tiers_lieu_machine.failure_reason_spaghetti"))
        wizard.grams_actual = 25.0
        wizard.failed_weight_grams = 18.0
        self.assertEqual(wizard.save().action_confirm()["type"], "ir.actions.act_window_close")
        self.assertEqual(job.state, "failed")
        self.assertEqual(job.consumption_state, "posted")
        self.assertAlmostEqual(self.quantity(self.spool, self.offcut), 18.0)
        self.assertAlmostEqual(self.quantity(self.spool, self.consumption), 7.0)
        self.assertAlmostEqual(self.spool.remaining_grams, 975.0)
        self.assertAlmostEqual(job.offcut_grams_posted, 18.0)

    def test_rejected_parts_of_a_done_plate_go_to_the_offcuts(self):
        job = self.start_job(self.mk4, grams=60.0, quantity_per_plate=4)
        job.write({"grams_actual": 60.0, "good_quantity": 3, "rejected_quantity": 1})
        job.action_done()
        self.assertAlmostEqual(self.quantity(self.spool, self.offcut), 15.0)
        self.assertAlmostEqual(self.quantity(self.spool, self.consumption), 45.0)

    def test_weight_of_a_failed_print_entered_later_moves_grams_to_the_offcuts(self):
        job = self.start_job(self.mk4, grams=40.0)
        job._mark_failed(grams_actual=30.0)
        self.assertAlmostEqual(self.quantity(self.spool, self.consumption), 30.0)
        job.failed_weight_grams = 12.0
        self.assertAlmostEqual(self.quantity(self.spool, self.consumption), 18.0)
        self.assertAlmostEqual(self.quantity(self.spool, self.offcut), 12.0)
        self.assertAlmostEqual(self.spool.remaining_grams, 970.0)
        self.assertEqual(len(job.stock_move_ids), 2)
        self.assertEqual(
            job.stock_move_ids[-1].location_id + job.stock_move_ids[-1].location_dest_id,
            self.consumption + self.offcut,
        )

    def test_corrected_grams_go_back_to_the_spool_or_leave_it(self):
        job = self.start_job(self.mk4, grams=40.0)
        job.action_done()
        self.assertAlmostEqual(self.spool.remaining_grams, 960.0)
        job.grams_actual = 32.0
        self.assertAlmostEqual(self.spool.remaining_grams, 968.0)
        self.assertAlmostEqual(self.quantity(self.spool, self.consumption), 32.0)
        job.grams_actual = 50.0
        self.assertAlmostEqual(self.spool.remaining_grams, 950.0)
        self.assertAlmostEqual(self.quantity(self.spool, self.consumption), 50.0)
        self.assertAlmostEqual(job.grams_posted, 50.0)

    def test_job_without_loaded_spool_waits_with_one_activity(self):
        self.spool._unload()
        job = self.start_job(self.mk4, grams=30.0)
        self.assertFalse(job.spool_id)
        action = job.action_done()
        self.assertEqual(job.state, "done")
        self.assertEqual(job.consumption_state, "pending")
        self.assertIn(self.mk4.name, job.consumption_note)
        self.assertFalse(job.stock_move_ids)
        self.assertEqual(action["res_model"], "tiers_lieu.print.job.consume")
        self.assertEqual(len(self.job_activities(job)), 1)
        job._post_material_consumption()
        self.assertEqual(len(self.job_activities(job)), 1, "no duplicate activity")
        wizard = Form(self.env["tiers_lieu.print.job.consume"].with_context(default_job_id=job.id))
        self.assertAlmostEqual(wizard.grams_to_post, 30.0)
        wizard.spool_id = self.spool
        wizard.save().action_confirm()
        self.assertEqual(job.consumption_state, "posted")
        self.assertFalse(self.job_activities(job))
        self.assertAlmostEqual(self.spool.remaining_grams, 970.0)

    def test_material_without_filament_product_has_nothing_to_post(self):
        job = self.start_job(self.mini, grams=30.0)
        job.material_id = self.pla  # tracked material, no spool on the mini
        self.assertFalse(self.mini.loaded_spool_ids)
        laser_job = self.make_job(
            machine_kind="laser_cutter",
            machine_id=self.laser.id,
            material_id=self.plywood.id,
            estimated_grams=0,
        )
        laser_job.write({"state": "done", "grams_actual": 120.0})
        laser_job._post_material_consumption()
        self.assertEqual(laser_job.consumption_state, "none")
        self.assertFalse(laser_job.stock_move_ids)
        job.action_done()
        self.assertEqual(job.consumption_state, "pending")

    def test_consumption_above_the_spool_stock_is_never_a_negative_quant(self):
        self.spool._set_remaining_grams(20.0, "test")
        job = self.start_job(self.mk4, grams=35.0)
        job.action_done()
        self.assertEqual(job.consumption_state, "pending")
        self.assertIn("20", job.consumption_note)
        self.assertAlmostEqual(self.spool.remaining_grams, 20.0)
        self.assertFalse(job.stock_move_ids)
        self.assertFalse(
            self.env["stock.quant"].search(
                [
                    ("lot_id", "=", self.spool.id),
                    ("location_id.usage", "=", "internal"),
                    ("quantity", "<", 0),
                ]
            )
        )
        with self.assertRaises(UserError) as error:
            self.env["tiers_lieu.print.job.consume"].create(
                {"job_id": job.id, "spool_id": self.spool.id, "resolution": "next_spool"}
            ).action_confirm()
        self.assertIn("took over", str(error.exception))

    def test_spool_ran_out_and_the_next_spool_took_over(self):
        self.spool._set_remaining_grams(20.0, "test")
        next_spool = self.receive(self.pla_black)
        job = self.start_job(self.mk4, grams=35.0)
        job.action_done()
        wizard = Form(self.env["tiers_lieu.print.job.consume"].with_context(default_job_id=job.id))
        self.assertEqual(wizard.spool_id, self.spool)
        self.assertTrue(wizard.short)
        wizard.resolution = "next_spool"
        wizard.next_spool_id = next_spool
        wizard.save().action_confirm()
        self.assertEqual(job.consumption_state, "posted")
        self.assertAlmostEqual(self.spool.remaining_grams, 0.0)
        self.assertAlmostEqual(next_spool.remaining_grams, 985.0)
        self.assertEqual(job.stock_move_ids.move_line_ids.lot_id, self.spool | next_spool)
        self.assertEqual(self.mk4.loaded_spool_ids, next_spool)

    def test_spool_held_more_than_recorded(self):
        self.spool._set_remaining_grams(20.0, "test")
        job = self.start_job(self.mk4, grams=35.0)
        job.action_done()
        wizard = Form(self.env["tiers_lieu.print.job.consume"].with_context(default_job_id=job.id))
        wizard.resolution = "adjust"
        wizard.save().action_confirm()
        self.assertEqual(job.consumption_state, "posted")
        self.assertAlmostEqual(self.spool.remaining_grams, 0.0)
        adjustment = self.env["stock.move"].search(
            [("is_inventory", "=", True), ("move_line_ids.lot_id", "=", self.spool.id)],
            order="id desc",
            limit=1,
        )
        self.assertAlmostEqual(adjustment.quantity, 15.0)
        self.assertIn(job.name, adjustment.name)

    def test_spool_swapped_during_the_print_takes_over_by_itself(self):
        self.spool._set_remaining_grams(20.0, "test")
        job = self.start_job(self.mk4, grams=35.0)
        self.assertEqual(job.spool_id, self.spool)
        next_spool = self.receive(self.pla_black)
        next_spool._load_on_machine(self.mk4)
        job.action_done()
        self.assertEqual(job.consumption_state, "posted")
        self.assertAlmostEqual(self.spool.remaining_grams, 0.0)
        self.assertAlmostEqual(next_spool.remaining_grams, 985.0)

    def test_jobs_are_posted_together_in_one_batch(self):
        jobs = self.env["tiers_lieu.print.job"]
        for index in range(6):
            job = self.make_job(
                machine_id=self.mk4.id, material_id=self.pla.id, estimated_grams=10.0
            )
            job.write(
                {
                    "state": "failed" if index % 3 == 0 else "done",
                    "grams_actual": 10.0 + index,
                    "failed_weight_grams": 4.0 if index % 3 == 0 else 0.0,
                }
            )
            jobs |= job
        moves = jobs._post_material_consumption()
        self.assertEqual(set(jobs.mapped("consumption_state")), {"posted"})
        self.assertEqual(len(moves), 8)
        self.assertEqual(set(moves.mapped("state")), {"done"})
        self.assertAlmostEqual(self.spool.remaining_grams, 1000.0 - sum(range(10, 16)))
        self.assertAlmostEqual(self.quantity(self.spool, self.offcut), 8.0)

    def test_query_count_per_job_is_bounded(self):
        def finished_jobs(count):
            jobs = self.env["tiers_lieu.print.job"].create(
                [
                    {
                        "part_name": f"Clip {index}",
                        "machine_id": self.mk4.id,
                        "material_id": self.pla.id,
                        "state": "done",
                        "grams_actual": 2.0,
                    }
                    for index in range(count)
                ]
            )
            self.env.flush_all()
            self.env.invalidate_all()
            return jobs

        counts = []
        for size in (5, 25):
            jobs = finished_jobs(size)
            before = self.env.cr.sql_log_count
            jobs._post_material_consumption()
            self.env.flush_all()
            counts.append(self.env.cr.sql_log_count - before)
            self.assertEqual(set(jobs.mapped("consumption_state")), {"posted"})
        per_job = (counts[1] - counts[0]) / 20
        # Our code runs a fixed number of queries; Odoo's stock engine validates each move
        # line (quants at both ends, push rules, FIFO layer): about 11.6 queries per move,
        # constant (see bench/bench_consumption.py).
        self.assertLessEqual(per_job, 14, counts)
