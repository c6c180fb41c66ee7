from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.tiers_lieu_machine.models.tiers_lieu_material import FAMILY_DENSITY

# Thermoplastics can be ground and extruded again; resins, wood and fabric cannot in the
# workshop's recycling loop.
RECYCLABLE_FAMILIES = ("pla", "petg", "abs", "asa", "tpu", "nylon", "pc", "acrylic")


class TiersLieuMaterial(models.Model):
    _inherit = "tiers_lieu.material"

    density = fields.Float(
        string="Density (g/cm³)",
        digits=(5, 3),
        compute="_compute_density",
        store=True,
        readonly=False,
        help="Turns the volume a slicer announces into grams. Filled from the family; "
        "take the value of the supplier's data sheet.",
    )
    filament_diameter_mm = fields.Float(
        string="Filament Diameter (mm)",
        digits=(4, 2),
        default=1.75,
        help="Diameter of the filament products of this material that have no diameter " "variant.",
    )
    print_temp_min = fields.Integer(
        string="Nozzle Min (°C)", help="Lowest nozzle temperature of the data sheet."
    )
    print_temp_max = fields.Integer(
        string="Nozzle Max (°C)", help="Highest nozzle temperature of the data sheet."
    )
    bed_temp = fields.Integer(string="Bed (°C)", help="Bed temperature of the data sheet.")
    recyclable = fields.Boolean(
        compute="_compute_recyclable",
        store=True,
        readonly=False,
        help="Offcuts of this material go to the recycling loop.",
    )
    co2_factor_ids = fields.One2many(
        "tiers_lieu.material.co2.factor", "material_id", string="CO₂ Factors"
    )
    co2_factor = fields.Float(
        string="CO₂ Factor (kg CO₂e/kg)",
        digits=(8, 3),
        compute="_compute_co2_factor",
        help="Emission factor of the virgin material in force today.",
    )
    co2_factor_source = fields.Char(string="CO₂ Factor Source", compute="_compute_co2_factor")
    product_tmpl_ids = fields.One2many(
        "product.template", "material_id", string="Filament Products"
    )
    product_count = fields.Integer(compute="_compute_stock_figures")
    spool_count = fields.Integer(string="Spools in Stock", compute="_compute_stock_figures")
    grams_in_stock = fields.Float(
        string="In Stock (g)", digits=(16, 0), compute="_compute_stock_figures"
    )

    @api.depends("family")
    def _compute_density(self):
        for material in self:
            material.density = FAMILY_DENSITY.get(material.family, 0.0)

    @api.depends("family")
    def _compute_recyclable(self):
        for material in self:
            material.recyclable = material.family in RECYCLABLE_FAMILIES

    @api.constrains("print_temp_min", "print_temp_max", "bed_temp")
    def _check_temperatures(self):
        for material in self:
            temperatures = (material.print_temp_min, material.print_temp_max, material.bed_temp)
            if any(t < 0 or t > 500 for t in temperatures) or (
                material.print_temp_max and material.print_temp_min > material.print_temp_max
            ):
                raise ValidationError(
                    self.env._(
                        "%(material)s: temperatures go from 0 to 500 °C, the nozzle's lowest "
                        "below its highest (%(low)s – %(high)s °C, bed %(bed)s °C).",
                        material=material.display_name,
                        low=material.print_temp_min,
                        high=material.print_temp_max,
                        bed=material.bed_temp,
                    )
                )

    @api.depends("co2_factor_ids.value", "co2_factor_ids.date_from")
    @api.depends_context("date")
    def _compute_co2_factor(self):
        factors = self.env["tiers_lieu.material.co2.factor"]._factors_on(
            self._origin, fields.Date.context_today(self)
        )
        for material in self:
            factor = factors.get(material._origin.id)
            material.co2_factor = factor.value if factor else 0.0
            material.co2_factor_source = factor.source if factor else False

    def _compute_stock_figures(self):
        products = dict(
            self.env["product.template"]._read_group(
                [("material_id", "in", self.ids)], ["material_id"], ["__count"]
            )
        )
        spools = {
            material: (count, grams)
            for material, count, grams in self.env["stock.lot"]._read_group(
                [("material_id", "in", self.ids), ("remaining_grams", ">", 0)],
                ["material_id"],
                ["__count", "remaining_grams:sum"],
            )
        }
        for material in self:
            material.product_count = products.get(material, 0)
            material.spool_count, material.grams_in_stock = spools.get(material, (0, 0.0))

    def _density(self):
        self.ensure_one()
        return self.density or super()._density()

    def _co2_factor_on(self, on_date=None, kind="virgin"):
        """The CO₂ factor record of this material in force on ``on_date`` (today by
        default) for ``kind``, or an empty recordset."""
        self.ensure_one()
        on_date = on_date or fields.Date.context_today(self)
        factor = self.env["tiers_lieu.material.co2.factor"]._factors_on(self, on_date, kind)
        return factor.get(self.id) or self.env["tiers_lieu.material.co2.factor"]

    def action_view_products(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "tiers_lieu_consumable.filament_product_action"
        )
        action["domain"] = [("material_id", "=", self.id)]
        action["context"] = {"default_material_id": self.id}
        return action

    def action_view_spools(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("tiers_lieu_consumable.spool_action")
        action["domain"] = [("material_id", "=", self.id)]
        return action
