from datetime import date

from psycopg2 import IntegrityError
from stdnum.fr.nir import calc_check_digits

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import OTHER_NIR, VALID_NIR, TrainingCase


@tagged("post_install", "-at_install")
class TestTraineeFile(TrainingCase):
    def test_trainee_file_with_an_apprenticeship(self):
        trainee = self.create_trainee("Léa Martin")
        path = self.add_path(self.apprenticeship_vals(trainee, rncp_code="rncp 99001"))
        self.assertEqual(trainee.name, "Léa Martin")
        self.assertEqual(trainee.entry_date, date(2025, 9, 1))
        self.assertEqual(path.funder_kind, "opco")
        self.assertEqual(path.rncp_code, "RNCP99001")
        self.assertAlmostEqual(path.cfa_ratio, 25.0)
        self.assertEqual(trainee.grid_skill_type_ids, self.grid)
        trainee.action_start()
        self.assertEqual(trainee.state, "in_progress")

    def test_start_needs_a_path(self):
        trainee = self.create_trainee("Sans Parcours")
        with self.assertRaisesRegex(UserError, "add the path"):
            trainee.action_start()

    def test_form_defaults_the_funder_from_the_kind(self):
        trainee = self.create_trainee("Paul Dumas")
        with Form(
            self.env["tiers_lieu.trainee.path"].with_context(default_trainee_id=trainee.id)
        ) as form:
            form.kind = "pec"
            self.assertEqual(form.funder_kind, "asp")
            form.kind = "internship"
            self.assertEqual(form.funder_kind, "none")
            form.date_start = date(2026, 1, 5)
            form.date_end = date(2026, 3, 27)
        self.assertEqual(form.record.kind, "internship")

    def test_the_employee_must_be_the_person(self):
        trainee = self.create_trainee("Léa Martin")
        with self.assertRaisesRegex(ValidationError, "is another person"):
            trainee.employee_id = self.master

    def test_employee_gives_the_person_in_the_form(self):
        employee = self.env["hr.employee"].create({"name": "Yanis Haddad"})
        with Form(self.env["tiers_lieu.trainee"]) as form:
            form.employee_id = employee
            self.assertEqual(form.partner_id, employee.work_contact_id)
        self.assertEqual(form.record.trainer_id, self.env.user)

    def test_one_file_per_person_and_company(self):
        trainee = self.create_trainee("Double")
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.env["tiers_lieu.trainee"].create(
                {"partner_id": trainee.partner_id.id, "trainer_id": self.trainer.id}
            )


