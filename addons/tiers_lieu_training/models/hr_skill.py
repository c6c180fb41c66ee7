from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HrSkill(models.Model):
    _inherit = "hr.skill"

    block_id = fields.Many2one(
        "tiers_lieu.skill.block",
        string="Skills Block",
        ondelete="set null",
        index="btree_not_null",
        domain="[('skill_type_id', '=', skill_type_id)]",
    )

    @api.constrains("block_id", "skill_type_id")
    def _check_block_in_grid(self):
        for skill in self.filtered("block_id"):
            if skill.block_id.skill_type_id != skill.skill_type_id:
                raise ValidationError(
                    self.env._(
                        "The skill “%(skill)s” belongs to the grid %(grid)s but its block "
                        "“%(block)s” to another grid: choose a block of the same grid.",
                        skill=skill.name,
                        grid=skill.skill_type_id.name,
                        block=skill.block_id.display_name,
                    )
                )
