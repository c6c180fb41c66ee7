from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import TrainingCase


@tagged("post_install", "-at_install")
class TestPassIae(TrainingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.trainee = cls.create_trainee("Karim Benslimane")
        cls.path = cls.add_path(
            cls.cddi_vals(cls.trainee, start=date(2025, 1, 1), end=date(2026, 12, 31))
        )
        ref = cls.env.ref
        cls.training = ref("tiers_lieu_training.extension_reason_end_of_training")
        cls.rqth = ref("tiers_lieu_training.extension_reason_rqth")
        cls.difficulties = ref("tiers_lieu_training.extension_reason_particular_difficulties")

    def extend(self, reason, months, path=None):
        return self.env["tiers_lieu.pass.extension"].create(
            {"path_id": (path or self.path).id, "reason_id": reason.id, "months": months}
        )

    def suspend(self, start, end, reason="sickness"):
        return self.env["tiers_lieu.pass.suspension"].create(
            {"path_id": self.path.id, "date_start": start, "date_end": end, "reason": reason}
        )

    def test_pass_lasts_24_months(self):
        self.assertEqual(self.path.pass_date_end_initial, date(2026, 12, 31))
        self.assertEqual(self.path.pass_date_end, date(2026, 12, 31))

    def test_extensions_follow_each_other(self):
        first = self.extend(self.training, 6)
        second = self.extend(self.rqth, 12)
        self.assertEqual((first.date_start, first.date_end), (date(2027, 1, 1), date(2027, 6, 30)))
        self.assertEqual(
            (second.date_start, second.date_end), (date(2027, 7, 1), date(2028, 6, 30))
        )
        self.assertEqual(self.path.pass_date_end, date(2028, 6, 30))

    def test_suspension_pushes_the_end_back(self):
        extension = self.extend(self.training, 6)
        suspension = self.suspend(date(2025, 3, 1), date(2025, 3, 10))
        self.assertEqual(suspension.duration_days, 10)
        self.assertEqual(self.path.pass_date_end_initial, date(2026, 12, 31))
        self.assertEqual(extension.date_start, date(2027, 1, 11))
        self.assertEqual(self.path.pass_date_end, date(2027, 7, 10))

    def test_extension_beyond_the_cumulative_cap_is_refused(self):
        self.extend(self.training, 12)
        self.extend(self.training, 12)
        with self.assertRaisesRegex(ValidationError, "would total 30 months.* 24 months"):
            self.extend(self.training, 6)

    def test_particular_difficulties_by_12_months_within_5_years(self):
        with self.assertRaisesRegex(ValidationError, "at most 12 months at a time"):
            self.extend(self.difficulties, 18)
        self.extend(self.difficulties, 12)
        self.extend(self.difficulties, 12)
        self.extend(self.difficulties, 12)
        self.assertEqual(self.path.pass_date_end, date(2029, 12, 31))
        with self.assertRaisesRegex(ValidationError, "would total 37 months"):
            self.extend(self.difficulties, 1)

    def test_total_cap_counts_every_extension(self):
        self.extend(self.rqth, 36)
        with self.assertRaisesRegex(ValidationError, "would last 61 months.* at most 60 months"):
            self.extend(self.difficulties, 1)

    def test_caps_are_data_not_code(self):
        self.training.max_cumulative_months = 6
        with self.assertRaisesRegex(ValidationError, "caps them at 6 months"):
            self.extend(self.training, 7)

    def test_only_a_cddi_pass_extends(self):
        other = self.create_trainee("Stagiaire")
        internship = self.add_path(
            {
                "trainee_id": other.id,
                "kind": "internship",
                "date_start": date(2026, 1, 1),
                "date_end": date(2026, 2, 28),
            }
        )
        with self.assertRaisesRegex(ValidationError, "Only the PASS IAE of an insertion contract"):
            self.extend(self.training, 1, path=internship)

    def test_suspension_rules(self):
        with self.assertRaisesRegex(ValidationError, "before it starts"):
            self.suspend(date(2025, 3, 10), date(2025, 3, 1))
        with self.assertRaisesRegex(ValidationError, "while the PASS IAE is valid"):
            self.suspend(date(2024, 12, 1), date(2024, 12, 20))
        self.suspend(date(2025, 3, 1), date(2025, 3, 31))
        with self.assertRaisesRegex(ValidationError, "two suspensions of the PASS IAE overlap"):
            self.suspend(date(2025, 3, 20), date(2025, 4, 10))
        with self.assertRaisesRegex(ValidationError, "at most 36 months"):
            self.suspend(date(2025, 5, 1), date(2028, 6, 1))

    def test_extension_through_the_path_form(self):
        with Form(self.path) as form:
            with form.pass_extension_ids.new() as line:
                line.reason_id = self.training
                line.months = 3
        self.assertEqual(self.path.pass_date_end, date(2027, 3, 31))
        self.assertEqual(self.path.pass_extension_ids.date_start, date(2027, 1, 1))
