from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import TrainingCase


@tagged("post_install", "-at_install")
class TestHours(TrainingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.trainee = cls.create_trainee("Fatou Diallo")
        cls.path = cls.add_path(cls.cddi_vals(cls.trainee, weekly_hours=28))

    def test_hours_go_to_the_running_path(self):
        line = self.log_hours(self.trainee, date(2026, 3, 16), 7, "production")
        self.assertEqual(line.path_id, self.path)
        self.assertEqual(line.funder_id, self.asp)
        self.assertEqual(line.funder_kind, "asp")
        self.assertEqual(line.source, "manual")
        self.assertEqual(line.user_id, self.env.user)

    def test_hours_outside_any_path_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "no path running on"):
            self.log_hours(self.trainee, date(2025, 9, 30), 7)

    def test_hours_of_another_trainee_path_are_refused(self):
        other = self.create_trainee("Autre")
        other_path = self.add_path(self.cddi_vals(other, pass_number="999992500025"))
        with self.assertRaisesRegex(ValidationError, "outside the path"):
            self.log_hours(self.trainee, date(2026, 3, 16), 7, path_id=other_path.id)

    def test_a_day_has_24_hours(self):
        self.log_hours(self.trainee, date(2026, 3, 16), 20)
        with self.assertRaisesRegex(ValidationError, "24 hours are logged|a day has 24"):
            self.log_hours(self.trainee, date(2026, 3, 16), 5, "support")
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.log_hours(self.trainee, date(2026, 3, 17), 0)

    def test_week_and_month_totals_against_the_contract(self):
        self.log_hours(self.trainee, date(2026, 3, 2), 7, "production")
        self.log_hours(self.trainee, date(2026, 3, 16), 7, "production")
        self.log_hours(self.trainee, date(2026, 3, 17), 3.5, "training")
        self.log_hours(self.trainee, date(2026, 3, 23), 1, "support")  # next week, same month
        self.log_hours(self.trainee, date(2026, 2, 27), 6, "production")  # last month
        self.trainee.invalidate_recordset()
        self.assertEqual(self.trainee.week_hours, 10.5)
        self.assertEqual(self.trainee.week_contract_hours, 28)
        self.assertEqual(self.trainee.month_hours, 18.5)
        # 28 h a week, mensualised: 28 × 52 / 12.
        self.assertAlmostEqual(self.trainee.month_contract_hours, 28 * 52 / 12)

    def test_contract_hours_are_prorated(self):
        # The CDDI starts on 1 October 2025: October is full, September empty.
        self.assertAlmostEqual(self.path._contract_hours_month(date(2025, 10, 1)), 28 * 52 / 12)
        self.assertEqual(self.path._contract_hours_month(date(2025, 9, 1)), 0)
        self.path.date_stop = date(2026, 3, 15)
        self.assertAlmostEqual(
            self.path._contract_hours_month(date(2026, 3, 1)), 28 * 52 / 12 * 15 / 31
        )
        # Week of Monday 9 to Sunday 15 March: full; week of 16 March: none.
        self.assertEqual(self.path._contract_hours(date(2026, 3, 9), date(2026, 3, 15)), 28)
        self.assertEqual(self.path._contract_hours(date(2026, 3, 16), date(2026, 3, 22)), 0)

    def test_totals_are_batched(self):
        """The totals of many trainees cost the same queries as those of a few."""

        def files(count):
            trainees = self.env["tiers_lieu.trainee"]
            for index in range(count):
                trainee = self.create_trainee(f"Batch {count}-{index}")
                self.add_path(
                    self.cddi_vals(trainee, pass_number=f"99999250{count:02d}{index:02d}")
                )
                self.log_hours(trainee, date(2026, 3, 16), 7)
                trainees |= trainee
            return trainees

        few, many = files(2), files(20)
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        few.mapped("week_hours")
        queries = self.cr.sql_log_count - before
        self.env.invalidate_all()
        with self.assertQueryCount(queries):
            many.mapped("week_hours")
        self.assertEqual(many[0].week_hours, 7)
