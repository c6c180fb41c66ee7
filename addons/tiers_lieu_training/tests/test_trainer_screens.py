from lxml import etree

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import TrainingCase


@tagged("post_install", "-at_install")
class TestTrainerScreens(TrainingCase):
    """What a trainer meets first: the trainees' board, files to take over, indicators."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.newcomer = new_test_user(cls.env, "tl_new_trainer", groups="tiers_lieu.group_trainer")
        Trainee = cls.env["tiers_lieu.trainee"].with_user(cls.insertion_manager)
        cls.nobody = Trainee.create(
            {
                "partner_id": cls.env["res.partner"].create({"name": "Sans Référent"}).id,
                "trainer_id": False,
            }
        )
        cls.followed = cls.create_trainee("Suivi Ailleurs", trainer=cls.trainer)

    def test_new_trainer_sees_the_trainees_nobody_follows(self):
        Trainee = self.env["tiers_lieu.trainee"].with_user(self.newcomer)
        self.assertEqual(Trainee.search([]), self.nobody)
        self.nobody.with_user(self.newcomer).action_take_over()
        self.assertEqual(self.nobody.trainer_id, self.newcomer)
        self.assertIn(self.newcomer.partner_id, self.nobody.message_partner_ids)
        # Taken: the other trainers no longer see it.
        other = self.env["tiers_lieu.trainee"].with_user(self.other_trainer)
        self.assertFalse(other.search([("id", "=", self.nobody.id)]))

    def test_a_followed_file_cannot_be_taken_over(self):
        with self.assertRaises(AccessError):
            self.followed.with_user(self.newcomer).action_take_over()
        with self.assertRaisesRegex(UserError, "already followed by"):
            self.followed.with_user(self.trainer).action_take_over()
        with self.assertRaises(AccessError):
            self.nobody.with_user(self.staff).action_take_over()

    def test_board_shows_hours_against_the_contract(self):
        action = self.env.ref("tiers_lieu_training.trainee_action")
        self.assertTrue(action.view_mode.startswith("kanban"))
        views = (
            self.env["tiers_lieu.trainee"]
            .with_user(self.newcomer)
            .get_views([(False, "kanban")])["views"]
        )
        arch = etree.fromstring(views["kanban"]["arch"])
        bars = {
            node.get("name"): node.get("options")
            for node in arch.iter("field")
            if node.get("widget") == "progressbar"
        }
        self.assertIn("week_contract_hours", bars["week_hours"])
        self.assertIn("month_contract_hours", bars["month_hours"])
        self.assertIn("action_take_over", views["kanban"]["arch"])

    def test_indicators_have_a_name_for_the_breadcrumb(self):
        wizard = self.env["tiers_lieu.training.indicators"].create({"year": 2026})
        self.assertEqual(wizard.display_name, "Indicators 2026")
        self.assertEqual(wizard.with_context(lang="fr_FR").display_name, "Indicateurs 2026")

    def test_years_print_without_thousands_separator(self):
        arch = self.env["tiers_lieu.training.indicators"].get_views([(False, "form")])["views"][
            "form"
        ]["arch"]
        year = etree.fromstring(arch).xpath("//field[@name='year']")[0]
        self.assertIn("'format': false", year.get("options"))
