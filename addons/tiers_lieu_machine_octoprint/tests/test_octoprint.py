import base64
import time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.queue_job.job import Job
from odoo.addons.tiers_lieu_machine.tests.common import MachineCase

from .octoprint_server import FaultyServer, OctoPrintServer, free_port, short_gcode


class OctoPrintCase(MachineCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].set_param("tiers_lieu_machine_octoprint.timeout", "2")

    @classmethod
    def link(cls, machine, url, key="WRONG"):
        machine.write({"octoprint_url": url, "octoprint_api_key": key})

    def make_linked_job(self, machine):
        job = self.make_job(
            machine_id=machine.id,
            operator_id=self.alice.id,
            print_file=base64.b64encode(short_gcode()),
            print_filename="connector test.gcode",
        )
        job.action_queue()
        return job

    def send_jobs(self):
        return self.env["queue.job"].search(
            [("method_name", "=", "_octoprint_send_and_start"), ("state", "=", "pending")]
        )

    def start(self, job, user=None):
        """Start as a user does, then run the upload job as the job runner would."""
        action = job.with_user(user or self.env.user).action_start()
        for queued in self.send_jobs():
            Job.load(self.env, queued.uuid).perform()
            queued.state = "done"
        return action


@tagged("post_install", "-at_install")
class TestOctoPrintLive(OctoPrintCase):
    """Against a real OctoPrint 1.11.8 and its Virtual Printer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = OctoPrintServer().start()
        cls.addClassCleanup(cls.server.stop)
        cls.link(cls.mk4, cls.server.url, cls.server.api_key)
        cls.mk4.octoprint_serial_port = "VIRTUAL"

    def setUp(self):
        super().setUp()
        self.server.connect_printer()

    def poll_until(self, job, states, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.mk4._octoprint_poll()
            if job.state in states:
                return
            time.sleep(0.3)
        self.fail(f"job {job.state} after {timeout} s; machine: {self.mk4.octoprint_message}")

    def test_connection_check_and_poll(self):
        self.mk4.with_user(self.manager).action_octoprint_test()
        self.assertEqual(self.mk4.octoprint_status, "ok")
        self.assertIn("1.11.8", self.mk4.octoprint_message)
        self.mk4._octoprint_poll()
        self.assertEqual(self.mk4.octoprint_status, "ok")
        self.assertEqual(self.mk4.octoprint_state_text, "Operational")
        self.assertTrue(self.mk4.octoprint_last_contact)

    def test_connect_printer_from_odoo(self):
        self.server.disconnect_printer()
        self.mk4._octoprint_poll()
        self.assertEqual(self.mk4.octoprint_status, "offline")
        self.mk4.with_user(self.manager).action_octoprint_connect()
        self.server.wait(lambda: self.server.request("GET", "/api/printer")[0] == 200, 20)
        self.mk4._octoprint_poll()
        self.assertEqual(self.mk4.octoprint_status, "ok")

    def test_start_uploads_prints_and_records_done(self):
        job = self.make_linked_job(self.mk4)
        self.start(job, self.staff)
        self.assertEqual(job.state, "printing")
        self.assertTrue(job.octoprint_file.startswith("JOB_"))
        self.assertTrue(job.octoprint_file.endswith("connector_test.gcode"))
        status, current = self.server.request("GET", "/api/job")
        self.assertEqual(current["job"]["file"]["name"], job.octoprint_file)
        self.poll_until(job, ("done", "failed"))
        self.assertEqual(job.state, "done")
        self.assertEqual(job.octoprint_progress, 100.0)
        self.assertTrue(job.date_end)
        self.assertEqual(self.mk4.machine_state, "available")
        _status, info = self.server.request("GET", f"/api/files/local/{job.octoprint_file}")
        self.assertEqual(info["prints"]["success"], 1)

    def test_print_cancelled_at_the_printer_is_recorded_failed(self):
        job = self.make_linked_job(self.mk4)
        self.start(job)
        self.server.wait(
            lambda: self.server.request("GET", "/api/job")[1]["state"] == "Printing", 10, 0.05
        )
        self.assertEqual(self.server.request("POST", "/api/job", {"command": "cancel"})[0], 204)
        self.poll_until(job, ("done", "failed"))
        self.assertEqual(job.state, "failed")
        self.assertIn("failed or cancelled", job.failure_note)
        self.assertEqual(self.mk4.job_failed_count, 1)

    def test_printer_not_operational_leaves_the_job_queued(self):
        self.server.disconnect_printer()
        job = self.make_linked_job(self.mk4)
        self.start(job)
        self.assertEqual(job.state, "queued")
        self.assertFalse(job.octoprint_file)
        self.assertFalse(job.octoprint_sending)
        self.assertEqual(self.mk4.octoprint_status, "error")
        self.assertIn("did not start printing", self.mk4.octoprint_message)
        self.assertIn(job.name, self.mk4.message_ids[0].body)
        self.assertIn("did not start printing", job.message_ids[0].body)

    def test_upload_runs_in_a_background_job_not_in_the_request(self):
        """Issue 15: the upload was an HTTP call in the user's transaction."""
        job = self.make_linked_job(self.mk4)
        action = job.with_user(self.staff).action_start()
        self.assertEqual(action["params"]["type"], "info")
        self.assertEqual((job.state, job.octoprint_sending), ("queued", True))
        self.assertFalse(job.octoprint_file, "nothing uploaded in the request")
        queued = self.send_jobs()
        self.assertEqual(queued.channel, "root.octoprint")
        self.assertEqual(queued.records, job)
        job.with_user(self.staff).action_start()  # a second click: no second upload
        self.assertEqual(self.send_jobs(), queued)
        Job.load(self.env, queued.uuid).perform()
        self.assertEqual((job.state, job.octoprint_sending), ("printing", False))
        self.assertTrue(job.octoprint_file)
        self.poll_until(job, ("done", "failed"))  # the printer is free for the next test

    def test_wrong_key_is_refused_and_nothing_changes(self):
        job = self.make_linked_job(self.mk4)
        self.start(job)
        self.assertEqual(job.state, "printing")
        self.mk4.octoprint_api_key = "NOT-THE-KEY"
        self.mk4._octoprint_poll()
        self.assertEqual(self.mk4.octoprint_status, "error")
        self.assertIn("refused the API key (HTTP 403)", self.mk4.octoprint_message)
        self.assertEqual(job.state, "printing")
        with self.assertRaisesRegex(UserError, "API key"):
            self.mk4.action_octoprint_test()
        messages = len(self.mk4.message_ids)
        self.mk4._octoprint_poll()
        self.assertEqual(len(self.mk4.message_ids), messages, "same error: no new chatter line")
        self.mk4.octoprint_api_key = self.server.api_key
        self.poll_until(job, ("done", "failed"))
        self.assertEqual(job.state, "done")
        self.assertEqual(self.mk4.octoprint_status, "ok")
        self.assertIn("answers again", self.mk4.message_ids.mapped("body")[1])


