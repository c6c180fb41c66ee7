import json
from datetime import date
from unittest.mock import patch

from odoo import api
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import TiersLieuCase

# Tiles of a capability addon, as one would declare them (see tiers_lieu.dashboard).
TILES = [
    {
        "key": key,
        "section": section,
        "sequence": sequence,
        "groups": groups,
        "compute": "_tile_test_partners",
    }
    for key, section, sequence, groups in (
        ("t_staff", "machines", 2, "tiers_lieu.group_staff"),
        ("t_money", "donations", 1, "tiers_lieu.group_staff,tiers_lieu.group_treasurer"),
        ("t_trainer", "training", 3, "tiers_lieu.group_trainer"),
    )
]


def _tile_test_partners(self, period):
    domain = [("name", "=like", "TL dashboard %")]
    return self._tile(
        "Partners",
        self.env["res.partner"].search_count(domain),
        action={"xmlid": "base.action_partner_form", "domain": domain},
    )


@tagged("post_install", "-at_install")
class TestDashboard(HttpCase, TiersLieuCase):
    """The registry of tiles: each role gets the tiles of its groups, nobody else any."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal = new_test_user(cls.env, "tl_dashboard_portal", groups="base.group_portal")
        cls.env["res.partner"].create([{"name": f"TL dashboard {i}"} for i in range(3)])

    def setUp(self):
        super().setUp()
        Dashboard = type(self.env["tiers_lieu.dashboard"])
        for name, value in (
            ("_tiles", api.model(lambda self: TILES)),
            ("_tile_test_partners", api.model(_tile_test_partners)),
        ):
            patcher = patch.object(Dashboard, name, value, create=True)
            patcher.start()
            self.addCleanup(patcher.stop)

    def keys(self, user):
        data = self.env["tiers_lieu.dashboard"].with_user(user).get_dashboard()
        return [tile["key"] for section in data["sections"] for tile in section["tiles"]]

    def test_each_role_sees_the_tiles_of_its_groups(self):
        # Sections come in their order (machines before donations), tiles by sequence.
        self.assertEqual(self.keys(self.staff), ["t_staff", "t_money"])
        self.assertEqual(self.keys(self.manager), ["t_staff", "t_money"])
        self.assertEqual(self.keys(self.treasurer), ["t_money"])
        self.assertEqual(self.keys(self.trainer), ["t_trainer"])

    def test_a_tile_gives_its_figure_and_its_list(self):
        data = self.env["tiers_lieu.dashboard"].with_user(self.staff).get_dashboard()
        tile = data["sections"][0]["tiles"][0]
        self.assertEqual(tile["value"], 3)
        self.assertEqual(tile["display"], "3")
        action = (
            self.env["tiers_lieu.dashboard"]
            .with_user(self.staff)
            .open_tile(tile["action"]["xmlid"], tile["action"]["domain"], "Partenaires")
        )
        self.assertEqual(action["res_model"], "res.partner")
        self.assertEqual(action["domain"], [("name", "=like", "TL dashboard %")])
        self.assertEqual(action["name"], "Partenaires")
        self.assertEqual(action["display_name"], "Partenaires")
        # Only the list and the form, without the menu's default filters.
        self.assertEqual({mode for _view, mode in action["views"]}, {"list", "form"})
        self.assertFalse([key for key in action["context"] if key.startswith("search_default")])

    def test_months_of_the_trend(self):
        period = self.env["tiers_lieu.dashboard"]._period(date(2026, 3, 17))
        self.assertEqual(period["date_from"], date(2026, 3, 1))
        self.assertEqual(period["date_to"], date(2026, 4, 1))
        self.assertEqual(period["months"][0], date(2025, 4, 1))
        self.assertEqual(period["months"][-1], date(2026, 3, 1))
        self.assertEqual(len(period["months"]), 12)
        data = (
            self.env["tiers_lieu.dashboard"]
            .with_user(self.staff)
            .with_context(lang="fr_FR")
            .get_dashboard(today="2026-03-17")
        )
        self.assertEqual(data["month_label"], "mars 2026")

    def test_users_without_a_role_get_no_figure(self):
        internal = new_test_user(self.env, "tl_dashboard_internal", groups="base.group_user")
        for user in (internal, self.portal):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["tiers_lieu.dashboard"].with_user(user).get_dashboard()

    def test_portal_gets_no_figure_over_json_rpc(self):
        self.authenticate("tl_dashboard_portal", "tl_dashboard_portal")
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {
                "model": "tiers_lieu.dashboard",
                "method": "get_dashboard",
                "args": [],
                "kwargs": {},
            },
        }
        response = self.url_open(
            "/web/dataset/call_kw/tiers_lieu.dashboard/get_dashboard",
            data=json.dumps(payload),
            headers={"Content-Type": "application/json"},
        )
        body = response.json()
        self.assertIn("error", body)
        self.assertNotIn("t_money", response.text)