@tagged("post_install", "-at_install")
class TestBadInput(TrainingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.trainee = cls.create_trainee("Fatou Diallo")

    def test_invalid_nir_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "social security number .*not valid"):
            self.trainee.nir = "295109912611194"

    def test_nir_contradicting_the_birth_date_is_refused(self):
        # VALID_NIR: a woman born in October 1995.
        self.trainee.write({"nir": VALID_NIR, "birth_date": date(1995, 10, 3)})
        with self.assertRaisesRegex(ValidationError, "contradicts the birth date"):
            self.trainee.birth_date = date(1996, 10, 3)
        with self.assertRaisesRegex(ValidationError, "contradicts the birth date"):
            self.trainee.birth_date = date(1995, 11, 3)
        with self.assertRaisesRegex(ValidationError, "contradicts the birth date"):
            self.trainee.write({"nir": OTHER_NIR, "birth_date": date(2005, 10, 3)})
        self.assertEqual(self.trainee.birth_date, date(1995, 10, 3))

    def test_nir_without_birth_month_is_accepted(self):
        # Month 20: the civil registration gives no month (INSEE); only the year is checked.
        self.trainee.write({"nir": "295209912611159", "birth_date": date(1995, 4, 1)})
        with self.assertRaisesRegex(ValidationError, "contradicts the birth date"):
            self.trainee.birth_date = date(1994, 4, 1)

    def test_nir_with_an_impossible_sex_digit_is_refused(self):
        nir = "5951099126111"
        with self.assertRaisesRegex(ValidationError, "starts with 1 or 2"):
            self.trainee.nir = nir + calc_check_digits(nir)

    def test_birth_date_in_the_future_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "is in the future"):
            self.trainee.birth_date = date(2026, 3, 19)
        self.assertFalse(self.trainee.birth_date)

    def test_same_nir_on_two_files_of_one_company_is_refused(self):
        self.trainee.nir = VALID_NIR
        other = self.create_trainee("Fatou D.")
        with self.assertRaisesRegex(ValidationError, "already on the file of Fatou Diallo"):
            other.nir = "2 95 10 99 126 111 93"
        self.trainee.active = False
        with self.assertRaisesRegex(ValidationError, "already on the file of Fatou Diallo"):
            self.create_trainee("Fatou Diallo bis", nir=VALID_NIR)
        company = self.env["res.company"].create({"name": "Autre tiers-lieu"})
        partner = self.env["res.partner"].create({"name": "Fatou Diallo", "company_id": False})
        elsewhere = self.env["tiers_lieu.trainee"].create(
            {"partner_id": partner.id, "company_id": company.id, "trainer_id": self.env.uid}
        )
        elsewhere.nir = VALID_NIR
        self.assertEqual(elsewhere.nir, VALID_NIR)

    def test_valid_nir_is_compacted(self):
        self.trainee.nir = "2 95 10 99 126 111 93"
        self.assertEqual(self.trainee.nir, VALID_NIR)

    def test_end_before_start_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "ends on .* before it starts"):
            self.add_path(self.cddi_vals(self.trainee, end=date(2025, 9, 1)))

    def test_actual_end_before_start_is_refused(self):
        path = self.add_path(self.cddi_vals(self.trainee))
        with self.assertRaisesRegex(ValidationError, "before it starts"):
            path.date_stop = date(2025, 9, 30)

    def test_contract_needs_a_planned_end(self):
        with self.assertRaisesRegex(ValidationError, "planned end"):
            self.add_path(self.cddi_vals(self.trainee, end=False))

    def test_overlapping_contracts_are_refused(self):
        self.add_path(self.cddi_vals(self.trainee))
        with self.assertRaisesRegex(ValidationError, "cannot hold two contracts at once"):
            self.add_path(
                {
                    "trainee_id": self.trainee.id,
                    "kind": "internship",
                    "date_start": date(2026, 9, 1),
                    "date_end": date(2026, 10, 31),
                }
            )

    def test_consecutive_contracts_and_volunteering_may_overlap(self):
        cddi = self.add_path(self.cddi_vals(self.trainee))
        self.add_path(
            {
                "trainee_id": self.trainee.id,
                "kind": "volunteer",
                "date_start": date(2025, 6, 1),
            }
        )
        cddi.date_stop = date(2026, 3, 31)
        internship = self.add_path(
            {
                "trainee_id": self.trainee.id,
                "kind": "internship",
                "date_start": date(2026, 4, 1),
                "date_end": date(2026, 5, 31),
            }
        )
        self.assertEqual(len(self.trainee.path_ids), 3)
        with self.assertRaisesRegex(ValidationError, "cannot hold two contracts"):
            cddi.date_stop = date(2026, 4, 1)
        self.assertTrue(internship.exists())

    def test_cddi_under_20_hours_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "at least 20 hours a week .*derogation"):
            self.add_path(self.cddi_vals(self.trainee, weekly_hours=18))

    def test_cddi_derogation_needs_a_reason(self):
        with self.assertRaisesRegex(ValidationError, "explain the derogation"):
            self.add_path(self.cddi_vals(self.trainee, weekly_hours=15, hours_derogation=True))
        path = self.add_path(
            self.cddi_vals(
                self.trainee,
                weekly_hours=15,
                hours_derogation=True,
                hours_derogation_reason="Severe exclusion, progressive return to work",
            )
        )
        self.assertEqual(path.weekly_hours, 15)

    def test_legal_values_are_dated_data(self):
        """A new floor from 2027 applies to contracts starting then, not to older ones."""
        self.env["tiers_lieu.training.parameter"].create(
            {"code": "cddi_min_weekly_hours", "date_from": date(2027, 1, 1), "value": 24}
        )
        old = self.add_path(self.cddi_vals(self.trainee, weekly_hours=22))
        self.assertEqual(old.weekly_hours, 22)
        other = self.create_trainee("Nouvelle Règle")
        later = self.cddi_vals(
            other, start=date(2027, 2, 1), end=date(2027, 12, 31), weekly_hours=22
        )
        with self.assertRaisesRegex(ValidationError, "at least 24 hours a week"):
            self.add_path(later)

    def test_weekly_hours_above_the_legal_maximum_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "legal maximum of 48 hours"):
            self.add_path(self.cddi_vals(self.trainee, weekly_hours=50))

    def test_cddi_needs_a_valid_pass(self):
        with self.assertRaisesRegex(ValidationError, "number and start date of the PASS IAE"):
            self.add_path(self.cddi_vals(self.trainee, pass_number=False))
        with self.assertRaisesRegex(ValidationError, "PASS IAE number “12345” is not valid"):
            self.add_path(self.cddi_vals(self.trainee, pass_number="12345"))
        with self.assertRaisesRegex(ValidationError, "before the PASS IAE"):
            self.add_path(self.cddi_vals(self.trainee, pass_date_start=date(2025, 11, 1)))

    def test_apprenticeship_needs_25_percent_at_the_cfa(self):
        with self.assertRaisesRegex(ValidationError, r"20\.0 % .*at least 25 %"):
            self.add_path(self.apprenticeship_vals(self.trainee, company_hours=2400, cfa_hours=600))

    def test_apprenticeship_needs_cfa_master_and_code(self):
        with self.assertRaisesRegex(ValidationError, "an apprenticeship needs CFA"):
            self.add_path(self.apprenticeship_vals(self.trainee, cfa_id=False))
        with self.assertRaisesRegex(ValidationError, "RNCP code “ABC” is not valid"):
            self.add_path(
                self.apprenticeship_vals(self.trainee, skill_type_id=False, rncp_code="ABC")
            )

    def test_apprenticeship_lasts_6_to_36_months(self):
        with self.assertRaisesRegex(ValidationError, "from 6 months to 36 months"):
            self.add_path(self.apprenticeship_vals(self.trainee, end=date(2026, 1, 31)))
        with self.assertRaisesRegex(ValidationError, "from 6 months to 36 months"):
            self.add_path(self.apprenticeship_vals(self.trainee, end=date(2028, 9, 1)))
        path = self.add_path(self.apprenticeship_vals(self.trainee, end=date(2028, 8, 31)))
        self.assertEqual(path.date_end, date(2028, 8, 31))

    def test_pec_needs_prescriber_and_tutor(self):
        vals = {
            "trainee_id": self.trainee.id,
            "kind": "pec",
            "date_start": date(2026, 1, 1),
            "date_end": date(2026, 12, 31),
            "weekly_hours": 20,
        }
        with self.assertRaisesRegex(ValidationError, "prescriber and a tutor"):
            self.add_path(vals)
        path = self.add_path(dict(vals, prescriber="france_travail", tutor_id=self.tutor.id))
        self.assertEqual(path.funder_kind, "asp")

    def test_grid_code_is_checked(self):
        with self.assertRaisesRegex(ValidationError, "certification code “XYZ1”"):
            self.env["hr.skill.type"].create({"name": "Bad", "rncp_code": "XYZ1"})

    def test_skill_block_must_be_of_the_same_grid(self):
        with self.assertRaisesRegex(ValidationError, "choose a block of the same grid"):
            self.skill_sewing.block_id = self.block_prepare

    def test_errors_are_translated_in_french(self):
        with self.assertRaisesRegex(ValidationError, "au moins 20 heures par semaine"):
            self.env["tiers_lieu.trainee.path"].with_context(lang="fr_FR").create(
                self.cddi_vals(self.trainee, weekly_hours=18)
            )
