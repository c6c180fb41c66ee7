import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# RNCP (répertoire national) or RS (répertoire spécifique) code of France compétences.
CERTIFICATION_CODE = re.compile(r"^(RNCP|RS)\d{1,6}$")


def compact_certification_code(value):
    return re.sub(r"[\s.\-]", "", value or "").upper()


class HrSkillType(models.Model):
    """A skill type flagged as certification is a skills grid: blocks, skills and levels."""

    _inherit = "hr.skill.type"

    is_certification = fields.Boolean(
        string="Skills Grid",
        help="Use this skill type as the skills grid of a certification for trainees.",
    )
    rncp_code = fields.Char(
        string="RNCP Code",
        help="Code of the certification at France compétences, e.g. RNCP37682 or RS5678.",
    )
    block_ids = fields.One2many("tiers_lieu.skill.block", "skill_type_id", string="Skills Blocks")
    validation_progress = fields.Integer(
        string="Validated From (%)",
        default=100,
        help="A skill counts as validated once its latest evaluation reaches a level with at "
        "least this progress.",
    )

    _sql_constraints = [
        (
            "validation_progress_range",
            "CHECK(validation_progress BETWEEN 1 AND 100)",
            "The validation threshold of a skills grid is between 1 and 100 %.",
        ),
    ]

    @api.constrains("rncp_code")
    def _check_rncp_code(self):
        for skill_type in self.filtered("rncp_code"):
            if not CERTIFICATION_CODE.match(skill_type.rncp_code):
                raise ValidationError(
                    self.env._(
                        "%(grid)s: the certification code “%(code)s” is not valid. Give the "
                        "France compétences code, RNCP or RS followed by digits, "
                        "e.g. RNCP37682.",
                        grid=skill_type.name,
                        code=skill_type.rncp_code,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("rncp_code"):
                vals["rncp_code"] = compact_certification_code(vals["rncp_code"])
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("rncp_code"):
            vals = dict(vals, rncp_code=compact_certification_code(vals["rncp_code"]))
        return super().write(vals)
