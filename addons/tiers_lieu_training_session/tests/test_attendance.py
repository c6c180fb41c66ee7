from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import MONDAY, SIGNATURE, SessionCase


@tagged("post_install", "-at_install")
class TestAttendance(SessionCase):
    """The sheet: one line per trainee and half-day; signing writes the training hours."""

    def test_one_line_per_trainee_and_half_day(self):
        session = self.plan(self.lea | self.yanis, span="day")
        self.assertEqual(len(session.attendance_ids), 4)
        self.assertEqual(set(session.attendance_ids.mapped("half_day")), {"morning", "afternoon"})
        self.assertEqual(set(session.attendance_ids.mapped("state")), {"pending"})
        # Adding a trainee adds their lines; removing one drops theirs.
        session.trainee_ids = self.lea
        self.assertEqual(session.attendance_ids.trainee_id, self.lea)
        session.span = "afternoon"
        self.assertEqual(session.attendance_ids.mapped("half_day"), ["afternoon"])

    def test_signing_writes_the_training_hours(self):
        session = self.plan(self.lea | self.yanis, span="day")
        line = self.sign(self.line(session, self.lea))
        self.assertEqual(line.state, "present")
        self.assertTrue(line.signed_on)
        hours = line.hours_id
        self.assertEqual(hours.trainee_id, self.lea)
        self.assertEqual(hours.date, MONDAY)
        self.assertEqual(hours.kind, "training")
        self.assertEqual(hours.source, "session")
        self.assertAlmostEqual(hours.hours, 3.5)
        self.assertEqual(hours.path_id, self.lea_path)
        self.assertEqual(hours.session_id, session)
        afternoon = self.sign(self.line(session, self.lea, "afternoon"))
        self.assertAlmostEqual(afternoon.hours_id.hours, 3.5)
        self.assertEqual(
            sum(self.lea.hours_ids.filtered(lambda h: h.date == MONDAY).mapped("hours")), 7.0
        )

    def test_signing_twice_is_refused(self):
        session = self.plan(self.lea)
        line = self.sign(self.line(session, self.lea))
        with self.assertRaisesRegex(UserError, "signed once"):
            line.action_sign()
        with self.assertRaisesRegex(UserError, "signed once"):
            line.write({"signature": SIGNATURE})
        with self.assertRaisesRegex(UserError, "signed once"):
            line.write({"absence_reason": "sick"})
            line.action_mark_absent()
        self.assertEqual(len(self.lea.hours_ids.filtered("attendance_id")), 1)

    def test_sign_without_drawing_is_refused(self):
        session = self.plan(self.lea)
        line = self.line(session, self.lea)
        with self.assertRaisesRegex(UserError, "has not signed yet"):
            line.action_sign()
        self.assertEqual(line.state, "pending")
        self.assertFalse(self.lea.hours_ids)

    def test_state_is_written_only_by_the_actions(self):
        session = self.plan(self.lea)
        line = self.line(session, self.lea)
        with self.assertRaisesRegex(UserError, "signed once"):
            line.write({"state": "present"})

    def test_absent_with_a_reason_writes_no_hours(self):
        session = self.plan(self.lea | self.yanis)
        line = self.line(session, self.yanis)
        with self.assertRaisesRegex(UserError, "Choose why"):
            line.action_mark_absent()
        line.absence_reason = "sick"
        line.action_mark_absent()
        self.assertEqual(line.state, "absent")
        self.assertFalse(line.hours_id)
        self.assertFalse(self.yanis.hours_ids)

    def test_reset_removes_the_hours(self):
        session = self.plan(self.lea)
        line = self.sign(self.line(session, self.lea))
        hours = line.hours_id
        line.action_reset()
        self.assertEqual(line.state, "pending")
        self.assertFalse(line.signature)
        self.assertFalse(hours.exists())
        self.sign(line)
        self.assertEqual(line.state, "present")

    def test_session_hours_are_not_edited_by_hand(self):
        session = self.plan(self.lea)
        hours = self.sign(self.line(session, self.lea)).hours_id
        with self.assertRaisesRegex(UserError, "attendance sheet"):
            hours.with_user(self.trainer).write({"hours": 7})
        with self.assertRaisesRegex(UserError, "attendance sheet"):
            hours.with_user(self.trainer).unlink()
        with self.assertRaisesRegex(UserError, "attendance sheet"):
            self.env["tiers_lieu.trainee.hours"].create(
                {
                    "trainee_id": self.lea.id,
                    "date": MONDAY,
                    "hours": 2,
                    "source": "session",
                    "attendance_id": self.line(session, self.lea).id,
                }
            )

    def test_signature_outside_the_path_is_refused_and_nothing_written(self):
        """Hours count for a running path: a day outside it is refused as a whole."""
        session = self.plan(self.yanis, day=date(2025, 9, 1))
        line = self.line(session, self.yanis)
        line.signature = SIGNATURE
        with self.assertRaisesRegex(ValidationError, "no path running"):
            line.action_sign()
        self.assertEqual(line.state, "pending")
        self.assertFalse(self.yanis.hours_ids)

    def test_all_others_present_needs_the_trainer_signature(self):
        group = self.lea | self.yanis
        session = self.plan(group)
        self.sign(self.line(session, self.lea))
        with self.assertRaisesRegex(UserError, "Sign the sheet as the trainer"):
            session.action_all_present()
        session.trainer_signature = SIGNATURE
        session.action_all_present()
        yanis = self.line(session, self.yanis)
        self.assertEqual(yanis.state, "present")
        self.assertTrue(yanis.attested)
        self.assertFalse(self.line(session, self.lea).attested)
        self.assertEqual(session.present_count, 2)
        self.assertEqual(len(group.hours_ids), 2)

    def test_group_of_eight_batch(self):
        """A group of 8 on a full day: 16 lines, all attested at once by the trainer, in
        a number of queries that does not grow with the group."""
        trainees = self.env["tiers_lieu.trainee"]
        for index in range(8):
            trainee = self.create_trainee(f"Stagiaire {index}", state="in_progress")
            self.add_path(self.cddi_vals(trainee, pass_number=f"9999925001{index:02d}"))
            trainees |= trainee
        session = self.plan(trainees, span="day", trainer_signature=SIGNATURE)
        self.assertEqual(len(session.attendance_ids), 16)
        session.action_all_present()
        self.assertEqual(session.present_count, 16)
        self.assertEqual(len(trainees.hours_ids), 16)
        self.assertAlmostEqual(sum(trainees.hours_ids.mapped("hours")), 8 * 7.0)
        session.action_close()
        self.assertEqual(session.state, "done")
