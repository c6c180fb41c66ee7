from odoo import fields, models
from odoo.tools import float_is_zero


class StockPicking(models.Model):
    _inherit = "stock.picking"

    has_filament = fields.Boolean(compute="_compute_has_filament")

    def _compute_has_filament(self):
        for picking in self:
            picking.has_filament = any(picking.move_ids.product_id.mapped("material_id"))

    def button_validate(self):
        self.filtered(lambda p: p.picking_type_code == "incoming")._generate_spool_lines()
        return super().button_validate()

    def action_generate_spools(self):
        self._generate_spool_lines()

    def _generate_spool_lines(self):
        """Split the received filament without lot into one line per spool of the
        product's net weight, each with a new spool number (the lots are created when the
        receipt is validated)."""
        Line = self.env["stock.move.line"]
        create_vals = []
        to_unlink = Line
        for move in self.move_ids.filtered(
            lambda m: m.product_id.material_id and m.state not in ("done", "cancel")
        ):
            rounding = move.product_id.uom_id.rounding
            bare = move.move_line_ids.filtered(lambda ml: not ml.lot_id and not ml.lot_name)
            total = sum(bare.mapped("quantity_product_uom"))
            if not bare:
                total = move.product_qty - sum(move.move_line_ids.mapped("quantity_product_uom"))
            if float_is_zero(total, precision_rounding=rounding) or total < 0:
                continue
            template = bare[:1]
            to_unlink |= bare
            for grams in Line._spool_quantities(total, move.product_id.filament_net_grams):
                create_vals.append(
                    {
                        "move_id": move.id,
                        "picking_id": move.picking_id.id,
                        "product_id": move.product_id.id,
                        "product_uom_id": move.product_id.uom_id.id,
                        "quantity": grams,
                        "lot_name": self.env["stock.lot"]._new_spool_name(),
                        "location_id": (template.location_id or move.location_id).id,
                        "location_dest_id": (template.location_dest_id or move.location_dest_id).id,
                        "company_id": move.company_id.id,
                        "picked": True,
                    }
                )
        to_unlink.unlink()
        return Line.create(create_vals)
