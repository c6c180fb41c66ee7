import base64
from pathlib import Path

from odoo.tests import HttpCase, tagged
from odoo.tests.common import ChromeBrowser
from odoo.tools import config

from .common import MakerCase


@tagged("post_install", "-at_install")
class TestMakerTours(MakerCase, HttpCase):
    def screenshot(self, url, name, login):
        """A PNG of ``url`` as ``login`` sees it, in the screenshots folder; its path."""
        browser = ChromeBrowser(self, headless=True, success_signal="test successful")
        try:
            self.authenticate(login, login, browser=browser)
            browser.navigate_to(self.base_url() + url, wait_stop=True)
            shot = browser._websocket_send("Page.captureScreenshot", with_future=True)
            data = shot.result(timeout=30)["data"]
        finally:
            browser.stop()
        folder = Path(config["screenshots"]) / "tiers_lieu_maker"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.png"
        path.write_bytes(base64.b64decode(data))
        return path

    def test_maker_portal_on_a_phone(self):
        order = self.confirmed_order(40)
        line = order.order_line
        line._release_workshop_parts(20)
        batch = self.make_batch(self.lea, line, 20)
        self.browser_size = "390x844"
        self.touch_enabled = True
        self.start_tour("/my/maker", "tiers_lieu_maker_portal", login="tl_maker_léa")
        self.assertEqual(batch.qty_produced, 12)
        self.assertEqual(batch.failed_weight_grams, 14.0)
        self.assertEqual(batch.state, "printing")
        self.assertTrue(self.lea.activity_ids)
        for url, name in (
            ("/my/maker", "portal_my_batches"),
            (f"/my/maker/batch/{batch.id}", "portal_batch"),
        ):
            path = self.screenshot(url, name, "tl_maker_léa")
            self.assertGreater(path.stat().st_size, 1000)

    def test_staff_allocate_and_receive(self):
        self.staff.lang = "fr_FR"
        self.lea.weekly_capacity = 20
        order = self.confirmed_order(40)
        self.start_tour(
            f"/odoo/action-sale.action_orders/{order.id}",
            "tiers_lieu_maker_allocate",
            login="tl_maker_staff",
        )
        batches = order.order_line.maker_batch_ids
        self.assertEqual(
            sorted((b.maker_id.name, b.quantity) for b in batches),
            [("Hugo Petit", 10), ("Léa Moreau", 20)],
        )
        lea = batches.filtered(lambda b: b.maker_id == self.lea)
        hugo = batches - lea
        self.declare(lea, 20)
        self.declare(hugo, 10)
        round_ = self.env["stock.picking.batch"].create(
            {
                "is_maker_round": True,
                "driver_id": self.customer.id,
                "distance_km": 12.0,
                "maker_batch_ids": [(6, 0, (lea | hugo).ids)],
            }
        )
        self.start_tour(
            f"/odoo/action-tiers_lieu_maker.stock_picking_batch_action_round/{round_.id}",
            "tiers_lieu_maker_round",
            login="tl_maker_staff",
        )
        self.assertEqual(round_.maker_state, "received")
        self.assertEqual(order.order_line.qty_maker_accepted, 28)
        path = self.screenshot(
            f"/odoo/action-tiers_lieu_maker.stock_picking_batch_action_round/{round_.id}",
            "staff_round_received",
            "tl_maker_staff",
        )
        self.assertGreater(path.stat().st_size, 1000)
