from odoo import api, fields, models


class MaintenanceRequest(models.Model):
    _inherit = "maintenance.request"

    machine_kind = fields.Selection(related="equipment_id.machine_kind")
    stops_machine = fields.Boolean(
        compute="_compute_stops_machine",
        store=True,
        readonly=False,
        help="While this request is open the machine takes no job: out of order for a "
        "corrective request, in maintenance for a preventive one.",
    )
    usage_rule_id = fields.Many2one(
        "tiers_lieu.machine.maintenance.rule",
        string="Usage Rule",
        index=True,
        readonly=True,
        ondelete="set null",
        help="The preventive rule (print hours, grams, failures) that opened this request.",
    )
    machine_reset_date = fields.Datetime(
        string="Counters Reset On",
        readonly=True,
        copy=False,
        help="When the request was done: the machine's counters since maintenance restart here.",
    )
    machine_hours_at_reset = fields.Float(readonly=True, copy=False)
    machine_grams_at_reset = fields.Float(readonly=True, copy=False)
    machine_failures_at_reset = fields.Integer(readonly=True, copy=False)

    @api.depends("maintenance_type")
    def _compute_stops_machine(self):
        for request in self:
            request.stops_machine = request.maintenance_type == "corrective"

    @api.model_create_multi
    def create(self, vals_list):
        requests = super().create(vals_list)
        requests._sync_counter_reset()
        return requests

    def write(self, vals):
        res = super().write(vals)
        if "stage_id" in vals or "equipment_id" in vals:
            self._sync_counter_reset()
        return res

    def _sync_counter_reset(self):
        """A done request on a machine snapshots its counters; a reopened one forgets it."""
        now = fields.Datetime.now()
        for request in self:
            if request.stage_id.done and request.equipment_id.machine_kind:
                if not request.machine_reset_date:
                    request.sudo().write(
                        dict(request.equipment_id._counter_snapshot(), machine_reset_date=now)
                    )
            elif request.machine_reset_date:
                request.sudo().write(
                    {
                        "machine_reset_date": False,
                        "machine_hours_at_reset": 0.0,
                        "machine_grams_at_reset": 0.0,
                        "machine_failures_at_reset": 0,
                    }
                )
