import base64
import csv
import io
from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import VALID_NIR, TrainingCase


def read_csv(wizard):
    text = base64.b64decode(wizard.file).decode("utf-8").lstrip("\ufeff")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


@tagged("post_install", "-at_install")
class TestApprenticeship(TrainingCase):
    """Cerfa FA13 data, the apprentice master's eligibility and load (R6223-6)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.write(
            {"association_legal_name": "Val Solidaire", "siret": "73282932000074"}
        )
        cls.lea = cls.create_trainee("Léa Martin")
        cls.yanis = cls.create_trainee("Yanis Haddad")
        cls.sam = cls.create_trainee("Sam Petit")
        cls.lea_path = cls.add_path(cls.apprenticeship_vals(cls.lea))
        cls.yanis_path = cls.add_path(
            cls.apprenticeship_vals(cls.yanis, start=date(2026, 1, 5), end=date(2027, 7, 4))
        )

    def test_a_third_apprentice_for_one_master_is_refused(self):
        with self.assertRaisesRegex(ValidationError, r"at most 2 apprentices at a time"):
            self.add_path(
                self.apprenticeship_vals(self.sam, start=date(2026, 3, 2), end=date(2027, 3, 1))
            )
        self.assertFalse(self.sam.path_ids)
        # The same contract after Léa's ends is fine: two at a time, never three.
        path = self.add_path(
            self.apprenticeship_vals(self.sam, start=date(2027, 9, 1), end=date(2028, 8, 31))
        )
        self.assertEqual(path.apprentice_master_id, self.master)

    def test_changing_the_master_to_a_full_one_is_refused(self):
        other = self.env["hr.employee"].create({"name": "Claire Dubois"})
        path = self.add_path(
            self.apprenticeship_vals(
                self.sam,
                start=date(2026, 3, 2),
                end=date(2027, 3, 1),
                apprentice_master_id=other.id,
            )
        )
        with self.assertRaisesRegex(ValidationError, "Julien Mercier would supervise 3"):
            path.apprentice_master_id = self.master
        self.assertEqual(path.apprentice_master_id, other)

    def test_one_more_apprentice_extended_after_failing_the_exam(self):
        vals = self.apprenticeship_vals(
            self.sam, start=date(2026, 3, 2), end=date(2027, 3, 1), exam_failure_extension=True
        )
        self.add_path(vals)
        extra = self.create_trainee("Inès Roy")
        with self.assertRaisesRegex(ValidationError, "R6223-6"):
            self.add_path(dict(vals, trainee_id=extra.id))

    def test_master_eligibility(self):
        path = self.lea_path
        path.write({"diploma_level": "4", "master_experience_years": 1})
        self.assertFalse(path.master_eligible)
        path.master_diploma_level = "5"
        self.assertTrue(path.master_eligible)
        path.write({"master_diploma_level": "3", "master_experience_years": 2})
        self.assertTrue(path.master_eligible)

    def test_message_is_translated(self):
        Path = self.env["tiers_lieu.trainee.path"].with_context(lang="fr_FR")
        vals = self.apprenticeship_vals(self.sam, start=date(2026, 3, 2), end=date(2027, 3, 1))
        with self.assertRaisesRegex(ValidationError, "au plus 2 apprentis"):
            Path.create(vals)

    def export_cerfa(self, user, paths):
        wizard = (
            self.env["tiers_lieu.training.export"]
            .with_user(user)
            .with_context(active_model="tiers_lieu.trainee.path", active_ids=paths.ids)
            .create({"month": date(2026, 3, 1)})
        )
        wizard.action_export()
        return wizard

    def test_cerfa_fa13_export_is_all_or_nothing(self):
        paths = self.lea_path | self.yanis_path
        wizard = self.export_cerfa(self.insertion_manager, paths)
        self.assertEqual(wizard.kind, "cerfa_fa13")
        self.assertEqual(wizard.state, "blocked")
        self.assertFalse(wizard.file)
        self.assertIn("Léa Martin: give the signature date", wizard.report)
        self.assertIn("Yanis Haddad: give the signature date", wizard.report)
        complete = {
            "contract_signature_date": date(2025, 8, 20),
            "diploma_level": "4",
            "master_diploma": "Bac pro technicien d'usinage",
            "master_diploma_level": "4",
            "master_experience_years": 6,
        }
        self.lea_path.write(complete)
        self.lea.sudo().write({"nir": VALID_NIR, "birth_date": date(1995, 10, 2)})
        wizard = self.export_cerfa(self.insertion_manager, paths)
        self.assertEqual(wizard.state, "blocked")
        self.assertNotIn("Léa Martin", wizard.report)
        self.assertIn("Yanis Haddad", wizard.report)
        self.yanis_path.write(dict(complete, master_experience_years=0.5))
        self.yanis.sudo().write({"nir": "195109912611146", "birth_date": date(1995, 10, 3)})
        wizard = self.export_cerfa(self.insertion_manager, paths)
        self.assertEqual(wizard.state, "blocked")
        self.assertIn(
            "Yanis Haddad: the apprentice master Julien Mercier is not shown eligible",
            wizard.report,
        )
        self.yanis_path.master_experience_years = 2
        wizard = self.export_cerfa(self.insertion_manager, paths)
        self.assertEqual(wizard.state, "done")
        header, *rows = read_csv(wizard)
        self.assertEqual(header[:3], ["Employer", "Employer SIRET", "Apprentice"])
        self.assertEqual(len(rows), 2)
        lea = dict(zip(header, rows[0], strict=True))
        self.assertEqual(lea["Apprentice"], "Léa Martin")
        self.assertEqual(lea["Apprentice NIR"], VALID_NIR)
        self.assertEqual(lea["Employer SIRET"], "73282932000074")
        self.assertEqual(lea["Apprentice master"], "Julien Mercier")
        self.assertEqual(lea["RNCP code"], "RNCP99001")
        self.assertEqual(lea["Contract signed on"], "2025-08-20")
        self.assertEqual(lea["CFA"], "CFA Industrie")

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.models")
    def test_cerfa_fa13_export_is_for_insertion_managers(self):
        with self.assertRaises(AccessError):
            self.export_cerfa(self.trainer, self.lea_path)
        with self.assertRaises(AccessError):
            self.export_cerfa(self.staff, self.lea_path)
