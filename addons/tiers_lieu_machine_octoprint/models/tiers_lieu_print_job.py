import base64
import re

from odoo import fields, models

from ..octoprint_client import OctoPrintError


class TiersLieuPrintJob(models.Model):
    _inherit = "tiers_lieu.print.job"

    octoprint_file = fields.Char(
        string="OctoPrint File", readonly=True, copy=False, help="The file as OctoPrint stores it."
    )
    octoprint_progress = fields.Float(string="Progress (%)", readonly=True, copy=False)

    def _send_to_machine(self):
        """A job with a file on a machine linked to OctoPrint starts on the printer first:
        if OctoPrint refuses, the job stays queued and the machine says why."""
        message = super()._send_to_machine()
        if message or not (self.machine_id.octoprint_linked and self.print_file):
            return message
        return self._octoprint_send()

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
