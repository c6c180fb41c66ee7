import re

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import NIR, PortalTraineeMixin


@tagged("post_install", "-at_install")
class TestTraineePortal(PortalTraineeMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_trainees()

    def login(self, user):
        self.authenticate(user.login, user.login)

    def training_card(self, page):
        """The class of the portal home's card that leads to /my/training."""
        match = re.search(
            r'<div class="(o_portal_index_card[^"]*)">\s*<a href="/my/training"', page
        )
        return match and match.group(1)

    def test_my_training_in_french_and_only_mine(self):
        self.login(self.alice_user)
        response = self.url_open("/my/training")
        self.assertEqual(response.status_code, 200)
        page = response.text
        self.assertIn("Tour portail", page)
        self.assertIn("Heures de formation", page)
        self.assertIn("Présent", page)
        self.assertIn("03:30", page)  # the signed morning, 9:00-12:30
        self.assertNotIn("Bruno", page)
        self.assertNotIn("Séance de Bruno", page)
        self.assertNotIn(NIR, page)
        self.assertNotIn("Maladie", page)  # Bruno's absence reason
        home = self.url_open("/my/home").text
        self.assertNotIn("d-none", self.training_card(home))

    def test_another_trainees_session_is_not_found(self):
        self.login(self.alice_user)
        own = self.url_open(f"/my/training/session/{self.training_session.id}")
        self.assertEqual(own.status_code, 200)
        self.assertIn("Présent", own.text)
        self.assertNotIn("Bruno", own.text)
        for url in (
            f"/my/training/session/{self.bruno_session.id}",
            f"/my/training/session/{self.bruno_session.id + 1000}",
        ):
            self.assertEqual(self.url_open(url).status_code, 404, url)

    def test_bruno_sees_his_absence(self):
        self.login(self.bruno_user)
        page = self.url_open("/my/training").text
        self.assertIn("Séance de Bruno", page)
        self.assertIn("Maladie", page)
        self.assertNotIn("Alice", page)

    def test_attestation_is_the_trainees_own_pdf(self):
        self.login(self.alice_user)
        response = self.url_open("/my/training/attestation")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        self.assertTrue(response.content.startswith(b"%PDF"))
        self.assertIn("Alice", response.headers["Content-Disposition"])

    def test_portal_user_without_a_trainee_file_sees_nothing(self):
        self.login(self.nobody)
        for url in ("/my/training", "/my/training/attestation"):
            self.assertEqual(self.url_open(url).status_code, 404, url)
        url = f"/my/training/session/{self.training_session.id}"
        self.assertEqual(self.url_open(url).status_code, 404)
        home = self.url_open("/my/home")
        self.assertEqual(home.status_code, 200)
        self.assertIn("d-none", self.training_card(home.text))

    def test_anonymous_is_sent_to_the_login(self):
        for url in ("/my/training", f"/my/training/session/{self.training_session.id}"):
            response = self.url_open(url, allow_redirects=False)
            self.assertIn(response.status_code, (302, 303), url)
            self.assertIn("/web/login", response.headers["Location"])

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.models")
    def test_orm_rules_keep_a_trainee_to_their_own_lines(self):
        Attendance = self.env["tiers_lieu.training.attendance"].with_user(self.alice_user)
        self.assertEqual(Attendance.search([]).trainee_id, self.alice)
        bruno_line = self.training_session.attendance_ids.filtered(
            lambda line: line.trainee_id == self.bruno
        )
        with self.assertRaises(AccessError):
            bruno_line.with_user(self.alice_user).read(["state"])
        Hours = self.env["tiers_lieu.trainee.hours"].with_user(self.alice_user)
        self.assertEqual(Hours.search([]).trainee_id, self.alice)
        with self.assertRaises(AccessError):
            self.bruno.with_user(self.alice_user).read(["name"])
        with self.assertRaises(AccessError):
            self.alice.with_user(self.alice_user).read(["name"])
        with self.assertRaises(AccessError):
            self.training_session.with_user(self.alice_user).read(["topic"])
        # Nobody reads nothing.
        Attendance = Attendance.with_user(self.nobody)
        self.assertFalse(Attendance.search([]))


@tagged("post_install", "-at_install")
class TestGrantPortalAccess(PortalTraineeMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.trainer = new_test_user(cls.env, "tl_grant_trainer", groups="tiers_lieu.group_trainer")
        cls.insertion_manager = new_test_user(
            cls.env,
            "tl_grant_insertion",
            groups="tiers_lieu_training.group_insertion_manager",
        )
        partner = cls.env["res.partner"].create(
            {"name": "Chloé Nouvelle", "email": "chloe@example.com"}
        )
        cls.chloe = cls.trainee(partner)

    def test_insertion_manager_grants_portal_access_from_the_file(self):
        trainee = self.chloe.with_user(self.insertion_manager)
        self.assertFalse(trainee.portal_user_id)
        action = trainee.action_grant_portal_access()
        self.assertEqual(action["res_model"], "portal.wizard")
        wizard = (
            self.env["portal.wizard"]
            .with_user(self.insertion_manager)
            .with_context(**action["context"])
            .create({})
        )
        wizard.user_ids.action_grant_access()
        self.chloe.invalidate_recordset(["portal_user_id"])
        user = self.chloe.portal_user_id
        self.assertTrue(user)
        self.assertTrue(user.has_group("base.group_portal"))

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.models")
    def test_trainer_does_not_grant_portal_access(self):
        with self.assertRaises(AccessError):
            self.chloe.with_user(self.trainer).action_grant_portal_access()
