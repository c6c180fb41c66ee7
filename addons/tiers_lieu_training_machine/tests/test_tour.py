from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestSkillAuthorizationTour(HttpCase):
    """A trainer evaluates a skill on a machine kind; the authorisation appears."""

    def setUp(self):
        super().setUp()
        self.trainer = new_test_user(
            self.env, "tl_tour_machine_trainer", groups="tiers_lieu.group_trainer"
        )
        grid = self.env["hr.skill.type"].create(
            {
                "name": "Additive manufacturing operator",
                "is_certification": True,
                "skill_level_ids": [
                    (0, 0, {"name": "Learning", "level_progress": 50}),
                    (0, 0, {"name": "Acquired", "level_progress": 100}),
                ],
            }
        )
        self.skill = self.env["hr.skill"].create(
            {"name": "Run an FDM printer", "skill_type_id": grid.id, "machine_kind": "fdm_printer"}
        )
        partner = self.env["res.partner"].create({"name": "Tour Trainee"})
        self.trainee = self.env["tiers_lieu.trainee"].create(
            {"partner_id": partner.id, "trainer_id": self.trainer.id, "state": "in_progress"}
        )
        self.env["tiers_lieu.trainee.path"].create(
            {
                "trainee_id": self.trainee.id,
                "kind": "internship",
                "date_start": date(2025, 9, 1),
                "date_end": date(2030, 6, 30),
                "weekly_hours": 35,
                "skill_type_id": grid.id,
            }
        )

    def authorization(self):
        return self.env["tiers_lieu.machine.authorization"].search(
            [("partner_id", "=", self.trainee.partner_id.id)]
        )

    def test_validated_skill_grants_the_authorization(self):
        self.start_tour(
            "/odoo", "tiers_lieu_training_machine_grant", login="tl_tour_machine_trainer"
        )
        auth = self.authorization()
        self.assertEqual(auth.machine_kind, "fdm_printer")
        self.assertEqual(auth.state, "valid")
        self.assertEqual(auth.granted_by_id, self.trainer)
        self.assertEqual(auth.skill_evaluation_id.skill_id, self.skill)

    def test_proposed_authorization_granted_in_one_click(self):
        self.env.company.machine_authorization_from_skill = "propose"
        self.start_tour(
            "/odoo", "tiers_lieu_training_machine_propose", login="tl_tour_machine_trainer"
        )
        auth = self.authorization()
        self.assertEqual(auth.state, "valid")
        self.assertEqual(auth.granted_by_id, self.trainer)
        self.assertFalse(auth.activity_ids)
