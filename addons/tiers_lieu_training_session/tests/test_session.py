from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import MONDAY, SIGNATURE, SessionCase


@tagged("post_install", "-at_install")
class TestSession(SessionCase):
    """Planning a session: times, overlaps, closing and cancelling."""

    def test_duration_of_the_half_days(self):
        session = self.plan(self.lea, span="day")
        self.assertAlmostEqual(session.duration_hours, 7.0)
        self.assertIn("Slicing a part", session.name)

    def test_a_session_longer_than_the_day_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "within the day"):
            self.plan(self.lea, span="afternoon", afternoon_start=20.0, afternoon_end=25.0)
        with self.assertRaisesRegex(ValidationError, "within the day"):
            self.plan(self.lea, morning_start=11.0, morning_end=9.0)
        with self.assertRaisesRegex(ValidationError, "at most 10 hours"):
            self.plan(
                self.lea,
                span="day",
                morning_start=6.0,
                morning_end=12.0,
                afternoon_start=12.0,
                afternoon_end=18.0,
            )
        with self.assertRaisesRegex(ValidationError, "morning ends before"):
            self.plan(self.lea, span="day", morning_end=14.0, afternoon_start=13.0)
        self.assertFalse(self.env["tiers_lieu.training.session"].search([("date", "=", MONDAY)]))

    def test_a_trainee_in_two_sessions_at_once_is_refused(self):
        self.plan(self.lea | self.yanis, span="morning")
        with self.assertRaisesRegex(ValidationError, "one session at a time"):
            self.plan(self.yanis, span="day", topic="Maintenance")
        # The afternoon is free; another day too; another trainer's session counts as well.
        self.plan(self.yanis, span="afternoon", topic="Maintenance")
        self.plan(self.yanis, day=date(2026, 3, 17))
        with self.assertRaisesRegex(ValidationError, "one session at a time"):
            self.plan(self.yanis, day=date(2026, 3, 17), user=self.insertion_manager)
        # Moving a session onto another one is refused too.
        other = self.plan(self.lea, day=date(2026, 3, 17), span="afternoon")
        with self.assertRaisesRegex(ValidationError, "one session at a time"):
            other.write({"date": MONDAY, "span": "morning"})

    def test_a_cancelled_session_frees_the_trainees(self):
        session = self.plan(self.lea)
        session.action_cancel()
        self.plan(self.lea)

    def test_times_are_frozen_once_signed(self):
        session = self.plan(self.lea | self.yanis)
        self.sign(self.line(session, self.lea))
        with self.assertRaisesRegex(UserError, "no longer change"):
            session.morning_end = 12.0
        with self.assertRaisesRegex(UserError, "reset their lines"):
            session.trainee_ids = self.yanis
        with self.assertRaisesRegex(UserError, "reset their lines"):
            session.action_cancel()
        with self.assertRaisesRegex(UserError, "cancel it instead"):
            session.unlink()

    def test_close_needs_every_line_and_the_trainer(self):
        session = self.plan(self.lea | self.yanis)
        self.sign(self.line(session, self.lea))
        with self.assertRaisesRegex(UserError, "Yanis Haddad"):
            session.action_close()
        yanis = self.line(session, self.yanis)
        yanis.absence_reason = "justified"
        yanis.action_mark_absent()
        with self.assertRaisesRegex(UserError, "Sign the sheet as the trainer"):
            session.action_close()
        session.trainer_signature = SIGNATURE
        session.action_close()
        self.assertEqual(session.state, "done")
        with self.assertRaisesRegex(UserError, "closed or cancelled"):
            self.line(session, self.lea).action_reset()
        with self.assertRaisesRegex(UserError, "keeps its trainees"):
            session.trainee_ids = self.lea
