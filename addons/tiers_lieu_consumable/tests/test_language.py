import importlib.util
from pathlib import Path

from odoo.tests import tagged

from .common import ConsumableCase

MIGRATIONS = Path(__file__).resolve().parents[1] / "migrations"


def load_migration(version):
    path = MIGRATIONS / version / "post-migrate.py"
    spec = importlib.util.spec_from_file_location(f"consumable_migrate_{version}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@tagged("post_install", "-at_install")
class TestLanguage(ConsumableCase):
    """What the code writes is read by the whole team: in the company's language, whatever
    the language of the user who triggered it (issue 12)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.env.company.partner_id.lang = "fr_FR"
        cls.env.company.filament_responsible_id = cls.manager
        cls.staff.lang = "en_US"
        cls.spool = cls.receive(cls.pla_black)

    def test_weighing_is_written_in_the_company_language(self):
        self.spool.with_user(self.staff)._record_weighing(900.0)
        body = self.spool.message_ids[0].body
        self.assertIn("Pesée à 900.0 g", body)
        self.assertNotIn("Weighed", body)
        adjustment = self.env["stock.move"].search(
            [("is_inventory", "=", True), ("move_line_ids.lot_id", "=", self.spool.id)],
            order="id desc",
            limit=1,
        )
        self.assertIn("Pesée", adjustment.name)

    def test_shortage_activity_is_written_in_the_company_language(self):
        job = self.make_job(
            material_id=self.pla.id, filament_color_id=self.red.id, estimated_grams=500.0
        )
        job.action_queue()
        Forecast = self.env["tiers_lieu.filament.forecast"].with_user(self.manager)
        Forecast.with_context(lang="en_US")._refresh()
        line = Forecast.search(
            [("material_id", "=", self.pla.id), ("filament_color_id", "=", self.red.id)]
        )
        self.assertIn("il manque 500 g", line.activity_ids.summary)

    def test_print_locations_are_named_in_french(self):
        self.assertEqual(self.consumption.name, "Consommation des impressions")
        self.assertEqual(self.offcut.name, "Chutes à recycler")

    def test_update_renames_the_english_locations_only(self):
        self.consumption.name = "Print Consumption"
        self.offcut.name = "Rebuts"
        load_migration("18.0.1.2.0").migrate(self.env.cr, "18.0.1.1.0")
        self.env.invalidate_all()
        self.assertEqual(self.consumption.name, "Consommation des impressions")
        self.assertEqual(self.offcut.name, "Rebuts", "a name given by the user stays")
