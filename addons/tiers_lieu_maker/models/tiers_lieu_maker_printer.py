from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.tiers_lieu_machine.machine_kinds import MACHINE_KINDS


class TiersLieuMakerPrinter(models.Model):
    _name = "tiers_lieu.maker.printer"
    _description = "Maker's Printer"
    _order = "maker_id, id"

    maker_id = fields.Many2one(
        "tiers_lieu.maker", string="Maker", required=True, ondelete="cascade", index=True
    )
    name = fields.Char(string="Model", required=True, help="e.g. Prusa MK3S, Ender 3")
    machine_kind = fields.Selection(MACHINE_KINDS, required=True, default="fdm_printer")
    build_x_mm = fields.Float(string="Build Width (mm)", digits=(7, 1))
    build_y_mm = fields.Float(string="Build Depth (mm)", digits=(7, 1))
    build_z_mm = fields.Float(string="Build Height (mm)", digits=(7, 1))
    nozzle_diameter_mm = fields.Float(string="Nozzle (mm)", digits=(4, 2), default=0.4)
    material_ids = fields.Many2many(
        "tiers_lieu.material",
        "tiers_lieu_maker_printer_material_rel",
        "printer_id",
        "material_id",
        string="Materials",
    )
    active = fields.Boolean(default=True)

    @api.constrains("build_x_mm", "build_y_mm", "build_z_mm", "nozzle_diameter_mm")
    def _check_figures(self):
        for printer in self:
            figures = (
                printer.build_x_mm,
                printer.build_y_mm,
                printer.build_z_mm,
                printer.nozzle_diameter_mm,
            )
            if any(value < 0 or value > 10_000 for value in figures):
                raise ValidationError(
                    self.env._(
                        "The build volume and nozzle of printer %(printer)s must be positive "
                        "and plausible.",
                        printer=printer.name,
                    )
                )
