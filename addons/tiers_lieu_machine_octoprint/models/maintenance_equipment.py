import logging
from concurrent.futures import ThreadPoolExecutor

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.queue_job.job import identity_exact

from ..octoprint_client import OctoPrintClient, OctoPrintError

_logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 5.0
# OctoPrint job states during which the printer still works on a file.
BUSY_STATES = {"Printing", "Paused", "Pausing", "Resuming", "Starting", "Cancelling", "Finishing"}
# Printers polled at once by one poll (network only: the threads never touch the ORM).
POLL_THREADS = 32
# Printers per background poll job.
POLL_CHUNK = 100


def _fetch_state(client, printing_file):
    """A printer's state, its current job and, for a file that left it, how it ended.

    Returns the keyword arguments of ``_octoprint_apply_state``, or the exception raised.
    """
    try:
        try:
            printer = client.printer()
        except OctoPrintError as error:
            if error.code != "conflict":  # 409: printer not connected to OctoPrint
                raise
            printer = None
        job_info = client.job()
        last_print = None
        if printing_file:
            same_file = job_info["file"] and printing_file.endswith(job_info["file"])
            if not (same_file and job_info["state"] in BUSY_STATES):
                last_print = client.last_print(printing_file)
        return {"printer": printer, "job_info": job_info, "last_print": last_print}
    except Exception as error:  # noqa: BLE001 - handed back to the ORM side, which reports it
        return error


