import base64
import binascii

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from ..gcode import parse_slicer_header
from ..machine_kinds import MACHINE_KINDS

JOB_STATES = [
    ("draft", "Draft"),
    ("queued", "Queued"),
    ("printing", "Printing"),
    ("done", "Done"),
    ("failed", "Failed"),
    ("cancelled", "Cancelled"),
]
# Machine states in which a job may start.
STARTABLE_MACHINE_STATES = ("available",)
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
    date_end = fields.Datetime(string="Ended On", copy=False, tracking=True)
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
        for vals in vals_list:
            if vals.get("print_file"):
                slicer_vals = self._slicer_values(
                    vals["print_file"], vals.get("print_filename"), vals.get("material_id")
                )
                for key, value in slicer_vals.items():
                    vals.setdefault(key, value)
            if vals.get("name", self.env._("New")) == self.env._("New"):
                company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
                vals["name"] = self.env["ir.sequence"].with_company(company).next_by_code(
                    "tiers_lieu.print.job"
                ) or self.env._("New")
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("state") == "printing" or (
            vals.get("machine_id") and "printing" in self.mapped("state")
        ):
            self._check_one_printing_per_machine(vals.get("machine_id"))
        if vals.get("print_file") and len(self) == 1:
            slicer_vals = self._slicer_values(
                vals["print_file"],
                vals.get("print_filename", self.print_filename),
                vals.get("material_id", self.material_id.id),
            )
            vals = dict(slicer_vals, **vals)
        return super().write(vals)

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
        self.write({"state": "queued", "date_queued": fields.Datetime.now()})

    def action_back_to_draft(self):
        for job in self:
            job._check_state(("queued", "cancelled"))
        self.write({"state": "draft"})

    def action_start(self):
        self._check_can_start()
        self._start()

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
        self.write({"state": "cancelled"})

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

    def _start(self):
        now = fields.Datetime.now()
        for job in self:
            vals = {"state": "printing", "date_start": now, "date_end": False, "paused": False}
            if not job.grams_actual:
                # The slicer's estimate until someone weighs or corrects it.
                vals["grams_actual"] = job.estimated_grams
            job.write(vals)

    def _finish(self, state, vals=None):
        """End printing jobs as done or failed, then update what depends on use."""
        now = fields.Datetime.now()
        for job in self:
            job_vals = dict(vals or {}, state=state, paused=False)
            job_vals.setdefault("date_end", now)
            if state == "done" and not job.good_quantity and not job.rejected_quantity:
                job_vals.setdefault("good_quantity", job.quantity_per_plate)
            job.write(job_vals)
        self.env["tiers_lieu.machine.authorization"]._record_use(self)
        self.machine_id._check_maintenance_rules()

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

    def _slicer_values(self, data, filename, material_id=None):
        """Field values read from a print file's slicer header (base64 data)."""
        if not data:
            return {}
        try:
            raw = base64.b64decode(data, validate=False)
        except (binascii.Error, ValueError, TypeError):
            return {}
        parsed = parse_slicer_header(raw, filename or "")
        vals = {}
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
        if grams:
            vals["estimated_grams"] = round(grams, 2)
        for axis in "xyz":
            if parsed.get(f"size_{axis}"):
                vals[f"size_{axis}_mm"] = parsed[f"size_{axis}"]
        return vals

    # ------------------------------------------------------------------ dispatch

    @api.model
    def _cron_dispatch(self):
        self._dispatch()

    @api.model
    def _dispatch(self, operators=None):
        """Assign queued jobs without a machine to free compatible machines.

        A machine is free when it is available and no queued job waits on it; each free
        machine gets one job. Jobs go urgent first, then by due date, then first queued.
        ``operators`` (partners on shift), when given: a job's operator must be among them,
        and a job without operator gets an authorised one from them. The number of SQL
        queries does not depend on the number of queued jobs.
        """
        Machine = self.env["maintenance.equipment"]
        machines = Machine.search(
            [("machine_kind", "!=", False), ("machine_state", "=", "available")]
        )
        waiting = {
            machine.id
            for [machine] in self._read_group(
                [("state", "=", "queued"), ("machine_id", "in", machines.ids)], ["machine_id"]
            )
        }
        free = machines.filtered(lambda m: m.id not in waiting)
        if not free:
            return self.browse()
        # Smallest build volume first keeps the big machines for the big parts, then the
        # least used machine first spreads the wear.
        free = free.sorted(
            lambda m: (m.build_x_mm * m.build_y_mm * m.build_z_mm, m.print_hours_total, m.id)
        )
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
        for job_id, company_id, kind, material_id, size, operator_id in rows:
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
            for info in candidates:
                if info[0] not in free_ids:
                    continue
                assigned_operator = None
                if shift is not None and not operator_id and info[5]:
                    allowed = [p for p in shift_load if (p, kind) in authorised]
                    if not allowed:
                        continue
                    assigned_operator = min(allowed, key=lambda p: (shift_load[p], p))
                    shift_load[assigned_operator] += 1
                free_ids.discard(info[0])
                assignments.append((job_id, info[0], assigned_operator))
                break
            else:
                candidates_by_signature[signature] = []
        jobs = self.browse([job_id for job_id, _machine, _operator in assignments])
        for job, (_job_id, machine_id, operator_id) in zip(jobs, assignments, strict=True):
            vals = {"machine_id": machine_id}
            if operator_id:
                vals["operator_id"] = operator_id
            job.write(vals)
        return jobs

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
            )
            for job_id, company_id, kind, material_id, x, y, z, operator_id in (
                self.env.cr.fetchall()
            )
        ]


def _fits(size, build):
    """Whether a part of ``size`` (x, y, z) fits a build volume, turned on the bed if need be.
    A zero dimension of the part is unknown, one of the machine is unlimited."""
    (x, y, z), (bx, by, bz) = size, build

    def within(value, limit):
        return not value or not limit or value <= limit

    flat = (within(x, bx) and within(y, by)) or (within(x, by) and within(y, bx))
    return flat and within(z, bz)
