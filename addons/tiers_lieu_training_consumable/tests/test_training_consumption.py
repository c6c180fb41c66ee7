from odoo import Command
from odoo.tests import tagged

from odoo.addons.tiers_lieu_training_machine.tests.common import at
from odoo.addons.tiers_lieu_training_session.tests.common import MONDAY, SessionCase


@tagged("post_install", "-at_install")
class TestTrainingConsumption(SessionCase):
    """A practice job's filament goes to the training location, a production job's not."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.training = cls.env.ref(
            "tiers_lieu_training_consumable.stock_location_training_consumption"
        )
        cls.production, cls.offcut = cls.env["tiers_lieu.print.job"]._consumption_locations()
        kg_1 = cls.env.ref("tiers_lieu_consumable.filament_net_weight_1000")
        black = cls.env.ref("tiers_lieu_consumable.filament_color_black")
        template = cls.env["product.template"].create(
            {
                "name": "Training PLA",
                "material_id": cls.pla.id,
                "standard_price": 0.02,
                "attribute_line_ids": [
                    Command.create(
                        {"attribute_id": attr.attribute_id.id, "value_ids": [Command.set(attr.ids)]}
                    )
                    for attr in (black, kg_1)
                ],
            }
        )
        cls.printer.filament_diameter_mm = 1.75
        vendor = cls.env["res.partner"].create({"name": "Filaments de l'Ouest"})
        picking = cls.env["stock.lot"]._receive_spools(
            vendor,
            [{"product_id": template.product_variant_id.id, "count": 1, "grams": 1000.0}],
        )
        cls.spool = picking.move_line_ids.lot_id
        cls.spool._load_on_machine(cls.printer)
        cls.authorize(cls.lea.partner_id)
        cls.session = cls.plan(cls.lea | cls.yanis, span="day")

    def grams_in(self, location):
        quants = self.env["stock.quant"].search(
            [("lot_id", "=", self.spool.id), ("location_id", "=", location.id)]
        )
        return sum(quants.mapped("quantity"))

    def practice_job(self, **vals):
        return (
            self.env["tiers_lieu.print.job"]
            .with_user(self.trainer)
            .create(
                {
                    "part_name": "Calibration cube",
                    "material_id": self.pla.id,
                    "machine_id": self.printer.id,
                    "operator_id": self.lea.partner_id.id,
                    "estimated_duration_hours": 1.0,
                    "estimated_grams": 12.0,
                    "session_id": self.session.id,
                    **vals,
                }
            )
        )

    def test_practice_job_books_its_grams_to_the_training_location(self):
        job = self.practice_job()
        job.action_queue()
        job.action_start()
        job.action_done()
        self.assertEqual(job.consumption_state, "posted")
        self.assertEqual(job.stock_move_ids.location_dest_id, self.training)
        self.assertAlmostEqual(self.grams_in(self.training), 12.0)
        self.assertAlmostEqual(self.grams_in(self.production), 0.0)
        self.assertAlmostEqual(self.spool.remaining_grams, 988.0)
        self.assertAlmostEqual(job.grams_posted, 12.0)
        # A correction moves grams within the training location only.
        job.sudo().grams_actual = 15.0
        self.assertAlmostEqual(self.grams_in(self.training), 15.0)
        self.assertAlmostEqual(self.grams_in(self.production), 0.0)

    def test_failed_practice_print_goes_to_the_offcuts(self):
        job = self.practice_job()
        job.action_queue()
        job.action_start()
        job.sudo()._mark_failed(failed_weight=5.0, grams_actual=5.0)
        self.assertAlmostEqual(self.grams_in(self.offcut), 5.0)
        self.assertAlmostEqual(self.grams_in(self.training), 0.0)

    def test_production_job_books_its_grams_to_the_production_consumption(self):
        job = self.run_job(self.lea.partner_id, at(MONDAY, 9), at(MONDAY, 10))
        self.assertFalse(job.is_practice)
        self.assertEqual(job.stock_move_ids.location_dest_id, self.production)
        self.assertAlmostEqual(self.grams_in(self.production), 30.0)
        self.assertAlmostEqual(self.grams_in(self.training), 0.0)

    def test_job_that_leaves_its_session_moves_its_grams_to_production(self):
        job = self.practice_job()
        job.action_queue()
        job.action_start()
        job.action_done()
        job.sudo().write({"session_id": False, "grams_actual": 12.0})
        job.sudo()._post_material_consumption()
        self.assertAlmostEqual(self.grams_in(self.training), 0.0)
        self.assertAlmostEqual(self.grams_in(self.production), 12.0)
        self.assertAlmostEqual(self.spool.remaining_grams, 988.0)
