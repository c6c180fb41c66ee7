from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestHome(HttpCase):
    """Each role opens the Tiers-Lieu app on a screen it may read."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            role: new_test_user(cls.env, f"tl_home_{role}", groups=f"tiers_lieu.group_{role}")
            for role in ("staff", "manager", "trainer", "treasurer")
        }
        cls.users["insertion_manager"] = new_test_user(
            cls.env,
            "tl_home_insertion_manager",
            groups="tiers_lieu_training.group_insertion_manager",
        )

    def home(self, role):
        return self.env["ir.ui.menu"].with_user(self.users[role])._tl_home_action()

    def test_each_role_lands_on_its_screen(self):
        expected = {
            "staff": "tiers_lieu.dashboard_action",
            "manager": "tiers_lieu.dashboard_action",
            "trainer": "tiers_lieu_training.trainee_action",
            "insertion_manager": "tiers_lieu_training.trainee_action",
            "treasurer": "tiers_lieu_donation.donation_donation_action",
        }
        for role, xmlid in expected.items():
            with self.subTest(role=role):
                self.assertEqual(self.home(role)["id"], self.env.ref(xmlid).id)

    def test_trainer_opens_the_app(self):
        self.start_tour("/odoo", "tiers_lieu_farm_home_trainer", login="tl_home_trainer")

    def test_treasurer_opens_the_app(self):
        self.start_tour("/odoo", "tiers_lieu_farm_home_treasurer", login="tl_home_treasurer")
