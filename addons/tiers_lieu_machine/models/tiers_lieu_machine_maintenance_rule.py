from odoo import api, fields, models
from odoo.exceptions import ValidationError

METRIC_FIELDS = {
    # metric: (field counting since the last maintenance, snapshot field on the request)
    "hours": ("hours_since_maintenance", "machine_hours_at_reset"),
    "grams": ("grams_since_maintenance", "machine_grams_at_reset"),
    "failures": ("failures_since_maintenance", "machine_failures_at_reset"),
}
TOTAL_FIELDS = {
    "hours": "print_hours_total",
    "grams": "grams_total",
    "failures": "job_failed_count",
}


class TiersLieuMachineMaintenanceRule(models.Model):
    _name = "tiers_lieu.machine.maintenance.rule"
    _description = "Usage-Based Maintenance Rule"
    _order = "name, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    metric = fields.Selection(
        [
            ("hours", "Print hours"),
            ("grams", "Material used (g)"),
            ("failures", "Failed jobs"),
        ],
        required=True,
        default="hours",
    )
    threshold = fields.Float(
        required=True,
        help="A preventive request opens when the machine reaches this much usage since the "
        "last request of this rule was done (or since its last maintenance).",
    )
    equipment_ids = fields.Many2many(
        "maintenance.equipment",
        "tiers_lieu_maintenance_rule_equipment_rel",
        "rule_id",
        "equipment_id",
        string="Machines",
        domain="[('machine_kind', '!=', False)]",
        check_company=True,
    )
    category_ids = fields.Many2many(
        "maintenance.equipment.category",
        "tiers_lieu_maintenance_rule_category_rel",
        "rule_id",
        "category_id",
        string="Equipment Categories",
        help="The rule also applies to every machine of these categories.",
    )
    stops_machine = fields.Boolean(
        help="The machine takes no job until the request is done (e.g. after 10 failures)."
    )
    maintenance_team_id = fields.Many2one("maintenance.team", check_company=True)
    technician_user_id = fields.Many2one("res.users", string="Technician")
    instructions = fields.Html(help="Copied into each request this rule opens.")
    request_ids = fields.One2many("maintenance.request", "usage_rule_id", string="Requests")
    request_count = fields.Integer(compute="_compute_request_count")

    @api.depends("request_ids")
    def _compute_request_count(self):
        counts = dict(
            self.env["maintenance.request"]._read_group(
                [("usage_rule_id", "in", self.ids)], ["usage_rule_id"], ["__count"]
            )
        )
        for rule in self:
            rule.request_count = counts.get(rule, 0)

    @api.constrains("threshold")
    def _check_threshold(self):
        for rule in self:
            if rule.threshold <= 0:
                raise ValidationError(
                    self.env._(
                        "The threshold of the maintenance rule %(name)s must be positive.",
                        name=rule.name,
                    )
                )

    def action_view_requests(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "maintenance.hr_equipment_request_action"
        )
        action["domain"] = [("usage_rule_id", "=", self.id)]
        return action

    def action_check_now(self):
        self._open_due_requests()
        return self.action_view_requests() if len(self) == 1 else True

    @api.model
    def _cron_open_due_requests(self):
        self.search([])._open_due_requests()

    def _open_due_requests(self, machines=None):
        """Open one preventive request per (rule, machine) whose usage reached the threshold,
        unless a request of that rule is still open on that machine. Batched: the number of
        queries does not depend on the number of machines."""
        Request = self.env["maintenance.request"].sudo()
        if not self:
            return Request
        in_categories = (
            self.env["maintenance.equipment"]
            .sudo()
            .search([("category_id", "in", self.category_ids.ids), ("machine_kind", "!=", False)])
        )
        pairs = []
        for rule in self:
            rule_machines = rule.equipment_ids | in_categories.filtered(
                lambda m, rule=rule: m.category_id in rule.category_ids
            )
            if machines is not None:
                rule_machines &= machines
            pairs += [
                (rule, machine)
                for machine in rule_machines
                if machine.machine_kind
                and machine.machine_state != "retired"
                and machine.company_id == rule.company_id
            ]
        if not pairs:
            return Request
        machine_ids = list({machine.id for _rule, machine in pairs})
        domain = [("usage_rule_id", "in", self.ids), ("equipment_id", "in", machine_ids)]
        open_pairs = {
            (rule.id, equipment.id)
            for rule, equipment, _count in Request._read_group(
                domain + [("stage_id.done", "=", False), ("archive", "=", False)],
                ["usage_rule_id", "equipment_id"],
                ["__count"],
            )
        }
        snapshots = {
            (rule.id, equipment.id): {"hours": hours, "grams": grams, "failures": failures}
            for rule, equipment, hours, grams, failures in Request._read_group(
                domain + [("machine_reset_date", "!=", False)],
                ["usage_rule_id", "equipment_id"],
                [
                    "machine_hours_at_reset:max",
                    "machine_grams_at_reset:max",
                    "machine_failures_at_reset:max",
                ],
            )
        }
        vals_list = []
        for rule, machine in pairs:
            if (rule.id, machine.id) in open_pairs:
                continue
            snapshot = snapshots.get((rule.id, machine.id))
            if snapshot:
                usage = machine[TOTAL_FIELDS[rule.metric]] - snapshot[rule.metric]
            else:
                usage = machine[METRIC_FIELDS[rule.metric][0]]
            if usage >= rule.threshold:
                vals_list.append(rule._request_values(machine, usage))
        return Request.create(vals_list)

    def _request_values(self, machine, usage):
        self.ensure_one()
        metric = dict(self._fields["metric"]._description_selection(self.env))[self.metric]
        vals = {
            "name": self.env._(
                "%(rule)s: %(usage)s / %(threshold)s %(metric)s",
                rule=self.name,
                usage=round(usage, 1),
                threshold=round(self.threshold, 1),
                metric=metric.lower(),
            ),
            "equipment_id": machine.id,
            "company_id": machine.company_id.id,
            "maintenance_type": "preventive",
            "usage_rule_id": self.id,
            "stops_machine": self.stops_machine,
            "schedule_date": fields.Datetime.now(),
            "description": self.instructions,
        }
        team = self.maintenance_team_id or machine.maintenance_team_id
        if team:
            vals["maintenance_team_id"] = team.id
        if self.technician_user_id:
            vals["user_id"] = self.technician_user_id.id
        return vals
