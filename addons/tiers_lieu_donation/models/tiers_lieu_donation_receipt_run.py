from collections import defaultdict

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.queue_job.delay import group
from odoo.addons.tiers_lieu.lang import company_lang_env

from ..access import check_treasurer

# Donors per job (each job is one transaction, committed on its own); system parameter
# tiers_lieu_donation.annual_chunk_size.
CHUNK_SIZE = 200
# What a run records on the receipts it issues: its own summary, no message per receipt.
BATCH_CONTEXT = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
}


class DonationReceiptRun(models.Model):
    """One run of the annual receipts: the donors to receipt, issued in background jobs
    (OCA queue_job) of CHUNK_SIZE donors; progress, the donors left aside and why."""

    _name = "tiers_lieu.donation.receipt.run"
    _inherit = ["mail.thread"]
    _description = "Annual Tax Receipts Run"
    _order = "id desc"

    name = fields.Char(required=True, readonly=True)
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda self: self.env.company
    )
    start_date = fields.Date(required=True, readonly=True)
    end_date = fields.Date(required=True, readonly=True)
    partner_ids = fields.Many2many(
        "res.partner",
        "tiers_lieu_donation_receipt_run_partner_rel",
        string="Only These Donors",
        readonly=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Launched By",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
        help="Notified when the run ends.",
    )
    state = fields.Selection(
        [("running", "Running"), ("done", "Done")],
        default="running",
        required=True,
        readonly=True,
        tracking=True,
    )
    total_count = fields.Integer(string="Donors", readonly=True)
    receipt_ids = fields.One2many("donation.tax.receipt", "annual_run_id", readonly=True)
    done_count = fields.Integer(string="Receipts Issued", compute="_compute_progress")
    failure_ids = fields.One2many(
        "tiers_lieu.donation.receipt.run.failure", "run_id", string="Donors Left Aside"
    )
    failure_count = fields.Integer(string="Left Aside", compute="_compute_progress")
    progress = fields.Float(compute="_compute_progress")
    job_graph_uuid = fields.Char(
        readonly=True,
        copy=False,
        help="The queue_job graph of the run's last launch (its chunks and its end).",
    )

    @api.depends("total_count")
    def _compute_progress(self):
        receipts = dict(
            self.env["donation.tax.receipt"]._read_group(
                [("annual_run_id", "in", self.ids)], ["annual_run_id"], ["__count"]
            )
        )
        failures = dict(
            self.env["tiers_lieu.donation.receipt.run.failure"]._read_group(
                [("run_id", "in", self.ids)], ["run_id"], ["__count"]
            )
        )
        for run in self:
            run.done_count = receipts.get(run, 0)
            run.failure_count = failures.get(run, 0)
            handled = run.done_count + run.failure_count
            run.progress = 100.0 * handled / run.total_count if run.total_count else 100.0

    # ------------------------------------------------------------------ launch

    @api.model
    def _tl_launch(self, company, start_date, end_date, partners=None):
        """Create a run for the donors to receipt in the period and enqueue its jobs."""
        check_treasurer(self.env, self.env._("Only Treasurers may issue tax receipts."))
        if start_date > end_date:
            raise UserError(self.env._("The start date must be before the end date."))
        lang_env = company_lang_env(self.env, company)
        run = self.create(
            {
                "name": lang_env._(
                    "Annual receipts %(start)s - %(end)s",
                    start=start_date.strftime("%d/%m/%Y"),
                    end=end_date.strftime("%d/%m/%Y"),
                ),
                "company_id": company.id,
                "start_date": start_date,
                "end_date": end_date,
                "partner_ids": [Command.set(partners.ids if partners else [])],
            }
        )
        run._tl_enqueue()
        return run

    def _tl_donation_domain(self, partner_ids=None):
        """Donations the run still has to receipt (as OCA's annual wizard selects them)."""
        self.ensure_one()
        domain = [
            ("donation_date", ">=", self.start_date),
            ("donation_date", "<=", self.end_date),
            ("tax_receipt_option", "=", "annual"),
            ("tax_receipt_id", "=", False),
            ("tax_receipt_total", "!=", 0),
            ("company_id", "=", self.company_id.id),
            ("state", "=", "done"),
        ]
        if partner_ids is not None:
            domain.append(("commercial_partner_id", "in", partner_ids))
        elif self.partner_ids:
            domain.append(("commercial_partner_id", "in", self.partner_ids.ids))
        return domain

    def _tl_pending_partner_ids(self):
        groups = self.env["donation.donation"]._read_group(
            self._tl_donation_domain(), ["commercial_partner_id"], ["tax_receipt_total:sum"]
        )
        currency = self.company_id.currency_id
        return sorted(
            partner.id for partner, total in groups if partner and not currency.is_zero(total)
        )

    def _tl_enqueue(self):
        """Split the donors still to receipt in jobs of CHUNK_SIZE donors, then a job that
        closes the run and notifies the Treasurer. Enqueueing again (resume) picks only the
        donors still without receipt: a receipt is never issued twice."""
        self.ensure_one()
        partner_ids = self._tl_pending_partner_ids()
        size = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("tiers_lieu_donation.annual_chunk_size", CHUNK_SIZE)
        )
        self.write({"state": "running", "total_count": self.done_count + len(partner_ids)})
        lang_env = company_lang_env(self.env, self.company_id)
        chunks = [
            self.delayable(
                description=lang_env._(
                    "%(run)s: donors %(first)s to %(last)s",
                    run=self.name,
                    first=start + 1,
                    last=start + len(partner_ids[start : start + size]),
                ),
            )._tl_issue_chunk(partner_ids[start : start + size])
            for start in range(0, len(partner_ids), size)
        ]
        finish = self.delayable(description=lang_env._("%(run)s: end", run=self.name))
        finish = finish._tl_finish()
        if chunks:
            group(*chunks).on_done(finish).delay()
        else:
            finish.delay()
        job = finish._generated_job
        self.job_graph_uuid = job.graph_uuid or job.uuid

    def _tl_jobs(self):
        """The queue jobs of the run's last launch (queue.job is for job managers: sudo)."""
        self.ensure_one()
        if not self.job_graph_uuid:
            return self.env["queue.job"].sudo()
        return (
            self.env["queue.job"]
            .sudo()
            .search(
                ["|", ("graph_uuid", "=", self.job_graph_uuid), ("uuid", "=", self.job_graph_uuid)]
            )
        )

    def action_resume(self):
        """Issue what a run left: donors completed since, jobs that failed."""
        check_treasurer(self.env, self.env._("Only Treasurers may issue tax receipts."))
        for run in self:
            jobs = run._tl_jobs()
            busy = jobs.filtered(lambda job: job.state in ("pending", "enqueued", "started"))
            if busy:
                # Resuming now would count the donors of the waiting jobs twice and list
                # their failures twice (their receipts would still be issued once).
                raise UserError(
                    self.env._(
                        "The run %(run)s is still in progress: %(count)s job(s) are waiting or "
                        "running. Resume it once they are done or failed.",
                        run=run.name,
                        count=len(busy),
                    )
                )
            # The end of the last launch waits on a failed job: it would never run.
            jobs.filtered(lambda job: job.state == "wait_dependencies").button_cancelled()
            run.failure_ids.unlink()
            run._tl_enqueue()
        return True

    def action_open_receipts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "donation_base.donation_tax_receipt_action"
        )
        action["domain"] = [("annual_run_id", "=", self.id)]
        action["context"] = {}
        return action

    def action_open_failed_donors(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Donors Left Aside"),
            "res_model": "res.partner",
            "view_mode": "list,form",
            "domain": [("id", "in", self.failure_ids.partner_id.ids)],
        }

    # ------------------------------------------------------------------ jobs

    def _tl_issue_chunk(self, partner_ids):
        """Job: issue the annual receipts of these donors (one transaction). A donor whose
        data a receipt needs is missing, or whose receipt is refused, is listed with the
        reason and the others are issued."""
        self.ensure_one()
        Donation = self.env["donation.donation"]
        donations = Donation.search(self._tl_donation_domain(partner_ids), order="id")
        if donations:
            # Another execution of this job (a retry, a resume) waits here; under
            # REPEATABLE READ it then fails on these rows and queue_job retries it on
            # fresh data, where they have their receipt: never two receipts.
            self.env.cr.execute(
                "SELECT id FROM donation_donation WHERE id = ANY(%s) ORDER BY id FOR UPDATE",
                [donations.ids],
            )
        by_partner = defaultdict(lambda: Donation)
        for donation in donations:
            by_partner[donation.commercial_partner_id] |= donation
        failures = []
        vals_list = []
        currency = self.company_id.currency_id
        for partner, partner_donations in by_partner.items():
            amount = sum(partner_donations.mapped("tax_receipt_total"))
            if currency.is_zero(amount):
                continue
            form = "company" if partner.is_company else "individual"
            missing = partner._tl_missing_receipt_identity(form)
            if missing:
                failures.append((partner, ", ".join(missing)))
                continue
            vals_list.append(
                {
                    "company_id": self.company_id.id,
                    "currency_id": currency.id,
                    "amount": amount,
                    "type": "annual",
                    "partner_id": partner.id,
                    "donation_date": self.end_date,
                    "donation_ids": [Command.set(partner_donations.ids)],
                    "annual_run_id": self.id,
                }
            )
        Receipt = self.env["donation.tax.receipt"].with_context(**BATCH_CONTEXT)
        try:
            # A refusal (UserError) comes before any number is drawn: rolling back to the
            # savepoint leaves no gap.
            with self.env.cr.savepoint():
                Receipt.create([dict(vals) for vals in vals_list])
        except UserError:
            # one donor's receipt is refused: issue them one by one to list that donor
            for vals in vals_list:
                try:
                    with self.env.cr.savepoint():
                        Receipt.create(dict(vals))
                except UserError as error:
                    partner = self.env["res.partner"].browse(vals["partner_id"])
                    failures.append((partner, str(error)))
        self.env["tiers_lieu.donation.receipt.run.failure"].create(
            [
                {"run_id": self.id, "partner_id": partner.id, "reason": reason}
                for partner, reason in failures
            ]
        )

    def _tl_finish(self):
        """Job: close the run and tell the Treasurer who launched it."""
        self.ensure_one()
        self.state = "done"
        lang_env = company_lang_env(self.env, self.company_id)
        body = lang_env._(
            "Annual receipts done: %(done)s receipt(s) issued, %(failed)s donor(s) left aside.",
            done=self.done_count,
            failed=self.failure_count,
        )
        self.sudo().message_post(
            body=body,
            author_id=self.env.ref("base.partner_root").id,
            partner_ids=self.user_id.partner_id.ids,
            subtype_xmlid="mail.mt_comment",
        )
