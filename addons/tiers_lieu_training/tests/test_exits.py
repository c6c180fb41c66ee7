from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import TrainingCase

DAYS_PER_MONTH = 365.25 / 12


@tagged("post_install", "-at_install")
class TestExits(TrainingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.trainee = cls.create_trainee("Marc Petit")
        cls.path = cls.add_path(
            cls.cddi_vals(cls.trainee, start=date(2025, 1, 6), end=date(2026, 7, 5))
        )
        cls.trainee.action_start()

    def test_exit_through_the_wizard(self):
        action = self.trainee.with_user(self.trainer).action_open_exit()
        wizard_form = Form(
            self.env[action["res_model"]].with_user(self.trainer).with_context(**action["context"])
        )
        wizard_form.exit_date = date(2026, 3, 13)
        wizard_form.exit_detail = "long_fixed_term"
        self.assertEqual(wizard_form.exit_category, "durable")
        wizard_form.note = "CDD de 8 mois chez un imprimeur"
        wizard_form.save().action_confirm()
        self.assertEqual(self.trainee.state, "exited")
        self.assertEqual(self.trainee.exit_category, "durable")
        self.assertTrue(self.trainee.is_dynamic_exit)
        self.assertEqual(self.path.date_stop, date(2026, 3, 13))
        self.assertEqual(self.path.date_effective_end, date(2026, 3, 13))
        self.assertEqual(self.trainee.exit_path_id, self.path)
        self.assertEqual(self.trainee.exit_funder_id, self.asp)
        self.assertEqual(
            self.trainee.duration_days, (date(2026, 3, 13) - date(2025, 1, 6)).days + 1
        )

    def test_exit_before_entry_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "is before the entry"):
            self.trainee._record_exit(date(2024, 12, 31), "cdi")

    def test_exit_before_a_later_path_is_refused(self):
        self.path.date_stop = date(2026, 2, 28)
        self.add_path(
            {
                "trainee_id": self.trainee.id,
                "kind": "internship",
                "date_start": date(2026, 4, 1),
                "date_end": date(2026, 5, 31),
            }
        )
        with self.assertRaisesRegex(ValidationError, "starts after the exit date"):
            self.trainee._record_exit(date(2026, 3, 1), "job_seeker")

    def test_exit_twice_is_refused(self):
        self.trainee._record_exit(date(2026, 3, 1), "inactive")
        with self.assertRaisesRegex(UserError, "has already exited"):
            self.trainee._record_exit(date(2026, 3, 2), "inactive")

    def test_only_insertion_managers_cancel_an_exit(self):
        self.trainee._record_exit(date(2026, 3, 1), "inactive")
        with self.assertRaises(AccessError):
            self.trainee.with_user(self.trainer).action_reopen()
        self.trainee.with_user(self.insertion_manager).action_reopen()
        self.assertEqual(self.trainee.state, "in_progress")
        self.assertFalse(self.trainee.exit_category)


@tagged("post_install", "-at_install")
class TestIndicators(TrainingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        a = cls.create_trainee("A")
        cls.add_path(cls.cddi_vals(a, start=date(2024, 1, 1), end=date(2025, 12, 31)))
        cls.log_hours(a, date(2025, 3, 3), 7, "production")
        cls.log_hours(a, date(2024, 3, 4), 5, "production")  # another year
        a._record_exit(date(2025, 6, 30), "cdi")
        b = cls.create_trainee("B")
        cls.add_path(cls.cddi_vals(b, start=date(2024, 9, 1), end=date(2025, 8, 31)))
        cls.log_hours(b, date(2025, 2, 3), 3, "training")
        b._record_exit(date(2025, 3, 31), "short_fixed_term")
        c = cls.create_trainee("C")
        cls.add_path(
            {
                "trainee_id": c.id,
                "kind": "pec",
                "date_start": date(2024, 10, 1),
                "date_end": date(2025, 9, 30),
                "weekly_hours": 20,
                "prescriber": "france_travail",
                "tutor_id": cls.tutor.id,
                "funder_kind": "departement",
                "funder_id": cls.departement.id,
            }
        )
        cls.log_hours(c, date(2025, 5, 5), 2, "support")
        c._record_exit(date(2025, 9, 30), "job_seeker")
        d = cls.create_trainee("D")
        cls.add_path(cls.apprenticeship_vals(d, start=date(2023, 9, 1), end=date(2025, 8, 31)))
        d._record_exit(date(2025, 8, 31), "qualifying_training")
        e = cls.create_trainee("E")
        cls.add_path(cls.cddi_vals(e, start=date(2023, 1, 2), end=date(2024, 6, 30)))
        e._record_exit(date(2024, 6, 30), "cdi")

    def rows(self, year=2025):
        return {
            (row["funder_kind"], row["funder_id"]): row
            for row in self.env["tiers_lieu.trainee"]._get_exit_indicators(year)
        }

    def test_indicators_per_funder(self):
        rows = self.rows()
        self.assertEqual(
            set(rows),
            {("asp", self.asp.id), ("departement", self.departement.id), ("opco", self.opco.id)},
        )
        asp = rows["asp", self.asp.id]
        self.assertEqual(
            (asp["exit_count"], asp["durable_count"], asp["transition_count"], asp["other_count"]),
            (2, 1, 1, 0),
        )
        self.assertEqual(asp["dynamic_rate"], 100.0)
        self.assertAlmostEqual(asp["average_duration_months"], (547 + 212) / 2 / DAYS_PER_MONTH)
        self.assertEqual((asp["production_hours"], asp["training_hours"]), (7, 3))
        departement = rows["departement", self.departement.id]
        self.assertEqual((departement["exit_count"], departement["other_count"]), (1, 1))
        self.assertEqual(departement["dynamic_rate"], 0.0)
        self.assertEqual(departement["support_hours"], 2)
        opco = rows["opco", self.opco.id]
        self.assertEqual((opco["exit_count"], opco["positive_count"]), (1, 1))
        self.assertAlmostEqual(opco["average_duration_months"], 731 / DAYS_PER_MONTH)

    def test_previous_year(self):
        rows = self.rows(2024)
        asp = rows["asp", self.asp.id]
        self.assertEqual((asp["exit_count"], asp["durable_count"]), (1, 1))
        self.assertEqual(asp["production_hours"], 5)

    def test_indicators_wizard(self):
        wizard = self.env["tiers_lieu.training.indicators"].with_user(self.insertion_manager)
        wizard = wizard.create({"year": 2025})
        wizard.action_compute()
        self.assertEqual(sum(wizard.line_ids.mapped("exit_count")), 4)
        self.assertEqual(len(wizard.line_ids), 3)

    def test_indicators_are_batched(self):
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        self.rows()
        queries = self.cr.sql_log_count - before
        for index in range(10):
            trainee = self.create_trainee(f"More {index}")
            self.add_path(
                self.cddi_vals(
                    trainee,
                    start=date(2024, 1, 1),
                    end=date(2025, 12, 31),
                    pass_number=f"9999925000{index:02d}",
                )
            )
            self.log_hours(trainee, date(2025, 3, 3), 7, "production")
            trainee._record_exit(date(2025, 6, 30), "cdi")
        self.env.invalidate_all()
        with self.assertQueryCount(queries):
            rows = self.rows()
        self.assertEqual(rows["asp", self.asp.id]["exit_count"], 12)
