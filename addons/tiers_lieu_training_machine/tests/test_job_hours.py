import gc
import logging
from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools.misc import format_date

from odoo.addons.tiers_lieu_training_machine.hooks import post_init_hook

from .common import MONDAY, TUESDAY, TrainingMachineCase, at


@tagged("post_install", "-at_install")
class TestJobHours(TrainingMachineCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for trainee in (cls.lea, cls.yanis, cls.karim):
            cls.authorize(trainee.partner_id)
        cls.authorize(cls.volunteer)

    def test_ended_job_gives_production_hours(self):
        job = self.run_job(self.lea.partner_id, at(MONDAY, 8), at(MONDAY, 9, 30))
        line = self.job_lines(job)
        self.assertEqual(len(line), 1)
        self.assertEqual(line.trainee_id, self.lea)
        self.assertEqual(line.date, MONDAY)
        self.assertEqual(line.kind, "production")
        self.assertEqual(line.source, "print_job")
        self.assertEqual(line.hours, 1.5)
        self.assertEqual(line.path_id, self.lea_path)
        self.assertEqual(line.funder_id, self.opco)
        self.assertEqual(line.description, f"{job.name} – Visor headband")
        self.assertEqual(job.trainee_hours_ids, line)
        self.assertEqual(self.lea.week_hours, 1.5)
        self.assertEqual(self.lea.month_hours, 1.5)

    def test_failed_job_counts_too(self):
        job = self.run_job(self.yanis.partner_id, at(MONDAY, 13), at(MONDAY, 13, 45), failed=True)
        self.assertEqual(job.state, "failed")
        self.assertEqual(self.job_lines(job).hours, 0.75)

    def test_other_operators_give_no_hours(self):
        # One batch ends a volunteer's job and a trainee's: the sync runs, and only the
        # trainee's job gives hours (the test fails if the sync never runs).
        Job = self.env["tiers_lieu.print.job"]
        jobs = Job.browse()
        for operator, machine in ((self.volunteer, self.printer), (self.lea, self.printer_2)):
            jobs |= Job.create(
                {
                    "part_name": "Visor headband",
                    "material_id": self.pla.id,
                    "machine_id": machine.id,
                    "operator_id": (operator.partner_id if operator == self.lea else operator).id,
                    "estimated_duration_hours": 1.0,
                    "estimated_grams": 30.0,
                }
            )
        volunteer_job, lea_job = jobs
        with freeze_time(at(MONDAY, 8)):
            jobs.action_queue()
            jobs.action_start()
        with freeze_time(at(MONDAY, 9)):
            jobs.action_done()
        self.assertEqual(set(jobs.mapped("state")), {"done"})
        self.assertEqual(self.job_lines(lea_job).trainee_id, self.lea)
        self.assertEqual(self.job_lines(lea_job).hours, 1.0)
        self.assertFalse(self.job_lines(volunteer_job))
        self.assertFalse(
            volunteer_job.message_ids.filtered(lambda m: "production hours" in (m.body or ""))
        )

    def test_job_outside_any_path_is_skipped_and_said(self):
        intern = self.create_trainee("Inès Moreau")
        self.add_path(
            {
                "trainee_id": intern.id,
                "kind": "internship",
                "date_start": date(2026, 3, 17),
                "date_end": date(2026, 4, 17),
                "school_id": self.cfa.id,
                "weekly_hours": 35,
            }
        )
        self.authorize(intern.partner_id)
        with self.assertLogs(
            "odoo.addons.tiers_lieu_training_machine.models.tiers_lieu_print_job", logging.INFO
        ) as logs:
            job = self.run_job(intern.partner_id, at(MONDAY, 8), at(MONDAY, 9))
        self.assertEqual(job.state, "done")
        self.assertFalse(self.job_lines(job))
        note = job.message_ids.filtered(lambda m: "No production hours counted" in (m.body or ""))
        self.assertEqual(len(note), 1)
        self.assertIn(f"no path of Inès Moreau runs on {format_date(self.env, MONDAY)}", note.body)
        self.assertIn(job.name, logs.output[0])

    def test_overlapping_jobs_count_once(self):
        """Two printers run side by side: the trainee worked 9:00–11:00 once, not twice."""
        first = self.run_job(self.lea.partner_id, at(MONDAY, 8), at(MONDAY, 9, 30))
        second = self.run_job(
            self.lea.partner_id, at(MONDAY, 8, 30), at(MONDAY, 10), machine=self.printer_2
        )
        self.assertEqual(self.job_lines(first).hours, 1.5)
        self.assertEqual(self.job_lines(second).hours, 0.5)
        inside = self.ended_job(self.lea.partner_id, at(MONDAY, 8, 45), at(MONDAY, 9))
        self.assertFalse(self.job_lines(inside), "covered by the jobs already counted")
        self.assertIn("already counted", inside.message_ids[0].body)
        self.assertEqual(self.lea.week_hours, 2)

    def test_earlier_job_ending_later_takes_the_overlap(self):
        """Attribution does not depend on the order jobs end in."""
        short = self.ended_job(self.lea.partner_id, at(MONDAY, 9), at(MONDAY, 10))
        self.assertEqual(self.job_lines(short).hours, 1)
        long = self.ended_job(
            self.lea.partner_id, at(MONDAY, 8), at(MONDAY, 10, 30), machine=self.printer_2
        )
        self.assertEqual(self.job_lines(long).hours, 2.5)
        self.assertFalse(self.job_lines(short), "inside the earlier job")
        self.assertEqual(self.lea.week_hours, 2.5)

    def test_time_outside_the_working_schedule_does_not_count(self):
        # 15:00–09:00 UTC the next day: 16:00–17:00 on Monday, 8:00–10:00 on Tuesday (Paris)
        job = self.ended_job(self.lea.partner_id, at(MONDAY, 15), at(TUESDAY, 9))
        lines = self.job_lines(job)
        self.assertEqual(lines.mapped("date"), [MONDAY, TUESDAY])
        self.assertEqual(lines.mapped("hours"), [1, 2])
        # lunch break and the week-end do not count either
        weekend = self.ended_job(
            self.lea.partner_id, at(date(2026, 3, 14), 8), at(date(2026, 3, 14), 12)
        )
        self.assertFalse(self.job_lines(weekend))
        # 11:30–13:30 Paris: half an hour before lunch, half an hour after
        lunch = self.ended_job(self.lea.partner_id, at(MONDAY, 10, 30), at(MONDAY, 12, 30))
        self.assertEqual(self.job_lines(lunch).hours, 1)

    def test_employee_schedule_and_time_off(self):
        """A trainee with an employee works on the employee's schedule, minus time off."""
        part_time = self.env["resource.calendar"].create(
            {
                "name": "Mornings",
                "tz": "Europe/Paris",
                "attendance_ids": [
                    (
                        0,
                        0,
                        {"name": "Morning", "dayofweek": str(day), "hour_from": 8, "hour_to": 12},
                    )
                    for day in range(5)
                ],
            }
        )
        employee = self.env["hr.employee"].create(
            {
                "name": "Yanis Haddad",
                "work_contact_id": self.yanis.partner_id.id,
                "resource_calendar_id": part_time.id,
            }
        )
        self.yanis.employee_id = employee
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Medical appointment",
                "calendar_id": part_time.id,
                "resource_id": employee.resource_id.id,
                "date_from": at(TUESDAY, 7),
                "date_to": at(TUESDAY, 9),
            }
        )
        monday = self.ended_job(self.yanis.partner_id, at(MONDAY, 9), at(MONDAY, 14))
        self.assertEqual(self.job_lines(monday).hours, 2, "10:00–12:00 Paris")
        tuesday = self.ended_job(self.yanis.partner_id, at(TUESDAY, 8), at(TUESDAY, 10))
        self.assertEqual(self.job_lines(tuesday).hours, 1, "the leave ends at 10:00 Paris")
        # an employee without schedule (flexible hours) counts the whole run
        employee.resource_calendar_id = False
        night = self.ended_job(self.yanis.partner_id, at(MONDAY, 19), at(MONDAY, 21))
        self.assertEqual(self.job_lines(night).hours, 2)

    def test_a_day_never_exceeds_24_hours(self):
        self.env.company.resource_calendar_id = False  # no schedule: the whole run counts
        self.log_hours(self.lea, MONDAY, 20, "production")
        job = self.ended_job(self.lea.partner_id, at(MONDAY, 8), at(MONDAY, 13))
        self.assertFalse(self.job_lines(job))
        self.assertIn(
            f"already has 20 h on {format_date(self.env, MONDAY)}", job.message_ids[0].body
        )
        # a run over midnight counts the days it allows
        long = self.ended_job(self.yanis.partner_id, at(MONDAY, 20), at(date(2026, 3, 18), 2))
        lines = self.job_lines(long)
        self.assertEqual(lines.mapped("hours"), [3, 24, 3])  # Paris: 21:00 → 03:00 two days on

    def test_reset_or_cancelled_job_leaves_no_hours(self):
        job = self.run_job(self.lea.partner_id, at(MONDAY, 8), at(MONDAY, 9))
        neighbour = self.ended_job(
            self.lea.partner_id, at(MONDAY, 8, 30), at(MONDAY, 10), machine=self.printer_2
        )
        self.assertEqual(self.job_lines(neighbour).hours, 1)
        with self.assertRaises(UserError):
            job.action_cancel()  # the machine park does not cancel an ended job
        self.assertTrue(self.job_lines(job))
        # a manager takes it back to the queue: its hours go, the neighbour gets its hour back
        job.write({"state": "queued", "date_end": False})
        self.assertFalse(self.job_lines(job))
        self.assertEqual(self.job_lines(neighbour).hours, 1.5)
        job.write({"state": "cancelled"})
        self.assertFalse(self.job_lines(job))
        self.assertEqual(self.lea.week_hours, 1.5)

    def test_corrected_job_moves_its_hours(self):
        job = self.run_job(self.lea.partner_id, at(MONDAY, 9), at(MONDAY, 10))
        job.duration_hours = 2.5  # timed again: it ran 2.5 h up to its end
        self.assertEqual(self.job_lines(job).hours, 2.5)
        job.write({"date_start": at(TUESDAY, 8), "date_end": at(TUESDAY, 9)})
        line = self.job_lines(job)
        self.assertEqual((line.date, line.hours), (TUESDAY, 1))
        job.operator_id = self.yanis.partner_id
        line = self.job_lines(job)
        self.assertEqual(line.trainee_id, self.yanis)
        self.assertEqual(line.path_id, self.yanis_path)
        self.assertEqual(self.lea.week_hours, 0)
        job.operator_id = self.volunteer
        self.assertFalse(self.job_lines(job))

    def test_job_imported_as_ended(self):
        job = self.ended_job(self.yanis.partner_id, at(MONDAY, 12), at(MONDAY, 14), state="failed")
        self.assertEqual(self.job_lines(job).hours, 2)

    def test_sync_is_idempotent(self):
        job = self.run_job(self.lea.partner_id, at(MONDAY, 8), at(MONDAY, 9))
        line = self.job_lines(job)
        (job | job)._sync_trainee_hours()
        self.lea._sync_print_job_hours()
        self.assertEqual(self.job_lines(job), line)
        self.assertEqual(line.hours, 1)

    def test_jobs_ended_before_the_glue_are_counted_on_request(self):
        before = [
            self.ended_job(self.lea.partner_id, at(MONDAY, 8), at(MONDAY, 9), sync=False),
            self.ended_job(self.yanis.partner_id, at(MONDAY, 8), at(MONDAY, 10), sync=False),
            self.ended_job(self.karim.partner_id, at(MONDAY, 8), at(MONDAY, 11), sync=False),
        ]
        self.assertFalse(self.job_lines(before[0] | before[1] | before[2]))
        self.lea.with_user(self.trainer).action_sync_print_job_hours()
        self.assertEqual(self.job_lines(before[0]).hours, 1)
        self.assertFalse(self.job_lines(before[1]), "only the trainees asked for")
        post_init_hook(self.env)
        self.assertEqual(self.job_lines(before[1]).hours, 2)
        self.assertEqual(self.job_lines(before[2]).hours, 3)
        self.assertFalse(before[2].message_ids, "the backfill does not fill the chatters")

    def test_new_path_counts_past_jobs(self):
        newcomer = self.create_trainee("Aminata Keita")
        self.authorize(newcomer.partner_id)
        job = self.ended_job(newcomer.partner_id, at(MONDAY, 8), at(MONDAY, 9))
        self.assertFalse(self.job_lines(job))
        path = self.add_path(self.cddi_vals(newcomer, start=MONDAY, pass_number="999992500031"))
        self.assertEqual(self.job_lines(job).path_id, path)
        path.date_start = TUESDAY
        self.assertFalse(self.job_lines(job), "the job's day left the path")

    def test_hours_of_a_job_are_the_job_s(self):
        """Trainers correct the job, not its hours; they keep manual hours to themselves."""
        job = self.run_job(self.lea.partner_id, at(MONDAY, 8), at(MONDAY, 9))
        line = self.job_lines(job).with_user(self.trainer)
        with self.assertRaises(UserError) as cm:
            line.hours = 3
        self.assertIn("come from the print job", str(cm.exception))
        with self.assertRaises(UserError):
            line.date = TUESDAY
        with self.assertRaises(UserError):
            line.unlink()
        line.description = "Visors for the hospital"
        line.path_id = self.lea_path
        Hours = self.env["tiers_lieu.trainee.hours"].with_user(self.trainer)
        with self.assertRaises(UserError):
            Hours.create(
                {
                    "trainee_id": self.lea.id,
                    "date": TUESDAY,
                    "hours": 2,
                    "kind": "production",
                    "print_job_id": job.id,
                    "source": "print_job",
                }
            )

    def test_hours_part_costs_the_same_queries_for_10_or_30_jobs(self):
        trainees = self.lea | self.yanis | self.karim

        def jobs(count, first_day):
            created = self.env["tiers_lieu.print.job"]
            for index in range(count):
                trainee = trainees[index % 3]
                day = first_day + timedelta(days=(index // 3) % 5)
                created |= self.ended_job(
                    trainee.partner_id,
                    at(day, 7 + index // 15),
                    at(day, 8 + index // 15),
                    sync=False,
                )
            return created

        warm = jobs(3, date(2026, 2, 2))
        warm._sync_trainee_hours()
        few, many = jobs(10, date(2026, 2, 9)), jobs(30, date(2026, 2, 16))
        # Odoo caches env.company on each environment object, and environments live as long
        # as the garbage collector lets them: start both measures from the same state.
        self.env.invalidate_all()
        gc.collect()
        before = self.cr.sql_log_count
        few._sync_trainee_hours()
        queries = self.cr.sql_log_count - before
        self.env.invalidate_all()
        gc.collect()
        with self.assertQueryCount(queries):
            many._sync_trainee_hours()
        self.assertEqual(len(self.job_lines(few)), 10)
        self.assertEqual(len(self.job_lines(many)), 30)
        self.assertEqual(sum(self.job_lines(many).mapped("hours")), 30)
