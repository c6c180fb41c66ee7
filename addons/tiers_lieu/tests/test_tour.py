from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestAssociationTour(HttpCase):
    def test_manager_fills_the_association_identity(self):
        new_test_user(self.env, "tl_tour_manager", groups="tiers_lieu.group_manager")
        self.start_tour("/odoo", "tiers_lieu_association_identity", login="tl_tour_manager")
        company = self.env.company
        self.assertEqual(company.association_rna, "W913004217")
        self.assertEqual(company.signatory_name, "Camille Martin")


@tagged("post_install", "-at_install")
class TestUserRolesTour(HttpCase):
    def test_admin_assigns_roles_without_developer_mode(self):
        user = new_test_user(self.env, "tl_tour_new_member", groups="base.group_user")
        self.start_tour(
            f"/odoo/action-base.action_res_users/{user.id}", "tiers_lieu_user_roles", login="admin"
        )
        self.assertTrue(user.has_group("tiers_lieu.group_manager"))
        self.assertTrue(user.has_group("tiers_lieu.group_treasurer"))
        self.assertFalse(user.has_group("tiers_lieu.group_trainer"))
