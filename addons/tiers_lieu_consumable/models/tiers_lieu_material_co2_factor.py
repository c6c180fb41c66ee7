from odoo import api, fields, models
from odoo.exceptions import ValidationError


class TiersLieuMaterialCo2Factor(models.Model):
    _name = "tiers_lieu.material.co2.factor"
    _description = "Material CO₂ Emission Factor"
    _order = "material_id, kind, date_from desc, id desc"

    material_id = fields.Many2one(
        "tiers_lieu.material", required=True, ondelete="cascade", index=True
    )
    kind = fields.Selection(
        [("virgin", "Virgin material (cradle to gate)")],
        required=True,
        default="virgin",
        help="What the factor measures; the recycling addon adds its own kinds.",
    )
    value = fields.Float(
        string="kg CO₂e per kg",
        digits=(8, 3),
        required=True,
    )
    date_from = fields.Date(
        string="Valid From",
        required=True,
        help="The factor applies from this date until the next factor of the same kind.",
    )
    source = fields.Char(
        required=True,
        help="Where the value comes from, with its version, e.g. ADEME Base Empreinte v23.",
    )
    source_url = fields.Char(string="Source Link")
    note = fields.Text()
    company_id = fields.Many2one(related="material_id.company_id", store=True, index=True)

    _sql_constraints = [
        (
            "material_kind_date_uniq",
            "unique(material_id, kind, date_from)",
            "This material already has a factor of this kind from this date.",
        ),
    ]

    @api.constrains("value")
    def _check_value(self):
        for factor in self:
            if factor.value < 0:
                raise ValidationError(
                    self.env._(
                        "The CO₂ factor of %(material)s cannot be negative (%(value)s).",
                        material=factor.material_id.display_name,
                        value=factor.value,
                    )
                )

    @api.model
    def _factors_on(self, materials, on_date, kind="virgin"):
        """{material id: factor in force on ``on_date``} for ``materials`` (one query)."""
        factors = self.search(
            [
                ("material_id", "in", materials.ids),
                ("kind", "=", kind),
                ("date_from", "<=", on_date),
            ],
            order="date_from desc, id desc",
        )
        result = {}
        for factor in factors:
            result.setdefault(factor.material_id.id, factor)
        return result
