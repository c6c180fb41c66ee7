from datetime import date

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import TrainingMachineCase

GRANT_ACTIVITY = "tiers_lieu_training_machine.mail_activity_type_authorization_to_grant"


@tagged("post_install", "-at_install")
class TestAuthorizationFromSkill(TrainingMachineCase):
    def authorizations(self, trainee, kind="fdm_printer"):
        return self.env["tiers_lieu.machine.authorization"].search(
            [("partner_id", "=", trainee.partner_id.id), ("machine_kind", "=", kind)]
        )

    def test_validated_skill_grants_the_authorization(self):
        lea = self.lea.with_user(self.trainer)
        evaluation = self.evaluate(lea, self.skill_fdm, self.level_acquired, date(2026, 3, 10))
        auth = self.authorizations(self.lea)
        self.assertEqual(len(auth), 1)
        self.assertEqual(auth.state, "valid")
        self.assertEqual(auth.partner_id, self.lea.partner_id)
        self.assertEqual(auth.granted_date, date(2026, 3, 10))
        self.assertEqual(auth.granted_by_id, self.trainer)
        self.assertEqual(auth.company_id, self.lea.company_id)
        self.assertEqual(auth.skill_evaluation_id, evaluation)
        self.assertEqual(evaluation.machine_authorization_ids, auth)
        self.assertEqual(auth.expiry_date, date(2028, 3, 10))
        self.assertIn("Accordée après la validation de la compétence", auth.message_ids[0].body)
        self.assertIn("Run an FDM printer", auth.message_ids[0].body)
        # usable at once: the machine addon lets the person start a job
        pairs = self.env["tiers_lieu.machine.authorization"]._valid_pairs(
            self.lea.partner_id, {"fdm_printer"}
        )
        self.assertEqual(pairs, {(self.lea.partner_id.id, "fdm_printer")})

    def test_validation_tells_the_trainer_and_the_file(self):
        self.env.company.partner_id.lang = "fr_FR"
        self.trainer.lang = "fr_FR"
        lea = self.lea.with_user(self.trainer)
        before = self.lea.message_ids
        self.env["bus.bus"].sudo().search([]).unlink()
        self.evaluate(lea, self.skill_fdm, self.level_acquired, date(2026, 3, 10))
        notes = (self.lea.message_ids - before).mapped("body")
        self.assertTrue(
            any(
                "Compétence validée : Run an FDM printer (Acquired). Habilitation machine "
                "accordée : Imprimante FDM." in note
                for note in notes
            ),
            notes,
        )
        self.env.cr.precommit.run()
        sent = self.env["bus.bus"].sudo().search([]).mapped("message")
        self.assertTrue(
            any(
                "simple_notification" in m and "accord\\u00e9e : Imprimante FDM" in m for m in sent
            ),
            sent,
        )

    def test_granted_by_the_evaluator_named_on_the_evaluation(self):
        self.evaluate(self.lea, self.skill_fdm, self.level_acquired, evaluator_id=self.trainer.id)
        self.assertEqual(self.authorizations(self.lea).granted_by_id, self.trainer)

    def test_only_a_validated_skill_on_a_machine_kind(self):
        evaluation = self.evaluate(self.lea, self.skill_fdm, self.level_learning)
        self.evaluate(self.lea, self.skill_slicing, self.level_acquired)
        self.assertFalse(
            self.env["tiers_lieu.machine.authorization"].search(
                [("partner_id", "=", self.lea.partner_id.id)]
            )
        )
        evaluation.with_user(self.trainer).level_id = self.level_acquired
        self.assertEqual(self.authorizations(self.lea).skill_evaluation_id, evaluation)

    def test_future_evaluation_date_grants_today(self):
        self.evaluate(self.lea, self.skill_fdm, self.level_acquired, date(2026, 3, 25))
        self.assertEqual(self.authorizations(self.lea).granted_date, self.today)

    def test_no_duplicate_of_a_valid_authorization(self):
        held = self.authorize(self.lea.partner_id, granted_date="2026-01-05")
        self.evaluate(self.lea, self.skill_fdm, self.level_acquired)
        self.assertEqual(self.authorizations(self.lea), held)
        self.assertEqual(held.granted_date, date(2026, 1, 5))
        self.assertFalse(held.skill_evaluation_id)
        # two validations created together give one authorisation, from the first
        first, _second = self.env["tiers_lieu.skill.evaluation"].create(
            [
                {
                    "trainee_id": self.yanis.id,
                    "skill_id": self.skill_fdm.id,
                    "level_id": self.level_acquired.id,
                    "date": day,
                }
                for day in (date(2026, 3, 2), date(2026, 3, 9))
            ]
        )
        self.assertEqual(self.authorizations(self.yanis).skill_evaluation_id, first)

    def test_expiring_authorization_is_renewed(self):
        self.env.company.machine_authorization_validity_months = 12
        expiring = self.authorize(self.lea.partner_id, granted_date="2025-04-20")
        self.assertEqual(expiring.expiry_date, date(2026, 4, 20))  # within 60 days
        evaluation = self.evaluate(
            self.lea.with_user(self.trainer), self.skill_fdm, self.level_acquired
        )
        self.assertEqual(self.authorizations(self.lea), expiring)
        self.assertEqual(expiring.granted_date, date(2026, 3, 10))
        self.assertEqual(expiring.expiry_date, date(2027, 3, 10))
        self.assertEqual(expiring.granted_by_id, self.trainer)
        self.assertEqual(expiring.skill_evaluation_id, evaluation)
        self.assertIn("Renouvelée", expiring.message_ids[0].body)

    def test_lapsing_authorization_is_renewed(self):
        self.env.company.machine_authorization_lapse_months = 6
        lapsing = self.authorize(self.lea.partner_id, granted_date="2025-09-25")
        self.assertEqual(lapsing.lapse_date, date(2026, 3, 25))
        self.evaluate(self.lea, self.skill_fdm, self.level_acquired)
        self.assertEqual(lapsing.lapse_date, date(2026, 9, 10))

    def test_renewal_window_is_a_company_setting(self):
        self.env.company.machine_authorization_validity_months = 12
        self.env.company.machine_authorization_renewal_days = 20
        held = self.authorize(self.lea.partner_id, granted_date="2025-04-20")
        self.evaluate(self.lea, self.skill_fdm, self.level_acquired)
        self.assertEqual(held.granted_date, date(2025, 4, 20), "ends in 41 days: left")

    def test_expired_or_revoked_authorization_gets_a_new_one(self):
        old = self.authorize(self.lea.partner_id, granted_date="2023-01-02", state="expired")
        revoked = self.authorize(self.yanis.partner_id, granted_date="2025-06-02")
        revoked.action_revoke()
        self.evaluate(self.lea, self.skill_fdm, self.level_acquired)
        self.evaluate(self.yanis, self.skill_fdm, self.level_acquired)
        for trainee, past in ((self.lea, old), (self.yanis, revoked)):
            auths = self.authorizations(trainee)
            self.assertEqual(len(auths), 2)
            self.assertEqual((auths - past).state, "valid")

    def test_proposed_to_the_referent_trainer_then_granted_in_one_click(self):
        self.env.company.machine_authorization_from_skill = "propose"
        evaluation = self.evaluate(
            self.lea.with_user(self.insertion_manager), self.skill_fdm, self.level_acquired
        )
        auth = self.authorizations(self.lea)
        self.assertEqual(auth.state, "proposed")
        self.assertEqual(auth.skill_evaluation_id, evaluation)
        self.assertFalse(
            self.env["tiers_lieu.machine.authorization"]._valid_pairs(
                self.lea.partner_id, {"fdm_printer"}
            ),
            "a proposal does not let the person run the machine",
        )
        activity = auth.activity_ids
        self.assertEqual(activity.activity_type_id, self.env.ref(GRANT_ACTIVITY))
        self.assertEqual(activity.user_id, self.trainer, "the referent trainer")
        self.assertIn("FDM printer", activity.summary)
        # a second validation while the proposal waits does not propose twice
        self.evaluate(self.lea, self.skill_fdm, self.level_acquired, date(2026, 3, 12))
        self.assertEqual(self.authorizations(self.lea), auth)

        auth.with_user(self.trainer).action_grant()
        self.assertEqual(auth.state, "valid")
        self.assertEqual(auth.granted_date, self.today)
        self.assertEqual(auth.granted_by_id, self.trainer)
        self.assertEqual(auth.expiry_date, date(2028, 3, 18))
        self.assertFalse(auth.activity_ids, "the activity is done")
        with self.assertRaises(UserError) as cm:
            auth.with_user(self.trainer).action_grant()
        self.assertIn("only a proposed authorisation can be granted", str(cm.exception))

    def test_proposal_not_granted_over_a_valid_authorization(self):
        self.env.company.machine_authorization_from_skill = "propose"
        self.evaluate(self.lea, self.skill_fdm, self.level_acquired)
        proposal = self.authorizations(self.lea)
        self.authorize(self.lea.partner_id, granted_date="2026-03-17")
        with self.assertRaises(UserError) as cm:
            proposal.with_user(self.trainer).action_grant()
        self.assertIn("already holds a valid authorisation", str(cm.exception))
        self.assertEqual(proposal.state, "proposed")
        proposal.with_user(self.trainer).action_revoke()
        self.assertEqual(proposal.state, "revoked")
        self.assertFalse(proposal.activity_ids)

    def test_withdrawn_validation(self):
        """Lowering the level withdraws a proposal; a granted authorisation is flagged."""
        granted_eval = self.evaluate(self.lea, self.skill_fdm, self.level_acquired)
        granted = self.authorizations(self.lea)
        self.env.company.machine_authorization_from_skill = "propose"
        proposed_eval = self.evaluate(self.yanis, self.skill_fdm, self.level_acquired)
        self.assertEqual(self.authorizations(self.yanis).state, "proposed")

        proposed_eval.with_user(self.trainer).level_id = self.level_learning
        self.assertFalse(self.authorizations(self.yanis))
        granted_eval.with_user(self.trainer).level_id = self.level_learning
        self.assertEqual(granted.state, "valid", "the trainer decides to revoke")
        self.assertIn("no longer validates the skill", granted.message_ids[0].body)
        self.assertEqual(granted.activity_ids.user_id, self.trainer)

        self.evaluate(self.yanis, self.skill_fdm, self.level_acquired).unlink()
        self.assertFalse(self.authorizations(self.yanis), "deleting the evaluation too")

    def test_trainer_evaluates_in_the_form_and_sees_the_authorization(self):
        lea = self.lea.with_user(self.trainer)
        with Form(lea) as form:
            with form.evaluation_ids.new() as line:
                line.skill_id = self.skill_fdm
                line.level_id = self.level_acquired
        lea.invalidate_recordset(["machine_authorization_ids", "machine_authorization_count"])
        self.assertEqual(lea.machine_authorization_count, 1)
        self.assertEqual(lea.machine_authorization_ids.machine_kind, "fdm_printer")
        self.assertEqual(lea.machine_authorization_ids.granted_by_id, self.trainer)
        self.assertEqual(lea.machine_authorization_ids.granted_date, self.today)

    def test_trainee_chatter_keeps_one_note_per_validation(self):
        before = len(self.lea.message_ids)
        self.evaluate(self.lea, self.skill_fdm, self.level_acquired)
        self.lea.invalidate_recordset(["message_ids"])
        self.assertEqual(len(self.lea.message_ids), before + 1)
