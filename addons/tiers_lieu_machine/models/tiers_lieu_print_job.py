import base64
import binascii
import io
import math
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from ..gcode import Base64Reader, PrintFileTooLarge, parse_slicer_header, read_excerpt
from ..machine_kinds import MACHINE_KINDS

JOB_STATES = [
    ("draft", "Draft"),
    ("queued", "Queued"),
    ("printing", "Printing"),
    ("done", "Done"),
    ("failed", "Failed"),
    ("cancelled", "Cancelled"),
]
# Jobs that ran on their machine: they count in its hours, material and failures.
ENDED_STATES = ("done", "failed")
# Set by the actions around their own write of ``state``: such writes are no correction.
STATE_CHANGE_CONTEXT = "tiers_lieu_job_state_change"
# Machine states in which a job may start.
STARTABLE_MACHINE_STATES = ("available",)
# Machine states in which the dispatch fills a machine's queue.
DISPATCH_MACHINE_STATES = ("available", "printing")
# Jobs whose reason for staying without machine the dispatch gives.
DISPATCH_REASONS = 5
NON_NEGATIVE_FIELDS = (
    "estimated_duration_hours",
    "estimated_grams",
    "grams_actual",
    "failed_weight_grams",
    "duration_hours",
    "size_x_mm",
    "size_y_mm",
    "size_z_mm",
)
# Beyond these a figure is a typo or a crafted file (the slicer header parser ignores
# such values too): 12 weeks of printing, 100 kg, 10 m.
MAX_FIGURES = {
    "estimated_duration_hours": 2000.0,
    "estimated_grams": 100_000.0,
    "grams_actual": 100_000.0,
    "failed_weight_grams": 100_000.0,
    "size_x_mm": 10_000.0,
    "size_y_mm": 10_000.0,
    "size_z_mm": 10_000.0,
}
# Largest print file accepted, in MB (ir.config_parameter MAX_FILE_PARAM overrides it).
MAX_FILE_PARAM = "tiers_lieu_machine.print_file_max_mb"
DEFAULT_MAX_FILE_MB = 200
# Kinds whose jobs consume a material the machine must accept.
MATERIAL_KINDS = ("fdm_printer", "resin_printer", "laser_cutter")


