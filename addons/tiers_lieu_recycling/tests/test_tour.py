import base64
import logging
import pathlib

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import ChromeBrowser, save_test_file
from odoo.tools import config

from odoo.addons.queue_job.job import Job

from .common import RecyclingCase

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestRecyclingTour(HttpCase):
    def test_weigh_a_bin_run_a_batch_open_the_balance(self):
        new_test_user(self.env, "tl_tour_recycling", groups="tiers_lieu.group_manager")
        pla = self.env["tiers_lieu.material"].create(
            {"name": "Tour PLA", "code": "TOUR-PLA", "family": "pla"}
        )
        self.env["product.product"].create(
            {"name": "Tour recycled PLA", "material_id": pla.id, "spool_net_grams": 500}
        )
        partner = self.env["res.partner"].create({"name": "Tour partner"})
        lot = pla._weigh_offcut("partner_scrap", 450.0, partner=partner).move_line_ids.lot_id
        lot.name = "TOUR-OFFCUT-1"
        self.patch(ChromeBrowser, "stop", _stop_with_screenshot(ChromeBrowser.stop))
        self.start_tour("/odoo", "tiers_lieu_recycling", login="tl_tour_recycling")
        # The tap recorded the weighing and queued its posting; the job runner posts it.
        weighing = self.env["tiers_lieu.offcut.weighing"].search([("source", "=", "rejected")])
        self.assertEqual(weighing.state, "pending")
        queued = self.env["queue.job"].search([("method_name", "=", "_post_in_background")])
        self.assertEqual(len(queued), 1)
        Job.load(self.env, queued.uuid).perform()
        self.assertEqual(weighing.state, "posted")
        weighed = self.env["stock.move"].search([("offcut_source", "=", "rejected")])
        self.assertEqual(weighing.move_id, weighed)
        self.assertEqual(weighed.product_id.offcut_material_id, pla)
        self.assertAlmostEqual(weighed.quantity, 85.0)
        batch = self.env["tiers_lieu.recycling.batch"].search([("material_id", "=", pla.id)])
        self.assertEqual(batch.state, "done")
        self.assertAlmostEqual(batch.output_lot_id.remaining_grams, 400.0)
        balance = self.env["tiers_lieu.mass.balance"].search([], order="id desc", limit=1)
        self.assertIn("recycled_output", balance.line_ids.mapped("kind"))
        self._screenshot_balance(balance)

    def _screenshot_balance(self, balance):
        """The tour ends on the balance report: its browser saves it as a PNG under Odoo's
        screenshots directory before it closes."""
        directory = pathlib.Path(config["screenshots"], self.env.cr.dbname, "screenshots")
        shots = sorted(directory.glob("mass_balance_*.png"), key=lambda path: path.stat().st_mtime)
        self.assertTrue(shots, f"No screenshot of the balance in {directory}")
        self.assertGreater(shots[-1].stat().st_size, 10000)
        _logger.info("Screenshot of the mass balance: %s", shots[-1])


def _stop_with_screenshot(stop):
    def wrapper(browser):
        if browser.ws is not None:
            png = browser._websocket_request("Page.captureScreenshot", timeout=60)["data"]
            save_test_file(
                "TestRecyclingTour", base64.b64decode(png), "mass_balance_", logger=_logger
            )
        return stop(browser)

    return wrapper


@tagged("post_install", "-at_install")
class TestRecyclingHttp(HttpCase, RecyclingCase):
    def test_portal_cannot_reach_the_recycling_over_http(self):
        portal = new_test_user(self.env, "tl_recycling_portal", groups="base.group_portal")
        self.authenticate(portal.login, portal.login)
        response = self.url_open(
            "/web/dataset/call_kw/tiers_lieu.recycling.batch/search_read",
            data='{"jsonrpc": "2.0", "method": "call", "params": {"model": '
            '"tiers_lieu.recycling.batch", "method": "search_read", "args": [], '
            '"kwargs": {}}}',
            headers={"Content-Type": "application/json"},
        )
        self.assertIn("AccessError", response.text)
