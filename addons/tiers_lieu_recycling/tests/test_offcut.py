import importlib.util
from datetime import timedelta
from pathlib import Path

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import RecyclingCase


def load_migration(version):
    path = Path(__file__).resolve().parents[1] / "migrations" / version / "post-migrate.py"
    spec = importlib.util.spec_from_file_location(f"recycling_migrate_{version}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@tagged("post_install", "-at_install")
class TestOffcut(RecyclingCase):
    def test_each_recyclable_material_has_its_bin_under_offcuts(self):
        pla_bin = self.pla._offcut_bin()
        self.assertEqual(pla_bin.location_id, self.offcut)
        self.assertEqual(pla_bin.usage, "inventory")
        self.assertEqual(self.pla._offcut_bin(), pla_bin)
        self.assertNotEqual(self.petg._offcut_bin(), pla_bin)
        self.assertEqual(self.plywood._offcut_bin(), self.non_recyclable)
        self.assertEqual(self.non_recyclable.location_id, self.offcut)

    def test_supports_of_a_job_leave_the_good_parts_for_the_bin(self):
        job = self.start_job(self.mk4, grams=50.0)
        job.action_done()
        move = self.weigh(self.pla, "support", 6.5, job=job)
        self.assertEqual(move.state, "done")
        self.assertEqual(move.location_id, self.consumption)
        self.assertEqual(move.location_dest_id, self.pla.offcut_location_id)
        self.assertEqual(move.offcut_source, "support")
        self.assertEqual(move.print_job_id, job)
        self.assertEqual(move.offcut_machine_id, self.mk4)
        lot = move.move_line_ids.lot_id
        self.assertEqual(lot.product_id.offcut_material_id, self.pla)
        self.assertAlmostEqual(self.bin_grams(self.pla.offcut_location_id, lot), 6.5)

    def test_end_of_spool_moves_the_spool_remains(self):
        move = self.weigh(self.pla, "spool_end", 120.0, spool=self.spool)
        self.assertEqual(move.move_line_ids.lot_id, self.spool)
        self.assertAlmostEqual(self.spool.remaining_grams, 880.0)
        self.assertAlmostEqual(self.bin_grams(self.pla.offcut_location_id, self.spool), 120.0)
        with self.assertRaisesRegex(ValidationError, "Weight"):
            self.weigh(self.pla, "spool_end", 5000.0, spool=self.spool)

    def test_partner_scrap_comes_from_the_partner(self):
        move = self.weigh(self.petg, "partner_scrap", 2500.0, partner=self.partner)
        self.assertEqual(move.location_id, self.suppliers)
        self.assertEqual(move.partner_id, self.partner)
        self.assertEqual(move.location_dest_id, self.petg.offcut_location_id)
        with self.assertRaisesRegex(ValidationError, "Partner"):
            self.weigh(self.petg, "partner_scrap", 100.0)

    def test_non_recyclable_material_goes_to_its_bin(self):
        move = self.weigh(self.plywood, "rejected", 40.0)
        self.assertEqual(move.location_dest_id, self.non_recyclable)

    def test_bad_weights_are_refused_and_nothing_is_written(self):
        moves_before = self.env["stock.move"].search_count([])
        for grams in (0.0, -3.0):
            with self.assertRaisesRegex(ValidationError, "Weight"):
                self.weigh(self.pla, "support", grams)
        with self.assertRaisesRegex(ValidationError, "Source"):
            self.weigh(self.pla, "failed_print", 10.0)
        self.assertEqual(self.env["stock.move"].search_count([]), moves_before)

    def test_weighing_needs_a_material(self):
        tablet = self.env.ref("tiers_lieu_recycling.offcut_weighing_view_form_tablet")
        form = Form(self.env["tiers_lieu.offcut.weighing"].with_user(self.staff), view=tablet)
        form.grams = 10.0
        with self.assertRaises(AssertionError):
            form.save()

    def test_the_tap_records_the_weighing_and_a_job_posts_it(self):
        job = self.start_job(self.mk4, grams=50.0)
        job.action_done()
        tablet = self.env.ref("tiers_lieu_recycling.offcut_weighing_view_form_tablet")
        form = Form(self.env["tiers_lieu.offcut.weighing"].with_user(self.staff), view=tablet)
        form.material_id = self.pla
        form.source = "test_print"
        form.grams = 14.0
        form.print_job_id = job
        weighing = form.save()
        action = weighing.action_weigh()
        self.assertEqual(action["params"]["next"]["type"], "ir.actions.act_window_close")
        self.env["res.lang"]._activate_lang("fr_FR")
        french = weighing.with_context(lang="fr_FR").action_weigh()["params"]["message"]
        self.assertIn("14,0 g", french)
        self.assertIn("14,0 g", weighing.with_context(lang="fr_FR").display_name)
        # nothing has moved yet: the stock engine runs in the job
        self.assertEqual(weighing.state, "pending")
        self.assertFalse(weighing.move_id)
        self.assertEqual(weighing.create_uid, self.staff)
        self.assertEqual(self.queued_postings().user_id, self.staff)
        # ahead of batch jobs queued before it (queue_job runs lower priorities first)
        self.assertLess(self.queued_postings().priority, 10)
        self.assertEqual(self.post_weighings(), 1)
        self.assertEqual(weighing.state, "posted")
        move = weighing.move_id
        self.assertEqual(move.state, "done")
        self.assertAlmostEqual(move.quantity, 14.0)
        self.assertEqual(move.offcut_source, "test_print")
        self.assertEqual(move.print_job_id, job)
        self.assertEqual(move.offcut_machine_id, self.mk4)
        self.assertEqual(move.location_dest_id, self.pla.offcut_location_id)
        # dated when weighed, not when posted: a weighing at 23:59 stays in its month
        self.assertEqual(move.date, weighing.weighed_at)
        self.assertEqual(move.move_line_ids.date, weighing.weighed_at)
        lot = move.move_line_ids.lot_id
        self.assertAlmostEqual(self.bin_grams(self.pla.offcut_location_id, lot), 14.0)

    def test_weigh_a_bin_in_one_create(self):
        """Issue 16: the tap is one create of at most 15 queries; the stock engine (about
        40 queries: the move, its lot, quants, `_action_done`) runs in the job."""
        self.pla._offcut_bin()
        self.pla._offcut_product()
        job = self.start_job(self.mk4, grams=50.0)
        job.action_done()
        Weighing = self.env["tiers_lieu.offcut.weighing"].with_user(self.staff)
        vals = {"material_id": self.pla.id, "source": "support", "print_job_id": job.id}
        # The tablet at the printers weighs all day: its caches (access rights, rules,
        # defaults, job functions) are warm after the first weighing.
        Weighing.create({**vals, "grams": 3.0}).action_weigh()
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(15):
            weighing = Weighing.create({**vals, "grams": 14.0})
            weighing.action_weigh()
            self.env.flush_all()
        self.assertEqual(self.post_weighings(), 2)
        self.assertEqual(weighing.state, "posted")
        self.assertAlmostEqual(weighing.move_id.quantity, 14.0)
        self.assertEqual(weighing.move_id.offcut_machine_id, self.mk4)

    def test_a_weighing_refused_when_posted_says_why_and_is_posted_again(self):
        Weighing = self.env["tiers_lieu.offcut.weighing"].with_user(self.staff)
        weighing = Weighing.create(
            {
                "material_id": self.pla.id,
                "source": "spool_end",
                "spool_id": self.spool.id,
                "grams": 900.0,
            }
        )
        # meanwhile the spool prints 200 g: it no longer holds 900 g
        self.start_job(self.mk4, grams=200.0).action_done()
        other = Weighing.create({"material_id": self.pla.id, "grams": 5.0})
        self.post_weighings()
        self.assertEqual(weighing.state, "failed")
        self.assertIn("holds only 800", weighing.error)
        self.assertFalse(weighing.move_id)
        # the refusal of one weighing holds up no other
        self.assertEqual(other.state, "posted")
        self.assertAlmostEqual(self.spool.remaining_grams, 800.0)
        weighing.grams = 800.0
        weighing.action_post_again()
        self.assertEqual(weighing.state, "pending")
        self.assertEqual(self.post_weighings(), 1)
        self.assertEqual(weighing.state, "posted")
        self.assertFalse(weighing.error)
        self.assertAlmostEqual(self.spool.remaining_grams, 0.0)

    def test_a_weighing_is_posted_once(self):
        weighing = self.env["tiers_lieu.offcut.weighing"].create(
            {"material_id": self.pla.id, "source": "support", "grams": 7.0}
        )
        weighing._post_in_background()
        weighing._post_in_background()
        moves = self.env["stock.move"].search([("offcut_source", "=", "support")])
        self.assertEqual(moves, weighing.move_id)
        self.assertAlmostEqual(moves.quantity, 7.0)

    def test_bad_weighings_are_refused_at_the_tap(self):
        Weighing = self.env["tiers_lieu.offcut.weighing"].with_user(self.staff)
        cases = [
            ({"source": "support", "grams": 0.0}, "Weight"),
            ({"source": "support", "grams": -2.0}, "Weight"),
            ({"source": "partner_scrap", "grams": 100.0}, "Partner"),
            ({"source": "spool_end", "grams": 10.0}, "Spool"),
            ({"source": "spool_end", "grams": 5000.0, "spool_id": self.spool.id}, "Weight"),
            (
                {
                    "source": "support",
                    "grams": 5.0,
                    "weighed_at": fields.Datetime.now() + timedelta(days=1),
                },
                "Weighed At",
            ),
        ]
        weighings_before = Weighing.search_count([])
        for vals, field in cases:
            # the request's transaction is rolled back on the error
            with (
                self.subTest(field=field, vals=vals),
                self.assertRaisesRegex(ValidationError, field),
                self.env.cr.savepoint(),
            ):
                Weighing.create({"material_id": self.pla.id, **vals})
        self.assertEqual(Weighing.search_count([]), weighings_before)
        self.assertFalse(self.queued_postings())

    def test_every_weighing_is_listed_with_its_move(self):
        move = self.weigh(self.petg, "partner_scrap", 250.0, partner=self.partner)
        weighing = self.env["tiers_lieu.offcut.weighing"].search([("move_id", "=", move.id)])
        self.assertEqual(weighing.state, "posted")
        self.assertEqual(weighing.partner_id, self.partner)
        self.assertAlmostEqual(weighing.grams, 250.0)

    def test_migration_gives_past_weighings_their_record(self):
        first = self.weigh(self.pla, "support", 6.0)
        second = self.weigh(self.pla, "spool_end", 40.0, spool=self.spool)
        Weighing = self.env["tiers_lieu.offcut.weighing"]
        count = Weighing.search_count([])
        self.env.flush_all()
        self.env.cr.execute("DELETE FROM tiers_lieu_offcut_weighing")
        self.env.invalidate_all()
        # run twice: a weighing is given once
        load_migration("18.0.1.2.0").migrate(self.env.cr, "18.0.1.1.0")
        load_migration("18.0.1.2.0").migrate(self.env.cr, "18.0.1.1.0")
        self.assertEqual(Weighing.search_count([]), count)
        weighings = Weighing.search([("move_id", "in", (first | second).ids)])
        self.assertEqual(weighings.move_id, first | second)
        self.assertEqual(set(weighings.mapped("state")), {"posted"})
        spool_end = weighings.filtered(lambda weighing: weighing.source == "spool_end")
        self.assertEqual(spool_end.spool_id, self.spool)
        self.assertEqual(spool_end.material_id, self.pla)
        self.assertAlmostEqual(spool_end.grams, 40.0)