class TiersLieuPrintJob(models.Model):
    _name = "tiers_lieu.print.job"
    _description = "Print Job"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "priority desc, date_due, id"
    _check_company_auto = True

    name = fields.Char(
        string="Reference",
        required=True,
        readonly=True,
        copy=False,
        default=lambda self: self.env._("New"),
    )
    part_name = fields.Char(string="Part", required=True, tracking=True)
    product_id = fields.Many2one("product.product", string="Product", check_company=True)
    design_version = fields.Char(help="Version of the design being printed, e.g. v30.")
    quantity_per_plate = fields.Integer(string="Parts per Plate", default=1, required=True)
    good_quantity = fields.Integer(string="Good Parts")
    rejected_quantity = fields.Integer(string="Rejected Parts")
    print_file = fields.Binary(attachment=True, copy=True)
    print_filename = fields.Char(string="File Name")
    slicer = fields.Char(readonly=True, help="Slicer that wrote the file, read from its header.")
    slicer_note = fields.Char(
        string="Header Values Ignored",
        readonly=True,
        copy=False,
        help="Values of the slicer header that were not taken: not a number, or beyond "
        "what a print can be.",
    )
    estimated_duration_hours = fields.Float(
        string="Estimated Duration (h)",
        digits=(16, 2),
        help="Read from the slicer header of the G-code when present; editable.",
    )
    estimated_grams = fields.Float(
        string="Estimated Material (g)",
        digits=(16, 2),
        help="Read from the slicer header of the G-code when present; editable.",
    )
    machine_kind = fields.Selection(MACHINE_KINDS, required=True, default="fdm_printer", index=True)
    material_id = fields.Many2one(
        "tiers_lieu.material", string="Material", index=True, check_company=True, tracking=True
    )
    size_x_mm = fields.Float(string="Width (mm)", digits=(7, 1))
    size_y_mm = fields.Float(string="Depth (mm)", digits=(7, 1))
    size_z_mm = fields.Float(string="Height (mm)", digits=(7, 1))
    priority = fields.Selection(
        [("0", "Normal"), ("1", "Urgent")], default="0", required=True, index=True
    )
    date_due = fields.Date(string="Due Date", index=True, tracking=True)
    machine_id = fields.Many2one(
        "maintenance.equipment",
        string="Machine",
        index=True,
        tracking=True,
        check_company=True,
        domain="[('machine_kind', '=', machine_kind)]",
        group_expand="_read_group_machine_ids",
    )
    operator_id = fields.Many2one(
        "res.partner",
        string="Operator",
        index=True,
        tracking=True,
        help="The person running the machine; trainees usually have no user.",
    )
    user_id = fields.Many2one("res.users", string="Responsible", default=lambda s: s.env.user)
    state = fields.Selection(
        JOB_STATES, required=True, default="draft", index=True, tracking=True, copy=False
    )
    paused = fields.Boolean(readonly=True, copy=False)
    date_queued = fields.Datetime(readonly=True, copy=False)
    date_start = fields.Datetime(string="Started On", copy=False, tracking=True)
    date_end = fields.Datetime(string="Ended On", copy=False, tracking=True, index=True)
    duration_hours = fields.Float(
        string="Duration (h)",
        compute="_compute_duration_hours",
        store=True,
        readonly=False,
        copy=False,
        digits=(16, 2),
    )
    grams_actual = fields.Float(string="Material Used (g)", digits=(16, 2), copy=False)
    failure_reason_ids = fields.Many2many(
        "tiers_lieu.print.failure.reason", string="Failure Reasons", copy=False
    )
    failed_weight_grams = fields.Float(
        string="Failed Print Weight (g)",
        digits=(16, 1),
        copy=False,
        help="Weight of the failed print, collected for recycling.",
    )
    failure_note = fields.Text(copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    color = fields.Integer(compute="_compute_color")

    _sql_constraints = [
        ("quantity_positive", "CHECK(quantity_per_plate > 0)", "Parts per plate must be positive."),
        (
            "quantities_not_negative",
            "CHECK(good_quantity >= 0 AND rejected_quantity >= 0)",
            "Good and rejected quantities cannot be negative.",
        ),
    ]

    def init(self):
        # Two jobs printing on one machine is refused by the database too (concurrent starts).
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS %s ON %s (machine_id) WHERE state = 'printing'",
                SQL.identifier(f"{self._table}_one_printing_per_machine"),
                SQL.identifier(self._table),
            )
        )

    @api.depends("date_start", "date_end")
    def _compute_duration_hours(self):
        for job in self:
            if job.date_start and job.date_end:
                job.duration_hours = (job.date_end - job.date_start).total_seconds() / 3600.0
            else:
                job.duration_hours = 0.0

    @api.depends("state", "priority")
    def _compute_color(self):
        colors = {"failed": 1, "printing": 4, "done": 10, "cancelled": 0}
        for job in self:
            job.color = colors.get(job.state, 2 if job.priority == "1" else 0)

    @api.model
    def _read_group_machine_ids(self, machines, domain):
        """On the machine board, every machine in service has its column, idle ones too."""
        filtered = any(
            isinstance(leaf, list | tuple) and leaf[0].split(".")[0] == "machine_id"
            for leaf in domain
        )
        if filtered or not self.env.context.get("tl_machine_board"):
            return machines
        return machines | machines.search(
            [("machine_kind", "!=", False), ("machine_state", "!=", "retired")]
        )

    @api.constrains(*NON_NEGATIVE_FIELDS)
    def _check_not_negative(self):
        for job in self:
            for fname in NON_NEGATIVE_FIELDS:
                if job[fname] < 0:
                    raise ValidationError(
                        self.env._(
                            "%(field)s of job %(job)s cannot be negative (%(value)s).",
                            field=self._fields[fname]._description_string(self.env),
                            job=job.name,
                            value=job[fname],
                        )
                    )
                limit = MAX_FIGURES.get(fname)
                if not math.isfinite(job[fname]) or (limit and job[fname] > limit):
                    shown, most = format(job[fname], "g"), format(limit or 0.0, "g")
                    raise ValidationError(
                        self.env._(
                            "%(field)s of job %(job)s is not plausible (%(value)s): it cannot "
                            "exceed %(limit)s.",
                            field=self._fields[fname]._description_string(self.env),
                            job=job.name,
                            value=shown,
                            limit=most,
                        )
                    )
            if job.failed_weight_grams > job.grams_actual > 0:
                raise ValidationError(
                    self.env._(
                        "The failed print of job %(job)s cannot weigh more (%(weight)s g) "
                        "than the material used (%(used)s g).",
                        job=job.name,
                        weight=job.failed_weight_grams,
                        used=job.grams_actual,
                    )
                )

    @api.constrains("good_quantity", "rejected_quantity", "quantity_per_plate")
    def _check_quantities(self):
        for job in self:
            if job.good_quantity + job.rejected_quantity > job.quantity_per_plate:
                raise ValidationError(
                    self.env._(
                        "Job %(job)s has %(count)s good and rejected parts but only "
                        "%(plate)s parts per plate.",
                        job=job.name,
                        count=job.good_quantity + job.rejected_quantity,
                        plate=job.quantity_per_plate,
                    )
                )

    @api.constrains(
        "machine_id", "machine_kind", "material_id", "size_x_mm", "size_y_mm", "size_z_mm"
    )
    def _check_machine_compatibility(self):
        for job in self.filtered("machine_id"):
            problem = job._machine_problem(job.machine_id)
            if problem:
                raise ValidationError(problem)

    @api.onchange("print_file", "print_filename")
    def _onchange_print_file(self):
        for job in self:
            job.update(job._slicer_values(job.print_file, job.print_filename))

    @api.model_create_multi
    def create(self, vals_list):
        if not self._may_change_state():
            for vals in vals_list:
                if vals.get("state", "draft") != "draft":
                    raise UserError(
                        self.env._(
                            "A print job is created as a draft: queue it, then start it "
                            "with its buttons."
                        )
                    )
        for vals in vals_list:
            check_finite(self, vals)
            if vals.get("print_file"):
                slicer_vals = self._slicer_values(
                    vals["print_file"], vals.get("print_filename"), vals.get("material_id")
                )
                for key, value in slicer_vals.items():
                    vals.setdefault(key, value)
        self._number(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        check_finite(self, vals)
        if "state" in vals and not self._may_change_state():
            moved = self.filtered(lambda j: j.state != vals["state"])
            if moved:
                raise UserError(
                    self.env._(
                        "The state of job %(job)s changes only through its buttons (Queue, "
                        "Start, Mark Done, Record Failure, Cancel), which check the machine, "
                        "the operator and the figures.",
                        job=moved[0].name,
                    )
                )
        if vals.get("state") == "printing" or (
            vals.get("machine_id") and "printing" in self.mapped("state")
        ):
            self._check_one_printing_per_machine(vals.get("machine_id"))
        if vals.get("print_file") and len(self) > 1:
            self._print_file_excerpt(vals["print_file"], vals.get("print_filename"))
        if vals.get("print_file") and len(self) == 1:
            slicer_vals = self._slicer_values(
                vals["print_file"],
                vals.get("print_filename", self.print_filename),
                vals.get("material_id", self.material_id.id),
            )
            vals = dict(slicer_vals, **vals)
        if self.env.context.get(STATE_CHANGE_CONTEXT):
            return super().write(vals)
        fnames = set(vals)
        before = self._correction_snapshot(fnames)
        result = super().write(vals)
        corrected = self.filtered(lambda j: j.state in ENDED_STATES or j in before["ended"])
        if corrected:
            corrected._on_corrected(fnames, before)
        return result

    @api.model
    def _number(self, vals_list):
        """Give their reference to the new jobs of ``vals_list`` that have none, drawn from
        the job sequence of their company in one query per company (orders create hundreds
        of jobs at once)."""
        new = self.env._("New")
        by_company = defaultdict(list)
        for vals in vals_list:
            if vals.get("name", new) == new:
                by_company[vals.get("company_id") or self.env.company.id].append(vals)
        for company_id, company_vals in by_company.items():
            company = self.env["res.company"].browse(company_id)
            names = self._next_names(company, len(company_vals))
            for vals, name in zip(company_vals, names, strict=True):
                vals["name"] = name or new

    @api.model
    def _next_names(self, company, count):
        """``count`` references from the job sequence of ``company``: one query for a
        standard sequence without date ranges, else one draw per job."""
        Sequence = self.env["ir.sequence"].sudo().with_company(company)
        sequence = Sequence.search(
            [("code", "=", "tiers_lieu.print.job"), ("company_id", "in", [company.id, False])],
            order="company_id",
            limit=1,
        )
        if count > 1 and sequence.implementation == "standard" and not sequence.use_date_range:
            # The PostgreSQL sequence ir.sequence keeps for a standard implementation.
            self.env.cr.execute(
                SQL(
                    "SELECT nextval(%s) FROM generate_series(1, %s)",
                    f"ir_sequence_{sequence.id:03d}",
                    count,
                )
            )
            return [sequence.get_next_char(number) for (number,) in self.env.cr.fetchall()]
        return [Sequence.next_by_code("tiers_lieu.print.job") for _i in range(count)]

    def _check_one_printing_per_machine(self, machine_id=None):
        """Refuse a second printing job on a machine (checked before writing: the unique
        index of init() only gives the database's message)."""
        machines = self.env["maintenance.equipment"].browse(machine_id) if machine_id else None
        targets = {job: machines or job.machine_id for job in self}
        if any(not machine for machine in targets.values()):
            raise ValidationError(self.env._("A printing job needs a machine."))
        busy = self.search(
            [
                ("machine_id", "in", [m.id for m in targets.values()]),
                ("state", "=", "printing"),
                ("id", "not in", self.ids),
            ]
        )
        seen = set()
        for machine in targets.values():
            if machine in busy.machine_id or machine.id in seen:
                raise ValidationError(
                    self.env._(
                        "The machine %(machine)s is already printing another job.",
                        machine=machine.display_name,
                    )
                )
            seen.add(machine.id)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        for job in self:
            if job.state not in ("draft", "cancelled"):
                raise UserError(
                    self.env._(
                        "Job %(job)s has been queued: cancel it rather than delete it.",
                        job=job.name,
                    )
                )

    # ------------------------------------------------------------------ actions

    def action_queue(self):
        for job in self:
            job._check_state(("draft",))
            missing = []
            if job.estimated_duration_hours <= 0:
                missing.append(self.env._("an estimated duration"))
            if job.estimated_grams <= 0 and job.machine_kind in ("fdm_printer", "resin_printer"):
                missing.append(self.env._("an estimated quantity of material"))
            if not job.material_id and job.machine_kind in MATERIAL_KINDS:
                missing.append(self.env._("a material"))
            if missing:
                raise UserError(
                    self.env._(
                        "Job %(job)s cannot be queued: give it %(missing)s.",
                        job=job.name,
                        missing=", ".join(missing),
                    )
                )
        self._change_state({"state": "queued", "date_queued": fields.Datetime.now()})

    def action_back_to_draft(self):
        for job in self:
            job._check_state(("queued", "cancelled"))
        self._change_state({"state": "draft"})

    def action_start(self):
        """Start queued jobs: check them, send each to its machine when the machine is
        driven by the ERP (``_send_to_machine``), then start those the machine took."""
        self._check_can_start()
        refused = {}
        for job in self:
            message = job._send_to_machine()
            if message:
                refused[job.id] = f"{job.name}: {message}"
        self.filtered(lambda j: j.id not in refused)._start()
        if not refused:
            return True
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "danger",
                "sticky": True,
                "title": self.env._("Not started on the machine"),
                "message": "\n".join(refused.values()),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def action_pause(self):
        for job in self:
            job._check_state(("printing",))
        self.write({"paused": True})

    def action_resume(self):
        for job in self:
            job._check_state(("printing",))
        self.write({"paused": False})

    def action_done(self):
        for job in self:
            job._check_state(("printing",))
        now = fields.Datetime.now()
        for job in self:
            if not job.date_start or job.date_start > now:
                raise UserError(
                    self.env._(
                        "Job %(job)s cannot end before it started (%(start)s): check its "
                        "start date.",
                        job=job.name,
                        start=job.date_start,
                    )
                )
            if job.grams_actual <= 0 and job.machine_kind in ("fdm_printer", "resin_printer"):
                raise UserError(
                    self.env._(
                        "Enter the material actually used by job %(job)s (grams) before "
                        "marking it done.",
                        job=job.name,
                    )
                )
        self._finish("done")

    def action_fail(self):
        self.ensure_one()
        self._check_state(("printing",))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Record a Failure"),
            "res_model": "tiers_lieu.print.job.fail",
            "view_mode": "form",
            "target": "new",
            "context": {"default_job_id": self.id},
        }

    def action_cancel(self):
        for job in self:
            job._check_state(("draft", "queued"))
        self._change_state({"state": "cancelled"})
        self._on_cancel()

    def action_open_dispatch(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Dispatch Queued Jobs"),
            "res_model": "tiers_lieu.print.job.dispatch",
            "view_mode": "form",
            "target": "new",
        }

    # ------------------------------------------------------------------ business

    def _check_state(self, allowed):
        self.ensure_one()
        if self.state not in allowed:
            states = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "Job %(job)s is %(state)s: this action needs it %(allowed)s.",
                    job=self.name,
                    state=states[self.state],
                    allowed=" / ".join(states[state] for state in allowed),
                )
            )

    @api.model
    def _production_domain(self):
        """Domain of the jobs that count as the workshop's production (parts produced,
        machine utilisation and failure rate, order progress). Addons whose jobs are not
        production (practice jobs of training sessions) narrow it."""
        return []

    @api.model
    def _production_sql(self):
        """`_production_domain` as an SQL condition on the unaliased table, for the
        dashboard's monthly summaries (raw SQL that must count what the live tiles count)."""
        query = self._where_calc(self._production_domain(), active_test=False)
        return query.where_clause or SQL("TRUE")

    def _machine_problem(self, machine):
        """Why this job cannot go on this machine (translated), or None."""
        self.ensure_one()
        if self.company_id != machine.company_id and machine.company_id:
            return self.env._(
                "Machine %(machine)s belongs to another company than job %(job)s.",
                machine=machine.display_name,
                job=self.name,
            )
        if machine.machine_kind != self.machine_kind:
            kinds = dict(self._fields["machine_kind"]._description_selection(self.env))
            return self.env._(
                "Job %(job)s needs a %(kind)s: %(machine)s is not one.",
                job=self.name,
                kind=kinds[self.machine_kind].lower(),
                machine=machine.display_name,
            )
        if self.material_id and self.material_id not in machine.material_ids:
            return self.env._(
                "Machine %(machine)s cannot take %(material)s (job %(job)s): choose a machine "
                "that lists this material.",
                machine=machine.display_name,
                material=self.material_id.display_name,
                job=self.name,
            )
        if not self._fits(machine):
            return self.env._(
                "Job %(job)s (%(x)s × %(y)s × %(z)s mm) does not fit in the build volume of "
                "%(machine)s (%(bx)s × %(by)s × %(bz)s mm).",
                job=self.name,
                x=self.size_x_mm,
                y=self.size_y_mm,
                z=self.size_z_mm,
                machine=machine.display_name,
                bx=machine.build_x_mm,
                by=machine.build_y_mm,
                bz=machine.build_z_mm,
            )
        return None

    def _fits(self, machine):
        return _fits(
            (self.size_x_mm, self.size_y_mm, self.size_z_mm),
            (machine.build_x_mm, machine.build_y_mm, machine.build_z_mm),
        )

    def _check_can_start(self):
        """Refuse, with a reason, jobs that cannot start now; fill in missing operators."""
        states = dict(
            self.env["maintenance.equipment"]
            ._fields["machine_state"]
            ._description_selection(self.env)
        )
        for job in self:
            job._check_state(("queued",))
            if not job.machine_id:
                raise UserError(
                    self.env._(
                        "Job %(job)s has no machine: dispatch it or choose one.", job=job.name
                    )
                )
            machine = job.machine_id
            if machine.machine_state not in STARTABLE_MACHINE_STATES:
                raise UserError(
                    self.env._(
                        "Machine %(machine)s is %(state)s: job %(job)s cannot start on it.",
                        machine=machine.display_name,
                        state=states.get(machine.machine_state, "").lower(),
                        job=job.name,
                    )
                )
            problem = job._machine_problem(machine)
            if problem:
                raise UserError(problem)
            if not job.operator_id:
                job.operator_id = self.env.user.partner_id
        required = self.filtered(lambda j: j.machine_id.authorization_required)
        authorised = self.env["tiers_lieu.machine.authorization"]._valid_pairs(
            required.operator_id, set(required.mapped("machine_kind"))
        )
        for job in required:
            if (job.operator_id.id, job.machine_kind) not in authorised:
                kinds = dict(self._fields["machine_kind"]._description_selection(self.env))
                raise UserError(
                    self.env._(
                        "%(person)s holds no valid authorisation for %(kind)s machines: "
                        "job %(job)s cannot start. A trainer grants or renews authorisations.",
                        person=job.operator_id.display_name,
                        kind=kinds[job.machine_kind].lower(),
                        job=job.name,
                    )
                )

    def _may_change_state(self):
        """Whether ``state`` may be written here: by the actions (``_change_state``), or by
        the superuser (data files, imports of past jobs, migrations)."""
        return self.env.su or bool(self.env.context.get(STATE_CHANGE_CONTEXT))

    def _change_state(self, vals):
        """Write a change of state decided by an action (the only path that may)."""
        return self.with_context(**{STATE_CHANGE_CONTEXT: True}).write(vals)

    def _send_to_machine(self):
        """Send this job to its machine before it starts, when an extension drives the
        machine; returns why the machine refused it (translated), or None."""
        self.ensure_one()
        return None

    def _start(self):
        now = fields.Datetime.now()
        for job in self:
            vals = {"state": "printing", "date_start": now, "date_end": False, "paused": False}
            if not job.grams_actual:
                # The slicer's estimate until someone weighs or corrects it.
                vals["grams_actual"] = job.estimated_grams
            job._change_state(vals)
        self._on_start()

    def _finish(self, state, vals=None):
        """End printing jobs as done or failed, then run the hooks of ended jobs."""
        now = fields.Datetime.now()
        for job in self:
            job_vals = dict(vals or {}, state=state, paused=False)
            job_vals.setdefault("date_end", now)
            if state == "done" and not job.good_quantity and not job.rejected_quantity:
                job_vals.setdefault("good_quantity", job.quantity_per_plate)
            job._change_state(job_vals)
        self._on_end()
        if state == "done":
            self._on_done()
        else:
            self._on_failed()

    def _mark_failed(self, reasons=None, failed_weight=None, grams_actual=None, note=None):
        vals = {}
        if reasons is not None:
            vals["failure_reason_ids"] = [fields.Command.set(reasons.ids)]
        if failed_weight is not None:
            vals["failed_weight_grams"] = failed_weight
        if grams_actual is not None:
            vals["grams_actual"] = grams_actual
        if note:
            vals["failure_note"] = note
        self._finish("failed", vals)

    # ------------------------------------------------------------------ hooks
    # Extensions react to a job's life here, never by overriding write(): see
    # readme/DEVELOP.md. Each hook runs once per batch, after the jobs are written.

    def _on_start(self):
        """These jobs just started printing (``state``, ``date_start`` written)."""

    def _on_end(self):
        """These jobs just ended, done or failed (``date_end`` and the figures written);
        runs before ``_on_done``/``_on_failed``. Counts the use of machines and
        authorisations."""
        self.env["tiers_lieu.machine.authorization"]._record_use(self)
        self.machine_id._check_maintenance_rules()

    def _on_done(self):
        """These jobs just ended done (``good_quantity`` set)."""

    def _on_failed(self):
        """These jobs just ended failed (reasons, failed weight written)."""

    def _on_cancel(self):
        """These draft or queued jobs were just cancelled."""

    def _correction_snapshot(self, fnames):
        """What ``_on_corrected`` needs to know of these jobs before a write of ``fnames``
        outside the actions. Extensions add their keys to the dict of ``super()``."""
        return {"ended": self.filtered(lambda j: j.state in ENDED_STATES)}

    def _on_corrected(self, fnames, before):
        """``fnames`` were written on these jobs outside the actions (a correction of an
        ended job's figures, dates or operator); ``self`` holds the jobs ended before or
        after the write, ``before`` the dict of ``_correction_snapshot``."""

    def _slicer_values(self, data, filename, material_id=None):
        """Field values read from a print file's slicer header (base64 data)."""
        if not data:
            return {}
        parsed = parse_slicer_header(self._print_file_excerpt(data, filename), filename or "")
        vals = {"slicer_note": False}
        if parsed.get("ignored"):
            labels = {
                "duration_hours": "estimated_duration_hours",
                "grams": "estimated_grams",
                "volume_mm3": "estimated_grams",
                "size_x": "size_x_mm",
                "size_y": "size_y_mm",
                "size_z": "size_z_mm",
            }
            vals["slicer_note"] = ", ".join(
                f"{self._fields[labels[key]]._description_string(self.env)}: {value:g}"
                for key, value in sorted(parsed["ignored"].items())
            )
        if parsed.get("slicer"):
            vals["slicer"] = parsed["slicer"]
        if parsed.get("duration_hours"):
            vals["estimated_duration_hours"] = round(parsed["duration_hours"], 4)
        grams = parsed.get("grams")
        if not grams and parsed.get("volume_mm3"):
            material = self.env["tiers_lieu.material"].browse(material_id) if material_id else None
            material = material or self.material_id[:1]
            if material:
                grams = material._grams_from_volume(parsed["volume_mm3"])
            else:
                grams = (
                    self.env["tiers_lieu.material"]
                    .new({"family": "pla"})
                    ._grams_from_volume(parsed["volume_mm3"])
                )
        if grams and math.isfinite(grams) and grams <= MAX_FIGURES["estimated_grams"]:
            vals["estimated_grams"] = round(grams, 2)
        for axis in "xyz":
            if parsed.get(f"size_{axis}"):
                vals[f"size_{axis}_mm"] = parsed[f"size_{axis}"]
        return vals

    @api.model
    def _print_file_max_bytes(self):
        param = self.env["ir.config_parameter"].sudo().get_param(MAX_FILE_PARAM)
        try:
            megabytes = float(param) if param else DEFAULT_MAX_FILE_MB
        except ValueError:
            megabytes = DEFAULT_MAX_FILE_MB
        return int(megabytes * 1024 * 1024)

    @api.model
    def _print_file_excerpt(self, data, filename):
        """The bytes of a print file (base64) its slicer header can be in, read without
        decoding the file (a 3MF's G-code streamed); refuses a file, or a 3MF's G-code,
        beyond the configured size, and an archive compressed beyond belief."""
        if not data:
            return b""
        max_bytes = self._print_file_max_bytes()
        if Base64Reader.usable(data):
            reader = Base64Reader(data)
        else:
            # Base64 with line breaks: decoded whole once its size is known to be within
            # the limit (four characters of base64 hold three bytes).
            if len(data) // 4 * 3 > max_bytes * 1.1:
                self._raise_too_large(PrintFileTooLarge(len(data) // 4 * 3, max_bytes), filename)
            try:
                reader = io.BytesIO(base64.b64decode(data, validate=False))
            except (binascii.Error, ValueError, TypeError):
                return b""
        try:
            return read_excerpt(reader, filename or "", max_bytes)
        except PrintFileTooLarge as error:
            self._raise_too_large(error, filename)
        except OSError:
            return b""

    @api.model
    def _raise_too_large(self, error, filename):
        name = filename or self.env._("the print file")
        if error.ratio:
            raise UserError(
                self.env._(
                    "The G-code inside %(file)s is compressed %(ratio)s times, far more than "
                    "a real print file: it is refused (a possible zip bomb).",
                    file=name,
                    ratio=int(error.ratio),
                )
            )
        raise UserError(
            self.env._(
                "%(file)s holds %(size)s MB of G-code: print files above %(limit)s MB are "
                "refused (system parameter %(param)s).",
                file=name,
                size=round(error.size / 1024 / 1024, 1),
                limit=round(error.limit / 1024 / 1024, 1),
                param=MAX_FILE_PARAM,
            )
        )

    # ------------------------------------------------------------------ dispatch

    @api.model
    def _cron_dispatch(self):
        self._dispatch()

    @api.model
    def _dispatch(self, operators=None):
        """Assign queued jobs without a machine to compatible machines that can take them.

        A machine available or printing takes queued jobs up to its queue capacity (hours
        of queued jobs waiting on it; an empty queue always takes one job). Jobs go urgent
        first, then by due date, then first queued; each goes to the compatible machine
        whose queue is the shortest, then the smallest (big machines stay free for big
        parts), then the least used. ``operators`` (partners on shift), when given: a
        job's operator must be among them, and a job without operator gets an authorised
        one from them. The number of SQL queries does not depend on the number of jobs.
        """
        Machine = self.env["maintenance.equipment"]
        machines = Machine.search(
            [("machine_kind", "!=", False), ("machine_state", "in", DISPATCH_MACHINE_STATES)]
        )
        load = {m.id: [0.0, 0] for m in machines}  # hours and jobs queued on the machine
        for machine, hours, count in self._read_group(
            [("state", "=", "queued"), ("machine_id", "in", machines.ids)],
            ["machine_id"],
            ["estimated_duration_hours:sum", "__count"],
        ):
            load[machine.id] = [hours or 0.0, count]
        capacity = {m.id: m.queue_capacity_hours for m in machines}

        def has_room(machine_id, hours=0.0):
            queued_hours, count = load[machine_id]
            return not count or queued_hours + hours <= capacity[machine_id]

        free = machines.filtered(lambda m: has_room(m.id))
        if not free:
            return self.browse()
        rank = {
            m.id: (m.build_x_mm * m.build_y_mm * m.build_z_mm, m.print_hours_total, m.id)
            for m in free
        }
        free_info = [
            (
                m.id,
                m.company_id.id,
                m.machine_kind,
                set(m.material_ids.ids),
                (m.build_x_mm, m.build_y_mm, m.build_z_mm),
                m.authorization_required,
            )
            for m in free
        ]
        rows = self._dispatch_rows()
        if not rows:
            return self.browse()
        shift = operators.ids if operators is not None else None
        partners = self.env["res.partner"].browse(
            {row[5] for row in rows if row[5]} | set(shift or [])
        )
        authorised = self.env["tiers_lieu.machine.authorization"]._valid_pairs(
            partners, {info[2] for info in free_info}
        )
        free_ids = {info[0] for info in free_info}
        shift_load = dict.fromkeys(shift or [], 0)
        candidates_by_signature = {}
        assignments = []  # (job id, machine id, operator id or None)
        for job_id, company_id, kind, material_id, size, operator_id, hours in rows:
            if not free_ids:
                break
            if shift is not None and operator_id and operator_id not in shift_load:
                continue
            signature = (company_id, kind, material_id, size, operator_id)
            candidates = candidates_by_signature.get(signature)
            if candidates is None:
                candidates = candidates_by_signature[signature] = [
                    info
                    for info in free_info
                    if info[1] in (company_id, False)
                    and info[2] == kind
                    and (not material_id or material_id in info[3])
                    and _fits(size, info[4])
                    and (not info[5] or not operator_id or (operator_id, kind) in authorised)
                ]
            fitting = sorted(
                (info for info in candidates if info[0] in free_ids and has_room(info[0], hours)),
                key=lambda info: (load[info[0]], rank[info[0]]),
            )
            for info in fitting:
                assigned_operator = None
                if shift is not None and not operator_id and info[5]:
                    allowed = [p for p in shift_load if (p, kind) in authorised]
                    if not allowed:
                        continue
                    assigned_operator = min(allowed, key=lambda p: (shift_load[p], p))
                    shift_load[assigned_operator] += 1
                load[info[0]][0] += hours
                load[info[0]][1] += 1
                if load[info[0]][0] >= capacity[info[0]]:
                    free_ids.discard(info[0])
                assignments.append((job_id, info[0], assigned_operator))
                break
        jobs = self.browse([job_id for job_id, _machine, _operator in assignments])
        for job, (_job_id, machine_id, operator_id) in zip(jobs, assignments, strict=True):
            vals = {"machine_id": machine_id}
            if operator_id:
                vals["operator_id"] = operator_id
            job.write(vals)
        return jobs

    def _dispatch_blockers(self, operators=None):
        """Why these queued jobs without machine went to no machine (translated lines,
        one per job, at most ``DISPATCH_REASONS``)."""
        Machine = self.env["maintenance.equipment"]
        machines = Machine.search([("machine_kind", "in", list(set(self.mapped("machine_kind"))))])
        states = dict(Machine._fields["machine_state"]._description_selection(self.env))
        kinds = dict(self._fields["machine_kind"]._description_selection(self.env))
        queued = dict(
            self._read_group(
                [("state", "=", "queued"), ("machine_id", "in", machines.ids)],
                ["machine_id"],
                ["estimated_duration_hours:sum"],
            )
        )
        authorised = self.env["tiers_lieu.machine.authorization"]._valid_pairs(
            self.operator_id, set(self.mapped("machine_kind"))
        )
        lines = []
        for job in self[:DISPATCH_REASONS]:
            reasons = []
            for machine in machines.filtered(lambda m, j=job: m.machine_kind == j.machine_kind):
                if machine.machine_state not in DISPATCH_MACHINE_STATES:
                    reason = states[machine.machine_state].lower()
                elif job._machine_problem(machine):
                    reasons.append(job._machine_problem(machine))  # names the machine
                    continue
                elif (
                    machine.authorization_required
                    and job.operator_id
                    and (job.operator_id.id, job.machine_kind) not in authorised
                ):
                    reason = self.env._(
                        "%(person)s is not authorised", person=job.operator_id.display_name
                    )
                elif operators is not None and job.operator_id not in operators:
                    reason = self.env._(
                        "%(person)s is not on shift", person=job.operator_id.display_name
                    )
                elif machine in queued:
                    reason = self.env._(
                        "its queue is full (%(hours)s h of %(capacity)s h)",
                        hours=round(queued[machine], 1),
                        capacity=machine.queue_capacity_hours,
                    )
                else:
                    reason = self.env._("no authorised operator on shift")
                reasons.append(f"{machine.display_name}: {reason}")
            if not reasons:
                reasons.append(
                    self.env._("no %(kind)s in the park", kind=kinds[job.machine_kind].lower())
                )
            lines.append(
                self.env._(
                    "%(job)s (%(part)s): %(reasons)s",
                    job=job.name,
                    part=job.part_name,
                    reasons="; ".join(reasons),
                )
            )
        if len(self) > DISPATCH_REASONS:
            lines.append(
                self.env._("… and %(count)s other jobs.", count=len(self) - DISPATCH_REASONS)
            )
        return lines

    def _dispatch_rows(self):
        """Queued jobs without machine, in dispatch order, as plain rows (one query)."""
        query = self._search(
            [("state", "=", "queued"), ("machine_id", "=", False)],
            order="priority desc, date_due, date_queued, id",
        )
        table = self._table
        self.env.cr.execute(
            query.select(
                *(
                    SQL.identifier(table, fname)
                    for fname in (
                        "id",
                        "company_id",
                        "machine_kind",
                        "material_id",
                        "size_x_mm",
                        "size_y_mm",
                        "size_z_mm",
                        "operator_id",
                        "estimated_duration_hours",
                    )
                )
            )
        )
        return [
            (
                job_id,
                company_id,
                kind,
                material_id,
                (x or 0.0, y or 0.0, z or 0.0),
                operator_id,
                hours or 0.0,
            )
            for job_id, company_id, kind, material_id, x, y, z, operator_id, hours in (
                self.env.cr.fetchall()
            )
        ]


def check_finite(model, vals):
    """Refuse infinite and NaN numbers before the ORM rounds them (OverflowError)."""
    for fname, value in vals.items():
        field = model._fields.get(fname)
        if (
            field
            and field.type in ("float", "monetary")
            and isinstance(value, float)
            and not math.isfinite(value)
        ):
            raise ValidationError(
                model.env._(
                    "%(field)s is not plausible (%(value)s): enter a number.",
                    field=field._description_string(model.env),
                    value=value,
                )
            )


def _fits(size, build):
    """Whether a part of ``size`` (x, y, z) fits a build volume, turned on the bed if need be.
    A zero dimension of the part is unknown, one of the machine is unlimited."""
    (x, y, z), (bx, by, bz) = size, build

    def within(value, limit):
        return not value or not limit or value <= limit

    flat = (within(x, bx) and within(y, by)) or (within(x, by) and within(y, bx))
    return flat and within(z, bz)
