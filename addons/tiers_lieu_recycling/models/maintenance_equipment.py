from collections import defaultdict

from odoo import fields, models


class MaintenanceEquipment(models.Model):
    _inherit = "maintenance.equipment"

    workcenter_ids = fields.One2many("mrp.workcenter", "equipment_id", string="Work Centres")
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
