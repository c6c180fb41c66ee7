from datetime import date

from odoo.tests import new_test_user, tagged

from .common import TrainingCase


@tagged("post_install", "-at_install")
class TestRestrictedFollowers(TrainingCase):
    """Who loses access to a trainee file or a statement stops following it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Followers and notifications as in production: tracking on.
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        cls.trainee = cls.create_trainee("Inès Moreau")

    def followers(self, record):
        return record.message_partner_ids

    def post(self, record):
        return record.message_post(
            body="Entretien du jour", message_type="comment", subtype_xmlid="mail.mt_comment"
        )

    def test_the_referent_trainer_follows_the_file(self):
        self.assertIn(self.trainer.partner_id, self.followers(self.trainee))

    def test_former_referent_trainer_stops_following_the_file(self):
        self.trainee.trainer_id = self.other_trainer
        followers = self.followers(self.trainee)
        self.assertNotIn(self.trainer.partner_id, followers)
        self.assertIn(self.other_trainer.partner_id, followers)
        message = self.post(self.trainee)
        self.assertNotIn(self.trainer.partner_id, message.notified_partner_ids)
        self.assertIn(self.other_trainer.partner_id, message.notified_partner_ids)

    def test_former_other_trainer_stops_following_the_file(self):
        self.trainee.trainer_ids = self.other_trainer
        self.trainee.message_subscribe(self.other_trainer.partner_id.ids)
        self.trainee.trainer_ids = False
        self.assertNotIn(self.other_trainer.partner_id, self.followers(self.trainee))

    def test_trainer_who_stays_an_insertion_manager_keeps_following(self):
        manager = self.insertion_manager
        self.trainee.trainer_id = manager
        self.trainee.trainer_id = self.trainer
        # An insertion manager reads every file: following it is still allowed.
        self.assertIn(manager.partner_id, self.followers(self.trainee))

    def test_user_losing_the_trainer_role_stops_following(self):
        self.trainer.groups_id -= self.env.ref("tiers_lieu.group_trainer")
        self.assertNotIn(self.trainer.partner_id, self.followers(self.trainee))

    def test_external_partners_stay(self):
        adviser = self.env["res.partner"].create({"name": "Conseillère France Travail"})
        self.trainee.message_subscribe(adviser.ids)
        self.trainee.trainer_id = self.other_trainer
        self.assertIn(adviser, self.followers(self.trainee))

    def test_former_insertion_manager_stops_following_the_statement(self):
        manager = new_test_user(
            self.env, "tl_leaving_manager", groups="tiers_lieu_training.group_insertion_manager"
        )
        statement = (
            self.env["tiers_lieu.hours.statement"]
            .with_user(manager)
            .create({"month": date(2026, 2, 1), "funder_kind": "asp"})
        )
        self.assertIn(manager.partner_id, self.followers(statement))
        manager.groups_id -= self.env.ref("tiers_lieu_training.group_insertion_manager")
        self.assertNotIn(manager.partner_id, self.followers(statement.sudo()))
        message = self.post(statement.sudo())
        self.assertNotIn(manager.partner_id, message.notified_partner_ids)
