from odoo import api, fields, models


class SkillBlock(models.Model):
    """Bloc de compétences: the part of a certification assessed and validated on its own."""

    _name = "tiers_lieu.skill.block"
    _description = "Skills Block"
    _order = "skill_type_id, sequence, code, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(help="Code of the block at France compétences, e.g. RNCP37682BC01.")
    sequence = fields.Integer(default=10)
    skill_type_id = fields.Many2one(
        "hr.skill.type", string="Skills Grid", required=True, ondelete="cascade", index=True
    )
    skill_ids = fields.One2many("hr.skill", "block_id", string="Skills")

    @api.depends("name", "code")
    def _compute_display_name(self):
        for block in self:
            block.display_name = f"{block.code} – {block.name}" if block.code else block.name
