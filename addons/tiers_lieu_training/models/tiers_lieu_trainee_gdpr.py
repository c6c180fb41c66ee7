from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models

from .tiers_lieu_trainee import SENSITIVE_FIELDS


class Trainee(models.Model):
    """GDPR retention: files anonymised some years after the exit."""

    _inherit = "tiers_lieu.trainee"

    @api.model
    def _cron_anonymize(self):
        """Anonymise the files whose exit is older than the company's retention."""
        today = fields.Date.context_today(self)
        for company in self.env["res.company"].search([]):
            limit = today - relativedelta(years=company.trainee_retention_years)
            expired = self.with_context(active_test=False).search(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "exited"),
                    ("exit_date", "<", limit),
                    ("anonymized", "=", False),
                ]
            )
            expired._anonymize()

    def _anonymize(self):
        """Erase the personal data of the files; the figures (dates, hours, exits) stay."""
        today = fields.Date.context_today(self)
        files = self.sudo().with_context(active_test=False)
        erased = {name: False for name in SENSITIVE_FIELDS}
        erased["eligibility_criterion_ids"] = [Command.clear()]
        files.write(erased | {"exit_note": False})
        files.write({"note": False, "anonymized": True, "anonymized_date": today})
        files.evaluation_ids.write({"comment": False})
        files.evaluation_ids.attachment_ids.unlink()
        files.hours_ids.write({"description": False})
        files.path_ids.write({"note": False, "pass_number": False})
        self.env["mail.message"].sudo().search(
            [("model", "=", self._name), ("res_id", "in", self.ids)]
        ).unlink()
        self.env["ir.attachment"].sudo().search(
            [("res_model", "=", self._name), ("res_id", "in", self.ids)]
        ).unlink()
        files.activity_ids.unlink()
        # A contact that is also a user or an employee lives on in those apps, with their
        # own retention: only contacts that exist for the trainee file are erased.
        employees = self.env["hr.employee"].sudo().with_context(active_test=False)
        used = employees.search([("work_contact_id", "in", files.partner_id.ids)]).work_contact_id
        for trainee in files:
            partner = trainee.partner_id
            if partner.user_ids or partner in used:
                continue
            partner.write(
                {
                    "name": self.env._("Anonymised trainee %(id)s", id=trainee.id),
                    "email": False,
                    "phone": False,
                    "mobile": False,
                    "street": False,
                    "street2": False,
                    "zip": False,
                    "city": False,
                    "comment": False,
                    "image_1920": False,
                    "active": False,
                }
            )
        files.active = False
