from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestTrainerTour(HttpCase):
    def test_trainer_evaluates_a_skill_and_sees_the_block_progress(self):
        trainer = new_test_user(self.env, "tl_tour_trainer", groups="tiers_lieu.group_trainer")
        grid = self.env["hr.skill.type"].create(
            {
                "name": "Additive manufacturing operator",
                "is_certification": True,
                "rncp_code": "RNCP99001",
                "skill_level_ids": [
                    (0, 0, {"name": "Learning", "level_progress": 50}),
                    (0, 0, {"name": "Acquired", "level_progress": 100}),
                ],
            }
        )
        block = self.env["tiers_lieu.skill.block"].create(
            {"name": "Produce", "code": "RNCP99001BC02", "skill_type_id": grid.id}
        )
        skill = self.env["hr.skill"].create(
            {
                "name": "Run an FDM printer",
                "skill_type_id": grid.id,
                "block_id": block.id,
            }
        )
        partner = self.env["res.partner"].create({"name": "Tour Trainee"})
        cfa = self.env["res.partner"].create({"name": "CFA", "is_company": True})
        master = self.env["hr.employee"].create({"name": "Maître"})
        trainee = self.env["tiers_lieu.trainee"].create(
            {"partner_id": partner.id, "trainer_id": trainer.id, "state": "in_progress"}
        )
        self.env["tiers_lieu.trainee.path"].create(
            {
                "trainee_id": trainee.id,
                "kind": "apprenticeship",
                "date_start": date(2025, 9, 1),
                "date_end": date(2027, 8, 31),
                "weekly_hours": 35,
                "cfa_id": cfa.id,
                "apprentice_master_id": master.id,
                "skill_type_id": grid.id,
                "company_hours": 2400,
                "cfa_hours": 800,
            }
        )
        self.start_tour("/odoo", "tiers_lieu_training_evaluation", login="tl_tour_trainer")
        evaluation = trainee.evaluation_ids
        self.assertEqual(evaluation.skill_id, skill)
        self.assertTrue(evaluation.is_validated)
        self.assertEqual(evaluation.evaluator_id, trainer)
        self.assertEqual(evaluation.comment, "Printed a batch of face shields alone")