class MaintenanceEquipment(models.Model):
    _inherit = "maintenance.equipment"

    octoprint_url = fields.Char(
        string="OctoPrint URL",
        groups="tiers_lieu.group_manager",
        help="Base address of the printer's OctoPrint server, e.g. http://192.168.1.20",
    )
    octoprint_api_key = fields.Char(
        string="OctoPrint API Key", groups="tiers_lieu.group_manager", copy=False
    )
    octoprint_serial_port = fields.Char(
        string="Serial Port",
        groups="tiers_lieu.group_manager",
        help="Port OctoPrint connects the printer on (empty: OctoPrint chooses).",
    )
    octoprint_linked = fields.Boolean(
        string="Linked to OctoPrint", compute="_compute_octoprint_linked", store=True
    )
    octoprint_status = fields.Selection(
        [("ok", "Connected"), ("offline", "Printer Offline"), ("error", "Error")],
        string="OctoPrint Status",
        readonly=True,
        copy=False,
    )
    octoprint_message = fields.Char(string="OctoPrint Message", readonly=True, copy=False)
    octoprint_last_contact = fields.Datetime(string="Last Contact", readonly=True, copy=False)
    octoprint_state_text = fields.Char(string="Printer State", readonly=True, copy=False)
    octoprint_tool_temp = fields.Float(string="Nozzle (°C)", readonly=True, copy=False)
    octoprint_bed_temp = fields.Float(string="Bed (°C)", readonly=True, copy=False)
    octoprint_progress = fields.Float(string="Progress (%)", readonly=True, copy=False)

    @api.depends("octoprint_url")
    def _compute_octoprint_linked(self):
        for machine in self.sudo():
            machine.octoprint_linked = bool(machine.octoprint_url)

    # ------------------------------------------------------------------ actions

    def action_octoprint_test(self):
        self.ensure_one()
        try:
            version = self._octoprint_client().version()
        except OctoPrintError as error:
            self._octoprint_fail(error)
            raise UserError(self._octoprint_error_text(error)) from None
        self._octoprint_ok(self.env._("OctoPrint %(version)s answers.", version=version))
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {"type": "success", "message": self.sudo().octoprint_message},
        }

    def action_octoprint_connect(self):
        self.ensure_one()
        try:
            self._octoprint_client().connect(self.sudo().octoprint_serial_port)
        except OctoPrintError as error:
            self._octoprint_fail(error)
            raise UserError(self._octoprint_error_text(error)) from None
        self._octoprint_ok(self.env._("Connection to the printer requested."))

    def action_octoprint_poll(self):
        self._octoprint_poll()

    @api.model
    def _cron_octoprint_poll(self):
        """Enqueue the poll of the linked printers as background jobs (OCA queue_job).

        Polled in the cron's own transaction, unreachable printers made the cycle last
        timeout x unreachable printers and held the cron; now a job polls up to
        POLL_CHUNK printers at once, and printers whose poll still waits are not enqueued
        again (identity_exact).
        """
        machines = self.search([("octoprint_linked", "=", True)], order="id")
        for start in range(0, len(machines), POLL_CHUNK):
            chunk = machines[start : start + POLL_CHUNK]
            chunk.with_delay(
                identity_key=identity_exact,
                description=self.env._("OctoPrint poll of %(count)s printer(s)", count=len(chunk)),
            )._octoprint_poll()

    # ------------------------------------------------------------------ business

    def _octoprint_client(self):
        self.ensure_one()
        machine = self.sudo()
        if not machine.octoprint_url:
            raise UserError(
                self.env._("Machine %(machine)s is not linked to OctoPrint.", machine=self.name)
            )
        timeout = float(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("tiers_lieu_machine_octoprint.timeout", DEFAULT_TIMEOUT)
        )
        return OctoPrintClient(machine.octoprint_url, machine.octoprint_api_key, timeout)

    def _octoprint_error_text(self, error):
        url = self.sudo().octoprint_url or ""
        code = error.code
        if code == "timeout":
            return self.env._(
                "OctoPrint at %(url)s did not answer in time: check the printer's network.",
                url=url,
            )
        if code == "connection":
            return self.env._(
                "Cannot connect to OctoPrint at %(url)s (refused or unreachable): is the "
                "server running?",
                url=url,
            )
        if code == "auth":
            return self.env._(
                "OctoPrint refused the API key (HTTP %(status)s): check the key in the "
                "machine's settings.",
                status=error.status,
            )
        if code == "not_found":
            return self.env._(
                "OctoPrint answered 'not found' (HTTP 404): check the URL %(url)s.", url=url
            )
        if code == "conflict":
            return self.env._(
                "The printer is not ready (HTTP %(status)s, %(detail)s): connect it in "
                "OctoPrint or wait for the current print.",
                status=error.status,
                detail=error.detail or "-",
            )
        if code == "not_started":
            return self.env._(
                "OctoPrint stored the file but did not start printing: connect the printer "
                "in OctoPrint or wait for the current print."
            )
        if code == "server":
            return self.env._(
                "OctoPrint had an internal error (HTTP %(status)s): retry later or look at "
                "its log.",
                status=error.status,
            )
        if code == "refused":
            return self.env._(
                "OctoPrint refused the request (HTTP %(status)s): %(detail)s",
                status=error.status,
                detail=error.detail or "-",
            )
        return self.env._(
            "OctoPrint sent an answer that cannot be read: is %(url)s really an OctoPrint "
            "server?",
            url=url,
        )

    def _octoprint_ok(self, message, **vals):
        machine = self.sudo()
        if machine.octoprint_status == "error":
            machine.message_post(body=self.env._("OctoPrint answers again."))
        machine.write(
            dict(
                vals,
                octoprint_status=vals.get("octoprint_status", "ok"),
                octoprint_message=message,
                octoprint_last_contact=fields.Datetime.now(),
            )
        )

    def _octoprint_fail(self, error, prefix=None):
        """Record a failed exchange on the machine; the chatter only gets new messages."""
        message = self._octoprint_error_text(error)
        if prefix:
            message = f"{prefix} {message}"
        machine = self.sudo()
        _logger.warning("OctoPrint of machine %s (id %s): %s", self.name, self.id, message)
        if machine.octoprint_status != "error" or machine.octoprint_message != message:
            machine.message_post(body=message)
        machine.write({"octoprint_status": "error", "octoprint_message": message})
        return message

    def _octoprint_poll(self):
        """Poll the machines; no failure leaves this method.

        The network exchanges of all the machines run at once in threads that never touch
        the ORM (a slow or unreachable printer costs one timeout, not one per printer);
        each answer is then applied to its machine in its own savepoint.
        """
        jobs = self.env["tiers_lieu.print.job"].search(
            [
                ("machine_id", "in", self.ids),
                ("state", "=", "printing"),
                ("octoprint_file", "!=", False),
            ]
        )
        job_by_machine = {}
        for job in jobs:
            job_by_machine.setdefault(job.machine_id.id, job)
        plans = []
        for machine in self:
            job = job_by_machine.get(machine.id, jobs.browse())
            try:
                client = machine._octoprint_client()
            except UserError:
                continue  # unlinked since the poll was enqueued
            plans.append((machine, job, client))
        if not plans:
            return
        threads = min(len(plans), POLL_THREADS)
        with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="octoprint") as pool:
            readings = list(
                pool.map(lambda plan: _fetch_state(plan[2], plan[1].octoprint_file), plans)
            )
        for (machine, job, _client), reading in zip(plans, readings, strict=True):
            try:
                with self.env.cr.savepoint():
                    if isinstance(reading, BaseException):
                        raise reading
                    machine._octoprint_apply_state(job, **reading)
            except OctoPrintError as error:
                machine._octoprint_fail(error)
            except Exception as error:  # noqa: BLE001 - a cron must go on with the next printer
                _logger.error("OctoPrint poll of machine %s failed", machine.id, exc_info=error)
                machine.sudo().write(
                    {
                        "octoprint_status": "error",
                        "octoprint_message": self.env._(
                            "Unexpected error while polling OctoPrint: %(error)s", error=error
                        ),
                    }
                )

    def _octoprint_apply_state(self, job, printer, job_info, last_print):
        """Record one machine's answers (from :func:`_fetch_state`) on it and its job."""
        self.ensure_one()
        completion = job_info["completion"] or 0.0
        if job:
            same_file = job_info["file"] and job.octoprint_file.endswith(job_info["file"])
            if same_file and job_info["state"] in BUSY_STATES:
                job.write(
                    {
                        "octoprint_progress": completion,
                        "paused": job_info["state"] in ("Paused", "Pausing"),
                    }
                )
            elif last_print is True:
                job._octoprint_record_end(True)
            elif last_print is False:
                job._octoprint_record_end(False)
        if printer is None:
            message = self.env._(
                "Printer not connected to OctoPrint (%(state)s).", state=job_info["state"]
            )
            self._octoprint_ok(
                message,
                octoprint_status="offline",
                octoprint_state_text=job_info["state"],
                octoprint_progress=0.0,
            )
            return
        self._octoprint_ok(
            self.env._("Printer %(state)s.", state=printer["text"]),
            octoprint_state_text=printer["text"],
            octoprint_tool_temp=printer["tool"] or 0.0,
            octoprint_bed_temp=printer["bed"] or 0.0,
            octoprint_progress=completion if job_info["state"] in BUSY_STATES else 0.0,
        )
