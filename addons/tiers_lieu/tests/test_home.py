from unittest.mock import patch

from odoo.tests import tagged

from .common import TiersLieuCase


@tagged("post_install", "-at_install")
class TestHome(TiersLieuCase):
    """The Tiers-Lieu app opens on the first screen of the user's role."""

    def home(self, user, menus):
        menu_model = type(self.env["ir.ui.menu"])
        with patch.object(menu_model, "_tl_home_menus", lambda self: menus):
            return self.env["ir.ui.menu"].with_user(user)._tl_home_action()

    def test_a_role_lands_on_its_home_menu(self):
        association = self.env.ref("tiers_lieu.menu_association")
        menus = [
            ("tiers_lieu.group_treasurer", "tiers_lieu.menu_association"),
            ("tiers_lieu.group_manager", "tiers_lieu.menu_association"),
        ]
        self.assertEqual(self.home(self.manager, menus)["id"], association.action.id)

    def test_skips_menus_not_installed_or_not_visible(self):
        association = self.env.ref("tiers_lieu.menu_association")
        menus = [
            ("tiers_lieu.group_staff", "tiers_lieu_missing.menu"),
            # A Treasurer does not see the association identity (Manager only).
            ("tiers_lieu.group_treasurer", "tiers_lieu.menu_association"),
        ]
        action = self.home(self.treasurer, menus)
        self.assertNotEqual(action and action["id"], association.action.id)

    def test_without_home_menu_the_first_visible_menu(self):
        """What the web client opens for an app without action: its first visible menu."""
        for user in (self.staff, self.manager, self.trainer, self.treasurer):
            with self.subTest(user=user.login):
                action = self.home(user, [])
                visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
                root = self.env.ref("tiers_lieu.menu_root")
                menu = root
                while not (menu != root and menu.action):
                    menu = menu.child_id.filtered(lambda m, v=visible: m.id in v).sorted(
                        lambda m: (m.sequence, m.id)
                    )[:1]
                    self.assertTrue(menu, "no visible menu with an action")
                self.assertEqual(action["id"], menu.action.id)
