from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import MakerCase


@tagged("post_install", "-at_install")
class TestMaterial(MakerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.spool = cls.receive(cls.pla_black, grams=1000.0)
        cls.order = cls.confirmed_order(40)
        cls.line = cls.order.order_line
        cls.line._release_workshop_parts(20)
        cls.batch = cls.make_batch(cls.lea, cls.line, 20)

    def test_supplied_spool_is_at_the_maker_and_declarations_consume_it(self):
        self.lea._transfer_spools(self.spool)
        self.assertAlmostEqual(self.quantity(self.spool, self.lea.location_id), 1000.0)
        self.assertAlmostEqual(self.lea.material_grams, 1000.0)
        declaration = self.declare(self.batch, 10, failed=1, weight=30.0)
        # 10 × 25 g to the print consumption, 30 g of failed print to the offcuts.
        self.assertAlmostEqual(declaration.grams_consumed, 280.0)
        self.assertAlmostEqual(self.quantity(self.spool, self.lea.location_id), 720.0)
        self.assertAlmostEqual(self.quantity(self.spool, self.offcut), 30.0)
        self.assertAlmostEqual(self.quantity(self.spool, self.consumption), 250.0)
        self.lea.invalidate_recordset(["material_grams"])
        self.assertAlmostEqual(self.lea.material_grams, 720.0)

    def test_returned_spool_comes_back_to_the_warehouse(self):
        self.lea._transfer_spools(self.spool)
        self.declare(self.batch, 4)
        self.lea._transfer_spools(self.spool, to_maker=False)
        self.assertAlmostEqual(self.quantity(self.spool, self.stock), 900.0)
        self.assertAlmostEqual(self.quantity(self.spool, self.lea.location_id), 0.0)
        with self.assertRaises(UserError):
            self.lea._transfer_spools(self.spool, to_maker=False)

    def test_own_material_is_not_drawn(self):
        declaration = self.declare(self.batch, 5)
        self.assertEqual(declaration.grams_consumed, 0.0)
        self.assertFalse(declaration.move_ids)

    def test_material_cost_counts_in_the_order_aid(self):
        aid_before = self.order.aid_value
        self.declare(self.batch, 10, failed=2, weight=50.0)
        # (10 × 25 g + 50 g) × 20 €/kg = 6 €
        self.assertAlmostEqual(self.batch.real_material_cost, 6.0)
        self.assertAlmostEqual(self.order.aid_value, aid_before + 6.0)
