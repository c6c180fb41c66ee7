from collections import defaultdict

from odoo import api, fields, models
from odoo.tools.misc import format_date

from odoo.addons.tiers_lieu_training import pdf

from .tiers_lieu_print_job import ENDED_STATES


class Trainee(models.Model):
    _inherit = "tiers_lieu.trainee"

    machine_authorization_ids = fields.Many2many(
        "tiers_lieu.machine.authorization",
        compute="_compute_machine_authorization_ids",
        string="Machine Authorisations",
        help="Authorisations of the person in the file's company, granted, proposed or past.",
    )
    machine_authorization_count = fields.Integer(
        compute="_compute_machine_authorization_ids", string="Authorisations"
    )
    print_job_ids = fields.Many2many(
        "tiers_lieu.print.job",
        compute="_compute_print_job_ids",
        string="Print Jobs Operated",
    )
    print_job_count = fields.Integer(compute="_compute_print_job_ids", string="Print Jobs")

    @api.depends("partner_id", "company_id")
    def _compute_machine_authorization_ids(self):
        auths = self.env["tiers_lieu.machine.authorization"].search(
            [
                ("partner_id", "in", self.partner_id.ids),
                ("company_id", "in", self.company_id.ids),
            ]
        )
        by_person = defaultdict(list)
        for auth in auths:
            by_person[auth.partner_id.id, auth.company_id.id].append(auth.id)
        for trainee in self:
            ids = by_person[trainee.partner_id.id, trainee.company_id.id]
            trainee.machine_authorization_ids = auths.browse(ids)
            trainee.machine_authorization_count = len(ids)

    @api.depends("partner_id", "company_id")
    def _compute_print_job_ids(self):
        jobs = self.env["tiers_lieu.print.job"].search(
            [
                ("operator_id", "in", self.partner_id.ids),
                ("company_id", "in", self.company_id.ids),
            ],
            order="date_end desc, id desc",
        )
        by_person = defaultdict(list)
        for job in jobs:
            by_person[job.operator_id.id, job.company_id.id].append(job.id)
        for trainee in self:
            ids = by_person[trainee.partner_id.id, trainee.company_id.id]
            trainee.print_job_ids = jobs.browse(ids)
            trainee.print_job_count = len(ids)

    def action_view_machine_authorizations(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Authorisations of %(name)s", name=self.name),
            "res_model": "tiers_lieu.machine.authorization",
            "view_mode": "list,form",
            "domain": [("partner_id", "=", self.partner_id.id)],
            "context": {
                "default_partner_id": self.partner_id.id,
                "default_company_id": self.company_id.id,
            },
        }

    def action_view_print_jobs(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Print jobs of %(name)s", name=self.name),
            "res_model": "tiers_lieu.print.job",
            "view_mode": "list,form",
            "domain": [("operator_id", "=", self.partner_id.id)],
            "context": {"create": False},
        }

    def action_sync_print_job_hours(self):
        """Count again the print jobs these trainees operated (e.g. after a path was added
        for past dates, or for jobs ended before the machine glue was installed)."""
        self.check_access("write")
        self._sync_print_job_hours()
        return True

    def _sync_print_job_hours(self):
        """Bring the production hours of these trainees in line with their ended jobs."""
        Job = self.env["tiers_lieu.print.job"].sudo()
        jobs = Job.search(
            [("operator_id", "in", self.partner_id.ids), ("state", "in", ENDED_STATES)]
        )
        counted = (
            self.env["tiers_lieu.trainee.hours"]
            .sudo()
            .search([("trainee_id", "in", self.ids), ("print_job_id", "!=", False)])
        )
        (jobs | counted.print_job_id)._sync_trainee_hours(log_skipped=False)

    # ---------------------------------------------------------------- livret

    def _get_livret_sections(self):
        sections = super()._get_livret_sections()
        position = len(sections) - 1 if self.state == "exited" else len(sections)
        sections[position:position] = [
            self._livret_authorization_section(),
            self._livret_print_job_section(),
        ]
        return sections

    def _livret_authorization_section(self):
        env = self.env
        kinds = dict(
            env["tiers_lieu.machine.authorization"]
            ._fields["machine_kind"]
            ._description_selection(env)
        )
        states = dict(
            env["tiers_lieu.machine.authorization"]._fields["state"]._description_selection(env)
        )
        auths = self.machine_authorization_ids.sorted(lambda a: (a.machine_kind, a.granted_date))
        return {
            "title": env._("Machine authorisations"),
            "columns": [
                env._("Machine kind"),
                env._("Granted on"),
                env._("Granted by"),
                env._("Valid until"),
                env._("State"),
            ],
            "rows": [
                [
                    kinds[auth.machine_kind],
                    format_date(env, auth.granted_date),
                    auth.granted_by_id.name or "",
                    format_date(env, auth.expiry_date) if auth.expiry_date else "",
                    states[auth.state],
                ]
                for auth in auths
            ],
            "empty": env._("No machine authorisation."),
        }

    def _livret_print_job_section(self):
        """Per kind of machine: jobs done and failed, production hours they gave."""
        env = self.env
        Job = env["tiers_lieu.print.job"]
        kinds = dict(Job._fields["machine_kind"]._description_selection(env))
        rows = defaultdict(lambda: {"done": 0, "failed": 0, "hours": 0.0})
        for kind, state, count in Job._read_group(
            [
                ("operator_id", "=", self.partner_id.id),
                ("company_id", "=", self.company_id.id),
                ("state", "in", ENDED_STATES),
            ],
            ["machine_kind", "state"],
            ["__count"],
        ):
            rows[kind][state] = count
        for job, hours in env["tiers_lieu.trainee.hours"]._read_group(
            [("trainee_id", "=", self.id), ("print_job_id", "!=", False)],
            ["print_job_id"],
            ["hours:sum"],
        ):
            rows[job.machine_kind]["hours"] += hours
        return {
            "title": env._("Print jobs operated"),
            "columns": [
                env._("Machine kind"),
                env._("Done"),
                env._("Failed"),
                env._("Production hours counted"),
            ],
            "numeric": {1, 2, 3},
            "rows": [
                [
                    kinds[kind],
                    str(values["done"]),
                    str(values["failed"]),
                    pdf.format_number(env, values["hours"]),
                ]
                for kind, values in sorted(rows.items())
            ],
            "empty": env._("No print job operated."),
        }
