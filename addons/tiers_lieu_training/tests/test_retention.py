from datetime import date

from odoo.tests import new_test_user, tagged

from .common import OTHER_NIR, VALID_NIR, TrainingCase


@tagged("post_install", "-at_install")
class TestRetention(TrainingCase):
    """Files are anonymised N years after the exit (5 by default); today is 18 March 2026."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.old = cls.create_trainee(
            "Ancien Stagiaire",
            nir=VALID_NIR,
            rqth=True,
            eligibility_criterion_ids=cls.env.ref("tiers_lieu_training.eligibility_rsa").ids,
        )
        cls.old.partner_id.write({"email": "ancien@example.org", "city": "Évry"})
        cls.add_path(cls.cddi_vals(cls.old, start=date(2019, 1, 7), end=date(2021, 1, 6)))
        cls.old_hours = cls.log_hours(cls.old, date(2020, 2, 3), 7, description="Atelier visières")
        cls.old_evaluation = cls.evaluate(
            cls.old, cls.skill_fdm, cls.level_acquired, date(2020, 6, 1), comment="Très autonome"
        )
        cls.old._record_exit(date(2021, 1, 6), "cdi")
        cls.old.message_post(body="Entretien de sortie: projet d'embauche confirmé")
        cls.recent = cls.create_trainee("Sortie Récente", nir=OTHER_NIR)
        cls.add_path(cls.cddi_vals(cls.recent, start=date(2022, 1, 3), end=date(2023, 1, 2)))
        cls.recent._record_exit(date(2023, 1, 2), "job_seeker")

    def test_files_past_retention_are_anonymised(self):
        self.env["tiers_lieu.trainee"]._cron_anonymize()
        old = self.old.with_context(active_test=False)
        self.assertTrue(old.anonymized)
        self.assertFalse(old.active)
        self.assertFalse(old.nir or old.rqth or old.exit_note or old.eligibility_criterion_ids)
        self.assertEqual(old.name, f"Anonymised trainee {old.id}")
        self.assertFalse(old.partner_id.email or old.partner_id.city)
        self.assertFalse(self.old_evaluation.comment)
        self.assertFalse(self.old_hours.description)
        self.assertFalse(old.path_ids.pass_number)
        self.assertFalse(old.message_ids.filtered(lambda m: "embauche" in (m.body or "")))
        # The figures stay for the indicators.
        self.assertEqual(old.exit_category, "durable")
        self.assertEqual(self.old_hours.hours, 7)
        self.assertEqual(self.recent.nir, OTHER_NIR)
        self.assertFalse(self.recent.anonymized)

    def test_retention_is_a_company_setting(self):
        self.env.company.trainee_retention_years = 3
        self.env["tiers_lieu.trainee"]._cron_anonymize()
        self.assertTrue(self.recent.with_context(active_test=False).anonymized)

    def test_a_user_contact_keeps_its_name(self):
        user = new_test_user(self.env, "tl_former_trainee", groups="base.group_user")
        self.old.partner_id = user.partner_id
        name = user.partner_id.name
        self.env["tiers_lieu.trainee"]._cron_anonymize()
        self.assertTrue(self.old.with_context(active_test=False).anonymized)
        self.assertEqual(user.partner_id.name, name)
        self.assertFalse(self.old.with_context(active_test=False).nir)
