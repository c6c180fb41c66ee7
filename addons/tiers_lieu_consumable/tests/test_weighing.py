from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import ConsumableCase


@tagged("post_install", "-at_install")
class TestWeighing(ConsumableCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.spool = cls.receive(cls.pla_black)

    def last_adjustment(self):
        return self.env["stock.move"].search(
            [("is_inventory", "=", True), ("move_line_ids.lot_id", "=", self.spool.id)],
            order="id desc",
            limit=1,
        )

    def test_weighing_posts_an_inventory_adjustment_with_its_reason(self):
        wizard = Form(
            self.env["tiers_lieu.spool.weigh"]
            .with_user(self.staff)
            .with_context(default_spool_id=self.spool.id)
        )
        self.assertAlmostEqual(wizard.tare_grams, 200.0)
        wizard.gross_grams = 812.0
        wizard.reason = "Weekly count"
        self.assertAlmostEqual(wizard.remaining_grams, 612.0)
        self.assertAlmostEqual(wizard.difference_grams, -388.0)
        self.assertFalse(wizard.problem)
        wizard.save().action_confirm()
        self.assertAlmostEqual(self.spool.remaining_grams, 612.0)
        move = self.last_adjustment()
        self.assertAlmostEqual(move.quantity, 388.0)
        self.assertEqual(move.location_id, self.stock)
        self.assertIn("Weekly count", move.name)
        self.assertEqual(move.create_uid, self.staff)

    def test_weight_below_the_empty_spool_is_refused(self):
        wizard = Form(
            self.env["tiers_lieu.spool.weigh"].with_context(default_spool_id=self.spool.id)
        )
        wizard.gross_grams = 150.0
        self.assertTrue(wizard.problem)
        with self.assertRaises(ValidationError) as error:
            wizard.save().action_confirm()
        self.assertIn("less than its empty spool", str(error.exception))
        self.assertAlmostEqual(self.spool.remaining_grams, 1000.0)
        with self.assertRaises(ValidationError):
            self.spool._record_weighing(-3.0)
        with self.assertRaises(ValidationError):
            self.spool._set_remaining_grams(-1.0, "no")

    def test_an_empty_spool_weighs_its_tare_and_corrects_it(self):
        added = self.spool._record_weighing(190.0, reason="Empty", tare_grams=190.0)
        self.assertAlmostEqual(added, -1000.0)
        self.assertAlmostEqual(self.spool.remaining_grams, 0.0)
        self.assertAlmostEqual(self.spool.tare_grams, 190.0)
        # Filament found back on it later: the stock comes back in its location.
        self.spool._record_weighing(290.0)
        self.assertAlmostEqual(self.spool.remaining_grams, 100.0)
        self.assertEqual(self.spool.location_id, self.stock)

    def test_weighing_the_recorded_weight_posts_nothing(self):
        before = self.last_adjustment()
        self.assertEqual(self.spool._record_weighing(1200.0), 0.0)
        self.assertEqual(self.last_adjustment(), before)
        self.assertIn("1200", self.spool.message_ids[0].body)

    def test_spool_created_without_stock_is_weighed_into_the_warehouse(self):
        found = self.env["stock.lot"].create({"product_id": self.petg_black.id})
        found._record_weighing(700.0)
        self.assertAlmostEqual(found.remaining_grams, 500.0)
        self.assertEqual(found.location_id, self.stock)

    def test_absurd_weighings_are_refused_and_nothing_is_written(self):
        before = self.last_adjustment()
        messages = len(self.spool.message_ids)
        for gross in (float("nan"), float("inf"), 1e9, 1601.0):
            with self.subTest(gross=gross), self.assertRaises(ValidationError):
                self.spool._record_weighing(gross)
        with self.assertRaises(ValidationError):
            self.spool._record_weighing(900.0, tare_grams=float("nan"))
        wizard = Form(
            self.env["tiers_lieu.spool.weigh"].with_context(default_spool_id=self.spool.id)
        )
        wizard.gross_grams = 1e9
        with self.assertRaises(ValidationError) as error:
            wizard.save().action_confirm()
        self.assertIn("Check the figure typed", str(error.exception))
        with self.assertRaises(ValidationError):
            self.env["tiers_lieu.spool.weigh"].create(
                {"spool_id": self.spool.id, "gross_grams": float("nan")}
            )
        self.assertAlmostEqual(self.spool.remaining_grams, 1000.0)
        self.assertAlmostEqual(self.spool.tare_grams, 200.0)
        self.assertEqual(self.last_adjustment(), before)
        self.assertEqual(len(self.spool.message_ids), messages)
        # A full spool a little overfilled is still weighed.
        self.spool._record_weighing(1250.0)
        self.assertAlmostEqual(self.spool.remaining_grams, 1050.0)

    def test_absurd_counts_of_a_spool_are_refused(self):
        quant = self.spool.quant_ids.filtered(lambda q: q.location_id == self.stock)
        Quant = self.env["stock.quant"].with_context(inventory_mode=True)
        for counted in (-500.0, 1e9):
            with self.subTest(counted=counted), self.assertRaises(ValidationError):
                Quant.browse(quant.id).inventory_quantity = counted
                quant.action_apply_inventory()
        self.assertAlmostEqual(quant.quantity, 1000.0)
        self.assertAlmostEqual(self.spool.remaining_grams, 1000.0)
        for grams in (-500.0, float("nan"), 1e9):
            with self.subTest(grams=grams), self.assertRaises(ValidationError):
                self.spool._set_remaining_grams(grams, "count")
        self.assertAlmostEqual(self.spool.remaining_grams, 1000.0)
        # A plausible count is applied.
        Quant.browse(quant.id).inventory_quantity = 640.0
        quant.action_apply_inventory()
        self.assertAlmostEqual(self.spool.remaining_grams, 640.0)

    def test_absurd_spool_weights_are_refused(self):
        for field in ("tare_grams", "initial_net_grams"):
            for weight in (-1.0, 1e9):
                with self.subTest(field=field, weight=weight), self.assertRaises(ValidationError):
                    self.spool.write({field: weight})
