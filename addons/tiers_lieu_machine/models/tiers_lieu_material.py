from odoo import api, fields, models

# g/cm³, used to turn a slicer's filament length or volume into grams until the
# consumables addon gives each material its own density.
FAMILY_DENSITY = {
    "pla": 1.24,
    "petg": 1.27,
    "abs": 1.04,
    "asa": 1.07,
    "tpu": 1.21,
    "nylon": 1.14,
    "pc": 1.20,
    "resin": 1.10,
}


class TiersLieuMaterial(models.Model):
    _name = "tiers_lieu.material"
    _description = "Material"
    _order = "name, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    code = fields.Char(help="Short code printed on labels and used in imports, e.g. PLA, PETG.")
    family = fields.Selection(
        [
            ("pla", "PLA"),
            ("petg", "PETG"),
            ("abs", "ABS"),
            ("asa", "ASA"),
            ("tpu", "TPU (flexible)"),
            ("nylon", "Nylon (PA)"),
            ("pc", "Polycarbonate"),
            ("resin", "Photopolymer resin"),
            ("wood", "Wood sheet"),
            ("acrylic", "Acrylic sheet (PMMA)"),
            ("fabric", "Fabric"),
            ("other", "Other"),
        ],
        default="other",
        required=True,
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", help="Leave empty to share the material.")

    _sql_constraints = [
        ("code_company_uniq", "unique(code, company_id)", "A material with this code exists."),
    ]

    @api.depends("name", "code")
    def _compute_display_name(self):
        for material in self:
            material.display_name = (
                f"[{material.code}] {material.name}" if material.code else material.name
            )

    def _density(self):
        """Density in g/cm³ used to weigh slicer volumes (consumables overrides it)."""
        self.ensure_one()
        return FAMILY_DENSITY.get(self.family, 1.24)

    def _grams_from_volume(self, volume_mm3):
        self.ensure_one()
        return volume_mm3 / 1000.0 * self._density()
