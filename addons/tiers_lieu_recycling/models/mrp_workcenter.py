from odoo import api, fields, models
from odoo.exceptions import ValidationError


class MrpWorkcenter(models.Model):
    _inherit = "mrp.workcenter"

    equipment_id = fields.Many2one(
        "maintenance.equipment",
        string="Machine",
        index="btree_not_null",
        ondelete="restrict",
        help="The machine of the park this work centre is (a shredder, an extruder): its "
        "hours of work are counted on the machine.",
    )

    _sql_constraints = [
        (
            "equipment_uniq",
            "unique(equipment_id)",
            "A machine is the work centre of one work centre only.",
        ),
    ]

    @api.constrains("costs_hour")
    def _check_costs_hour(self):
        for workcenter in self:
            if workcenter.costs_hour < 0:
                raise ValidationError(
                    self.env._(
                        "Cost per hour: %(workcenter)s cannot cost less than 0.",
                        workcenter=workcenter.name,
                    )
                )
