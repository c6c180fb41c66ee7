from odoo import fields, models

from odoo.addons.tiers_lieu_machine.machine_kinds import MACHINE_KINDS


class HrSkill(models.Model):
    _inherit = "hr.skill"

    machine_kind = fields.Selection(
        MACHINE_KINDS,
        help="Kind of machine this skill is about. Once the skill is validated, the "
        "authorisation for this kind is granted or proposed.",
    )
