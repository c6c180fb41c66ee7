from odoo.tests import new_test_user, tagged

from .common import RecyclingCase


@tagged("post_install", "-at_install")
class TestRecyclingTile(RecyclingCase):
    def tile(self, user):
        sections = self.env["tiers_lieu.dashboard"].with_user(user).get_dashboard()["sections"]
        tiles = {tile["key"]: tile for section in sections for tile in section["tiles"]}
        return tiles.get("filament_recycled")

    def test_the_month_recycled_filament_and_yield(self):
        job = self.start_job(self.mk4, grams=300.0)
        job.action_done()
        supports = self.weigh(self.pla, "support", 60.0, job=job).move_line_ids.lot_id
        rejects = self.weigh(self.pla, "rejected", 40.0, job=job).move_line_ids.lot_id
        draft = self.batch([(supports, 60.0)], output=50.0)
        done = self.batch([(rejects, 40.0)], output=30.0)
        done.action_done()
        staff = new_test_user(self.env, login="tl_recycling_tile", groups="tiers_lieu.group_staff")
        tile = self.tile(staff)
        # Only the batch done counts: 30 g out of 40 g of offcuts.
        self.assertEqual(tile["value"], 30.0)
        self.assertIn("75,0 %", tile["subtitle"])
        self.assertEqual(tile["trend"][-1], 30.0)
        batches = self.env["tiers_lieu.recycling.batch"].search(tile["action"]["domain"])
        self.assertIn(done, batches)
        self.assertNotIn(draft, batches)

    def test_not_shown_to_a_treasurer(self):
        treasurer = new_test_user(
            self.env, login="tl_recycling_tile_t", groups="tiers_lieu.group_treasurer"
        )
        self.assertIsNone(self.tile(treasurer))
