from datetime import date

from odoo.tests import tagged

from .common import TrainingCase

ALERTS = ("pass_ending", "contract_ending", "no_evaluation", "hours_below")


@tagged("post_install", "-at_install")
class TestAlerts(TrainingCase):
    """Today is Wednesday 18 March 2026; last week ran from Monday 9 to Sunday 15 March."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.types = {
            key: cls.env.ref(f"tiers_lieu_training.mail_activity_type_{key}") for key in ALERTS
        }
        # PASS IAE from 15 May 2024: ends 14 May 2026, within 60 days. Contract ends later.
        cls.karim = cls.create_trainee("Karim Benslimane")
        cls.add_path(
            cls.cddi_vals(
                cls.karim,
                start=date(2024, 5, 15),
                end=date(2026, 5, 14),
                pass_date_start=date(2024, 5, 15),
            )
        )
        # Contract ends on 10 April, within 30 days; 26 h logged last week for 26 h due.
        cls.fatou = cls.create_trainee("Fatou Diallo")
        cls.add_path(cls.cddi_vals(cls.fatou, start=date(2025, 4, 11), end=date(2026, 4, 10)))
        for day in (9, 10, 11):
            cls.log_hours(cls.fatou, date(2026, 3, day), 8, "production")
        cls.log_hours(cls.fatou, date(2026, 3, 12), 2, "support")
        cls.evaluate(cls.fatou, cls.skill_fdm, cls.level_learning, date(2026, 2, 1))
        # Last evaluated on 1 December 2025: more than 3 months ago.
        cls.lea = cls.create_trainee("Léa Martin", trainer=cls.other_trainer)
        cls.add_path(cls.apprenticeship_vals(cls.lea))
        cls.evaluate(cls.lea, cls.skill_fdm, cls.level_learning, date(2025, 12, 1))
        for day in (9, 10, 11, 12, 13):
            cls.log_hours(cls.lea, date(2026, 3, day), 7, "production")
        (cls.karim | cls.fatou | cls.lea).action_start()

    def alerts(self, trainee):
        activities = self.env["mail.activity"].search(
            [("res_model", "=", "tiers_lieu.trainee"), ("res_id", "=", trainee.id)]
        )
        return {
            key: activities.filtered(lambda a, k=key: a.activity_type_id == self.types[k])
            for key in ALERTS
        }

    def test_alerts_are_scheduled_for_the_referent(self):
        self.env["tiers_lieu.trainee"]._cron_send_alerts()
        karim = self.alerts(self.karim)
        self.assertEqual(karim["pass_ending"].date_deadline, date(2026, 5, 14))
        self.assertIn("999992500017", karim["pass_ending"].summary)
        self.assertEqual(karim["pass_ending"].user_id, self.trainer)
        self.assertFalse(karim["contract_ending"])
        # No hours at all last week for a 26 h contract.
        # Written in the company's language (French), whoever runs the cron.
        self.assertIn("0 h réalisées pour 26 h", karim["hours_below"].summary)
        # The grid is there but nothing was ever evaluated since the entry in 2024.
        self.assertTrue(karim["no_evaluation"])
        fatou = self.alerts(self.fatou)
        self.assertEqual(fatou["contract_ending"].date_deadline, date(2026, 4, 10))
        self.assertFalse(fatou["hours_below"] or fatou["pass_ending"] or fatou["no_evaluation"])
        lea = self.alerts(self.lea)
        self.assertEqual(lea["no_evaluation"].user_id, self.other_trainer)
        self.assertFalse(lea["hours_below"] or lea["contract_ending"] or lea["pass_ending"])

    def test_no_duplicate_alerts(self):
        Trainee = self.env["tiers_lieu.trainee"]
        Trainee._cron_send_alerts()
        count = self.env["mail.activity"].search_count([("res_model", "=", "tiers_lieu.trainee")])
        self.assertEqual(count, 5)
        Trainee._cron_send_alerts()
        self.assertEqual(
            self.env["mail.activity"].search_count([("res_model", "=", "tiers_lieu.trainee")]),
            count,
        )
        # Once done, the alert may come back while the situation lasts.
        self.alerts(self.fatou)["contract_ending"].action_feedback(feedback="Renewal asked")
        Trainee._cron_send_alerts()
        self.assertTrue(self.alerts(self.fatou)["contract_ending"])

    def test_exited_trainees_get_no_alert(self):
        self.karim._record_exit(date(2026, 3, 16), "cdi")
        self.env["tiers_lieu.trainee"]._cron_send_alerts()
        self.assertFalse(any(self.alerts(self.karim).values()))
