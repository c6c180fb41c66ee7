import base64
import re

from odoo import fields, models

from odoo.addons.queue_job.job import identity_exact

from ..octoprint_client import OctoPrintError


class TiersLieuPrintJob(models.Model):
    _inherit = "tiers_lieu.print.job"

    octoprint_file = fields.Char(
        string="OctoPrint File", readonly=True, copy=False, help="The file as OctoPrint stores it."
    )
    octoprint_progress = fields.Float(string="Progress (%)", readonly=True, copy=False)
    octoprint_sending = fields.Boolean(
        string="Sending to the Printer",
        readonly=True,
        copy=False,
        help="The file is being uploaded to OctoPrint in the background; the job starts "
        "when the printer takes it.",
    )

    def _octoprint_to_send(self):
        return self.filtered(lambda job: job.machine_id.octoprint_linked and job.print_file)

    def action_start(self):
        """Jobs with a file on a machine linked to OctoPrint are uploaded in a background
        job (channel root.octoprint, bounded timeouts), never in the user's request: they
        start when the printer takes them; if OctoPrint refuses, they stay queued and the
        machine says why."""
        to_send = self._octoprint_to_send()
        if not to_send:
            return super().action_start()
        self._check_can_start()
        others = self - to_send
        result = super(TiersLieuPrintJob, others).action_start() if others else True
        to_send.write({"octoprint_sending": True})
        for job in to_send:
            job.with_delay(
                identity_key=identity_exact,
                description=self.env._("OctoPrint upload of job %(job)s", job=job.name),
            )._octoprint_send_and_start()
        if isinstance(result, dict):  # the others' refusals come first
            return result
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "info",
                "title": self.env._("Sending to the printer"),
                "message": self.env._(
                    "%(jobs)s: the file is uploaded to OctoPrint in the background; the job "
                    "starts when the printer takes it.",
                    jobs=", ".join(to_send.mapped("name")),
                ),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def _octoprint_send_and_start(self):
        """Background job: upload and print, then start the job in Odoo."""
        self.ensure_one()
        if not self.octoprint_sending:
            return
        self.octoprint_sending = False
        if self.state != "queued":  # cancelled or moved meanwhile
            return
        message = self._octoprint_send()
        if message:
            self.message_post(body=message, subtype_xmlid="mail.mt_note")
            return
        self._start()

    def _octoprint_filename(self):
        self.ensure_one()
        base = self.print_filename or f"{self.part_name}.gcode"
        name = re.sub(r"[^A-Za-z0-9._-]+", "_", f"{self.name}_{base}").strip("_")
        return name if re.search(r"\.(gcode|gco|g)$", name, re.I) else f"{name}.gcode"

    def _octoprint_send(self):
        """Upload and print; returns an error message, or None when the printer started."""
        self.ensure_one()
        machine = self.machine_id
        try:
            stored = machine._octoprint_client().upload_and_print(
                self._octoprint_filename(), base64.b64decode(self.print_file)
            )
        except OctoPrintError as error:
            return machine._octoprint_fail(
                error, prefix=self.env._("Job %(job)s not started:", job=self.name)
            )
        self.write({"octoprint_file": stored, "octoprint_progress": 0.0})
        machine._octoprint_ok(
            self.env._("Job %(job)s sent to the printer as %(file)s.", job=self.name, file=stored)
        )
        return None

    def _octoprint_record_end(self, success):
        self.ensure_one()
        if success:
            self.write({"octoprint_progress": 100.0})
            self._finish("done")
        else:
            self._mark_failed(
                note=self.env._(
                    "OctoPrint reports the print of %(file)s as failed or cancelled: weigh the "
                    "failed print and add the failure reasons.",
                    file=self.octoprint_file,
                )
            )
        self.machine_id.sudo().message_post(
            body=self.env._(
                "Job %(job)s ended on the printer: %(result)s.",
                job=self.name,
                result=self.env._("done") if success else self.env._("failed"),
            )
        )