@tagged("post_install", "-at_install")
class TestOctoPrintFaults(OctoPrintCase):
    """Servers that misbehave: nothing escapes, the job keeps its state, the machine says why."""

    def check_fault(self, url, expected):
        self.link(self.mk4, url)
        job = self.make_linked_job(self.mk4)
        action = self.start(job)
        self.assertEqual(job.state, "queued")
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(self.mk4.octoprint_status, "error")
        self.assertIn(expected, self.mk4.octoprint_message)
        # a job already printing (e.g. started before the fault) is left printing
        job.write(
            {"state": "printing", "octoprint_file": "x.gcode", "date_start": "2026-03-02 08:00"}
        )
        self.mk4._octoprint_poll()
        self.assertEqual(job.state, "printing")
        self.assertIn(expected, self.mk4.octoprint_message)
        job.write({"state": "queued", "octoprint_file": False})

    def serve(self, mode):
        server = FaultyServer(mode).start()
        self.addCleanup(server.stop)
        return server.url

    def test_server_down(self):
        self.check_fault(f"http://127.0.0.1:{free_port()}", "Cannot connect")

    def test_garbage(self):
        self.check_fault(self.serve("garbage"), "cannot be read")

    def test_server_error(self):
        self.check_fault(self.serve("500"), "internal error (HTTP 500)")

    def test_not_found(self):
        self.check_fault(self.serve("404"), "check the URL")

    def test_conflict(self):
        self.check_fault(self.serve("409"), "not ready (HTTP 409")

    def test_unauthorized(self):
        self.check_fault(self.serve("401"), "refused the API key (HTTP 401)")

    def test_slow_server_times_out(self):
        # Odoo's test harness raises request timeouts under 10 s to 10 s: the server
        # sleeps longer than that.
        self.link(self.mk4, self.serve("slow"))
        started = time.monotonic()
        self.mk4._octoprint_poll()
        self.assertLess(time.monotonic() - started, 12)
        self.assertEqual(self.mk4.octoprint_status, "error")
        self.assertIn("did not answer in time", self.mk4.octoprint_message)

    def poll_jobs(self):
        return self.env["queue.job"].search(
            [("model_name", "=", "maintenance.equipment"), ("method_name", "=", "_octoprint_poll")]
        )

    def run_cron(self):
        self.env.ref("tiers_lieu_machine_octoprint.ir_cron_octoprint_poll").method_direct_trigger()

    def test_cron_polls_in_the_background(self):
        down = self.mini
        self.link(down, f"http://127.0.0.1:{free_port()}")
        self.link(self.mk4, self.serve("500"))
        self.run_cron()
        jobs = self.poll_jobs()
        # Nothing was polled in the cron's transaction: a job polls the linked printers.
        self.assertFalse(down.octoprint_status)
        self.assertEqual(len(jobs), 1)
        self.assertEqual(sorted(jobs.records.ids), sorted((down | self.mk4).ids))
        self.assertEqual(jobs.channel, "root.octoprint")
        self.assertEqual(jobs.state, "pending")
        # The next cycle does not pile a second poll on printers whose poll still waits.
        self.run_cron()
        self.assertEqual(self.poll_jobs(), jobs)

    def test_slow_printers_are_waited_for_at_once(self):
        machines = self.mk4 | self.mini | self.laser
        for machine in machines:
            self.link(machine, self.serve("slow"))
        started = time.monotonic()
        machines._octoprint_poll()
        elapsed = time.monotonic() - started
        self.assertEqual(set(machines.mapped("octoprint_status")), {"error"})
        # Each exchange times out after 10 s in tests (Odoo's harness raises shorter
        # timeouts to 10 s): one after the other, three slow printers took over 30 s.
        self.assertLess(elapsed, 25)

    def test_cron_goes_on_after_failures(self):
        down, garbage = self.mini, self.laser
        self.link(down, f"http://127.0.0.1:{free_port()}")
        self.link(garbage, self.serve("garbage"))
        self.link(self.mk4, self.serve("500"))
        self.run_cron()
        for job in self.poll_jobs():
            Job.load(self.env, job.uuid).perform()
        self.assertEqual(set((down | garbage | self.mk4).mapped("octoprint_status")), {"error"})
        self.assertIn("Cannot connect", down.octoprint_message)
        self.assertIn("cannot be read", garbage.octoprint_message)

    def test_connection_settings_are_for_managers(self):
        self.link(self.mk4, "http://127.0.0.1:1", "SECRET")
        with self.assertRaises(AccessError):
            self.mk4.with_user(self.staff).read(["octoprint_api_key"])
        with self.assertRaises(AccessError):
            self.mk4.with_user(self.staff).read(["octoprint_url"])
        with self.assertRaises(AccessError):
            self.mk4.with_user(self.trainer).read(["octoprint_api_key"])
        self.assertTrue(self.mk4.with_user(self.staff).octoprint_linked)
        self.assertEqual(
            self.mk4.with_user(self.manager).read(["octoprint_api_key"])[0]["octoprint_api_key"],
            "SECRET",
        )
