from odoo.tests import tagged

from .common import TiersLieuCase


@tagged("post_install", "-at_install")
class TestGroups(TiersLieuCase):
    def test_manager_is_staff(self):
        self.assertTrue(self.manager.has_group("tiers_lieu.group_staff"))
        self.assertFalse(self.staff.has_group("tiers_lieu.group_manager"))

    def test_roles_are_separate(self):
        self.assertFalse(self.manager.has_group("tiers_lieu.group_treasurer"))
        self.assertFalse(self.trainer.has_group("tiers_lieu.group_staff"))
        self.assertFalse(self.treasurer.has_group("tiers_lieu.group_trainer"))

    def test_every_role_is_an_internal_user_in_the_category(self):
        category = self.env.ref("tiers_lieu.module_category_tiers_lieu")
        groups = self.env["res.groups"].search([("category_id", "=", category.id)])
        # Capability addons may add their own roles to the category (e.g. Insertion Manager).
        self.assertLessEqual(
            {
                "tiers_lieu.group_staff",
                "tiers_lieu.group_manager",
                "tiers_lieu.group_trainer",
                "tiers_lieu.group_treasurer",
            },
            set(groups.mapped(lambda g: g.get_external_id()[g.id])),
        )
        for group in groups:
            self.assertIn(self.env.ref("base.group_user"), group.trans_implied_ids)
            self.assertTrue(group.comment, f"{group.name} has no description")

    def test_admin_holds_every_role(self):
        admin = self.env.ref("base.user_admin")
        for xmlid in ("group_manager", "group_trainer", "group_treasurer"):
            self.assertTrue(admin.has_group(f"tiers_lieu.{xmlid}"))
