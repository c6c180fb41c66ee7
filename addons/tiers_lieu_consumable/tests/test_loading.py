from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import ConsumableCase


@tagged("post_install", "-at_install")
class TestLoading(ConsumableCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.spool = cls.receive(cls.pla_black)

    def test_load_through_the_wizard_by_scanning_the_label(self):
        wizard = Form(
            self.env["tiers_lieu.spool.load"]
            .with_user(self.staff)
            .with_context(default_machine_id=self.mk4.id)
        )
        wizard.spool_code = f"https://erp.example/odoo/spools/{self.spool.name}"
        self.assertEqual(wizard.spool_id, self.spool)
        self.assertFalse(wizard.problem)
        wizard.save().action_confirm()
        self.assertEqual(self.spool.machine_id, self.mk4)
        self.assertEqual(self.mk4.loaded_spool_ids, self.spool)
        self.assertTrue(self.spool.opened_date)
        self.assertIn(self.mk4.name, self.spool.message_ids[0].body)

    def test_loading_replaces_the_spool_of_the_slot(self):
        self.spool._load_on_machine(self.mk4)
        other = self.receive(self.pla_red)
        other._load_on_machine(self.mk4)
        self.assertFalse(self.spool.machine_id)
        self.assertEqual(self.mk4.loaded_spool_ids, other)
        # Moving a spool to another machine takes it off the first one.
        other._load_on_machine(self.mini)
        self.assertFalse(self.mk4.loaded_spool_ids)
        self.assertEqual(self.mini.loaded_spool_ids, other)

    def test_one_spool_per_slot_even_written_directly(self):
        self.spool._load_on_machine(self.mk4)
        other = self.receive(self.pla_red)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.env.cr.savepoint():
                other.write({"machine_id": self.mk4.id, "machine_tool": 1})
                other.flush_recordset()

    def test_material_the_machine_does_not_take_is_refused(self):
        tpu = self.receive(self.tpu_black)
        with self.assertRaises(UserError) as error:
            tpu._load_on_machine(self.mk4)
        self.assertIn("does not take", str(error.exception))
        with self.assertRaises(ValidationError):
            tpu.machine_id = self.mk4

    def test_wrong_diameter_is_refused(self):
        self.mk4.filament_diameter_mm = 2.85
        wizard = Form(
            self.env["tiers_lieu.spool.load"].with_context(default_machine_id=self.mk4.id)
        )
        wizard.spool_id = self.spool
        self.assertIn("2.85", wizard.problem)
        with self.assertRaises(UserError) as error:
            wizard.save().action_confirm()
        self.assertIn("1.75 mm filament", str(error.exception))
        self.assertFalse(self.spool.machine_id)

    def test_lot_of_a_product_without_material_is_refused(self):
        screws = self.env["product.product"].create(
            {"name": "Screws", "is_storable": True, "tracking": "lot"}
        )
        lot = self.env["stock.lot"].create({"product_id": screws.id, "name": "SCR-1"})
        with self.assertRaises(UserError) as error:
            lot._load_on_machine(self.mk4)
        self.assertIn("not a filament spool", str(error.exception))

    def test_empty_spool_and_machine_without_spools_are_refused(self):
        self.spool._set_remaining_grams(0.0, "empty")
        with self.assertRaises(UserError) as error:
            self.spool._load_on_machine(self.mk4)
        self.assertIn("empty", str(error.exception))
        full = self.receive(self.pla_black)
        with self.assertRaises(UserError) as error:
            full._load_on_machine(self.laser)
        self.assertIn("not a 3D printer", str(error.exception))
        with self.assertRaises(UserError) as error:
            full._load_on_machine(self.mk4, tool=2)
        self.assertIn("no slot 2", str(error.exception))

    def test_spool_must_suit_the_printing_job(self):
        job = self.start_job(self.mk4, material=self.petg)
        self.assertFalse(job.spool_id)
        with self.assertRaises(UserError) as error:
            self.spool._load_on_machine(self.mk4)
        self.assertIn(job.name, str(error.exception))
        petg = self.receive(self.petg_black)
        petg._load_on_machine(self.mk4)
        self.assertEqual(self.mk4.loaded_spool_ids, petg)

    def test_spool_must_suit_the_colour_of_the_next_queued_job(self):
        job = self.make_job(
            machine_id=self.mk4.id, material_id=self.pla.id, filament_color_id=self.red.id
        )
        job.action_queue()
        with self.assertRaises(UserError) as error:
            self.spool._load_on_machine(self.mk4)
        self.assertIn("Red", str(error.exception))
        red = self.receive(self.pla_red)
        red._load_on_machine(self.mk4)
        self.assertEqual(red.machine_id, self.mk4)

    def test_a_machine_with_several_slots_takes_other_materials_while_a_slot_is_free(self):
        self.mk4.tool_count = 2
        job = self.start_job(self.mk4, material=self.petg)
        self.spool._load_on_machine(self.mk4, tool=1)
        other_pla = self.receive(self.pla_red)
        with self.assertRaises(UserError):
            # The last free slot must hold the PETG the printing job needs.
            other_pla._load_on_machine(self.mk4, tool=2)
        petg = self.receive(self.petg_black)
        petg._load_on_machine(self.mk4, tool=2)
        self.assertEqual(len(self.mk4.loaded_spool_ids), 2)
        job.action_done()
        self.assertEqual(job.stock_move_ids.move_line_ids.lot_id, petg)
        with self.assertRaises(ValidationError):
            self.mk4.tool_count = 1

    def test_unload(self):
        self.spool._load_on_machine(self.mk4)
        self.spool.action_unload()
        self.assertFalse(self.spool.machine_id)
        self.assertFalse(self.mk4.loaded_spool_ids)
