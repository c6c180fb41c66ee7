from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestAssociationTour(HttpCase):
    def test_manager_fills_the_association_identity(self):
        new_test_user(self.env, "tl_tour_manager", groups="tiers_lieu.group_manager")
        self.start_tour("/odoo", "tiers_lieu_association_identity", login="tl_tour_manager")
        company = self.env.company
        self.assertEqual(company.association_rna, "W913004217")
        self.assertEqual(company.signatory_name, "Camille Martin")
