from odoo.tests import new_test_user, tagged

from .common import MakerCase


@tagged("post_install", "-at_install")
class TestMakerTile(MakerCase):
    def tile(self, user):
        sections = self.env["tiers_lieu.dashboard"].with_user(user).get_dashboard()["sections"]
        tiles = {tile["key"]: tile for section in sections for tile in section["tiles"]}
        return tiles.get("maker_parts")

    def test_parts_declared_this_month_by_how_many_makers(self):
        line = self.confirmed_order(quantity=100).order_line
        first = self.make_batch(self.lea, line, 20)
        second = self.make_batch(self.hugo, line, 20)
        self.declare(first, 12, failed=1, weight=25.0)
        self.declare(first, 3)
        self.declare(second, 5)
        tile = self.tile(self.staff)
        # Good parts only (failed ones are offcuts), by two makers.
        self.assertEqual(tile["value"], 20)
        self.assertIn("2", tile["subtitle"])
        self.assertEqual(tile["trend"][-1], 20)
        declarations = self.env["tiers_lieu.maker.declaration"].search(tile["action"]["domain"])
        self.assertEqual(declarations.batch_id, first | second)

    def test_not_shown_to_a_treasurer(self):
        treasurer = new_test_user(
            self.env, login="tl_maker_tile_t", groups="tiers_lieu.group_treasurer"
        )
        self.assertIsNone(self.tile(treasurer))
