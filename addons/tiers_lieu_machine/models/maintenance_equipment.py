import math

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..machine_kinds import MACHINE_KINDS
from .tiers_lieu_print_job import ENDED_STATES, check_finite

# Beyond these a dimension is a typo (mm): the largest printers and cutters are a few metres.
BUILD_LIMITS = {
    "build_x_mm": 10_000.0,
    "build_y_mm": 10_000.0,
    "build_z_mm": 10_000.0,
    "nozzle_diameter_mm": 10.0,
}

MACHINE_STATES = [
    ("available", "Available"),
    ("printing", "Printing"),
    ("paused", "Paused"),
    ("maintenance", "Maintenance"),
    ("out_of_order", "Out of Order"),
    ("retired", "Retired"),
]


class MaintenanceEquipment(models.Model):
    _name = "maintenance.equipment"
    _inherit = ["maintenance.equipment", "image.mixin"]

    machine_kind = fields.Selection(
        MACHINE_KINDS,
        index=True,
        tracking=True,
        help="Set for the machines of the workshop: they appear in the machine park.",
    )
    manufacturer = fields.Char(string="Make")
    build_x_mm = fields.Float(string="Build Width (mm)", digits=(7, 1))
    build_y_mm = fields.Float(string="Build Depth (mm)", digits=(7, 1))
    build_z_mm = fields.Float(string="Build Height (mm)", digits=(7, 1))
    nozzle_diameter_mm = fields.Float(string="Nozzle (mm)", digits=(4, 2))
    material_ids = fields.Many2many(
        "tiers_lieu.material",
        string="Compatible Materials",
        check_company=True,
    )
    authorization_required = fields.Boolean(
        string="Authorisation Required",
        default=True,
        help="Only people holding a valid authorisation for this kind of machine may run it.",
    )
    queue_capacity_hours = fields.Float(
        string="Queue Capacity (h)",
        default=8.0,
        digits=(16, 1),
        help="Hours of queued jobs that may wait on this machine: the dispatch fills its "
        "queue up to this (an empty queue always takes one job).",
    )
    print_job_ids = fields.One2many("tiers_lieu.print.job", "machine_id", string="Jobs")
    machine_state = fields.Selection(
        MACHINE_STATES,
        compute="_compute_machine_state",
        store=True,
        index=True,
        help="Derived from the machine's jobs and open maintenance requests: a corrective "
        "request that stops the machine puts it out of order, a preventive one in maintenance.",
    )
    print_hours_total = fields.Float(
        string="Print Hours", compute="_compute_usage_totals", store=True, digits=(16, 2)
    )
    grams_total = fields.Float(
        string="Material Used (g)", compute="_compute_usage_totals", store=True, digits=(16, 1)
    )
    job_done_count = fields.Integer(
        string="Successful Jobs", compute="_compute_usage_totals", store=True
    )
    job_failed_count = fields.Integer(
        string="Failed Jobs", compute="_compute_usage_totals", store=True
    )
    success_rate = fields.Float(
        string="Success Rate (%)", compute="_compute_usage_totals", store=True, digits=(5, 1)
    )
    last_maintenance_date = fields.Datetime(compute="_compute_since_maintenance", store=True)
    hours_since_maintenance = fields.Float(
        compute="_compute_since_maintenance",
        store=True,
        digits=(16, 2),
    )
    grams_since_maintenance = fields.Float(
        compute="_compute_since_maintenance",
        store=True,
        digits=(16, 1),
    )
    failures_since_maintenance = fields.Integer(compute="_compute_since_maintenance", store=True)
    queued_job_count = fields.Integer(compute="_compute_queued_job_count")

    @api.depends(
        "active",
        "scrap_date",
        "machine_kind",
        "print_job_ids.state",
        "print_job_ids.paused",
        "maintenance_ids.stage_id.done",
        "maintenance_ids.archive",
        "maintenance_ids.stops_machine",
        "maintenance_ids.maintenance_type",
    )
    def _compute_machine_state(self):
        ids = self._origin.ids
        stops = self.env["maintenance.request"]._read_group(
            [
                ("equipment_id", "in", ids),
                ("stage_id.done", "=", False),
                ("archive", "=", False),
                ("stops_machine", "=", True),
            ],
            ["equipment_id", "maintenance_type"],
            ["__count"],
        )
        stopped = {(equipment.id, kind) for equipment, kind, _count in stops}
        printing = self.env["tiers_lieu.print.job"]._read_group(
            [("machine_id", "in", ids), ("state", "=", "printing")],
            ["machine_id", "paused"],
            ["__count"],
        )
        running = {(machine.id, paused) for machine, paused, _count in printing}
        for machine in self:
            key = machine._origin.id
            if not machine.machine_kind:
                machine.machine_state = False
            elif machine.scrap_date or not machine.active:
                machine.machine_state = "retired"
            elif (key, "corrective") in stopped:
                machine.machine_state = "out_of_order"
            elif (key, "preventive") in stopped:
                machine.machine_state = "maintenance"
            elif (key, True) in running:
                machine.machine_state = "paused"
            elif (key, False) in running:
                machine.machine_state = "printing"
            else:
                machine.machine_state = "available"

    @api.depends(
        "print_job_ids.state", "print_job_ids.duration_hours", "print_job_ids.grams_actual"
    )
    def _compute_usage_totals(self):
        groups = self.env["tiers_lieu.print.job"]._read_group(
            [("machine_id", "in", self._origin.ids), ("state", "in", ENDED_STATES)],
            ["machine_id", "state"],
            ["duration_hours:sum", "grams_actual:sum", "__count"],
        )
        totals = {}
        for machine, state, hours, grams, count in groups:
            entry = totals.setdefault(machine.id, {"hours": 0.0, "grams": 0.0})
            entry["hours"] += hours
            entry["grams"] += grams
            entry[state] = count
        for machine in self:
            entry = totals.get(machine._origin.id, {})
            done, failed = entry.get("done", 0), entry.get("failed", 0)
            machine.print_hours_total = entry.get("hours", 0.0)
            machine.grams_total = entry.get("grams", 0.0)
            machine.job_done_count = done
            machine.job_failed_count = failed
            machine.success_rate = 100.0 * done / (done + failed) if done + failed else 0.0

    @api.depends(
        "print_hours_total",
        "grams_total",
        "job_failed_count",
        "maintenance_ids.machine_reset_date",
    )
    def _compute_since_maintenance(self):
        # Each finished maintenance request took a snapshot of the counters: counters only
        # grow, so the largest snapshot is the last one.
        snapshots = {
            equipment.id: (date, hours, grams, failures)
            for equipment, date, hours, grams, failures in self.env[
                "maintenance.request"
            ]._read_group(
                [("equipment_id", "in", self._origin.ids), ("machine_reset_date", "!=", False)],
                ["equipment_id"],
                [
                    "machine_reset_date:max",
                    "machine_hours_at_reset:max",
                    "machine_grams_at_reset:max",
                    "machine_failures_at_reset:max",
                ],
            )
        }
        for machine in self:
            date, hours, grams, failures = snapshots.get(machine._origin.id, (False, 0, 0, 0))
            machine.last_maintenance_date = date
            machine.hours_since_maintenance = max(machine.print_hours_total - hours, 0.0)
            machine.grams_since_maintenance = max(machine.grams_total - grams, 0.0)
            machine.failures_since_maintenance = max(machine.job_failed_count - failures, 0)

    def _compute_queued_job_count(self):
        counts = dict(
            self.env["tiers_lieu.print.job"]._read_group(
                [("machine_id", "in", self.ids), ("state", "=", "queued")],
                ["machine_id"],
                ["__count"],
            )
        )
        for machine in self:
            machine.queued_job_count = counts.get(machine, 0)

    @api.constrains("build_x_mm", "build_y_mm", "build_z_mm", "nozzle_diameter_mm")
    def _check_build_volume(self):
        for machine in self:
            for fname, limit in BUILD_LIMITS.items():
                value = machine[fname]
                if not math.isfinite(value) or not 0 <= value <= limit:
                    shown, most = format(value, "g"), format(limit, "g")
                    raise ValidationError(
                        self.env._(
                            "%(field)s of %(machine)s is not plausible (%(value)s): it goes "
                            "from 0 to %(limit)s.",
                            field=self._fields[fname]._description_string(self.env),
                            machine=machine.display_name,
                            value=shown,
                            limit=most,
                        )
                    )

    @api.depends("machine_state")
    @api.depends_context("machine_show_state")
    def _compute_display_name(self):
        """In the job's machine picker, a machine that cannot print says why."""
        super()._compute_display_name()
        if not self.env.context.get("machine_show_state"):
            return
        states = dict(self._fields["machine_state"]._description_selection(self.env))
        for machine in self:
            if machine.machine_kind and machine.machine_state not in ("available", False):
                machine.display_name = self.env._(
                    "%(machine)s (%(state)s)",
                    machine=machine.display_name,
                    state=states[machine.machine_state],
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_finite(self, vals)
        return super().create(vals_list)

    def write(self, vals):
        check_finite(self, vals)
        return super().write(vals)

    def action_view_jobs(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "tiers_lieu_machine.print_job_action"
        )
        action["domain"] = [("machine_id", "=", self.id)]
        action["context"] = {"default_machine_id": self.id, "search_default_filter_active": 0}
        return action

    def action_view_board(self):
        """The machine board, this machine's column first and alone until the filter goes."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "tiers_lieu_machine.print_job_action_board"
        )
        action["context"] = {
            "tl_machine_board": True,
            "default_machine_id": self.id,
            "search_default_machine_id": self.id,
        }
        return action

    def action_view_failed_jobs(self):
        action = self.action_view_jobs()
        action["domain"] = [("machine_id", "=", self.id), ("state", "=", "failed")]
        return action

    def action_view_maintenance_requests(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "maintenance.hr_equipment_request_action"
        )
        action["domain"] = [("equipment_id", "=", self.id)]
        action["context"] = {"default_equipment_id": self.id}
        return action

    def _counter_snapshot(self):
        """Values a finished maintenance request records: the counters restart from them."""
        self.ensure_one()
        return {
            "machine_hours_at_reset": self.print_hours_total,
            "machine_grams_at_reset": self.grams_total,
            "machine_failures_at_reset": self.job_failed_count,
        }

    def _check_maintenance_rules(self):
        """Open the preventive requests that the usage of these machines calls for."""
        machines = self.filtered("machine_kind")
        if not machines:
            return self.env["maintenance.request"]
        rules = (
            self.env["tiers_lieu.machine.maintenance.rule"]
            .sudo()
            .search(
                [
                    "|",
                    ("equipment_ids", "in", machines.ids),
                    ("category_ids", "in", machines.category_id.ids),
                ]
            )
        )
        return rules._open_due_requests(machines.sudo())
