from odoo import fields, models
from odoo.exceptions import UserError

# Kinds of job that consume a stocked supply (sheets, fabric) instead of filament grams.
SUPPLY_KINDS = ("laser_cutter", "sewing_machine")
SUPPLY_FIELDS = ("supply_product_id", "supply_qty_per_part")


class TiersLieuDesignVersion(models.Model):
    _inherit = "tiers_lieu.design.version"

    supply_product_id = fields.Many2one(
        "product.product",
        string="Sheet or Fabric",
        check_company=True,
        domain="[('is_storable', '=', True), ('tracking', '=', 'none')]",
        tracking=True,
        help="Laser and sewing jobs: the stocked sheet or fabric each job consumes "
        "(sheets by the unit or the m², fabric by the metre).",
    )
    supply_qty_per_part = fields.Float(
        string="Supply per Part",
        digits="Product Unit of Measure",
        help="Quantity of the sheet or fabric one part takes, in its unit of measure "
        "(e.g. 0.25 sheet, 1.2 m of fabric).",
    )
    supply_uom_id = fields.Many2one(related="supply_product_id.uom_id", string="Supply Unit")
    is_supply_kind = fields.Boolean(compute="_compute_is_supply_kind")

    _sql_constraints = [
        (
            "supply_qty_not_negative",
            "CHECK(supply_qty_per_part >= 0)",
            "The supply per part of a design version cannot be negative.",
        ),
    ]

    def _compute_is_supply_kind(self):
        for version in self:
            version.is_supply_kind = version.machine_kind in SUPPLY_KINDS

    def write(self, vals):
        if any(fname in vals for fname in SUPPLY_FIELDS):
            for version in self.filtered(lambda v: v.state != "draft"):
                raise UserError(
                    self.env._(
                        "Version %(version)s is no longer a draft: its sheet or fabric "
                        "cannot change. Create a new version instead.",
                        version=version.display_name,
                    )
                )
        return super().write(vals)

    def _production_problems(self):
        """Laser and sewing versions need a sheet or fabric and its quantity per part
        instead of grams of filament (laser versions keep the material the machine must
        accept)."""
        self.ensure_one()
        if self.machine_kind not in SUPPLY_KINDS:
            return super()._production_problems()
        problems = []
        # The laser checks it may cut the material (no PVC): a material as for printing.
        if self.machine_kind == "laser_cutter" and not self.material_id:
            problems.append(self.env._("no material"))
        if not self.supply_product_id:
            problems.append(self.env._("no sheet or fabric"))
        elif self.supply_product_id.tracking != "none":
            problems.append(self.env._("a sheet or fabric tracked by lots"))
        if self.supply_qty_per_part <= 0:
            problems.append(self.env._("no supply per part"))
        if self.parts_per_plate <= 0:
            problems.append(self.env._("no parts per plate"))
        if self.print_minutes_per_plate <= 0:
            problems.append(self.env._("no minutes per plate"))
        return problems

    def _unit_cost(self, company):
        costs = super()._unit_cost(company)
        if self.machine_kind in SUPPLY_KINDS and self.supply_product_id:
            supply = self.supply_product_id.with_company(company)
            extra = self.supply_qty_per_part * supply.standard_price
            costs["material"] += extra
            costs["total"] += extra
        return costs

    def _tl_supply_job_values(self, parts):
        """Values of a job of ``parts`` parts of this version for what it consumes."""
        self.ensure_one()
        if self.machine_kind not in SUPPLY_KINDS:
            return {}
        return {
            "estimated_grams": 0.0,
            "supply_product_id": self.supply_product_id.id,
            "supply_quantity": self.supply_qty_per_part * parts,
        }
