from collections import defaultdict

from odoo import fields, models


class MaintenanceEquipment(models.Model):
    _inherit = "maintenance.equipment"

    workcenter_ids = fields.One2many(
        "mrp.workcenter", "equipment_id", string="Work Centres", groups="mrp.group_mrp_user"
    )
    # Read by every user who opens the machine (an equipment manager without Manufacturing
    # rights too): a flag, not the work centres.
    is_recycling_machine = fields.Boolean(
        compute="_compute_recycling_hours",
        compute_sudo=True,
        help="A work centre of the recycling batches runs on this machine.",
    )
    recycling_hours = fields.Float(
        digits=(16, 2),
        compute="_compute_recycling_hours",
        compute_sudo=True,
        help="Hours this machine worked on recycling batches (its work centre's time logs).",
    )

    def _compute_recycling_hours(self):
        minutes = defaultdict(float)
        if self.ids:
            for workcenter, duration in self.env["mrp.workcenter.productivity"]._read_group(
                [("workcenter_id.equipment_id", "in", self.ids)],
                ["workcenter_id"],
                ["duration:sum"],
            ):
                minutes[workcenter.equipment_id.id] += duration
        for machine in self:
            machine.recycling_hours = minutes[machine.id] / 60.0
            machine.is_recycling_machine = bool(machine.workcenter_ids)

    def _recycling_workcenter(self):
        """The work centre of this machine (created on first use, at no cost per hour: a
        manager sets its energy and labour cost)."""
        self.ensure_one()
        workcenter = self.sudo().workcenter_ids[:1]
        if not workcenter:
            workcenter = (
                self.env["mrp.workcenter"]
                .sudo()
                .create(
                    {
                        "name": self.name,
                        "equipment_id": self.id,
                        "company_id": self.company_id.id or self.env.company.id,
                        "costs_hour": 0.0,
                    }
                )
            )
        return workcenter
